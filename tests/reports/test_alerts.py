"""The safety alert sheet: consented, current incidents only, and never the reporter."""
from datetime import date, datetime, timezone

from pdf_helpers import POISON, clean_settings, client, incident, metadata_of, poisoned_settings, staff, text_of
from reports import alert_sheet
from reports.neutral import find_forbidden

PERIOD = dict(date_from=date(2025, 11, 16), date_to=date(2025, 11, 29))


def sheet(incidents, settings=None, **kwargs):
    return text_of(alert_sheet(incidents, settings or clean_settings(), **PERIOD, **kwargs))


def test_prints_the_description_and_never_the_reporter():
    printed = sheet([incident()])
    for expected in ("Hamilton Rd", "Man, about 40, grey hair", "Dark blue pickup", "CKT 4",
                     "519-555-0101", "Wednesday, November 19, 2025, 22:15", "WHATHAPPENED"):
        assert expected in printed
    assert client().name not in printed.split() and client().uic not in printed
    assert staff().name not in printed


def test_only_consented_not_voided_incidents():
    printed = sheet([incident(area="SHOWN"), incident(area="NOCONSENT", consent_sheet=False),
                     incident(area="VOIDED", voided=True),
                     incident(area="POLICEONLY", consent_sheet=False, consent_police=True)])
    assert "SHOWN" in printed
    for hidden in ("NOCONSENT", "VOIDED", "POLICEONLY"):
        assert hidden not in printed


def test_period_is_in_clinic_local_time():
    printed = sheet([
        # 23:30 on Nov 15 in Toronto: before the period although the 16th in UTC.
        incident(area="BEFORE", occurred_at=datetime(2025, 11, 16, 4, 30, tzinfo=timezone.utc)),
        # 22:00 on Nov 29 in Toronto: inside although the 30th in UTC.
        incident(area="LASTDAY", occurred_at=datetime(2025, 11, 30, 3, 0, tzinfo=timezone.utc)),
        incident(area="AFTER", occurred_at=datetime(2025, 11, 30, 6, 0, tzinfo=timezone.utc)),
    ])
    assert "LASTDAY" in printed
    assert "BEFORE" not in printed and "AFTER" not in printed


def test_empty_period():
    assert "No alerts for this period." in sheet([])


def test_title_letterhead_and_metadata_are_neutral():
    pdf = alert_sheet([incident()], poisoned_settings(), **PERIOD)
    meta = metadata_of(pdf)
    assert meta["/Title"] == "Safety alert"
    assert find_forbidden(text_of(pdf) + " ".join(meta.values())) == []
    assert "LETTERHEAD" not in text_of(pdf)


def test_incident_text_is_printed_as_reported():
    """The descriptions are the content of the sheet: they are not filtered."""
    printed = sheet([incident(person_description=f"Says he is {POISON}")])
    assert "police" in printed


def test_french():
    printed = sheet([incident()], language="fr")
    assert "Alerte de sécurité" in printed
    assert "mercredi 19 novembre 2025 à 22 h 15" in " ".join(printed.split())
