"""Checks a content bundle as a whole before it can be published."""

import xml.etree.ElementTree as ET

from .bundle import ContentError
from .guard import find_phrases
from .models import Dimension

DIMENSIONS = set(Dimension.values)
SVG = "{http://www.w3.org/2000/svg}"
UNSAFE_SVG_TAGS = {"script", "foreignObject", "image", "use", "a", "iframe"}


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


def patient_texts(data):
    """(where, text) for every patient-facing text in a bundle."""
    for m in data["models"]:
        yield f"model {m['slug']}: patient_text", m["patient_text"]
        for i, line in enumerate(m["in_short"]):
            yield f"model {m['slug']}: in_short {i + 1}", line
        for t in m["key_terms"]:
            yield f"model {m['slug']}: term {t['term']}", t["patient_definition"]
    for m in data["metaphors"]:
        yield f"metaphor {m['slug']}: patient_text", m["patient_text"]
        yield f"metaphor {m['slug']}: presentation_lines", "\n".join(m["presentation_lines"])
    for f in data["factors"]:
        yield f"factor {f['slug']}", f["patient_wording"]
    for a in data["advice"]:
        yield f"advice {a['slug']}", a["patient_text"]
    for s in data["sources"]:
        yield f"source {s['title']}", s["description"]
    for r in data["recipients"]:
        yield f"recipient {r['slug']}: patient_label", r["patient_label"]
    for key, text in data["general"].items():
        yield f"general {key}", text


def validate_bundle(data):
    problems = []
    metaphor_slugs = {m["slug"] for m in data["metaphors"]}
    advice_slugs = {a["slug"] for a in data["advice"]}
    recipient_slugs = {r["slug"] for r in data["recipients"]}
    if not data["models"]:
        problems.append("no explanation models")
    for m in data["models"]:
        if not 4 <= len(m["key_terms"]) <= 8:
            problems.append(f"model {m['slug']}: needs 4 to 8 key terms")
        if not 3 <= len(m["in_short"]) <= 4:
            problems.append(f"model {m['slug']}: 'in het kort' needs 3 or 4 lines")
        if len(m["clinician_script"]) < 3:
            problems.append(f"model {m['slug']}: the clinician script needs at least 3 steps")
        if not m["metaphors"]:
            problems.append(f"model {m['slug']}: needs at least one metaphor")
        for slug in set(m["metaphors"]) - metaphor_slugs:
            problems.append(f"model {m['slug']}: unknown metaphor {slug}")
        for slug in set(m["suggested_advice"]) - advice_slugs:
            problems.append(f"model {m['slug']}: unknown advice {slug}")
        for slug in set(m["suggested_referrals"]) - recipient_slugs:
            problems.append(f"model {m['slug']}: unknown recipient {slug}")
    for r in data["recipients"]:
        if r["scope"] not in {"full", "work"}:
            problems.append(f"recipient {r['slug']}: scope must be full or work")
    for m in data["metaphors"]:
        if not 1 <= len(m["presentation_lines"]) <= 3:
            problems.append(f"metaphor {m['slug']}: needs 1 to 3 presentation lines")
        problems.extend(f"metaphor {m['slug']}: {p}" for p in drawing_problems(m["drawing_svg"]))
    for item in data["factors"] + data["questions"]:
        if item["dimension"] not in DIMENSIONS:
            problems.append(f"{item['slug']}: unknown dimension {item['dimension']}")
    for where, text in patient_texts(data):
        for hit in find_phrases(text, data["phrases_to_avoid"]):
            problems.append(f"{where}: contains the phrase to avoid {hit.matched!r}")
    if problems:
        raise ContentError("; ".join(problems))
