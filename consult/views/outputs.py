from django.shortcuts import render

from explanations.readability import measure_html

from .. import flow
from ..language import colleague_warnings, handout_problems
from ..outputs import journal_text, recipient_choices, referral_text, render_handout_html
from ..snapshots import chosen_snapshot
from .access import consult_view


@consult_view()
def consult_outputs(request, consult):
    snapshot = chosen_snapshot(request, consult)
    recipients = recipient_choices(consult, snapshot)
    planned = list(consult.referrals.values_list("slug", flat=True))
    chosen = next((r for r in recipients if r["slug"] in planned), recipients[0] if recipients else None)
    handout_ready = snapshot is not None or bool(consult.may_explain and consult.explanation_model_id)
    handout_html = snapshot.handout_html if snapshot else (render_handout_html(consult) if handout_ready else "")
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
        "handout_ready": handout_ready,
        "readability": measure_html(handout_html) if handout_html else None,
        "problems": [] if snapshot else handout_problems(consult),
        "colleague_warnings": [] if snapshot else colleague_warnings(consult),
    })
