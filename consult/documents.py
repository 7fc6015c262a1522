"""The documents that leave the consult room: the patient handout, a referral text per
recipient and the SOEP journal lines.

All three are built from one ConsultContent, so they use the same terms. These are the
only producers of that text: what is shown, printed, copied and frozen in an issue
(uitgifte) all comes from here.
"""

import functools
import re
from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.formats import date_format

from explanations.models import Dimension, GeneralText, InfoSource, Metaphor, Recipient

from .icpc import short_icpc_label
from .models import SCEGS_NOTE_FIELDS

BOLD = re.compile(r"\*\*(.+?)\*\*", re.S)


def bold_words(markdown):
    """The **bold** key words of a Markdown text, in order, each once."""
    words = {}
    for match in BOLD.finditer(markdown or ""):
        word = " ".join(match.group(1).split()).strip()
        if word:
            words.setdefault(word.lower(), word)
    return list(words.values())


# Names of measures as the patient's own record (the SOEP lines) shows them: words a
# patient will not read as blame.
RECORD_NAMES = {"4DKL somatisatie": "4DKL lichamelijke klachten"}


@dataclass
class ConsultContent:
    consult: object
    library: object
    model: object
    metaphors: list
    key_terms: list
    factors: list
    advice: list
    referrals: list
    severity: object
    sources: list

    @classmethod
    def of(cls, consult, library=None):
        """The consult's choices read from its own library, or from `library` (the
        handout's, in the patient's language) by slug."""
        library = library or consult.library
        model = consult.chosen("explanation_model", library)
        return cls(
            consult=consult,
            library=library,
            model=model,
            metaphors=consult.chosen("metaphors", library),
            key_terms=list(model.key_terms.all()) if model else [],
            factors=consult.chosen("factors", library),
            advice=consult.chosen("advice", library),
            referrals=consult.chosen("referrals", library),
            severity=consult.chosen("severity", library),
            sources=library.all(InfoSource),
        )

    @property
    def language(self):
        return self.library.language

    @property
    def term_pairs(self):
        """[(key term, the Dutch term or "")]: a handout in another language names the
        Dutch term beside each of its own, the words the patient will hear from Dutch
        colleagues (the physiotherapist, the POH-GGZ)."""
        own = self.consult.library
        if own.language == self.language or self.model is None:
            return [(term, "") for term in self.key_terms]
        dutch_model = own.get(type(self.model), self.model.slug)
        dutch = {t.slug: t.term for t in dutch_model.key_terms.all()} if dutch_model else {}
        return [(term, dutch.get(term.slug, "")) for term in self.key_terms]

    @property
    def practice(self):
        return self.consult.practice

    @property
    def consult_date(self):
        return date_format(timezone.localtime(self.consult.created_at), "j F Y")

    @property
    def general(self):
        """The library's general texts by slug, for templates: content.general.examined."""
        return {row.slug: row.text for row in self.library.all(GeneralText)}

    @property
    def safety_netting(self):
        return self.consult.safety_netting or self.library.general("safety_netting")

    @property
    def agreed_text(self):
        """What we agreed, in the patient's own words (never the GP's clinical summary)."""
        return self.consult.patient_words

    @property
    def referral_labels(self):
        labels = [r.label for r in self.referrals]
        return labels + [self.consult.referral_other] if self.consult.referral_other else labels

    @property
    def record_referral_labels(self):
        """The referrals as the patient's own record names them: the names of the handout."""
        labels = [r.patient_label for r in self.referrals]
        return labels + [self.consult.referral_other] if self.consult.referral_other else labels

    @property
    def work_factors(self):
        """The maintaining factors the occupational physician needs (declared in the content)."""
        return [f for f in self.factors if f.work]

    @property
    def metaphor_key_words(self):
        """[(metaphor, [key word])]: the bold words of each chosen metaphor's patient text,
        the words the patient read; the referral passes them on."""
        return [(m, bold_words(m.patient_text)) for m in self.metaphors]

    @property
    def all_metaphor_key_words(self):
        return [word for _, words in self.metaphor_key_words for word in words]

    @property
    def measures(self):
        """[(name, score, band)] of the totals entered, with the library's bands."""
        return self.consult.measure_bands()

    @property
    def record_measures(self):
        """The measures with the names the patient's record may show."""
        return [(RECORD_NAMES.get(name, name), score, band) for name, score, band in self.measures]

    @property
    def suggested_severity(self):
        return self.consult.suggested_severity

    @property
    def severity_differs(self):
        """The GP chose another grade than the NHG criteria suggest."""
        suggested = self.suggested_severity
        return bool(self.severity and suggested and suggested.slug != self.severity.slug)

    @property
    def icpc_line(self):
        """The leading complaint's ICPC code and name, without the hints the GP reads."""
        code = self.consult.leading_complaint_icpc
        return short_icpc_label(code) if code else ""

    @property
    def explained(self):
        """Whether the explanation was given: only then do texts speak of it."""
        return self.consult.can_hand_out and self.model is not None

    @property
    def agreed_first(self):
        """What patient and GP agreed must come before an explanation, or ""."""
        c = self.consult
        if c.agreement in ("", c.Agreement.YES) or not c.needed_first:
            return ""
        text = c.get_needed_first_display().lower()
        return f"{text} ({c.needed_first_note})" if c.needed_first_note else text

    @property
    def metaphor_names(self):
        return [m.name for m in self.metaphors]

    @property
    def terms(self):
        """The exact words the patient heard: the model's key terms."""
        return [t.term for t in self.key_terms]

    @property
    def red_flag_line(self):
        """The red flags as colleagues read them: asked, what was found, what was done."""
        c = self.consult
        if c.red_flags == c.RedFlags.NONE:
            return "Alarmsymptomen nagevraagd: geen aanwezig"
        if c.red_flags != c.RedFlags.PRESENT:
            return "Alarmsymptomen niet nagevraagd"
        line = f"Alarmsymptoom aanwezig: {c.red_flags_present or 'niet omschreven'}"
        if c.red_flag_open:
            return f"{line}; beleid nog niet vastgelegd"
        action = c.get_red_flag_action_display().lower()
        return f"{line}; beleid: {action}" + (f" ({c.red_flag_action_note})" if c.red_flag_action_note else "")

    @property
    def earlier_visits(self):
        """What the patient's earlier visits agreed, oldest first: a later visit never
        erases what an earlier one recorded."""
        visits, earlier = [], self.consult.previous
        while earlier is not None:
            line = f"overeenstemming {earlier.get_agreement_display().lower() or 'niet vastgelegd'}"
            if earlier.agreement and earlier.agreement != earlier.Agreement.YES and earlier.needed_first:
                line += f"; eerst nodig: {earlier.get_needed_first_display().lower()}"
                if earlier.needed_first_note:
                    line += f" ({earlier.needed_first_note})"
            visits.append((date_format(timezone.localtime(earlier.created_at), "j F Y"), line))
            earlier = earlier.previous
        return visits[::-1]

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


def plain_text(rendered):
    """Tidy a rendered .txt template into plain text.

    render_to_string marks its result safe for HTML; this text is not HTML, so it comes
    back as an ordinary str that templates escape when they show it.
    """
    lines = [line.rstrip() for line in str.__str__(rendered).splitlines()]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


# Colleagues in the Netherlands read Dutch: referral letters and SOEP lines are always
# Dutch, whatever language the GP's screen or the patient's handout is in.
DOCUMENT_LANGUAGE = "nl"


def in_dutch(render):
    @functools.wraps(render)
    def wrapper(*args, **kwargs):
        with translation.override(DOCUMENT_LANGUAGE):
            return render(*args, **kwargs)

    return wrapper


@in_dutch
def render_referral(consult, recipient, *, author):
    content = ConsultContent.of(consult)
    model_slug = content.model.slug if content.explained else ""
    return plain_text(render_to_string("documents/referral.txt", {
        "content": content,
        "consult": consult,
        "recipient": recipient,
        "request": recipient.request_for(model_slug, consult.functional_weakness),
        "question": (consult.referral_question or {}).get(recipient.slug, ""),
        "author": author,
    }))


@in_dutch
def render_journal(consult):
    return plain_text(render_to_string("documents/journal.txt", {"content": ConsultContent.of(consult), "consult": consult}))


def recipients_for(consult):
    return consult.library.all(Recipient)


def may_refer_to(consult, recipient):
    """A text for the occupational physician needs the patient's recorded consent."""
    return recipient.shares_consult_notes or consult.consent_occupational_physician


def recipient_choices(consult, issue=None):
    """[{"slug", "label", "scope"}] of referral recipients, as issued or as they are now."""
    if issue:
        return [{"slug": slug, "label": r["label"], "scope": r.get("scope", "full")} for slug, r in issue.referrals.items()]
    return [{"slug": r.slug, "label": r.label, "scope": r.scope} for r in recipients_for(consult)]


def referral_text(consult, slug, *, author, issue=None):
    """The referral text for one recipient slug; None for an unknown recipient and
    "" when the patient's consent for this recipient is missing."""
    if issue:
        entry = issue.referrals.get(slug)
        return entry["text"] if entry else None
    recipient = consult.library.get(Recipient, slug)
    if recipient is None:
        return None
    return render_referral(consult, recipient, author=author) if may_refer_to(consult, recipient) else ""


def journal_text(consult, issue=None):
    return issue.journal_text if issue else render_journal(consult)


def issued_referrals(consult, *, author):
    """Every referral text that may be made now, as an issue stores them."""
    return {
        r.slug: {"label": r.label, "scope": r.scope, "text": render_referral(consult, r, author=author)}
        for r in recipients_for(consult)
        if may_refer_to(consult, r)
    }


def presentation_slides(consult):
    """The metaphors the presentation shows, in the handout's language: those chosen,
    else all that fit the model."""
    library = consult.handout_library
    chosen = consult.chosen("metaphors", library)
    if chosen:
        return chosen
    if consult.explanation_model:
        return library.pick(Metaphor, library.metaphors_for(consult.explanation_model))
    return library.metaphors
