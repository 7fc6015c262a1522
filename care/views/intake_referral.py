from django.http import Http404
from django.shortcuts import render

from audit.decorators import logged_read
from consult.access import clinician_required

from ..access import with_intake
from ..documents import intake_recipient, poh_referral_text


@clinician_required
@with_intake
@logged_read("verwijstekst-poh")
def intake_referral(request, intake):
    """The POH-GGZ's referral text after the intake, in the same terms as the GP's."""
    recipient = intake_recipient(intake)
    if recipient is None:
        raise Http404
    return render(request, "care/intake_referral.html", {
        "intake": intake, "patient": intake.patient, "recipient": recipient,
        "text": poh_referral_text(intake, author=request.user),
    })
