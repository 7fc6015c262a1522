"""The language guard measured on a labelled corpus of sentences as GPs really type them,
and the check_language command that content editors and CI use."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.core.management import call_command

from explanations import kinds
from explanations.guard import Term, find_phrases, pattern_problems

CORPUS_DIR = Path(__file__).parent / "language"
README = Path(__file__).parent.parent / "README.md"


@pytest.fixture(scope="module")
def phrases():
    return kinds.read_sources()["phrasetoavoid"]


@pytest.fixture(scope="module")
def corpus():
    """Every labelled sentence of the corpus files (written independently of each other)."""
    return [entry for path in sorted(CORPUS_DIR.glob("*.yaml"))
            for entry in yaml.safe_load(path.read_text(encoding="utf-8"))]


def measure(corpus, phrases):
    harmful = [s for s in corpus if s["harmful"]]
    safe = [s for s in corpus if not s["harmful"]]
    missed = [s["text"] for s in harmful if not find_phrases(s["text"], phrases)]
    false_alarms = [(s["text"], [h.matched for h in find_phrases(s["text"], phrases)]) for s in safe
                    if find_phrases(s["text"], phrases)]
    return harmful, safe, missed, false_alarms


def test_the_corpus_is_large_and_labelled(corpus, phrases):
    slugs = {p["slug"] for p in phrases}
    assert len(corpus) >= 150
    assert all(isinstance(s["text"], str) and s["text"].strip() and isinstance(s["harmful"], bool) for s in corpus)
    assert {s["phrase"] for s in corpus if s["harmful"]} <= slugs
    assert sum(s["harmful"] for s in corpus) >= 50 and sum(not s["harmful"] for s in corpus) >= 50


def test_recall_is_at_least_95_percent_and_false_alarms_at_most_5_percent(corpus, phrases):
    harmful, safe, missed, false_alarms = measure(corpus, phrases)
    recall = 1 - len(missed) / len(harmful)
    false_alarm_rate = len(false_alarms) / len(safe)
    assert recall >= 0.95, f"recall {recall:.1%}; missed: {missed}"
    assert false_alarm_rate <= 0.05, f"false alarms {false_alarm_rate:.1%}: {false_alarms}"


def test_the_quick_first_word_test_changes_no_finding_in_either_language(corpus, phrases, monkeypatch):
    """A pattern skips a sentence when its first word cannot be there (Term.may_match).
    Measured on every sentence of the Dutch and the English corpus: the findings are the
    same as when every pattern is matched in full."""
    english = yaml.safe_load((CORPUS_DIR / "en" / "corpus.yaml").read_text(encoding="utf-8"))
    english_phrases = kinds.read_sources(kinds.source_dir("en"))["phrasetoavoid"]
    cases = [(s["text"], phrases, "nl") for s in corpus] + [(s["text"], english_phrases, "en") for s in english]

    def findings():
        return [find_phrases(text, listed, language) for text, listed, language in cases]

    quick = findings()
    monkeypatch.setattr(Term, "may_match", lambda self, words, stems: True)
    assert findings() == quick
    assert sum(bool(hits) for hits in quick) >= 100


def test_a_harmful_sentence_is_named_by_its_own_phrase(corpus, phrases):
    """The warning names the right phrase, so its alternative and reason fit."""
    wrong = [
        (s["text"], s["phrase"], [h.slug for h in hits]) for s in corpus if s["harmful"]
        if (hits := find_phrases(s["text"], phrases)) and s["phrase"] not in {h.slug for h in hits}
    ]
    assert len(wrong) <= 0.05 * sum(s["harmful"] for s in corpus), wrong


def test_the_readme_states_the_measured_figures(corpus, phrases):
    harmful, safe, missed, false_alarms = measure(corpus, phrases)
    stated = re.search(r"recall (\d+) of (\d+) harmful sentences .*?false alarms on (\d+) of (\d+) safe sentences",
                       README.read_text(encoding="utf-8"), re.S)
    assert stated, "README: the guard's figures are missing"
    assert tuple(map(int, stated.groups())) == (len(harmful) - len(missed), len(harmful), len(false_alarms), len(safe))


def test_every_hit_carries_its_alternative_and_reason(phrases):
    [hit] = find_phrases("Volgens mij zit het gewoon tussen uw oren.", phrases)
    assert hit.slug == "het-zit-tussen-de-oren" and hit.matched == "tussen uw oren"
    assert hit.alternative.startswith("Uw klachten zijn echt") and hit.reason


def test_soft_hyphens_hyphens_and_case_do_not_hide_a_phrase(phrases):
    for text in ["Het is in\u00adge\u00adbeeld.", "Tussen-de-oren, zou ik zeggen", "PSYCHO-SOMATISCH"]:
        assert find_phrases(text, phrases), text


def test_a_red_flag_safety_netting_line_is_never_a_hit(phrases):
    assert find_phrases("Bel bij onverklaarbaar gewichtsverlies of koorts die niet overgaat.", phrases) == []


def test_a_pattern_that_cannot_be_read_keeps_the_library_from_being_published():
    assert pattern_problems(["stel ... "], []) and pattern_problems([], []) and pattern_problems(["a|"], [])
    assert pattern_problems(["stel u ... aan", "=niks aan hand", "psychosomat*"], ["niet ... ingebeeld"]) == []


def test_check_language_writes_one_json_object_per_input_line_in_order(tmp_path, capsys):
    source = tmp_path / "texts.jsonl"
    source.write_text('"Uw klachten zijn niet ingebeeld."\n{"text": "Het zit tussen uw oren."}\nGewoon een zin\n',
                      encoding="utf-8")
    with pytest.raises(SystemExit) as exited:
        call_command("check_language", jsonl=str(source), source="explanations/content")
    assert exited.value.code == 1
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["line"] for line in lines] == [1, 2, 3]
    assert lines[0]["hits"] == [] and lines[2]["hits"] == []
    [hit] = lines[1]["hits"]
    assert hit["phrase"] == "het zit tussen de oren" and hit["matched"] == "tussen uw oren"
    assert set(hit) == {"phrase", "matched", "alternative"}


def test_check_language_passes_the_shipped_library_as_ci_runs_it():
    result = subprocess.run([sys.executable, "manage.py", "check_language", "--shipped"], capture_output=True, text=True,
                            cwd=README.parent)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert result.returncode == 0, [line for line in lines if line["hits"]]
    assert len(lines) > 50 and all(line["hits"] == [] for line in lines)
