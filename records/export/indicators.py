"""The week's indicators: exact counts, every code always present (zeros included) so vans
add up key by key. Definitions (also in docs/export-format.md):

- a *contact* is one visit or quick contact (voided ones do not count); *named* when it is
  linked to a client record, *anonymous* otherwise;
- *unique clients* are distinct complete UICs (by keyed hash) among the week's named
  contacts; clients whose code is incomplete are counted apart, per client record
  (`clients.incomplete_code`), and never matched to anyone;
- *new* (among unique clients): no contact before this week in this vault, under any client
  record carrying the same code; *returning* = unique - new;
- *sessions*: shifts started in the week; *hours*: their length, 0 for a shift not ended;
- services count contacts with that service; tests count by type and result
  ("not_recorded" when no result was entered); supplies are quantities handed out;
- referrals are counted when made (by destination kind) and, separately, when an outcome is
  recorded (by outcome), whenever they were made;
- incidents count reports whose incident happened in the week, by consent.
"""
from __future__ import annotations

import csv
import io
from collections import Counter

from ..models import DIRECTORY_KINDS, SERVICES, SUPPLIES, TEST_RESULTS, TEST_SERVICES
from .linelist import safe_cell
from .week import WEEKDAYS, WeekData

OUTCOMES = ("attended", "not_attended", "declined")
NOT_RECORDED = "not_recorded"
TEST_OUTCOMES = (*TEST_RESULTS, NOT_RECORDED)
NALOXONE = ("naloxone_injectable", "naloxone_nasal")

# Every indicator code with its English label, in report order.
LABELS: dict[str, str] = {
    "contacts.total": "Contacts",
    "contacts.named": "Contacts with a client record",
    "contacts.anonymous": "Anonymous contacts",
    "contacts.quick": "Quick (supplies-only) contacts",
    "clients.unique": "Unique clients (complete UIC)",
    "clients.new": "New clients",
    "clients.returning": "Returning clients",
    "clients.incomplete_code": "Clients with an incomplete UIC (not matched)",
    **{f"contacts.{d.lower()}": f"Contacts on {d}" for d in WEEKDAYS},
    "shifts.sessions": "Sessions (shifts)",
    "shifts.hours": "Hours on the street",
    **{f"services.{s}": f"Service: {s.replace('_', ' ')}" for s in SERVICES},
    **{f"tests.{t}.{r}": f"Test: {t.replace('_', ' ')}, {r.replace('_', ' ')}"
       for t in TEST_SERVICES for r in TEST_OUTCOMES},
    "referrals.made": "Referrals made",
    **{f"referrals.made.{k}": f"Referrals made: {k.replace('_', ' ')}" for k in DIRECTORY_KINDS},
    **{f"referrals.outcome.{o}": f"Referral outcomes: {o.replace('_', ' ')}" for o in OUTCOMES},
    "referrals.outcome.earlier_weeks": "Referral outcomes for referrals made in earlier weeks",
    **{f"supplies.{s}": f"Supplies: {s.replace('_', ' ')}" for s in SUPPLIES},
    "supplies.naloxone_kits": "Naloxone kits (all forms)",
    "needles.returned": "Needles returned",
    "contacts.secondary": "Contacts collecting for someone else (secondary distribution)",
    "overdose.reversals": "Overdose reversals reported",
    "incidents.reported": "Incidents reported",
    "incidents.consent_sheet": "Incidents: consent to the alert sheet",
    "incidents.consent_police": "Incidents: consent to share with the police liaison",
    "incidents.record_only": "Incidents: kept on record only",
}
#: Only in the coordinator's merged report.
MERGED_LABELS = {"clients.seen_at_several_vans": "Unique clients seen at more than one van"}
#: Indicators that are not counts (never suppressed, not summed as people).
MEASURES = frozenset({"shifts.hours"})


def compute(data: WeekData) -> dict[str, int | float]:
    out: dict[str, int | float] = dict.fromkeys(LABELS, 0)
    contacts = data.contacts
    out["contacts.total"] = len(contacts)
    out["contacts.named"] = sum(c.client_id is not None for c in contacts)
    out["contacts.anonymous"] = out["contacts.total"] - out["contacts.named"]
    out["contacts.quick"] = sum(c.quick for c in contacts)

    seen = {c.client_id for c in contacts if c.client_id is not None}
    people = [data.people[cid] for cid in seen]
    unique = {p.key for p in people if p.key}
    new = {p.key for p in people if p.key and p.new}
    out["clients.unique"] = len(unique)
    out["clients.new"] = len(new)
    out["clients.returning"] = len(unique - new)
    out["clients.incomplete_code"] = sum(not p.key for p in people)

    per_day = Counter(c.weekday for c in contacts)
    for day in WEEKDAYS:
        out[f"contacts.{day.lower()}"] = per_day[day]
    out["shifts.sessions"] = len(data.sessions)
    out["shifts.hours"] = round(sum(s.hours for s in data.sessions), 2)

    for c in contacts:
        for item in c.services:
            out[f"services.{item.kind}"] += 1
            if item.kind in TEST_SERVICES:
                out[f"tests.{item.kind}.{item.result or NOT_RECORDED}"] += 1
        for kind, qty in c.supplies.items():
            out[f"supplies.{kind}"] += qty
        out["needles.returned"] += c.needles_returned
        out["contacts.secondary"] += c.secondary
        out["overdose.reversals"] += c.overdose_reversals
    out["supplies.naloxone_kits"] = sum(out[f"supplies.{k}"] for k in NALOXONE)

    out["referrals.made"] = len(data.referrals_made)
    for r in data.referrals_made:
        out[f"referrals.made.{r.kind}"] += 1
    monday = data.days[0]
    for r in data.outcomes:
        if r.status in OUTCOMES:
            out[f"referrals.outcome.{r.status}"] += 1
            out["referrals.outcome.earlier_weeks"] += r.made_on < monday

    out["incidents.reported"] = len(data.incidents)
    out["incidents.consent_sheet"] = sum(i.consent_sheet for i in data.incidents)
    out["incidents.consent_police"] = sum(i.consent_police for i in data.incidents)
    out["incidents.record_only"] = sum(not (i.consent_sheet or i.consent_police)
                                       for i in data.incidents)
    return out


def to_csv(rows: list[tuple[str, str, dict]], header: bool = True) -> str:
    """`rows` are (van, week, indicators); one line per van, week and indicator. Every cell
    is escaped against formula injection (a spreadsheet opens this file)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if header:
        writer.writerow(["van", "week", "indicator", "label", "value"])
    named: dict[str, tuple[str, str]] = {}  # code -> (code, label), escaped once
    for van, week, values in rows:
        van, week = safe_cell(str(van)), safe_cell(str(week))
        for code, value in values.items():
            if code not in named:
                label = LABELS.get(code) or MERGED_LABELS.get(code, code)
                named[code] = (safe_cell(str(code)), safe_cell(label))
            writer.writerow((van, week, *named[code], safe_cell(str(value))))
    return buffer.getvalue()
