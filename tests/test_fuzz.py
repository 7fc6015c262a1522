"""Every form, fuzzed: control and bidi characters, huge numbers, 1 MB strings. Never a
server error, and no bidi override is ever stored."""

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from consult.flow import STEPS
from consult.models import Consult
from tests.conftest import client_for
from tests.factories import mrs_k_consult
from tests.helpers import form_data, step_url, url

BIDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
SPECIAL = [
    "", " ", "\x00", "x" * 1_000_000, str(2**63), str(-(2**63) - 1), "9" * 40, "-1", "1e309", "NaN",
    "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd", "\u202egnp.exe", "😀" * 100, "\r\n" * 50,
]
VALUE = st.one_of(
    st.sampled_from(SPECIAL),
    st.text(max_size=120),
    st.text(alphabet=st.sampled_from(list(BIDI + "\x00\x01\x07\x1b\x7f abc")), max_size=40),
    st.integers().map(str),
)
SETTINGS = settings(max_examples=25, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow,
                                           HealthCheck.data_too_large, HealthCheck.large_base_example])


def fuzzed(names):
    return st.dictionaries(st.sampled_from(sorted(names)), VALUE, max_size=6)


@pytest.mark.parametrize("segment", [s.segment for s in STEPS if s.form_class])
def test_every_step_form(segment, content, anna):
    consult = mrs_k_consult(user=anna)
    client = client_for(anna)
    base = form_data(client, step_url(consult, segment))

    @SETTINGS
    @given(changes=fuzzed([n for n in base if not n.startswith("base-")] + ["_keep_mine", "_take_theirs", "_held_back", "_refresh", "_next"]),
           htmx=st.booleans())
    def post(changes, htmx):
        extra = {"HTTP_HX_REQUEST": "true"} if htmx else {}
        response = client.post(step_url(consult, segment), {**base, **changes}, **extra)
        assert response.status_code in (200, 302), response.status_code
        stored = Consult.objects.get(pk=consult.pk)
        for field in Consult.ANSWER_FIELDS:
            value = getattr(stored, field)
            if isinstance(value, str):
                assert not set(value) & set(BIDI + "\x00"), field

    post()


def test_the_other_forms(content, anna, peter):
    consult = mrs_k_consult(user=anna)
    clinician, manager = client_for(anna), client_for(peter)
    targets = [
        (clinician, reverse("consult_create"), ["reference", "first_name", "permission_given", "reference_is_not_bsn", "patient"]),
        (clinician, reverse("patient_list"), ["zoek"]),
        (clinician, url("consult_finalise", consult), ["version"]),
        (clinician, url("consult_reopen", consult), ["version"]),
        (clinician, url("consult_copied", consult), ["what"]),
        (manager, reverse("access_log"), ["patient_reference", "user", "action", "start", "end", "clear"]),
        (manager, reverse("practice_users"), ["username", "first_name", "last_name", "email", "role"]),
        (manager, reverse("patient_destroy"), ["patient_reference", "confirm"]),
    ]
    for client, path, names in targets:
        @SETTINGS
        @given(data=fuzzed(names))
        def post(data):
            assert client.post(path, data).status_code in (200, 204, 302, 404), path  # 404: an id of nothing

        post()


def test_query_strings(content, anna):
    consult = mrs_k_consult(user=anna)
    client = client_for(anna)

    @SETTINGS
    @given(value=VALUE)
    def get(value):
        for path, key in [(url("consult_referral", consult), "ontvanger"), (url("consult_presentation", consult), "dia"),
                          (url("consult_handout", consult), "uitgifte"), (step_url(consult, "afronden"), "uitgifte"),
                          (reverse("patient_list"), "pagina"), (reverse("access_log"), "voor")]:
            response = client.get(path, {key: value[:2000]})
            assert response.status_code in (200, 302, 403, 404), (path, response.status_code)

    get()


def test_the_login_forms(db):
    from django.test import Client

    client = Client()

    @SETTINGS
    @given(data=fuzzed(["username", "password"]))
    def post(data):
        assert client.post(reverse("login"), data).status_code in (200, 302, 429)

    post()


def test_an_unbroken_300_character_word_wraps_in_the_handout(mrs_k, anna):
    import subprocess
    import tempfile
    import xml.etree.ElementTree as ET

    from tests.factories import save

    word = "Zorgverzekeringsmaatschappij" * 11  # 308 letters without a break
    consult = save(mrs_k, anna, patient_words=word)
    pdf = client_for(anna).get(url("consult_handout_pdf", consult)).content
    with tempfile.NamedTemporaryFile(suffix=".pdf") as f:
        f.write(pdf)
        f.flush()
        xhtml = subprocess.run(["pdftotext", "-bbox", f.name, "-"], capture_output=True, text=True, check=True).stdout
    root = ET.fromstring(xhtml)
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    page = root.find(".//x:page", ns)
    width = float(page.get("width"))
    pieces = [w for w in root.iterfind(".//x:word", ns) if "Zorgverzekering" in (w.text or "")]
    assert len(pieces) >= 2, "the word was not broken over lines"
    assert all(float(w.get("xMax")) <= width - 20 for w in pieces)  # inside the page, within its margin
    assert "".join(w.text for w in pieces).replace("-", "").startswith(word[:200])
