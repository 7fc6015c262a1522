"""What leaves the consult room: the handout, the referral text and the SOEP lines.

All three are built from one `ConsultContent`, so they use the same terms.
"""

import re
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format

from explanations.models import Dimension, GeneralText, InfoSource, Recipient

from .models import SCEGS_NOTE_FIELDS


@dataclass
class ConsultContent:
    consult: object
    model: object
    metaphors: list
    key_terms: list
    factors: list
    advice: list
    referrals: list
    general: dict
    sources: list = field(default_factory=list)

    @classmethod
    def of(cls, consult):
        version = consult.content_version
        model = consult.explanation_model
        return cls(
            consult=consult,
            model=model,
            metaphors=list(consult.metaphors.order_by("order", "slug")),
            key_terms=list(model.key_terms.order_by("order")) if model else [],
            factors=list(consult.factors.order_by("order")),
            advice=list(consult.advice.order_by("order")),
            referrals=list(consult.referrals.order_by("order")),
            general=dict(GeneralText.objects.filter(version=version).values_list("slug", "text")),
            sources=list(InfoSource.objects.filter(version=version).order_by("order")),
        )

    @property
    def practice(self):
        return self.consult.practice

    @property
    def consult_date(self):
        return date_format(timezone.localtime(self.consult.created_at), "j F Y")

    @property
    def safety_netting(self):
        return self.consult.safety_netting or self.general.get("safety_netting", "")

    @property
    def agreed_text(self):
        """What we agreed, in the patient's own words (never the GP's clinical summary)."""
        return self.consult.patient_words

    @property
    def referral_labels(self):
        labels = [r.label for r in self.referrals]
        return labels + [self.consult.referral_other] if self.consult.referral_other else labels

    @property
    def metaphor_names(self):
        return [m.name for m in self.metaphors]

    @property
    def terms(self):
        """The exact words the patient heard: the model's key terms."""
        return [t.term for t in self.key_terms]

    def scegs_lines(self):
        c = self.consult
        lines = []
        for dimension in Dimension:
            note = getattr(c, SCEGS_NOTE_FIELDS[dimension])
            factors = [f.label for f in self.factors if f.dimension == dimension]
            if note or factors:
                text = note
                if factors:
                    text = (text + " " if text else "") + f"(factoren: {', '.join(factors).lower()})"
                lines.append((dimension.label, text))
        return lines


def handout_context(consult):
    return {"content": ConsultContent.of(consult), "consult": consult}


def render_handout_html(consult, *, for_pdf=False):
    return render_to_string("outputs/handout.html", {**handout_context(consult), "for_pdf": for_pdf})


def plain_text(rendered):
    """Tidy a rendered .txt template into plain text.

    render_to_string marks its result safe for HTML; this text is not HTML, so it comes
    back as an ordinary str that templates escape when they show it.
    """
    lines = [line.rstrip() for line in str.__str__(rendered).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def render_referral(consult, recipient, *, author):
    return plain_text(render_to_string(
        "outputs/referral.txt",
        {"content": ConsultContent.of(consult), "consult": consult, "recipient": recipient, "author": author},
    ))


def render_journal(consult):
    return plain_text(render_to_string("outputs/journal.txt", {"content": ConsultContent.of(consult), "consult": consult}))


def recipients_for(consult):
    return Recipient.objects.filter(version=consult.content_version).order_by("order")


def recipient_choices(consult, snapshot=None):
    """[{"slug", "label"}] of referral recipients, as handed out or as they are now."""
    if snapshot:
        return [{"slug": slug, "label": r["label"], "scope": r.get("scope", "full")} for slug, r in snapshot.referrals.items()]
    return [{"slug": r.slug, "label": r.label, "scope": r.scope} for r in recipients_for(consult)]


def may_refer_to(consult, recipient):
    """A text for the occupational physician needs the patient's recorded consent."""
    return recipient.shares_consult_notes or consult.consent_occupational_physician


def referral_text(consult, slug, *, author, snapshot=None):
    """The referral text for one recipient slug; None for an unknown recipient and
    "" when the patient's consent for this recipient is missing."""
    if snapshot:
        entry = snapshot.referrals.get(slug)
        return entry["text"] if entry else None
    recipient = recipients_for(consult).filter(slug=slug).first()
    if recipient is None:
        return None
    return render_referral(consult, recipient, author=author) if may_refer_to(consult, recipient) else ""


def journal_text(consult, snapshot=None):
    return snapshot.journal_text if snapshot else render_journal(consult)
