"""The patient handout: what it adds to the consult's shared content (ConsultContent),
rendered as one HTML document for the screen, for print and for the PDF."""

from django.template.loader import render_to_string

from .documents import ConsultContent


def render_handout_html(consult):
    """The patient handout as one HTML document: on screen, in print and in the PDF."""
    return render_to_string("documents/handout.html", {"content": ConsultContent.of(consult), "consult": consult})
