"""The words of the printed documents, read back from the PDFs: nothing printed twice or
under the wrong label, the client's copy speaking to the client, results never claimed absent
when some were held back, and the alert sheet telling what happened."""
from datetime import date, datetime, timezone

import pytest

from pdf_helpers import (
    TODAY, clean_settings, client, destination, incident, pages_of, recent_tests, referral,
    staff, text_of, visit,
)
from records import clock
from records.models import ServiceItem
from reports import alert_sheet, referral_letter, visit_summary
from reports import blocks
from reports.neutral import find_forbidden

NORA = staff(name="Nora Tremblay", contact_line="Nora, RN - 514-555-0100")
CLINIC = destination(name="Dundas Health Centre")
DEMO = clean_settings(clinic_name="Night Van Outreach (demo)",
                      letterhead=("Night Van Outreach", "Persons at Risk program"))


def letter(copy="service", who=NORA, settings=None, recent=(), lang="en", **changes):
    return text_of(referral_letter(referral(**changes), client(), CLINIC, who,
                                   settings or clean_settings(), copy=copy, language=lang,
                                   recent_tests=recent, today=TODAY))


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("copy", ["service", "client"])
def test_the_contact_line_does_not_repeat_the_name_under_a_phone_label(copy):
    printed = flat(letter(copy))
    assert "Nora, RN" not in printed
    assert "Phone 514-555-0100" in printed
    assert printed.count("Nora Tremblay") == (2 if copy == "service" else 1)  # + the reply
    if copy == "service":
        assert "Name Nora Tremblay, Nurse Phone 514-555-0100" in printed
        assert "return it to Nora Tremblay (514-555-0100)." in printed


def test_a_contact_line_that_is_not_just_a_phone_is_labelled_contact():
    printed = flat(letter(who=staff(contact_line="Van phone 519-555-0142")))
    assert "Contact Van phone 519-555-0142" in printed
    assert "Phone Van phone" not in printed


@pytest.mark.parametrize(("line", "left"), [
    ("Nora, RN - 514-555-0100", "514-555-0100"),
    ("Nora Tremblay, RN, 514-555-0100 ext. 12", "514-555-0100 ext. 12"),
    ("Nurse Nora — cell 514 555 0100", "cell 514 555 0100"),
    ("Van phone 519-555-0142", "Van phone 519-555-0142"),
    ("514-555-0100 (Nora)", "514-555-0100 (Nora)"),
    ("Nora RN 514-555-0100", "Nora RN 514-555-0100"),  # no separator: kept whole
    ("Nora, RN", ""),
    ("", ""),
])
def test_contact_line_drops_only_a_leading_name_or_role(line, left):
    assert blocks.contact_line(staff(name="Nora Tremblay", contact_line=line)) == left


def test_the_clinic_name_prints_once_on_the_first_page():
    docs = {
        "service": referral_letter(referral(), client(), destination(), NORA, DEMO,
                                   copy="service", today=TODAY),
        "client": referral_letter(referral(), client(), destination(), NORA, DEMO,
                                  copy="client", today=TODAY),
        "summary": visit_summary(visit(), client(), NORA, DEMO, copy="client", today=TODAY),
        "clinical": visit_summary(visit(), client(), NORA, DEMO, copy="clinical", today=TODAY),
        "alerts": alert_sheet([incident()], DEMO, date_from=date(2025, 11, 16),
                              date_to=date(2025, 11, 29)),
    }
    for name, pdf in docs.items():
        first = pages_of(pdf)[0].extract_text()
        assert first.count("Night Van Outreach") == 1, name
        assert "Persons at Risk program" in first, name


def test_a_letterhead_line_that_says_more_than_the_name_is_kept():
    settings = clean_settings(clinic_name="Night Van",
                              letterhead=("Night Van Outreach", "Night Vanguard Street"))
    first = pages_of(referral_letter(referral(), client(), destination(), NORA, settings,
                                     copy="service", today=TODAY))[0].extract_text()
    assert "Night Van Outreach" in first and "Night Vanguard Street" in first


def test_the_client_copy_speaks_to_the_client():
    ticked = frozenset({"mental_health", "clinical_history"})
    who = client(medications="Methadone 80 mg")
    pdf = referral_letter(referral(disclose=ticked), who, destination(), NORA,
                          clean_settings(), copy="client", today=TODAY)
    printed = flat(text_of(pdf))
    assert "You chose to share this with the service." in printed
    assert "Not shown: it mentions a topic you did not choose to share." in printed
    for wrong in ("with you.", "the client chose", "the client did not", "your service"):
        assert wrong not in printed.lower()
    assert find_forbidden(printed, ticked) == []


def test_the_service_copy_names_the_topic_once_and_speaks_to_the_service():
    printed = flat(letter(disclose=frozenset({"mental_health"})))
    assert "Mental health The client chose to share this with your service." in printed
    assert printed.count("Mental health") == 1


def test_french_client_copy_speaks_to_the_client():
    printed = flat(letter("client", lang="fr", disclose=frozenset({"mental_health"})))
    assert "Vous avez choisi de partager ce sujet avec le service." in printed
    assert "avec vous." not in printed


HELD_BACK = [(date(2025, 11, 10), ServiceItem("hiv_test", "positive"))]


@pytest.mark.parametrize("copy", ["service", "client"])
def test_results_held_back_are_never_claimed_absent(copy):
    printed = letter(copy, recent=HELD_BACK, disclose=frozenset({"clinical_history"}),
                     reason="Follow-up", request="Assessment", client_told="", notes="")
    assert "None on record" not in printed
    assert "Recent results" not in printed  # nothing of this topic: nothing said about it
    assert "Asthma" in printed  # the rest of the clinical history is there
    assert "HIV" not in printed and "positive" not in printed


def test_shared_results_are_listed_and_a_topic_without_any_says_so():
    printed = flat(letter(recent=recent_tests(), disclose=frozenset({"clinical_history"})))
    assert "Recent results November 10, 2025: Wound care" in printed
    hiv = flat(letter(recent=[], disclose=frozenset({"hiv_sti_hep"})))
    assert "Recent results None on record." in hiv  # every result of this topic is listed


def test_the_letter_is_dated_in_the_clinics_zone(monkeypatch):
    # 02:30 UTC on the 25th is 21:30 on the 24th in Toronto.
    monkeypatch.setattr(clock, "now_utc",
                        lambda: datetime(2025, 11, 25, 2, 30, tzinfo=timezone.utc))
    made = datetime(2025, 11, 20, 18, 0, tzinfo=timezone.utc)
    pdf = referral_letter(referral(made_at=made), client(), destination(), NORA,
                          clean_settings(), copy="service")
    assert "November 24, 2025" in text_of(pdf) and "November 25" not in text_of(pdf)


def test_the_alert_sheet_tells_what_happened():
    printed = flat(text_of(alert_sheet(
        [incident(what_happened="Refused to pay, then pulled a knife.")], clean_settings(),
        date_from=date(2025, 11, 16), date_to=date(2025, 11, 29))))
    assert "What happened Refused to pay, then pulled a knife." in printed
    assert client().name not in printed.split() and NORA.name not in printed
