import base64

import segno
from django.shortcuts import redirect, render
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..actions import confirm_authenticator, make_recovery_codes, start_authenticator
from ..forms import CodeForm
from ..middleware import second_factor_page
from ..next_url import safe_next

SHOW_CODES = "recovery_codes_to_show"


@second_factor_page
def second_factor_setup(request):
    """First login: link an authenticator app (or register a passkey), then note the
    recovery codes. Shown once; a user with a second factor verifies it instead."""
    user = request.user
    if user_has_device(user) and not user.is_verified():
        return redirect("second_factor")
    if user.is_verified():
        # A passkey registered on this page verified the session: now the recovery codes.
        if not StaticDevice.objects.filter(user=user).exists():
            request.session[SHOW_CODES] = make_recovery_codes(user=user)
        codes = request.session.pop(SHOW_CODES, None)
        if codes is None:
            return redirect(safe_next(request))
        return render(request, "registration/recovery_codes.html", {"codes": codes, "next": safe_next(request)})

    device = TOTPDevice.objects.filter(user=user, confirmed=False).first() or start_authenticator(user=user)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        confirmed = confirm_authenticator(user=user, device=device, token=form.cleaned_data["code"], request=request)
        if confirmed is not None:
            device, codes = confirmed
            otp_login(request, device)
            request.session[SHOW_CODES] = codes
            return redirect(request.get_full_path())
        form.add_error("code", "Deze code klopt niet. Controleer of de tijd op uw telefoon klopt en probeer de nieuwe code.")
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    return render(request, "registration/second_factor_setup.html", {
        "form": form,
        "qr": segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2),
        "secret": " ".join(secret[i:i + 4] for i in range(0, len(secret), 4)),
        "next": safe_next(request, ""),
    })
