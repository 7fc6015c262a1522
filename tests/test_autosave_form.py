"""The autosave form library: an htmx autosave binds only the fields it sent, and that
narrowed form reads a submission exactly as the whole form does; a form's fields are
its own copies."""

import copy

from django.http import QueryDict
from django.test import RequestFactory

from autosave.merge import token
from autosave.submission import read_submission
from consult.forms import ScegsForm
from tests.helpers import HTMX


def post(data, htmx=True):
    request = RequestFactory().post("/", data, **(HTMX if htmx else {}))
    request.htmx = htmx
    return request


def test_an_htmx_autosave_binds_only_the_fields_it_sent_and_a_plain_submit_the_whole_form():
    data = {"complaints": "Moe", "base-complaints": token(""), "_held_back": "medication:90000", "_refresh": "duration"}
    assert set(ScegsForm.for_request(post(data)).base_fields) == {"complaints", "medication", "duration"}
    assert ScegsForm.for_request(post(data, htmx=False)) is ScegsForm
    assert ScegsForm.for_request(RequestFactory().get("/")) is ScegsForm


def test_the_narrowed_form_reads_a_submission_as_the_whole_form_does(mrs_k):
    """Which fields take part is one rule (a base token was sent): the whole form and the
    narrowed one must find the same answers, invalid fields and held-back texts."""
    data = QueryDict(mutable=True)
    data.update({
        "complaints": "Pijn overal", "base-complaints": token(mrs_k.complaints),
        "phq15": "99", "base-phq15": token(mrs_k.phq15),  # out of range
        "duration": mrs_k.duration, "base-duration": token(mrs_k.duration),  # unchanged
        "_held_back": "medication:90000", "_refresh": "social_note",
    })
    data.setlist("factors", ["somberheid", "catastroferen"])
    data["base-factors"] = token(mrs_k.factors)
    request = post(data)
    whole = read_submission(ScegsForm(data, instance=copy.copy(mrs_k)))
    narrowed = read_submission(ScegsForm.for_request(request)(data, instance=copy.copy(mrs_k)))
    assert narrowed == whole
    assert set(whole.answers) == {"complaints", "factors"} and set(whole.invalid) == {"phq15", "medication"}


def test_each_form_changes_its_own_copy_of_a_field(mrs_k):
    one, other = ScegsForm(instance=mrs_k), ScegsForm(instance=mrs_k)
    one.fields["complaints"].widget.attrs["data-x"] = "1"
    one.fields["complaints"].error_messages["max_length"] = "anders"
    one.fields["red_flags"].choices = [("x", "x")]
    for form in (other.fields, ScegsForm.base_fields):
        assert "data-x" not in form["complaints"].widget.attrs
        assert form["complaints"].error_messages.get("max_length") != "anders"
        assert ("x", "x") not in form["red_flags"].choices and ("x", "x") not in form["red_flags"].widget.choices
    assert other.fields["red_flags"].choices == ScegsForm.base_fields["red_flags"].choices != []
