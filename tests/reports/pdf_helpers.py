"""Builders for record fixtures and readers for the PDFs the documents produce."""
from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timezone
from io import BytesIO

from pypdf import PdfReader

from records import models
from records.models import (
    Client, DirectoryEntry, Incident, Referral, ScheduleEntry, ServiceItem, Settings, Staff,
    Visit,
)
from reports.neutral import FORBIDDEN_WORDS

# Every forbidden word, to put into every free-text field.
POISON = " / ".join(FORBIDDEN_WORDS)
TODAY = date(2025, 11, 25)
MADE_AT = datetime(2025, 11, 25, 2, 30, tzinfo=timezone.utc)  # 21:30 on the 24th in Toronto


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(BytesIO(pdf)).pages)


def metadata_of(pdf: bytes) -> dict[str, str]:
    return {k: str(v) for k, v in (PdfReader(BytesIO(pdf)).metadata or {}).items()}


def pages_of(pdf: bytes) -> list:
    return PdfReader(BytesIO(pdf)).pages


def clean_settings(**changes) -> Settings:
    return replace(Settings(
        clinic_name="Riverside Street Health",
        letterhead=("120 Dundas Street, London ON", "Tel. 519-555-0142"),
        schedule=(ScheduleEntry("Tuesday 21:00-02:00", "Dundas & Adelaide"),),
    ), **changes)


def poisoned_settings() -> Settings:
    return clean_settings(
        clinic_name=f"Riverside {POISON}",
        letterhead=("120 Dundas Street, London ON", f"LETTERHEAD {POISON}"),
        schedule=(ScheduleEntry("Tuesday 21:00-02:00", "Dundas & Adelaide"),
                  ScheduleEntry("Friday", f"SCHEDULE {POISON}")),
    )


def staff(**changes) -> Staff:
    return replace(Staff(id=3, name="Maria Lopez", role="nurse",
                         contact_line="Van phone 519-555-0142"), **changes)


def client(**changes) -> Client:
    return replace(Client(id=1, name="Sam", uic="FSAJO1990", legal_name="Samantha Jones",
                          problems="Asthma", medications="Salbutamol", allergies="Penicillin"),
                   **changes)


def poisoned_client() -> Client:
    """Every text field carries every forbidden word, except the UIC (a code, not text)."""
    return client(
        name=f"Sam {POISON}", legal_name=f"Samantha {POISON}", aliases=(POISON,),
        pronouns=POISON, phone=POISON, contact_notes=POISON, flags=(POISON,),
        problems=f"PROBLEMS {POISON}", medications=f"MEDS {POISON}", allergies=POISON,
        ref=POISON, uic_first=POISON, uic_last=POISON, uic_chosen=POISON,
    )


def destination(**changes) -> DirectoryEntry:
    return replace(DirectoryEntry(
        id=2, name=f"DESTNAME {POISON}", kind="addictions", paper_name="Downtown Health Centre",
        address="355 Wellington St", phone="519-555-0199", hours="Mon-Fri 9:00-16:30",
        notes=f"DIRNOTES {POISON}"), **changes)


def referral(**changes) -> Referral:
    return replace(Referral(
        id=4, client_id=1, destination_id=2, staff_id=3, made_at=MADE_AT,
        reason=f"REASON {POISON}", request=f"REQUEST {POISON}", urgency="soon",
        client_told=f"TOLD {POISON}", include_notes=True, notes=f"NOTES {POISON}"), **changes)


def recent_tests() -> list[tuple[date, ServiceItem]]:
    results = dict(zip(models.TEST_SERVICES, ("positive", "negative", "pending", "negative")))
    return [(date(2025, 11, 10), ServiceItem(code, results.get(code, "")))
            for code in models.SERVICES]


def visit(**changes) -> Visit:
    return replace(Visit(
        id=9, client_id=1, staff_id=3, occurred_at=MADE_AT, site=f"SITE {POISON}",
        reason=f"VISITREASON {POISON}", note=f"VISITNOTE {POISON}",
        services=tuple(ServiceItem(code, "negative" if code in models.TEST_SERVICES else "")
                       for code in models.SERVICES),
        supplies={code: 10 for code in models.SUPPLIES}, needles_returned=15, secondary=True,
        overdose_reversals=1, follow_up=f"FOLLOWUP {POISON}"), **changes)


def incident(**changes) -> Incident:
    return replace(Incident(
        id=7, staff_id=3, occurred_at=datetime(2025, 11, 20, 3, 15, tzinfo=timezone.utc),
        area="Hamilton Rd", person_description="Man, about 40, grey hair",
        vehicle_description="Dark blue pickup", plate_partial="CKT 4", phone="519-555-0101",
        what_happened="WHATHAPPENED", client_id=1, consent_sheet=True), **changes)
