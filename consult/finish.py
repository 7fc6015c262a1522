"""What the finish step shows: the handout, the referral texts and the SOEP lines, as
they are now or as an issue (uitgifte) froze them."""

from explanations.readability import measure_html

from .documents import journal_text, recipient_choices, referral_text
from .handout import render_handout_html
from .issues import chosen_issue
from .phrase_check import colleague_warnings, handout_problems


def finish_context(request, consult):
    issue = chosen_issue(request, consult)
    recipients = recipient_choices(consult, issue)
    chosen = next((r for r in recipients if r["slug"] in consult.referrals), recipients[0] if recipients else None)
    handout_ready = issue is not None or consult.can_hand_out
    handout_html = issue.handout_html if issue else (render_handout_html(consult) if handout_ready else "")
    return {
        "issue": issue,
        "issues": consult.issues.order_by("-number"),
        "recipients": recipients,
        "recipient": chosen,
        "referral_text": referral_text(consult, chosen["slug"], author=request.user, issue=issue) if chosen else "",
        "journal_text": journal_text(consult, issue),
        "handout_ready": handout_ready,
        "readability": measure_html(handout_html) if handout_html else None,
        "problems": [] if issue else handout_problems(consult),
        "colleague_warnings": [] if issue else colleague_warnings(consult),
    }
