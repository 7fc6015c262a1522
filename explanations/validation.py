"""Checks a content bundle as a whole before it can be published."""

from .bundle import ContentError
from .guard import find_phrases
from .models import Dimension

DIMENSIONS = set(Dimension.values)


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
        if not 1 <= len(m["key_terms"]) <= 8:
            problems.append(f"model {m['slug']}: needs 1 to 8 key terms")
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
        if "<svg" not in m["drawing_svg"]:
            problems.append(f"metaphor {m['slug']}: drawing is not an SVG")
    for item in data["factors"] + data["questions"]:
        if item["dimension"] not in DIMENSIONS:
            problems.append(f"{item['slug']}: unknown dimension {item['dimension']}")
    for where, text in patient_texts(data):
        for hit in find_phrases(text, data["phrases_to_avoid"]):
            problems.append(f"{where}: contains the phrase to avoid {hit.matched!r}")
    if problems:
        raise ContentError("; ".join(problems))
