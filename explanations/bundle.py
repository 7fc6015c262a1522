"""A content bundle is the whole library as plain data (dicts and lists).

Source files, database versions and hashes all meet here: the loader reads files into a
bundle, a version is built from a bundle, and a version exports back to one. Two bundles
with the same hash hold the same content.
"""

import hashlib
import json
from pathlib import Path

import yaml

SOURCE_DIR = Path(__file__).resolve().parent / "content"

LIST_FILES = ["factors", "questions", "advice", "recipients", "severity", "phrases_to_avoid", "sources"]


class ContentError(Exception):
    pass


def _read_yaml(path):
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)
    except (OSError, yaml.YAMLError) as exc:
        raise ContentError(f"{path.name}: {exc}") from exc


def read_sources(source_dir=None):
    source_dir = Path(source_dir or SOURCE_DIR)
    bundle = {name: _read_yaml(source_dir / f"{name}.yaml") or [] for name in LIST_FILES}
    bundle["general"] = _read_yaml(source_dir / "general.yaml") or {}
    bundle["models"] = [_read_yaml(p) for p in sorted((source_dir / "models").glob("*.yaml"))]
    metaphors = []
    for path in sorted((source_dir / "metaphors").glob("*.yaml")):
        metaphor = _read_yaml(path)
        drawing = source_dir / "drawings" / metaphor.pop("drawing")
        try:
            metaphor["drawing_svg"] = drawing.read_text(encoding="utf-8").strip()
        except OSError as exc:
            raise ContentError(f"{path.name}: drawing {drawing.name} missing") from exc
        metaphors.append(metaphor)
    bundle["metaphors"] = metaphors
    try:
        return normalise(bundle)
    except (KeyError, TypeError, ValueError) as exc:
        raise ContentError(f"content field missing or malformed: {exc}") from exc


def _text(value):
    return (value or "").strip()


def normalise(bundle):
    """Put a bundle in canonical form, so equal content gives an equal hash.

    A model's metaphors, advice and referrals follow the library's own order.
    """
    by_order = sorted(bundle["metaphors"], key=lambda m: (int(m.get("order", 0)), m["slug"]))
    metaphor_rank = {m["slug"]: i for i, m in enumerate(by_order)}
    advice_rank = {a["slug"]: i for i, a in enumerate(bundle["advice"])}
    recipient_rank = {r["slug"]: i for i, r in enumerate(bundle["recipients"])}

    def ranked(slugs, rank):
        return sorted(slugs or [], key=lambda slug: (rank.get(slug, len(rank)), slug))

    return {
        "models": [
            {
                "slug": m["slug"],
                "name": _text(m["name"]),
                "order": int(m.get("order", 0)),
                "clinician_summary": _text(m["clinician_summary"]),
                "clinician_script": [
                    {"title": _text(s["title"]), "text": _text(s["text"])} for s in m["clinician_script"]
                ],
                "patient_text": _text(m["patient_text"]),
                "in_short": [_text(line) for line in m["in_short"]],
                "key_terms": [
                    {
                        "term": _text(t["term"]),
                        "patient_definition": _text(t["patient_definition"]),
                        "clinician_definition": _text(t["clinician_definition"]),
                    }
                    for t in m["key_terms"]
                ],
                "metaphors": ranked(m["metaphors"], metaphor_rank),
                "suggested_advice": ranked(m.get("suggested_advice"), advice_rank),
                "suggested_referrals": ranked(m.get("suggested_referrals"), recipient_rank),
                "follow_up": _text(m.get("follow_up")),
            }
            for m in sorted(bundle["models"], key=lambda m: (int(m.get("order", 0)), m["slug"]))
        ],
        "metaphors": [
            {
                "slug": m["slug"],
                "name": _text(m["name"]),
                "order": int(m.get("order", 0)),
                "patient_text": _text(m["patient_text"]),
                "presentation_lines": [_text(line) for line in m["presentation_lines"]],
                "clinician_hint": _text(m.get("clinician_hint")),
                "drawing_svg": _text(m["drawing_svg"]),
            }
            for m in sorted(bundle["metaphors"], key=lambda m: (int(m.get("order", 0)), m["slug"]))
        ],
        "factors": [
            {k: _text(f[k]) for k in ("slug", "dimension", "label", "patient_wording")}
            for f in bundle["factors"]
        ],
        "questions": [{k: _text(q[k]) for k in ("slug", "dimension", "text")} for q in bundle["questions"]],
        "advice": [{k: _text(a[k]) for k in ("slug", "label", "patient_text")} for a in bundle["advice"]],
        "recipients": [
            {
                "slug": _text(r["slug"]),
                "label": _text(r["label"]),
                "patient_label": _text(r.get("patient_label") or r["label"]),
                "scope": _text(r.get("scope") or "full"),
                "request": _text(r["request"]),
            }
            for r in bundle["recipients"]
        ],
        "severity": [{k: _text(s[k]) for k in ("slug", "label", "stepped_care")} for s in bundle["severity"]],
        "phrases_to_avoid": [
            {
                "phrase": _text(p["phrase"]),
                "variants": [_text(v) for v in p.get("variants") or []],
                "alternative": _text(p["alternative"]),
                "reason": _text(p["reason"]),
            }
            for p in bundle["phrases_to_avoid"]
        ],
        "sources": [{k: _text(s[k]) for k in ("title", "url", "description")} for s in bundle["sources"]],
        "general": {key: _text(value) for key, value in sorted(bundle["general"].items())},
    }


def bundle_hash(bundle):
    encoded = json.dumps(bundle, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()
