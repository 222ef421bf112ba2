"""Printing, records side: what each document needs, the print-later queue, the audit of
every print or saved file, and where a saved PDF may safely go. No Qt, no reportlab:
reports.render turns the gathered inputs into PDF bytes.

A print job is named by what it prints (`PrintJob`: kind, record id, copy, language, and the
disclosure of a visit summary), never by the PDF itself. The print-later queue stores only
that: the document is rendered again at print time, so a correction, a void or a deletion at
the client's request made meanwhile is what prints (or stops the job), and no second copy of
the client's data sits in the vault as a finished document.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from . import clients, clock, directory, incidents, referrals, search, staff, validate, visits
from .errors import NotFound, ValidationError, msg
from .models import (LANGUAGES, TOPICS, Client, DirectoryEntry, Incident, Referral,
                     ServiceItem, Settings, Staff, Visit)

if TYPE_CHECKING:
    from .vault import Vault

# Document kinds (also the audit entity of a print) and the copies each one has.
COPIES = {"referral": ("service", "client"), "visit": ("client", "clinical"), "alert_sheet": ()}
DOCUMENT_NAMES = {"referral": "referral letter", "visit": "visit summary",
                  "alert_sheet": "alert sheet"}
DESTINATIONS = ("printer", "file")
RECENT_DAYS = 365  # how far back a referral letter looks for test results and services


@dataclass(frozen=True)
class PrintJob:
    """One document to print. `language` None means the client's own language setting."""
    kind: str
    entity_id: int | None = None
    copy: str = ""
    language: str | None = None
    disclose: frozenset[str] = frozenset()  # visit summary: topics the client ticked
    date_from: date | None = None  # alert sheet period, both ends included
    date_to: date | None = None

    @property
    def title(self) -> str:
        """For the nurse's eyes (queue view, messages): "referral letter, client copy"."""
        name = DOCUMENT_NAMES[self.kind]
        return f"{name}, {self.copy} copy" if self.copy else name


def check(job: PrintJob) -> PrintJob:
    """A job whose kind, copy, language, topics and period make sense together."""
    validate.choice("document", job.kind, tuple(COPIES))
    copies = COPIES[job.kind]
    if copies:
        if job.copy not in copies:
            raise ValidationError("copy", msg("a {document} has a {copies} copy, not {copy}",
                                              document=DOCUMENT_NAMES[job.kind],
                                              copies=" or a ".join(copies), copy=repr(job.copy)))
        if job.entity_id is None:
            raise ValidationError("document", msg("which {document}?",
                                                  document=DOCUMENT_NAMES[job.kind]))
    elif job.copy:
        raise ValidationError("copy", "the alert sheet has a single copy")
    if job.language is not None:
        validate.choice("language", job.language, LANGUAGES)
    for topic in job.disclose:
        validate.choice("disclosure", topic, TOPICS)
    if job.disclose and job.kind != "visit":
        raise ValidationError("disclosure", "is chosen per referral, not at printing")
    if job.kind == "alert_sheet":
        if job.date_from is None or job.date_to is None:
            raise ValidationError("period", "the alert sheet needs a first and a last day")
        if job.date_from > job.date_to:
            raise ValidationError("period", "the first day is after the last day")
    return job


# --- what each document needs ------------------------------------------------------------

@dataclass(frozen=True)
class ReferralInputs:
    referral: Referral
    client: Client
    destination: DirectoryEntry
    staff: Staff
    settings: Settings
    copy: str
    language: str
    recent_tests: tuple[tuple[date, ServiceItem], ...] = ()


@dataclass(frozen=True)
class VisitInputs:
    visit: Visit
    client: Client | None
    staff: Staff
    settings: Settings
    copy: str
    language: str
    referrals: tuple[tuple[Referral, DirectoryEntry], ...] = ()
    disclose: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class AlertInputs:
    incidents: tuple[Incident, ...]
    settings: Settings
    date_from: date
    date_to: date
    language: str


DocumentInputs = ReferralInputs | VisitInputs | AlertInputs


def gather(vault: "Vault", job: PrintJob) -> DocumentInputs:
    """Everything the job's document prints, read from the vault."""
    check(job)
    if job.kind == "referral":
        return _referral_inputs(vault, job)
    if job.kind == "visit":
        return _visit_inputs(vault, job)
    return _alert_inputs(vault, job)


def _printable_client(vault: "Vault", client_id: int) -> Client:
    client = clients.get(vault, client_id)
    if client.deleted:
        raise NotFound("this client's data was deleted at their request; nothing to print")
    return client


def _referral_inputs(vault: "Vault", job: PrintJob) -> ReferralInputs:
    referral = referrals.get(vault, job.entity_id)
    if referral.voided:
        raise ValidationError("referral", "this referral was voided; it is not printed")
    client = _printable_client(vault, referral.client_id)
    return ReferralInputs(
        referral=referral, client=client,
        destination=directory.get(vault, referral.destination_id),
        staff=staff.get(vault, referral.staff_id), settings=vault.settings, copy=job.copy,
        language=job.language or client.language,
        recent_tests=recent_services(vault, client.id, referral.made_at))


def recent_services(vault: "Vault", client_id: int,
                    until: datetime) -> tuple[tuple[date, ServiceItem], ...]:
    """(local day, service) of the client's visits in the RECENT_DAYS up to `until`'s day
    (the whole day: a visit saved just after the referral still counts), newest first.
    The letter prints only those of the topics the client ticked."""
    tz = vault.settings.timezone
    last_day = clock.local_date(until, tz)
    first_day = last_day - timedelta(days=RECENT_DAYS)
    found = []
    for visit in visits.for_client(vault, client_id, include_voided=False):
        day = clock.local_date(visit.occurred_at, tz)
        if first_day <= day <= last_day:
            found += [(day, item) for item in visit.services]
    return tuple(found)


def _visit_inputs(vault: "Vault", job: PrintJob) -> VisitInputs:
    visit = visits.get(vault, job.entity_id)
    if visit.voided:
        raise ValidationError("visit", "this visit was voided; it is not printed")
    client = _printable_client(vault, visit.client_id) if visit.client_id is not None else None
    return VisitInputs(
        visit=visit, client=client, staff=staff.get(vault, visit.staff_id),
        settings=vault.settings, copy=job.copy,
        language=job.language or (client.language if client else "en"),
        referrals=_visit_referrals(vault, visit), disclose=frozenset(job.disclose))


def _visit_referrals(vault: "Vault", visit: Visit) -> tuple[tuple[Referral, DirectoryEntry], ...]:
    """Referrals made at this visit: linked to it, or unlinked and made the same local day."""
    if visit.client_id is None:
        return ()
    tz = vault.settings.timezone
    day = clock.local_date(visit.occurred_at, tz)
    made = [r for r in referrals.for_client(vault, visit.client_id) if not r.voided and (
        r.visit_id == visit.id
        or (r.visit_id is None and clock.local_date(r.made_at, tz) == day))]
    return tuple((r, directory.get(vault, r.destination_id)) for r in reversed(made))


def _alert_inputs(vault: "Vault", job: PrintJob) -> AlertInputs:
    start, end = local_days(job.date_from, job.date_to, vault.settings.timezone)
    found = incidents.find(vault, start=start, end=end, for_sheet=True)
    return AlertInputs(incidents=tuple(_for_sheet(vault, i) for i in found),
                       settings=vault.settings, date_from=job.date_from, date_to=job.date_to,
                       language=job.language or "en")


def _for_sheet(vault: "Vault", incident: Incident) -> Incident:
    """The incident as the alert sheet may print it: its "what happened" is left off when it
    carries a word of the linked reporter's name, alias or legal name (a backstop: the form
    asks for it without names), or when this account cannot see who reported it."""
    text = incident.what_happened
    if not text.strip():
        return incident
    if vault.is_police_liaison:
        return replace(incident, what_happened="")
    if incident.client_id is None:
        return incident
    reporter = clients.get(vault, incident.client_id)
    names = {word.casefold() for value in (reporter.name, reporter.legal_name, *reporter.aliases)
             for word in re.findall(r"[^\W\d_]{2,}", value)}
    said = {word.casefold() for word in re.findall(r"[^\W\d_]+", text)}
    return replace(incident, what_happened="") if names & said else incident


def local_days(first: date, last: date, tz: str) -> tuple[datetime, datetime]:
    """UTC instants [start, end) from local midnight of `first` to the midnight after `last`."""
    zone = clock.zone(tz)
    start = datetime.combine(first, time(), zone)
    end = datetime.combine(last + timedelta(days=1), time(), zone)
    return start.astimezone(timezone.utc), end.astimezone(timezone.utc)


def last_days(vault: "Vault", days: int = 7) -> tuple[date, date]:
    """The alert sheet's default period: the last `days` days, today included."""
    today = clock.local_date(clock.now_utc(), vault.settings.timezone)
    return today - timedelta(days=days - 1), today


# --- the latest document of a client, and finding a client from the command line ----------

def latest_referral(vault: "Vault", client_id: int) -> Referral:
    made = [r for r in referrals.for_client(vault, client_id) if not r.voided]
    if not made:
        raise NotFound("this client has no referral to print")
    return made[0]


def latest_visit(vault: "Vault", client_id: int) -> Visit:
    found = visits.for_client(vault, client_id, limit=1, include_voided=False)
    if not found:
        raise NotFound("this client has no visit to print")
    return found[0]


def find_client(vault: "Vault", text: str) -> Client:
    """Exactly one client by exact ref, else exact UIC, else exact name or alias (case-
    insensitive). Several matches are an error that lists their codes (never their names)."""
    wanted = text.strip()
    if not wanted:
        raise ValidationError("client", "give a name, a code (UIC) or a ref")
    by_ref = clients.by_ref(vault, wanted)
    if by_ref is not None and not by_ref.deleted:
        return by_ref
    rows = vault.db.execute(
        "SELECT id FROM clients WHERE uic = ? AND deleted_at IS NULL AND merged_into IS NULL"
        " ORDER BY id", [wanted.upper()]).fetchall()
    ids = [row[0] for row in rows]
    if not ids:
        folded = wanted.casefold()
        ids = [hit.id for hit in search.search(vault, wanted, limit=10_000)
               if folded in {n.casefold().strip() for n in (hit.name, *hit.aliases)}]
    if not ids:
        raise NotFound("no client has that ref, code or name")
    if len(ids) > 1:
        codes = sorted({clients.get(vault, i).uic or "no code" for i in ids})
        raise ValidationError("client", msg("{count} clients match (codes: {codes}); give a code "
                                            "or a ref instead", count=len(ids),
                                            codes=", ".join(codes)))
    return clients.get(vault, ids[0])


# --- audit and the print-later queue ----------------------------------------------------------

def record_print(vault: "Vault", job: PrintJob, destination: str) -> None:
    """The audit entry of one print or saved file: document, copy, client, where it went
    (the entry itself carries the staff member and the time)."""
    validate.choice("destination", destination, DESTINATIONS)
    parts = [f"document={job.kind}"]
    if job.copy:
        parts.append(f"copy={job.copy}")
    client_id = client_of(vault, job)
    if client_id is not None:
        parts.append(f"client={client_id}")
    if job.kind == "alert_sheet":
        parts.append(f"period={job.date_from.isoformat()}..{job.date_to.isoformat()}")
    parts.append(f"to={destination}")
    vault.record("print", job.kind, "" if job.entity_id is None else job.entity_id,
                 detail=" ".join(parts))


def client_of(vault: "Vault", job: PrintJob) -> int | None:
    """The client a referral letter or visit summary is about (None for the alert sheet)."""
    if job.kind == "referral":
        return referrals.get(vault, job.entity_id).client_id
    if job.kind == "visit":
        return visits.get(vault, job.entity_id).client_id
    return None


@dataclass(frozen=True)
class QueuedJob:
    id: int
    job: PrintJob
    queued_at: datetime
    staff_id: int


def queue(vault: "Vault", job: PrintJob) -> QueuedJob:
    """Keep a job to print later (no printer in the van tonight)."""
    check(job)
    client_of(vault, job)  # the record exists (and this account may see it)
    row = {"kind": job.kind, "entity_id": job.entity_id, "copy": job.copy,
           "language": job.language, "disclose": json.dumps(sorted(job.disclose)),
           "date_from": job.date_from.isoformat() if job.date_from else None,
           "date_to": job.date_to.isoformat() if job.date_to else None,
           "queued_at": clock.to_db(clock.now_utc()), "staff_id": vault.staff.id}
    with vault.write("queue", "print_job", detail=f"document={job.kind} copy={job.copy}") as box:
        box["entity_id"] = vault.insert("print_queue", row)
    return next(q for q in pending(vault) if q.id == box["entity_id"])


def pending(vault: "Vault") -> list[QueuedJob]:
    """Jobs waiting for a printer, oldest first."""
    return [QueuedJob(
        id=r["id"], queued_at=clock.from_db(r["queued_at"]), staff_id=r["staff_id"],
        job=PrintJob(kind=r["kind"], entity_id=r["entity_id"], copy=r["copy"],
                     language=r["language"], disclose=frozenset(json.loads(r["disclose"])),
                     date_from=date.fromisoformat(r["date_from"]) if r["date_from"] else None,
                     date_to=date.fromisoformat(r["date_to"]) if r["date_to"] else None))
        for r in vault.db.query("SELECT * FROM print_queue ORDER BY id")]


def done(vault: "Vault", queued_id: int, *, printed: bool = True) -> None:
    """Take a job off the queue: printed, or removed without printing."""
    if vault.db.execute("SELECT 1 FROM print_queue WHERE id = ?", [queued_id]).fetchone() is None:
        raise NotFound(msg("no print job {queued_id} waiting", queued_id=queued_id))
    with vault.write("dequeue", "print_job", queued_id,
                     detail="printed" if printed else "removed"):
        vault.db.execute("DELETE FROM print_queue WHERE id = ?", [queued_id])


# --- where a saved PDF may go ---------------------------------------------------------------

# Folder names of the common sync clients: a PDF saved there leaves the laptop.
SYNCED_NAMES = ("dropbox", "onedrive", "google drive", "googledrive", "my drive", "nextcloud",
                "owncloud", "icloud drive", "icloud", "mega", "megasync", "pcloud drive",
                "pcloud", "sync", "resilio sync", "seafile", "box", "box sync", "tresorit",
                "proton drive", "syncthing")


def synced_folder(path: Path) -> str | None:
    """The synced folder `path` is inside (its name), or None."""
    for part in Path(path).expanduser().parts:
        name = part.casefold()
        if name in SYNCED_NAMES or name.startswith(("onedrive", "dropbox", "nextcloud")):
            return part
    return None


def default_save_folder(home: Path | None = None) -> Path:
    """Documents when it exists and is not synced, else the home folder."""
    home = Path(home) if home is not None else Path.home()
    documents = (home / "Documents").resolve()
    if documents.is_dir():
        inside = documents.is_relative_to(home.resolve())
        if synced_folder(documents.relative_to(home.resolve()) if inside else documents) is None:
            return documents
    return home


def save_pdf(path: Path, pdf: bytes, *, force: bool = False) -> None:
    """Write a PDF the staff member chose to take out of the vault: owner-only (0600),
    complete or not at all, never over an existing file without `force`, never inside a
    vault or backup folder (records.outputs)."""
    from .outputs import write_file
    try:
        write_file(path, pdf, force=force)
    except OSError as exc:
        raise ValidationError("file", msg("cannot write {path}: {reason}", path=path,
                                          reason=exc.strerror)) from None


def neutral_name(day: date) -> str:
    """Job title and file name stem: says nothing about the client or the service."""
    return f"Clinic document {day.isoformat()}"


def job_name(vault: "Vault") -> str:
    """Today's neutral job title, dated in the clinic's zone like the documents themselves
    (a laptop left on UTC would otherwise title an evening's letters with tomorrow)."""
    return neutral_name(clock.local_date(clock.now_utc(), vault.settings.timezone))
