"""Markdown to safe HTML, and drawings as data URIs."""

import base64
import re

import markdown
import nh3

ALLOWED_TAGS = {"p", "strong", "em", "ul", "ol", "li", "br"}


# Python-Markdown wants a blank line before a list; content authors often leave it out.
LIST_AFTER_TEXT = re.compile(r"^(?![ \t]*[-*] )(.+)\n(?=[ \t]*[-*] )", re.MULTILINE)


def markdown_to_html(text):
    source = LIST_AFTER_TEXT.sub(r"\1\n\n", text or "")
    return nh3.clean(markdown.markdown(source), tags=ALLOWED_TAGS, attributes={})


def svg_data_uri(svg):
    # As an <img> source an SVG cannot run scripts or load anything: safe in page and PDF.
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")
