from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import HttpResponse


class LoginRequired(LoginRequiredMiddleware):
    """Every view needs a logged-in user unless it says otherwise (login_not_required).

    An htmx request after the session expired gets 401 instead of the login page, so
    the page keeps what was typed and can say why it was not saved.
    """

    def handle_no_permission(self, request, view_func):
        if request.headers.get("HX-Request") == "true":
            return HttpResponse(status=401)
        return super().handle_no_permission(request, view_func)
