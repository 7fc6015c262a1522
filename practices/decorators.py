from functools import wraps

from django.core.exceptions import PermissionDenied


def role_required(*roles):
    """Only users of a practice with one of these roles; anyone else gets 403.

    Login itself is enforced for every view by LoginRequiredMiddleware.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            user = request.user
            if user.practice_id is None or user.role not in roles:
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
