"""Checks that a metaphor's drawing is a safe, accessible SVG."""

import xml.etree.ElementTree as ET

SVG = "{http://www.w3.org/2000/svg}"
UNSAFE_SVG_TAGS = {"script", "foreignObject", "image", "use", "a", "iframe"}


def drawing_text(svg):
    """The text alternative of a drawing: its title and its description, for the alt of
    an <img> (an SVG shown as an image hides its own <title> and <desc>)."""
    try:
        root = ET.fromstring(svg or "")
    except ET.ParseError:
        return ""
    parts = [" ".join((root.findtext(f"{SVG}{tag}") or "").split()) for tag in ("title", "desc")]
    parts = [part for part in parts if part]
    return ". ".join(part.rstrip(".") for part in parts) + ("." if parts else "")


def drawing_problems(svg):
    """What makes a drawing unfit: not an SVG, no title or description, active content."""
    try:
        root = ET.fromstring(svg)
    except ET.ParseError as exc:
        return [f"drawing does not parse ({exc})"]
    if root.tag != f"{SVG}svg":
        return ["drawing is not an SVG"]
    problems = []
    for tag in ("title", "desc"):
        element = root.find(f"{SVG}{tag}")
        if element is None or not (element.text or "").strip():
            problems.append(f"drawing needs a <{tag}> for screen readers")
    for element in root.iter():
        name = element.tag.removeprefix(SVG)
        if name in UNSAFE_SVG_TAGS or any(a.lower().startswith("on") for a in element.attrib):
            problems.append(f"drawing contains active or external content (<{name}>)")
            break
    return problems
