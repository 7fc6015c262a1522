"""A content version's rows by kind and slug, read from the database once.

Consults keep their choices as slugs; a Library turns them back into rows. A published
version never changes, so its Library is kept in process for as long as it is used.
"""

import threading
from collections import OrderedDict

from .guard import find_phrases
from .kinds import KINDS, child_kinds, link_fields
from .models import ExplanationModel, GeneralText, Metaphor, PhraseToAvoid

_cache = OrderedDict()
_cache_lock = threading.Lock()
CACHE_SIZE = 16
# Texts whose phrase-guard result a published library remembers: every page of a step
# checks every text on it, and most of them do not change between requests.
HITS_CACHE_SIZE = 4096


class Library:
    def __init__(self, version):
        self.version = version
        self._rows = {}
        for kind in KINDS:
            prefetch = [f.name for f in link_fields(kind)] + [name for name, _ in child_kinds(kind)]
            rows = kind.objects.filter(version=version).prefetch_related(*prefetch).order_by("order", "slug")
            self._rows[kind] = {row.slug: row for row in rows}
        self._fitting = {
            model.slug: [m.slug for m in model.metaphors.all()] for model in self._rows[ExplanationModel].values()
        }
        self._hits = OrderedDict()
        self._hits_lock = threading.Lock()

    @property
    def language(self):
        return self.version.language

    def all(self, kind, **where):
        rows = self._rows[kind].values()
        return [r for r in rows if all(getattr(r, k) == v for k, v in where.items())]

    def get(self, kind, slug):
        return self._rows[kind].get(slug) if slug else None

    def pick(self, kind, slugs):
        """The rows with these slugs, in library order; unknown slugs are left out."""
        wanted = set(slugs or ())
        return [row for row in self._rows[kind].values() if row.slug in wanted]

    def slugs(self, kind, **where):
        return [row.slug for row in self.all(kind, **where)]

    def sort(self, kind, slugs):
        return [row.slug for row in self.pick(kind, slugs)]

    def metaphors_for(self, model_slug):
        """Slugs of the metaphors that fit a model, best first."""
        return list(self._fitting.get(model_slug, []))

    def phrase_hits(self, text):
        """The phrases to avoid in a text, by this library's list and language. A
        published library (immutable) remembers the answer for recent texts."""
        if not text:
            return []
        if not self.version.is_published:
            return find_phrases(text, self.all(PhraseToAvoid), self.language)
        with self._hits_lock:
            hits = self._hits.get(text)
            if hits is not None:
                self._hits.move_to_end(text)
                return list(hits)
        hits = tuple(find_phrases(text, self.all(PhraseToAvoid), self.language))
        with self._hits_lock:
            self._hits[text] = hits
            while len(self._hits) > HITS_CACHE_SIZE:
                self._hits.popitem(last=False)
        return list(hits)

    def general(self, slug):
        row = self.get(GeneralText, slug)
        return row.text if row else ""

    @property
    def models(self):
        return self.all(ExplanationModel)

    @property
    def metaphors(self):
        return self.all(Metaphor)


def library_for(version):
    """The Library of a content version; published versions come from the cache."""
    if not version.is_published:
        return Library(version)
    cache_key = (version.pk, version.source_hash)
    with _cache_lock:
        library = _cache.get(cache_key)
        if library is not None:
            _cache.move_to_end(cache_key)
            return library
    library = Library(version)
    with _cache_lock:
        _cache[cache_key] = library
        while len(_cache) > CACHE_SIZE:
            _cache.popitem(last=False)
    return library
