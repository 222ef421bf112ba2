"""One ISO week of one vault, read into plain de-identified data.

`collect` is the only step of an export that reads the database. What it returns holds no
name, alias, ref, phone, date of birth, note or incident description: a client is reduced to
the keyed hash of a complete UIC (or nothing), a 5-year birth band and whether this week
brought their first contact ever in this vault. Internal client ids stay in the data only to
link a person's contacts and referrals inside one bundle; no output writes them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from .. import audit, clock, incidents, referrals, shifts, uic, visits
from ..errors import ValidationError
from ..models import ServiceItem

if TYPE_CHECKING:
    from ..vault import Vault

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Person:
    """A client as the export sees them."""
    key: str  # HMAC-SHA256 of the complete UIC; "" when the code is incomplete
    birth_band: str  # e.g. "1985-1989"; "" when unknown
    new: bool  # first contact ever in this vault falls in the week


@dataclass(frozen=True)
class Contact:
    """One visit or quick contact of the week."""
    number: int  # 1, 2, ... in time order (the line list's row number)
    day: date  # local date
    site: str
    quick: bool
    client_id: int | None  # None: anonymous contact
    services: tuple[ServiceItem, ...]
    supplies: dict[str, int]
    needles_returned: int
    secondary: bool
    overdose_reversals: int
    referral_kinds: tuple[str, ...]  # destination kinds of referrals made at this contact

    @property
    def weekday(self) -> str:
        return WEEKDAYS[self.day.weekday()]


@dataclass(frozen=True)
class ReferralItem:
    id: int
    client_id: int
    kind: str  # destination kind
    made_on: date  # local date
    status: str
    status_date: date | None
    outcome_in_week: bool  # the outcome was recorded during the week
    contact_number: int | None  # the week's contact it was made at, if any


@dataclass(frozen=True)
class Session:
    started_on: date
    hours: float  # 0 for a shift not yet ended


@dataclass(frozen=True)
class IncidentItem:
    consent_sheet: bool
    consent_police: bool


@dataclass(frozen=True)
class WeekData:
    program: str
    van_code: str
    van_name: str
    timezone: str
    week: str  # "2026-W47"
    days: tuple[date, ...]  # Monday..Sunday, local
    contacts: tuple[Contact, ...]
    people: dict[int, Person]  # client id -> person, for every client in the week's data
    referrals_made: tuple[ReferralItem, ...]  # made during the week
    outcomes: tuple[ReferralItem, ...]  # outcome recorded during the week, whenever made
    sessions: tuple[Session, ...]
    incidents: tuple[IncidentItem, ...]
    audit_seq: int
    audit_head: str
    staff: str
    # (seq, the chain's hash at that seq now or "" if gone, week) of each earlier export
    audit_anchors: tuple[tuple[int, str, str], ...] = ()


def birth_band(year: int | None) -> str:
    """A 5-year band, e.g. 1987 -> '1985-1989'."""
    if not year:
        return ""
    low = year - year % 5
    return f"{low}-{low + 4}"


def collect(vault: "Vault", week: str) -> WeekData:
    """Read the week (clinic local time, Monday to Sunday) from the vault."""
    vault.require_clinical()
    settings = vault.settings
    tz = settings.timezone
    year, number = clock.parse_week(week)
    week = f"{year}-W{number:02d}"
    start, end = clock.week_bounds(week, tz)
    monday = date.fromisocalendar(year, number, 1)
    db = vault.db

    kinds = {r[0]: r[1] for r in db.execute("SELECT id, kind FROM directory")}
    week_visits = visits.between(vault, start, end)
    made = referrals.made_between(vault, start, end)
    recorded = referrals.outcomes_between(vault, start, end)
    contact_of = {v.id: n for n, v in enumerate(week_visits, 1)}
    kinds_at: dict[int, list[str]] = {}
    for r in made:
        if r.visit_id in contact_of:
            kinds_at.setdefault(r.visit_id, []).append(kinds[r.destination_id])

    contacts = tuple(Contact(
        number=contact_of[v.id], day=clock.local_date(v.occurred_at, tz), site=v.site,
        quick=v.quick, client_id=v.client_id, services=v.services, supplies=dict(v.supplies),
        needles_returned=v.needles_returned, secondary=v.secondary,
        overdose_reversals=v.overdose_reversals,
        referral_kinds=tuple(sorted(kinds_at.get(v.id, ()))))
        for v in week_visits)

    client_ids = {c.client_id for c in contacts if c.client_id is not None}
    client_ids |= {r.client_id for r in (*made, *recorded)}
    seen_this_week = {c.client_id for c in contacts if c.client_id is not None}
    people = _people(vault, client_ids, seen_this_week, start, settings.uic_secret)

    outcome_ids = {r.id for r in recorded}

    def item(r) -> ReferralItem:
        return ReferralItem(
            id=r.id, client_id=r.client_id, kind=kinds[r.destination_id],
            made_on=clock.local_date(r.made_at, tz), status=r.status,
            status_date=r.status_date, outcome_in_week=r.id in outcome_ids,
            contact_number=contact_of.get(r.visit_id))

    sessions = tuple(Session(
        started_on=clock.local_date(s.started_at, tz),
        hours=(s.ended_at - s.started_at).total_seconds() / 3600 if s.ended_at else 0.0)
        for s in shifts.between(vault, start, end))
    reported = tuple(IncidentItem(i.consent_sheet, i.consent_police)
                     for i in incidents.find(vault, start=start, end=end))
    seq, head = audit.head(db)
    return WeekData(
        program=settings.program, van_code=settings.van_code, van_name=settings.van_name,
        timezone=tz, week=week, days=tuple(monday + timedelta(days=i) for i in range(7)),
        contacts=contacts, people=people,
        referrals_made=tuple(item(r) for r in made),
        outcomes=tuple(item(r) for r in recorded),
        sessions=sessions, incidents=reported, audit_seq=seq, audit_head=head,
        staff=vault.staff.name, audit_anchors=_anchors(db))


def _anchors(db) -> tuple[tuple[int, str, str], ...]:
    """For each earlier export, the chain's hash at its sequence as the log holds it now
    (a log cut back and regrown gives another hash, or none)."""
    return tuple((seq, digest or "", week) for seq, week, digest in db.execute(
        "SELECT e.audit_seq, min(e.week), a.hash FROM exports e"
        " LEFT JOIN audit a ON a.seq = e.audit_seq GROUP BY e.audit_seq ORDER BY e.audit_seq"))


def _people(vault: "Vault", client_ids: set[int], seen_this_week: set[int], start: datetime,
            secret: str) -> dict[int, Person]:
    """Hash each client's complete code; a person is new when no client record carrying the
    same complete code (or, for a deleted client, the same kept hash) has a contact before
    the week. Records with incomplete codes are new when that record has none."""
    if not client_ids:
        return {}
    if not secret:
        raise ValidationError("uic_secret", "the program's UIC secret is not set: ask the "
                                            "coordinator for it and set it in Settings (or "
                                            "python main.py settings set uic_secret "
                                            "--value-file FILE)")
    db = vault.db
    marks = ",".join("?" * len(client_ids))
    key_of: dict[int, str] = {}
    band_of: dict[int, str] = {}
    code_key: dict[str, str] = {}  # complete code -> its keyed hash, for this week's clients
    for cid, code, complete, kept_hash, year in db.execute(
            f"SELECT id, uic, uic_complete, uic_hash, birth_year FROM clients WHERE id IN ({marks})",
            list(client_ids)):
        if complete and code:
            key_of[cid] = code_key.setdefault(code, uic.keyed_hash(code, secret))
        else:
            key_of[cid] = kept_hash or ""
        band_of[cid] = birth_band(year or uic.birth_year(code))  # a chosen code's year

    # Most people seen this week were seen before under this very record; only for the
    # others are their other records (the same complete code) looked up and probed.
    before = _seen_before(db, seen_this_week, start)
    unsure = {key_of[c] for c in seen_this_week - before if key_of[c]}
    records_of = _same_person_records(
        vault, unsure, {code: k for code, k in code_key.items() if k in unsure}, secret
    ) if unsure else {}
    before |= _seen_before(db, {i for ids in records_of.values() for i in ids} - seen_this_week,
                           start)

    people = {}
    for cid in client_ids:
        key = key_of[cid]
        ids = records_of.get(key, {cid}) if key else {cid}
        new = cid in seen_this_week and not (ids & before)
        people[cid] = Person(key=key, birth_band=band_of[cid], new=new)
    return people


def _seen_before(db, client_ids: set[int], start: datetime) -> set[int]:
    """The records among `client_ids` with a contact before `start`: one index probe each,
    stopping at the first such contact."""
    if not client_ids:
        return set()
    return {r[0] for r in db.execute(
        "SELECT value FROM json_each(?) WHERE EXISTS (SELECT 1 FROM visits"
        " WHERE client_id = value AND occurred_at < ? AND voided = 0)",
        [json.dumps(sorted(client_ids)), clock.to_db(start)])}


def _same_person_records(vault: "Vault", keys: set[str], code_key: dict[str, str],
                         secret: str) -> dict[str, set[int]]:
    """Every client record carrying one of `keys`: live records by their complete code
    (indexed: the same code gives the same key), deleted ones by the hash they kept. Only a
    key that came from a deleted record (its code is gone) needs hashing every live code."""
    db = vault.db
    records_of: dict[str, set[int]] = {}
    codes = list(code_key)
    for start in range(0, len(codes), 500):
        chunk = codes[start:start + 500]
        for cid, code in db.execute(
                f"SELECT id, uic FROM clients WHERE uic_complete = 1 AND uic IN"
                f" ({','.join('?' * len(chunk))})", chunk):
            records_of.setdefault(code_key[code], set()).add(cid)
    for cid, kept_hash in db.execute("SELECT id, uic_hash FROM clients WHERE uic_hash != ''"):
        if kept_hash in keys:
            records_of.setdefault(kept_hash, set()).add(cid)
    if keys - set(code_key.values()):
        for cid, code in db.execute("SELECT id, uic FROM clients WHERE uic_complete = 1"
                                    " AND uic != ''"):
            key = uic.keyed_hash(code, secret)
            if key in keys:
                records_of.setdefault(key, set()).add(cid)
    return records_of
