"""Referral letters: what each copy carries."""
import pytest

from pdf_helpers import (
    TODAY, clean_settings, client, destination, metadata_of, recent_tests, referral, staff,
    text_of,
)
from reports import referral_letter
from reports.neutral import find_forbidden


def letter(copy="service", lang="en", settings=None, who=None, **changes):
    return referral_letter(referral(**changes), who or client(), destination(), staff(),
                           settings or clean_settings(), copy=copy, language=lang,
                           recent_tests=recent_tests(), today=TODAY)


def test_service_copy_has_full_destination_and_clinical_content():
    printed = text_of(letter())
    for expected in ("DESTNAME", "Addictions services", "355 Wellington St", "519-555-0199",
                     "Mon-Fri 9:00-16:30", "REASON", "REQUEST", "TOLD", "NOTES",
                     "Soon (within a few days)", "November 25, 2025", "Maria Lopez, Nurse",
                     "Van phone 519-555-0142", "Signature", "Riverside Street Health",
                     "120 Dundas Street, London ON"):
        assert expected in printed
    assert "DIRNOTES" not in printed  # the directory's own notes are for staff only


def test_service_copy_has_a_reply_section_to_fill_in():
    printed = text_of(letter())
    for expected in ("Reply / counter-referral", "return it to Maria Lopez", "Seen on (date)",
                     "Findings", "Recommendations", "Did not attend", "Signature and date"):
        assert expected in printed


def test_notes_only_on_the_service_copy_and_only_when_included():
    assert "NOTES" in text_of(letter(include_notes=True))
    assert "NOTES" not in text_of(letter(include_notes=False))
    assert "NOTES" not in text_of(letter(copy="client", include_notes=True))


def test_client_copy_never_prints_reason_or_request_and_prints_a_clean_told():
    printed = text_of(letter(copy="client", client_told="Walk-in on Wednesday afternoons."))
    assert "REASON" not in printed and "REQUEST" not in printed
    assert "Walk-in on Wednesday afternoons." in printed
    assert "Downtown Health Centre" in printed and "DESTNAME" not in printed
    assert "Reply / counter-referral" not in printed


def test_client_copy_replaces_a_told_text_that_mentions_an_unticked_topic():
    told = "They also run a needle exchange."
    assert told not in text_of(letter(copy="client", client_told=told))
    assert "We went over what to expect" in text_of(letter(copy="client", client_told=told))
    assert told in text_of(letter(copy="client", client_told=told,
                                  disclose=frozenset({"substance_use"})))


def test_client_copy_with_only_a_dirty_name_on_paper_falls_back_to_a_neutral_kind():
    pdf = referral_letter(referral(), client(), destination(paper_name=""), staff(),
                          clean_settings(), copy="client", today=TODAY)
    assert "Health service" in text_of(pdf)
    assert find_forbidden(text_of(pdf)) == []


@pytest.mark.parametrize(("choice", "who", "shown", "hidden"), [
    ("chosen", client(), "Sam", "Samantha"),
    ("legal", client(), "Samantha Jones", "FSAJO1990"),
    ("legal", client(legal_name=""), "Sam", "FSAJO1990"),
    ("uic", client(), "FSAJO1990", "Sam"),
])
@pytest.mark.parametrize("copy", ["service", "client"])
def test_name_on_paper(choice, who, shown, hidden, copy):
    pdf = letter(copy=copy, who=who, name_on_paper=choice)
    printed = text_of(pdf)
    assert shown in printed
    assert hidden not in printed
    assert not any(shown in value for value in metadata_of(pdf).values())


def test_uic_chosen_but_not_recorded_prints_no_name():
    printed = text_of(letter(who=client(uic=""), name_on_paper="uic"))
    assert "The client agreed to this referral" in printed
    assert "Sam" not in printed.split()
    assert "Sam" not in text_of(letter(copy="client", who=client(uic=""), name_on_paper="uic"))


def test_consent_statement_lists_exactly_the_ticked_topics():
    default = text_of(letter())
    assert "Sam agreed to this referral" in default
    assert "no other health history" in default
    ticked = text_of(letter(disclose=frozenset({"mental_health", "clinical_history"})))
    assert "with your service: mental health; clinical history." in " ".join(ticked.split())
    assert "The client chose to share this with your service." in ticked


def test_clinical_history_prints_problems_medications_allergies_and_other_results():
    printed = text_of(letter(disclose=frozenset({"clinical_history"})))
    for expected in ("Asthma", "Salbutamol", "Penicillin", "Wound care", "Pregnancy test"):
        assert expected in printed
    assert "HIV test" not in printed


def test_a_history_field_that_mentions_an_unticked_topic_is_withheld_on_every_copy():
    who = client(medications="Methadone 80 mg")
    for copy in ("service", "client"):
        pdf = referral_letter(referral(disclose=frozenset({"clinical_history"})), who,
                              destination(), staff(), clean_settings(), copy=copy, today=TODAY)
        assert "Methadone" not in text_of(pdf)
        assert "Not shown: it mentions a topic" in text_of(pdf)


def test_hiv_sti_hep_prints_recent_test_results():
    printed = text_of(letter(disclose=frozenset({"hiv_sti_hep"})))
    assert "November 10, 2025: HIV test, negative" in printed
    assert "Asthma" not in printed


def test_metadata_is_neutral_on_both_copies():
    for copy in ("service", "client"):
        meta = metadata_of(letter(copy=copy))
        assert meta["/Title"] == "Letter"
        assert meta["/Author"] == "Riverside Street Health"
        assert meta["/Creator"] == "Clinic records"
        assert find_forbidden(" ".join(meta.values())) == []


def test_french_copy():
    printed = text_of(letter(lang="fr"))
    assert "Lettre d'orientation" in printed
    assert "25 novembre 2025" in printed
    assert "Réponse et suivi de l'orientation" in printed


def test_unknown_copy_is_an_error():
    with pytest.raises(ValueError, match="copy"):
        letter(copy="other")
