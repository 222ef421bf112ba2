"""A small clinic to print from: two clients, a visit with tests, a referral, incidents.
Shared by the records, command-line and Qt printing tests."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from io import BytesIO

from pypdf import PdfReader

from records import clients, clock, directory, incidents, referrals, visits
from records.models import Client, DirectoryEntry, Referral, Visit

CLIENT_NAME = "Rosalind Quill"  # unusual enough to be searched for in printed output
PAPER_NAME = "Thames Valley Health Centre"


@dataclass(frozen=True)
class Clinic:
    vault: object
    rose: Client
    kit: Client
    service: DirectoryEntry
    visit: Visit
    referral: Referral


def build_clinic(vault) -> Clinic:
    now = clock.now_utc()
    rose = clients.register(vault, CLIENT_NAME, gender="F", uic_first="Marie", uic_last="Smith",
                            birth_year=1990, ref="A-102", language="fr",
                            problems="Asthma", medications="Salbutamol")
    kit = clients.register(vault, "Kit")
    service = directory.add(vault, "Addiction Services of Thames Valley", "addictions",
                            paper_name=PAPER_NAME, address="200 Queens Ave",
                            hours="Mon-Fri 9-5")
    visit = visits.record(vault, client_id=rose.id, occurred_at=now - timedelta(hours=1),
                          site="Dundas & Adelaide", reason="needle exchange",
                          note="Talked about overdose risk",
                          services=[("hiv_test", "negative"), ("sti_test", "pending"),
                                    "wound_care", "naloxone_training"],
                          supplies={"needles": 20, "condoms": 10}, follow_up="Come back Tuesday")
    visits.record(vault, client_id=rose.id, occurred_at=now - timedelta(days=500),
                  services=[("hcv_test", "positive")])  # too old for "recent"
    referral = referrals.make(vault, rose.id, service.id, visit_id=visit.id,
                              reason="opioid use, wants methadone", request="Assessment",
                              urgency="soon", client_told="They open at nine",
                              disclose=["hiv_sti_hep"])
    incidents.report(vault, occurred_at=now - timedelta(days=2), consent_sheet=True,
                     consent_police=False, area="Hamilton Rd", plate_partial="CKT 4",
                     person_description="Man, about 40", what_happened="WHATHAPPENED",
                     client_id=rose.id)
    incidents.report(vault, occurred_at=now - timedelta(days=3), consent_sheet=False,
                     consent_police=True, area="NOT ON SHEET")
    incidents.report(vault, occurred_at=now - timedelta(days=30), consent_sheet=True,
                     consent_police=False, area="TOO OLD")
    return Clinic(vault, rose, kit, service, visit, referral)


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(BytesIO(pdf))
    meta = " ".join(str(v) for v in (reader.metadata or {}).values())
    return meta + "\n" + "\n".join(page.extract_text() for page in reader.pages)


def page_count(pdf: bytes) -> int:
    return len(PdfReader(BytesIO(pdf)).pages)
