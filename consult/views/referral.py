from django.http import Http404
from django.shortcuts import render
from django.utils.cache import patch_vary_headers

from ..outputs import recipient_choices, referral_text
from ..snapshots import chosen_snapshot
from .access import consult_view


@consult_view(what="referral")
def consult_referral(request, consult):
    """The referral text for one recipient; htmx swaps just the text when the recipient changes."""
    snapshot = chosen_snapshot(request, consult)
    recipients = recipient_choices(consult, snapshot)
    slug = request.GET.get("ontvanger") or (recipients[0]["slug"] if recipients else "")
    recipient = next((r for r in recipients if r["slug"] == slug), None)
    text = referral_text(consult, slug, author=request.user, snapshot=snapshot) if recipient else None
    if text is None:
        raise Http404
    context = {"consult": consult, "snapshot": snapshot, "recipients": recipients, "recipient": recipient, "referral_text": text}
    template = "consult/referral.html#referral-text" if request.htmx else "consult/referral.html"
    response = render(request, template, context)
    patch_vary_headers(response, ["HX-Request"])
    return response
