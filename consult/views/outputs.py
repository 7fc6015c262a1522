from django.shortcuts import render

from explanations.readability import measure_html

from .. import flow
from ..outputs import journal_text, recipient_choices, referral_text, render_handout_html
from ..snapshots import chosen_snapshot
from .access import consult_view


@consult_view()
def consult_outputs(request, consult):
    snapshot = chosen_snapshot(request, consult)
    recipients = recipient_choices(consult, snapshot)
    planned = list(consult.referrals.values_list("slug", flat=True))
    chosen = next((r for r in recipients if r["slug"] in planned), recipients[0] if recipients else None)
    handout_html = snapshot.handout_html if snapshot else render_handout_html(consult)
    return render(request, "consult/outputs.html", {
        "consult": consult,
        "snapshot": snapshot,
        "snapshots": consult.snapshots.order_by("-number"),
        "step": flow.get_step("outputs"),
        "steps": flow.progress(consult, "outputs"),
        "recipients": recipients,
        "recipient": chosen,
        "referral_text": referral_text(consult, chosen["slug"], author=request.user, snapshot=snapshot) if chosen else "",
        "journal_text": journal_text(consult, snapshot),
        "readability": measure_html(handout_html),
    })
