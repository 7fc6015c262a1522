from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.forms import SetPasswordForm
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from ..actions import accept_invitation
from ..invitations import invited_user


@login_not_required
def invitation(request, uidb64, token):
    """An invited colleague sets a password here; the second factor follows at login."""
    user = invited_user(uidb64, token)
    if user is None:
        return render(request, "registration/invitation_invalid.html", status=404)
    if request.user.is_authenticated:
        logout(request)
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        accept_invitation(user=user, password=form.cleaned_data["new_password1"], request=request)
        messages.success(request, _("Uw wachtwoord is ingesteld. Log in; daarna stelt u de tweede factor in."))
        return redirect("login")
    return render(request, "registration/invitation.html", {"form": form, "invited": user})
