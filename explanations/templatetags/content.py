import functools

from django import template
from django.utils.safestring import mark_safe

from ..drawings import drawing_text
from ..rendering import markdown_to_html, svg_data_uri

register = template.Library()


@register.filter
def markdown(text):
    return mark_safe(markdown_to_html(text))


@register.filter
def svg_uri(svg):
    return svg_data_uri(svg)


@register.filter
def drawing_alt(svg):
    """A drawing's title and description, as the alt text of its <img>."""
    return drawing_text(svg)


@register.filter
@functools.lru_cache(maxsize=256)
def qr_uri(url):
    """A QR code of a URL as an SVG data URI, generated offline. The same few source
    URLs are on every handout: each is encoded once per process."""
    import segno

    return segno.make(url, error="m").svg_data_uri(scale=4, border=1, dark="#111")
