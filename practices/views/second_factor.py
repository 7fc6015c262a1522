from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp_webauthn.models import WebAuthnCredential

from audit.log import log_access
from audit.models import AccessEvent

from ..forms import CodeForm
from ..middleware import second_factor_page
from ..next_url import safe_next


@second_factor_page
def second_factor(request):
    """After the password: a code from the authenticator app, a recovery code, or a passkey."""
    user = request.user
    if user.is_verified():
        return redirect(safe_next(request))
    if not user_has_device(user):
        return redirect("second_factor_setup")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            log_access(user=user, action=AccessEvent.Action.LOGIN, what="tweede-factor", request=request)
            if device.name == "Herstelcodes":
                messages.warning(request, _("U logde in met een herstelcode; die werkt niet nog eens."))
            return redirect(safe_next(request))
        log_access(user=user, action=AccessEvent.Action.LOGIN_FAILED, what="tweede-factor", request=request)
        form.add_error("code", _("Deze code klopt niet, is verlopen of is al gebruikt. Probeer de nieuwe code uit de app."))
    return render(request, "registration/second_factor.html", {
        "form": form,
        "next": safe_next(request, ""),
        "has_passkey": WebAuthnCredential.objects.filter(user=user, confirmed=True).exists(),
    })
