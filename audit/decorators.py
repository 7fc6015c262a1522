from functools import wraps

from .log import log_access
from .models import AccessEvent


def logged_read(name, action=AccessEvent.Action.READ):
    """Write a GET of the view to the access log under a stable name.

    The view's first argument after the request is the record it shows, as loaded by
    the decorator above this one. `name` may use the view's keyword arguments, as in
    "stap:{step}". Changes are logged by the actions that make them, not here.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, subject, *args, **kwargs):
            if request.method == "GET":
                log_access(user=request.user, action=action, what=name.format(**kwargs), subject=subject, request=request)
            return view(request, subject, *args, **kwargs)

        return wrapper

    return decorator
