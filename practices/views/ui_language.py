from django.conf import settings
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from ..actions import set_ui_language
from ..middleware import second_factor_page


@require_POST
@second_factor_page
def ui_language(request):
    """Switch the app's language for this user (kept on the user, and in a cookie for
    the login page). Back to the page the switch was on."""
    language = request.POST.get("language", "")
    if language in dict(settings.LANGUAGES):
        set_ui_language(user=request.user, language=language)
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        target = "/"
    response = redirect(target)
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, request.user.ui_language, samesite="Lax",
                        secure=settings.SESSION_COOKIE_SECURE, httponly=True, max_age=365 * 24 * 3600)
    return response
