import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django_otp import user_has_device

SIGNED_IN_AT = "signed_in_at"


def second_factor_page(view):
    """Mark a view that a user who gave only the password may reach (the second-factor
    pages themselves, and logging out)."""
    view.second_factor_page = True
    return view


class LoginRequired(LoginRequiredMiddleware):
    """Every view needs a user who gave the password and a second factor, unless the
    view says otherwise (login_not_required, second_factor_page).

    A password alone reaches only the second-factor pages. A session ends 30 minutes
    after the last request (SESSION_COOKIE_AGE) and SESSION_MAX_HOURS after login in any
    case. An htmx request that is refused gets 401, so the page keeps what was typed and
    can say why it was not saved.
    """

    def process_view(self, request, view_func, view_args, view_kwargs):
        refused = super().process_view(request, view_func, view_args, view_kwargs)
        if refused is not None or not getattr(view_func, "login_required", True):
            return refused
        if self._too_old(request):
            logout(request)
            messages.info(request, _("U bent na %(hours)s uur automatisch uitgelogd. Log opnieuw in.") % {
                "hours": settings.SESSION_MAX_HOURS})
            return self.handle_no_permission(request, view_func)
        if request.user.is_verified() or self._second_factor_page(request, view_func):
            return None
        if request.headers.get("HX-Request") == "true":
            return HttpResponse(status=401)
        target = "second_factor" if user_has_device(request.user) else "second_factor_setup"
        return redirect(f"{reverse(target)}?{urlencode({'next': request.get_full_path()})}")

    def handle_no_permission(self, request, view_func):
        if request.headers.get("HX-Request") == "true":
            return HttpResponse(status=401)
        return super().handle_no_permission(request, view_func)

    @staticmethod
    def _second_factor_page(request, view_func):
        match = request.resolver_match
        return getattr(view_func, "second_factor_page", False) or (match is not None and match.app_name == "otp_webauthn")

    @staticmethod
    def _too_old(request):
        signed_in_at = request.session.get(SIGNED_IN_AT)
        return signed_in_at is None or time.time() - signed_in_at > settings.SESSION_MAX_HOURS * 3600


class UserLanguage:
    """A logged-in user works in the language they chose (Dutch unless they chose
    otherwise); before login, LocaleMiddleware's choice (the language cookie or the
    browser's language) holds."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and user.ui_language:
            translation.activate(user.ui_language)
            request.LANGUAGE_CODE = user.ui_language
        return self.get_response(request)
