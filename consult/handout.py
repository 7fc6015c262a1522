"""The patient handout: what it adds to the consult's shared content (ConsultContent),
rendered as one HTML document for the screen, for print and for the PDF.

Which parts every handout has, and which only some:

- always: "In het kort" (the shared opening and closing bullets of general.yaml around
  the model's own bullets); under "Waarom blijven uw klachten?" first what was found
  (examined, ALK named), then the drawings, the model text, body and mind and the terms;
  the prognosis under "Wat gaat er nu gebeuren"; when to contact the practice; more
  information;
- with the advice the GP ticked: its text (the pacing plan is the text of `doseren`,
  work and medication are advice of their own), and the diary table with `dagboek`;
- with a low-mood factor ticked: the mental-health safety net.

The texts are content (general.yaml, advice.yaml); only the choice of when is here.
"""

from django.template.loader import render_to_string
from django.utils import translation

from .documents import ConsultContent

# Ticking one of these factors adds the mental-health safety net (general: mood_safety_net).
LOW_MOOD_FACTORS = frozenset({"somberheid"})
# Ticking this advice adds the printable symptom diary (general: diary_columns).
DIARY_ADVICE = "dagboek"
# Empty rows of the printed diary: one row a day.
DIARY_ROWS = 5


def list_items(text):
    """The items of a Markdown list ("- item" per line) in a general text."""
    return [line.strip()[2:].strip() for line in (text or "").splitlines() if line.strip()[:2] in ("- ", "* ")]


class HandoutContent(ConsultContent):
    """ConsultContent with what only the patient handout shows."""

    @property
    def texts(self):
        if not hasattr(self, "_texts"):
            self._texts = self.general
        return self._texts

    @property
    def in_short(self):
        """'In het kort' as thuisarts.nl writes it: shared opening bullets (real, common,
        examined), the model's own bullets, shared closing bullets (often less, when to
        come back). A library without the shared bullets shows the model's only."""
        own = list(self.model.in_short) if self.model else []
        return list_items(self.texts.get("in_short_start")) + own + list_items(self.texts.get("in_short_end"))

    @property
    def factor_slugs(self):
        return {f.slug for f in self.factors}

    @property
    def advice_slugs(self):
        return {a.slug for a in self.advice}

    @property
    def mood_safety_net(self):
        """When and whom to call with low mood: only when low mood was ticked."""
        return self.texts.get("mood_safety_net", "") if self.factor_slugs & LOW_MOOD_FACTORS else ""

    @property
    def diary_columns(self):
        """The column headings of the printable diary, when the diary advice was chosen."""
        return list_items(self.texts.get("diary_columns")) if DIARY_ADVICE in self.advice_slugs else []

    @property
    def diary_rows(self):
        return range(DIARY_ROWS) if self.diary_columns else range(0)


def render_handout_html(consult):
    """The patient handout as one HTML document: on screen, in print and in the PDF, in
    the patient's language (the consult's handout language), whatever the screen's."""
    content = HandoutContent.of(consult, consult.handout_library)
    with translation.override(content.language):
        return render_to_string("documents/handout.html", {"content": content, "consult": consult})
