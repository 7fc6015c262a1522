from django.http import Http404
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from audit.decorators import logged_read

from ..access import clinician_required, with_consult
from ..documents import recipient_choices, referral_text
from ..issues import chosen_issue


@clinician_required
@with_consult
@logged_read("verwijstekst")
def consult_referral(request, consult):
    """The referral text for one recipient; htmx swaps just the text when the recipient changes."""
    issue = chosen_issue(request, consult)
    recipients = recipient_choices(consult, issue)
    slug = request.GET.get("ontvanger") or (recipients[0]["slug"] if recipients else "")
    recipient = next((r for r in recipients if r["slug"] == slug), None)
    text = referral_text(consult, slug, author=request.user, issue=issue) if recipient else None
    if text is None:
        raise Http404
    context = {"consult": consult, "issue": issue, "recipients": recipients, "recipient": recipient, "referral_text": text}
    template = "consult/referral.html#referral-text" if request.htmx else "consult/referral.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
