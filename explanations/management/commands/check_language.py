import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError

from explanations import kinds
from explanations.guard import find_phrases
from explanations.models import ContentVersion, PhraseToAvoid


def _text(line):
    """A JSON Lines entry: a JSON string, an object with "text", or else the line as typed."""
    try:
        value = json.loads(line)
    except ValueError:
        return line
    if isinstance(value, str):
        return value
    if isinstance(value, dict) and isinstance(value.get("text"), str):
        return value["text"]
    return line


class Command(BaseCommand):
    help = (
        "Check texts for phrases to avoid. --jsonl FILE reads one text per line ('-' for stdin) and writes one "
        'JSON object per input line, in order: {"line": n, "hits": [{"phrase", "matched", "alternative"}]}. '
        "--shipped checks every patient text of the content source folder (of every language unless "
        "--language is given). Exits with status 1 when any text has a hit."
    )

    def add_arguments(self, parser):
        what = parser.add_mutually_exclusive_group(required=True)
        what.add_argument("--jsonl", metavar="FILE", help="one text per line: a JSON string, an object with "
                          '"text", or plain text; "-" reads standard input')
        what.add_argument("--shipped", action="store_true", help="check the patient texts of the source folder")
        parser.add_argument("--language", choices=kinds.LANGUAGES, help="the language of the texts and of the "
                            "phrase list (default: nl; with --shipped: every language)")
        parser.add_argument("--source", metavar="DIR", help="content source folder (default: explanations/content); "
                            "without it, --jsonl uses the phrases of the current published version")

    def handle(self, *args, jsonl=None, shipped=False, source=None, language=None, **options):
        if shipped and not source and not language:
            languages = kinds.LANGUAGES
        else:
            languages = [language or kinds.DEFAULT_LANGUAGE]
        entries = []
        for lang in languages:
            try:
                folder = source or (kinds.source_dir(lang) if shipped else None)
                bundle = kinds.read_sources(folder) if folder else None
            except kinds.ContentError as exc:
                raise CommandError(f"Content not readable: {exc}") from exc
            phrases = bundle["phrasetoavoid"] if bundle else self._published_phrases(lang)
            if shipped:
                prefix = "" if lang == kinds.DEFAULT_LANGUAGE else f"{lang}: "
                entries += [(prefix + where, text, phrases, lang) for where, text in kinds.patient_texts(bundle)]
            else:
                entries += [(None, _text(line.rstrip("\r\n")), phrases, lang) for line in self._lines(jsonl)]
        any_hit = False
        for number, (where, text, phrases, lang) in enumerate(entries, start=1):
            hits = find_phrases(text, phrases, lang)
            any_hit = any_hit or bool(hits)
            result = {"line": number}
            if where:
                result["where"] = where
            result["hits"] = [{"phrase": h.phrase, "matched": h.matched, "alternative": h.alternative} for h in hits]
            self.stdout.write(json.dumps(result, ensure_ascii=False))
        if any_hit:
            sys.exit(1)

    def _lines(self, path):
        if path == "-":
            return sys.stdin.readlines()
        try:
            with open(path, encoding="utf-8") as file:
                return file.readlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"Cannot read {path}: {exc}") from exc

    def _published_phrases(self, language):
        try:
            version = ContentVersion.current(language)
            if version is not None:
                return list(PhraseToAvoid.objects.filter(version=version))
        except DatabaseError:
            pass  # no database yet: the shipped phrases are what would be published
        return kinds.read_sources(kinds.source_dir(language))["phrasetoavoid"]
