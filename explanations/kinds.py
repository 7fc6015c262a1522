"""The content kinds, and the one loop that reads, checks, builds and exports them.

A *bundle* is a whole library as plain data: {kind key: [row, ...]}, every row a dict
of its fields, its links to other kinds as lists of slugs, and its child rows nested
under the name of their relation (a model's key terms). Source files, database
versions and hashes all meet here: two bundles with the same hash hold the same content.

What a kind holds is declared on its model (see explanations.models); nothing here
names a field of a particular kind.
"""

import hashlib
import json
import re
from pathlib import Path

import yaml
from django.db import models


class ContentError(Exception):
    pass


from .guard import find_phrases
from .models import (
    ExplanationModel,
    GeneralText,
    InfoSource,
    KeyTerm,
    MaintainingFactor,
    Measure,
    Metaphor,
    PhraseToAvoid,
    Recipient,
    SampleQuestion,
    SelfManagementAdvice,
    SeverityGrade,
)

SOURCE_DIR = Path(__file__).resolve().parent / "content"
# The languages the shipped library is written in: Dutch in content/, every other
# language in a folder of its own (content/en/), with the same slugs.
DEFAULT_LANGUAGE = "nl"
LANGUAGES = ("nl", "en")


def source_dir(language=DEFAULT_LANGUAGE):
    if language not in LANGUAGES:
        raise ContentError(f"no content library for language {language!r}")
    return SOURCE_DIR if language == DEFAULT_LANGUAGE else SOURCE_DIR / language

# In build order: a kind comes after every kind it links to.
KINDS = [
    Metaphor, SelfManagementAdvice, Recipient, MaintainingFactor, SampleQuestion, SeverityGrade,
    PhraseToAvoid, InfoSource, GeneralText, Measure, ExplanationModel,
]
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]*$")


def key(kind):
    return kind._meta.model_name


def value_fields(kind):
    """The stored fields of a row: everything but its id, version, parent and links."""
    parent = getattr(kind, "PARENT", None)
    return [
        f for f in kind._meta.concrete_fields
        if not f.primary_key and f.name not in {"version", parent}
    ]


def link_fields(kind):
    return [f for f in kind._meta.many_to_many]


def child_kinds(kind):
    """[(relation name, child kind)]: rows written inside this kind's source rows."""
    children = []
    for relation in kind._meta.related_objects:
        child = relation.related_model
        if getattr(child, "PARENT", None) == relation.field.name:
            children.append((relation.get_accessor_name(), child))
    return children


def _stripped(value):
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list):
        return [_stripped(v) for v in value]
    if isinstance(value, dict):
        return {k: _stripped(v) for k, v in value.items()}
    return value


def _clean(field, value):
    if isinstance(field, models.JSONField):
        return _stripped(value if value is not None else field.get_default())
    if isinstance(field, (models.IntegerField,)):
        return int(value)
    if isinstance(field, models.BooleanField):
        return bool(value)
    return str(value if value is not None else "").strip()


def normalise_row(kind, raw, position):
    """One source row as a canonical dict; unknown or missing fields are errors."""
    if not isinstance(raw, dict):
        raise ContentError(f"{key(kind)}: row {position + 1} is not a mapping")
    slug = str(raw.get("slug", "")).strip()
    where = f"{key(kind)} {slug or position + 1}"
    children = child_kinds(kind)
    known = {f.name for f in value_fields(kind)} | {f.name for f in link_fields(kind)} | {name for name, _ in children}
    unknown = set(raw) - known
    if unknown:
        raise ContentError(f"{where}: unknown field(s) {', '.join(sorted(unknown))}")
    row = {}
    for field in value_fields(kind):
        if field.name == "order":
            row["order"] = int(raw.get("order", position))
        elif field.name in raw:
            row[field.name] = _clean(field, raw[field.name])
        elif field.blank or field.has_default():
            row[field.name] = _clean(field, field.get_default() if field.has_default() else "")
        else:
            raise ContentError(f"{where}: field {field.name} is missing")
    for field in link_fields(kind):
        row[field.name] = [str(s).strip() for s in raw.get(field.name) or []]
    for name, child in children:
        row[name] = [normalise_row(child, c, i) for i, c in enumerate(raw.get(name) or [])]
    return row


def canonical(bundle):
    """Rows in library order, links in their target's order: equal content, equal hash."""
    ranks = {
        key(kind): {row["slug"]: (row["order"], row["slug"]) for row in bundle.get(key(kind), [])}
        for kind in KINDS
    }

    def ordered(kind, rows):
        result = []
        for row in sorted(rows, key=lambda r: (r["order"], r["slug"])):
            row = dict(row)
            for field in link_fields(kind):
                rank = ranks[key(field.related_model)]
                row[field.name] = sorted(row[field.name], key=lambda s: rank.get(s, (10**9, s)))
            for name, child in child_kinds(kind):
                row[name] = ordered(child, row[name])
            result.append(row)
        return result

    return {key(kind): ordered(kind, bundle.get(key(kind), [])) for kind in KINDS}


def bundle_hash(bundle):
    encoded = json.dumps(bundle, sort_keys=True, ensure_ascii=False).encode("utf-8")
    return hashlib.sha256(encoded).hexdigest()


# --- source files -----------------------------------------------------------------

def _read_yaml(path):
    try:
        with open(path, encoding="utf-8") as f:
            return yaml.safe_load(f)
    except (OSError, yaml.YAMLError) as exc:
        raise ContentError(f"{path.name}: {exc}") from exc


def read_sources(source_dir=None):
    """The library in a folder of source files, as a canonical bundle."""
    source_dir = Path(source_dir or SOURCE_DIR)
    bundle = {}
    for kind in KINDS:
        if kind.SOURCE.endswith("/"):
            raws = [_read_yaml(p) for p in sorted((source_dir / kind.SOURCE).glob("*.yaml"))]
        else:
            raws = _read_yaml(source_dir / kind.SOURCE) or []
        if not isinstance(raws, list):
            raise ContentError(f"{kind.SOURCE}: expected a list of rows")
        for raw in raws:
            for field, folder in kind.FILE_FIELDS.items():
                if isinstance(raw, dict) and field in raw:
                    path = source_dir / folder / str(raw[field])
                    try:
                        raw[field] = path.read_text(encoding="utf-8")
                    except OSError as exc:
                        raise ContentError(f"{key(kind)} {raw.get('slug')}: file {path.name} missing") from exc
        bundle[key(kind)] = [normalise_row(kind, raw, i) for i, raw in enumerate(raws)]
    return canonical(bundle)


# --- database ---------------------------------------------------------------------

def _values(kind, row):
    return {f.name: row[f.name] for f in value_fields(kind)}


def build(version, bundle):
    """Fill an empty draft version with the rows of a bundle."""
    made = {}
    for kind in KINDS:
        made[kind] = {}
        for row in bundle[key(kind)]:
            obj = kind.objects.create(version=version, **_values(kind, row))
            made[kind][row["slug"]] = (obj, row)
            for name, child in child_kinds(kind):
                for child_row in row[name]:
                    child.objects.create(version=version, **{child.PARENT: obj}, **_values(child, child_row))
    for kind in KINDS:
        for field in link_fields(kind):
            targets = made[field.related_model]
            for obj, row in made[kind].values():
                getattr(obj, field.name).set([targets[slug][0] for slug in row[field.name]])


def _export_row(kind, obj):
    row = {f.name: getattr(obj, f.name) for f in value_fields(kind)}
    for field in link_fields(kind):
        row[field.name] = [o.slug for o in getattr(obj, field.name).all()]
    for name, child in child_kinds(kind):
        row[name] = [_export_row(child, c) for c in getattr(obj, name).all()]
    return row


def export(version):
    """The content of a version as a canonical bundle (the inverse of build)."""
    bundle = {}
    for kind in KINDS:
        prefetch = [f.name for f in link_fields(kind)] + [name for name, _ in child_kinds(kind)]
        rows = kind.objects.filter(version=version).prefetch_related(*prefetch)
        bundle[key(kind)] = [_export_row(kind, obj) for obj in rows]
    return canonical(bundle)


# --- checks -----------------------------------------------------------------------

def _rows_with_kinds(bundle):
    for kind in KINDS:
        for row in bundle[key(kind)]:
            yield kind, row, f"{key(kind)} {row['slug']}"
            for name, child in child_kinds(kind):
                for child_row in row[name]:
                    yield child, child_row, f"{key(kind)} {row['slug']}: {key(child)} {child_row['slug']}"


def patient_texts(bundle):
    """(where, text) for every text a patient may read. A list's items are paragraphs."""
    for kind, row, where in _rows_with_kinds(bundle):
        for name in kind.PATIENT_FIELDS:
            value = row[name]
            yield f"{where}: {name}", "\n\n".join(value) if isinstance(value, list) else value


def problems(bundle, language=DEFAULT_LANGUAGE):
    """Everything that keeps a bundle (a library in `language`) from being published."""
    found = []
    if not bundle[key(ExplanationModel)]:
        found.append("no explanation models")
    seen = {}
    for kind, row, where in _rows_with_kinds(bundle):
        if not SLUG.match(row["slug"]):
            found.append(f"{where}: slug must be lower case letters, digits, - or _")
        if row["slug"] in seen.setdefault(kind, set()):
            found.append(f"{where}: slug used twice")
        seen[kind].add(row["slug"])
        for field in value_fields(kind):
            value = row[field.name]
            if not field.blank and value in ("", []):
                found.append(f"{where}: {field.name} is empty")
            if field.choices and value not in {c[0] for c in field.choices}:
                found.append(f"{where}: {field.name} must be one of {', '.join(c[0] for c in field.choices)}")
            if getattr(field, "max_length", None) and isinstance(value, str) and len(value) > field.max_length:
                found.append(f"{where}: {field.name} is longer than {field.max_length} characters")
        for field in link_fields(kind):
            targets = {r["slug"] for r in bundle[key(field.related_model)]}
            found.extend(f"{where}: unknown {key(field.related_model)} {slug}" for slug in row[field.name] if slug not in targets)
        found.extend(f"{where}: {p}" for p in kind.content_problems(row, bundle))
    phrases = bundle[key(PhraseToAvoid)]
    for where, text in patient_texts(bundle):
        found.extend(f"{where}: contains the phrase to avoid {hit.matched!r}"
                     for hit in find_phrases(text, phrases, language))
    return found


def validate(bundle, language=DEFAULT_LANGUAGE):
    found = problems(bundle, language)
    if found:
        raise ContentError("; ".join(found))
