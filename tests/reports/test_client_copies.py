"""Client copies carry no forbidden word at the default, in English and in French (the
English and French lists of DOMAIN.md are one list, reports.neutral), text, title and metadata
included, and each ticked topic lets through only its own words. Every free-text field of the
fixtures holds every forbidden word."""
from datetime import date

import pytest

from pdf_helpers import (
    POISON, TODAY, destination, incident, metadata_of, poisoned_client, poisoned_settings,
    recent_tests, referral, staff, text_of, visit,
)
from records.models import LANGUAGES, TOPICS
from reports import alert_sheet, referral_letter, visit_summary
from reports.neutral import find_forbidden

# The metadata a file manager or print queue shows: every one is checked.
METADATA = ("/Title", "/Subject", "/Keywords", "/Author", "/Creator")


def referral_client_copy(disclose, lang):
    return referral_letter(
        referral(disclose=frozenset(disclose)), poisoned_client(), destination(),
        staff(contact_line=f"CONTACT {POISON}"), poisoned_settings(), copy="client",
        language=lang, recent_tests=recent_tests(), today=TODAY)


def summary_client_copy(disclose, lang):
    return visit_summary(
        visit(), poisoned_client(), staff(contact_line=f"CONTACT {POISON}"), poisoned_settings(),
        copy="client", language=lang, disclose=frozenset(disclose), today=TODAY,
        referrals=[(referral(disclose=frozenset(disclose)), destination())])


CLIENT_COPIES = {"referral": referral_client_copy, "summary": summary_client_copy}


def everything_printed(pdf: bytes) -> str:
    metadata = metadata_of(pdf)
    assert set(METADATA) <= set(metadata)
    return text_of(pdf) + "\n" + "\n".join(metadata.values())


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("document", CLIENT_COPIES)
def test_default_client_copy_has_no_forbidden_word(document, lang):
    pdf = CLIENT_COPIES[document]((), lang)
    printed = everything_printed(pdf)
    assert find_forbidden(printed) == []
    # Not vacuous: the page has content, and neutral stand-ins took the place of typed text.
    assert "Downtown Health Centre" in printed
    assert "Tuesday 21:00-02:00" in printed
    assert "120 Dundas Street" in printed
    assert "FSAJO1990" in printed  # the poisoned chosen name gave way to the UIC
    for marker in ("REASON", "REQUEST", "TOLD", "NOTES", "DESTNAME", "DIRNOTES", "LETTERHEAD",
                   "SCHEDULE", "CONTACT", "PROBLEMS", "VISITNOTE", "VISITREASON", "SITE",
                   "FOLLOWUP"):
        assert marker not in printed


@pytest.mark.parametrize("lang", LANGUAGES)
def test_alert_sheet_has_no_forbidden_word_of_its_own(lang):
    """The sheet goes to clients by default: its wording, title and metadata are neutral (the
    accounts it carries are printed as written: tests/reports/test_alerts.py)."""
    pdf = alert_sheet([incident()], poisoned_settings(), date_from=date(2025, 11, 16),
                      date_to=date(2025, 11, 29), language=lang)
    printed = everything_printed(pdf)
    assert find_forbidden(printed) == []
    assert "Hamilton Rd" in printed and "Dark blue pickup" in printed


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("topic", TOPICS)
@pytest.mark.parametrize("document", CLIENT_COPIES)
def test_a_ticked_topic_adds_only_its_own_words(document, topic, lang):
    printed = everything_printed(CLIENT_COPIES[document]({topic}, lang))
    assert find_forbidden(printed, {topic}) == []


@pytest.mark.parametrize("document", CLIENT_COPIES)
def test_ticking_hiv_sti_hep_shows_test_results_and_nothing_else(document):
    pdf = CLIENT_COPIES[document]({"hiv_sti_hep"}, "en")
    printed = text_of(pdf)
    assert "HIV test" in printed
    assert "Hepatitis C test" in printed
    assert set(find_forbidden(printed)) <= {"HIV", "STI", "hepatitis"}


def test_ticking_substance_use_names_supplies_on_the_summary():
    printed = text_of(summary_client_copy({"substance_use"}, "en"))
    assert "Needles and syringes: 10" in printed
    assert "Needles returned: 15" in printed
    assert "Naloxone training" in printed
    assert "HIV" not in printed


def test_default_summary_uses_neutral_labels_without_results():
    printed = text_of(summary_client_copy((), "en"))
    assert "Lab test (×4)" in printed
    assert "First-aid training" in printed
    assert "Health supplies: 40" in printed  # needles, pipes, condoms, sharps containers
    assert "First-aid kit: 20" in printed
    assert "negative" not in printed.lower()
    assert "Needles returned" not in printed


@pytest.mark.parametrize("document", CLIENT_COPIES)
def test_poisoned_clinic_name_gives_way_to_a_neutral_one(document):
    pdf = CLIENT_COPIES[document]((), "en")
    assert "Community health" in text_of(pdf)
    assert metadata_of(pdf)["/Author"] == "Community health"
