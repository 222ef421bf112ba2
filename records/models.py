"""The clinic's records as plain dataclasses: no Qt, no SQL.

Vocabularies are tuples of stable codes; labels for people live in `records.vocab`.
Datetimes are timezone-aware UTC; the clinic's zone comes from `Settings.timezone`.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

ROLES = ("nurse", "outreach", "police_liaison")
MIN_PASSPHRASE = 8  # characters, for every staff passphrase
DIRECTORY_KINDS = (
    "addictions", "mental_health", "sexual_health", "primary_care",
    "shelter", "victim_services", "legal_aid", "police_liaison",
)
SERVICES = (
    "wound_care", "sti_test", "hiv_test", "hcv_test", "pregnancy_test",
    "vaccination", "contraception", "naloxone_training", "counselling", "basic_needs",
)
TEST_SERVICES = ("sti_test", "hiv_test", "hcv_test", "pregnancy_test")
TEST_RESULTS = ("pending", "negative", "positive", "invalid", "declined")
SUPPLIES = (
    "needles", "pipes", "condoms", "naloxone_injectable", "naloxone_nasal", "sharps_containers",
)
URGENCIES = ("routine", "soon", "urgent")
REFERRAL_STATUSES = ("made", "attended", "not_attended", "declined")
NAME_ON_PAPER = ("chosen", "legal", "uic")
# Disclosure topics a client may tick per referral; nothing is ticked by default.
TOPICS = (
    "substance_use", "sex_work", "hiv_sti_hep", "mental_health", "violence_police",
    "clinical_history",
)
GENDERS = ("F", "M", "X")  # UIC gender code: female, male, another gender; "" = not given
LANGUAGES = ("en", "fr")
PAPER_SIZES = ("letter", "A4")


def from_db_fields(cls, fields: dict):
    """A frozen record from every one of its fields, read back from the database (so already
    valid), without the generated __init__: that sets each field through
    object.__setattr__, about nine times slower, which showed when a page lists hundreds of
    visits. Equal to `cls(**fields)`; only for classes without __post_init__ or slots."""
    record = object.__new__(cls)
    record.__dict__.update(fields)
    return record


@dataclass(frozen=True)
class Staff:
    id: int
    name: str
    role: str
    contact_line: str = ""
    slot_id: str = ""
    active: bool = True


@dataclass(frozen=True)
class Client:
    id: int
    name: str
    legal_name: str = ""
    aliases: tuple[str, ...] = ()
    pronouns: str = ""
    gender: str = ""
    birth_year: int | None = None
    birth_date: date | None = None
    phone: str = ""
    contact_notes: str = ""
    flags: tuple[str, ...] = ()
    problems: str = ""
    medications: str = ""
    allergies: str = ""
    ref: str = ""
    # Parts the client gives for the UIC (first and last name as used for the code).
    uic_first: str = ""
    uic_last: str = ""
    uic_chosen: str = ""
    uic: str = ""
    uic_complete: bool = False
    language: str = "en"
    created_at: datetime | None = None
    deleted: bool = False


@dataclass(frozen=True)
class Shift:
    id: int
    staff_id: int
    started_at: datetime
    ended_at: datetime | None = None
    sites: tuple[str, ...] = ()


@dataclass(frozen=True)
class ServiceItem:
    kind: str
    result: str = ""  # for tests: one of TEST_RESULTS, "" when not applicable


@dataclass(frozen=True)
class Visit:
    id: int
    client_id: int | None  # None: anonymous quick contact
    staff_id: int
    occurred_at: datetime
    site: str = ""
    shift_id: int | None = None
    reason: str = ""
    note: str = ""
    services: tuple[ServiceItem, ...] = ()
    supplies: dict[str, int] = field(default_factory=dict)
    needles_returned: int = 0
    secondary: bool = False  # supplies collected for someone else
    overdose_reversals: int = 0
    follow_up: str = ""
    quick: bool = False
    version: int = 1
    voided: bool = False


@dataclass(frozen=True)
class DirectoryEntry:
    id: int
    name: str
    kind: str
    paper_name: str = ""  # neutral name for client copies
    address: str = ""
    phone: str = ""
    hours: str = ""
    notes: str = ""

    @property
    def name_on_paper(self) -> str:
        return self.paper_name or self.name


@dataclass(frozen=True)
class Referral:
    id: int
    client_id: int
    destination_id: int
    staff_id: int
    made_at: datetime
    visit_id: int | None = None
    reason: str = ""
    request: str = ""
    urgency: str = "routine"
    client_told: str = ""
    name_on_paper: str = "chosen"
    disclose: frozenset[str] = frozenset()
    include_notes: bool = False  # free-text notes on the service copy only when chosen
    notes: str = ""
    status: str = "made"
    status_date: date | None = None
    version: int = 1
    voided: bool = False


@dataclass(frozen=True)
class Incident:
    id: int
    staff_id: int
    occurred_at: datetime
    area: str = ""
    person_description: str = ""
    vehicle_description: str = ""
    plate_partial: str = ""
    phone: str = ""
    what_happened: str = ""
    client_id: int | None = None
    consent_sheet: bool = False  # anonymised on the printed alert sheet
    consent_police: bool = False  # shared with the police liaison
    recorded_at: datetime | None = None
    version: int = 1
    voided: bool = False


@dataclass(frozen=True)
class ScheduleEntry:
    when: str  # e.g. "Tuesday 21:00-02:00"
    site: str


@dataclass(frozen=True)
class Settings:
    clinic_name: str = "Street clinic"
    program: str = "PAR"
    van_name: str = "Van"
    van_code: str = "VAN1"
    timezone: str = "America/Toronto"
    letterhead: tuple[str, ...] = ()
    paper_size: str = "letter"
    schedule: tuple[ScheduleEntry, ...] = ()
    export_recipient: str = ""
    recovery_recipient: str = ""
    uic_secret: str = ""
    idle_lock_minutes: int = 5
    backup_folder: str = ""
    backup_keep: int = 7


@dataclass(frozen=True)
class Revision:
    """An earlier version of a visit, referral or incident, kept on correction."""
    entity: str
    entity_id: int
    version: int
    data: dict
    replaced_at: datetime
    staff_id: int

