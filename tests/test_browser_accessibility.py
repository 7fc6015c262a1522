"""axe-core in the browser on every page a GP, a POH-GGZ and a practice manager reach:
no serious or critical violation. A screenshot of each page is kept as a test artefact
(test-output/screenshots/), at 1280×720, the size beside the HIS."""

import datetime
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from care.actions import plan_session, start_intake
from consult.actions import finalise_consult
from tests.browser import chromium_page, log_in
from tests.factories import mrs_k_consult, new_consult

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

OUTPUT = Path(__file__).resolve().parent.parent / "test-output"
SCREENSHOTS = OUTPUT / "screenshots"
BLOCKING = {"serious", "critical"}
STEPS = ["start", "scegs", "probleemdefinitie", "uitleg", "plan", "afronden"]


def blocking_violations(page):
    results = Axe().run(page)
    found = []
    for violation in results.response["violations"]:
        if violation["impact"] in BLOCKING:
            targets = [", ".join(node["target"]) for node in violation["nodes"][:5]]
            found.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return found


def check_pages(page, base_url, pages):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    report = {}
    for name, path in pages:
        page.goto(base_url + path)
        page.wait_for_load_state("load")
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
        found = blocking_violations(page)
        if found:
            report[name] = found
    with (OUTPUT / "axe-violations.txt").open("a") as out:
        for name, found in report.items():
            out.write(f"{name}\n" + "".join(f"  {line}\n" for line in found))
    assert report == {}, "\n".join(f"{name}: {line}" for name, found in report.items() for line in found)


@pytest.fixture
def practice_world(shipped_content, anna, sanne, peter):
    open_consult = mrs_k_consult(user=anna)
    done = mrs_k_consult(user=anna, reference="JV-1990")
    issue = finalise_consult(consult=done, user=anna, expected_version=done.version)
    intake = start_intake(patient=open_consult.patient, user=sanne)
    session = plan_session(patient=open_consult.patient, user=sanne, date=datetime.date.today())
    fresh = new_consult(user=anna, reference="PB-1961")
    return {"consult": open_consult, "done": done, "issue": issue, "intake": intake, "session": session, "fresh": fresh}


def test_login_pages(live_server, anna):
    with chromium_page(viewport={"width": 1280, "height": 720}) as page:
        check_pages(page, live_server.url, [("login", "/login/")])
        page.goto(live_server.url + "/login/")
        page.get_by_label("Gebruikersnaam").fill("anna")
        from tests.conftest import PASSWORD, authenticator

        authenticator(anna)
        page.get_by_label("Wachtwoord").fill(PASSWORD)
        page.get_by_role("button", name="Inloggen").click()
        page.wait_for_url("**/tweede-factor/**")
        assert blocking_violations(page) == []
        page.screenshot(path=str(SCREENSHOTS / "login-tweede-factor.png"))


def test_every_gp_page(live_server, practice_world):
    consult, done, fresh = practice_world["consult"], practice_world["done"], practice_world["fresh"]
    pages = [("patientenlijst", reverse("patient_list")), ("werklijst", reverse("worklist")),
             ("patient", reverse("patient_detail", args=[consult.patient_id])),
             ("tijdlijn", reverse("patient_timeline", args=[consult.patient_id])),
             ("nieuw-consult", reverse("consult_create")),
             ("consult-overzicht", reverse("consult_detail", args=[consult.pk]))]
    pages += [(f"stap-{i + 1}-{step}", reverse("consult_step", args=[consult.pk, step])) for i, step in enumerate(STEPS)]
    pages += [("stap-scegs-leeg", reverse("consult_step", args=[fresh.pk, "scegs"])),
              ("folder", reverse("consult_handout", args=[consult.pk])),
              ("verwijstekst", reverse("consult_referral", args=[consult.pk])),
              ("presentatie", reverse("consult_presentation", args=[consult.pk])),
              ("afgerond", reverse("consult_step", args=[done.pk, "afronden"])),
              ("overdracht", reverse("handover", args=[consult.patient_id]))]
    with chromium_page(viewport={"width": 1280, "height": 720}) as page:
        log_in(page, live_server, "anna")
        check_pages(page, live_server.url, pages)


def test_every_poh_ggz_page(live_server, practice_world):
    consult, intake, session = practice_world["consult"], practice_world["intake"], practice_world["session"]
    pages = [("poh-werklijst", reverse("worklist")), ("poh-overdracht", reverse("handover", args=[consult.patient_id])),
             ("poh-intake", reverse("intake", args=[intake.pk])),
             ("poh-sessie", reverse("session", args=[session.pk])),
             ("poh-vervolgfolder", reverse("followup_handout", args=[session.pk]))]
    with chromium_page(viewport={"width": 1280, "height": 720}) as page:
        log_in(page, live_server, "sanne")
        check_pages(page, live_server.url, pages)


def test_every_manager_page(live_server, practice_world):
    pages = [("beheer-gebruikers", reverse("practice_users")), ("beheer-toegangslog", reverse("access_log"))]
    with chromium_page(viewport={"width": 1280, "height": 720}) as page:
        log_in(page, live_server, "peter")
        check_pages(page, live_server.url, pages)


def test_the_english_handout_and_its_choice(live_server, shipped_content, anna):
    """The plan step with the handout language, and the English handout and presentation
    (English with Dutch terms marked lang="nl")."""
    from explanations.actions import load_library
    from tests.factories import save
    from tests.handouts import IN_ENGLISH

    load_library(language="en")
    consult = save(mrs_k_consult(user=anna), anna, **IN_ENGLISH)
    pages = [("stap-plan-engels", reverse("consult_step", args=[consult.pk, "plan"])),
             ("folder-engels", reverse("consult_handout", args=[consult.pk])),
             ("presentatie-engels", reverse("consult_presentation", args=[consult.pk]))]
    with chromium_page(viewport={"width": 1280, "height": 720}) as page:
        log_in(page, live_server, "anna")
        check_pages(page, live_server.url, pages)
