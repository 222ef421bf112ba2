"""contacts.csv: the de-identified line list, one row per contact.

Columns: contact (1, 2, ... in time order), weekday, site, type (visit / quick), client
(keyed hash of the complete UIC; empty for anonymous contacts and incomplete codes),
birth_band (5-year band), services (kind or kind:result, ';'-separated), supplies
(kind=quantity), needles_returned, secondary (yes/no), overdose_reversals, referrals
(destination kinds of referrals made at the contact). Nothing else about a person.
"""
from __future__ import annotations

import csv
import io

from .week import WeekData

COLUMNS = ("contact", "weekday", "site", "type", "client", "birth_band", "services",
           "supplies", "needles_returned", "secondary", "overdose_reversals", "referrals")


def safe_cell(text: str) -> str:
    """Free text a spreadsheet would read as a formula gets a leading apostrophe."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def rows(data: WeekData) -> list[dict[str, str | int]]:
    out = []
    for c in data.contacts:
        person = data.people.get(c.client_id) if c.client_id is not None else None
        out.append({
            "contact": c.number, "weekday": c.weekday, "site": safe_cell(c.site),
            "type": "quick" if c.quick else "visit",
            "client": person.key if person else "",
            "birth_band": person.birth_band if person else "",
            "services": ";".join(f"{s.kind}:{s.result}" if s.result else s.kind
                                 for s in c.services),
            "supplies": ";".join(f"{k}={q}" for k, q in sorted(c.supplies.items())),
            "needles_returned": c.needles_returned,
            "secondary": "yes" if c.secondary else "no",
            "overdose_reversals": c.overdose_reversals,
            "referrals": ";".join(c.referral_kinds),
        })
    return out


def to_csv(data: WeekData) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows(data))
    return buffer.getvalue()
