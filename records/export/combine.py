"""Combining the chosen bundles of each week, and the merged files.

Counts are summed over vans, except unique clients, counted once across vans by the keyed
hash of the UIC (the line lists carry it). `clients.new` and `clients.returning` stay per-van
sums (new to that van). Every CSV cell is escaped against formula injection.
"""
from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from . import dhis2, indicators
from .bundle import Header

if TYPE_CHECKING:
    from .merge import Opened

ALL_VANS = "ALL"
KEY_BYTES = 32


@dataclass(frozen=True)
class WeekMerge:
    week: str
    program: str
    days: tuple
    per_van: dict[str, dict]  # van -> indicators
    combined: dict
    sources: dict[str, "Opened"]  # van -> the bundle used


@dataclass(frozen=True)
class Merged:
    weeks: tuple[WeekMerge, ...]
    replaced: tuple["Opened", ...]  # other exports of a (van, week) that the chosen one replaced


def combine(chosen: dict[tuple[str, str], "Opened"], replaced: list["Opened"]) -> Merged:
    weeks = []
    for week in sorted({w for _, w in chosen}):
        items = {van: o for (van, w), o in sorted(chosen.items()) if w == week}
        weeks.append(_week(week, items))
    return Merged(tuple(weeks), tuple(replaced))


def _week(week: str, items: dict[str, "Opened"]) -> WeekMerge:
    year, number = week.split("-W")
    monday = date.fromisocalendar(int(year), int(number), 1)
    per_van = {van: o.indicators for van, o in items.items()}
    combined: dict[str, int | float] = {}
    for code in indicators.LABELS:
        total = sum(values[code] for values in per_van.values())
        combined[code] = round(total, 2) if code in indicators.MEASURES else total
    seen: Counter[bytes] = Counter()
    for o in items.values():
        keys = o.client_keys
        seen.update(keys[i:i + KEY_BYTES] for i in range(0, len(keys), KEY_BYTES))
    combined["clients.unique"] = len(seen)
    combined["clients.seen_at_several_vans"] = sum(n > 1 for n in seen.values())
    programs = sorted({o.manifest["program"] for o in items.values()})
    return WeekMerge(week, "/".join(programs),
                     tuple(monday + timedelta(days=i) for i in range(7)),
                     per_van, combined, dict(items))


def header(week: WeekMerge, van: str | None = None) -> Header:
    """The summary header for one van of the merge, or (van=None) for all vans."""
    if van is None:
        return Header(week.program, "All vans", week.week, "", week.days, tuple(week.per_van))
    manifest = week.sources[van].manifest
    return Header(manifest["program"], van, week.week, manifest["timezone"], week.days, (van,))


def _source(o: "Opened") -> dict:
    return {"van": o.key[0], "week": o.key[1], "file": o.source, "audit_seq": o.seq,
            "created_at": o.manifest["created_at"]}


def _indicators_json(merged: Merged, warnings: list[str]) -> Iterator[bytes]:
    """{"weeks": [...], "replaced": [...], "audit_warnings": [...]}, one week per line."""
    yield b'{"weeks": [\n'
    for n, w in enumerate(merged.weeks):
        doc = {"week": w.week, "vans": list(w.per_van), "combined": w.combined,
               "per_van": w.per_van, "sources": [_source(o) for o in w.sources.values()]}
        yield (",\n" if n else "").encode() + json.dumps(doc, ensure_ascii=False).encode()
    tail = {"replaced": [_source(o) for o in merged.replaced],
            "audit_warnings": list(warnings)}
    yield b"\n], " + json.dumps(tail, ensure_ascii=False, indent=1)[1:].encode() + b"\n"


def _indicators_csv(merged: Merged) -> Iterator[bytes]:
    for n, w in enumerate(merged.weeks):
        rows = [(van, w.week, values) for van, values in w.per_van.items()]
        rows.append((ALL_VANS, w.week, w.combined))
        yield indicators.to_csv(rows, header=n == 0).encode()


def _dhis2(merged: Merged) -> Iterator[bytes]:
    yield f'{{"dataSet": "{dhis2.DATA_SET}", "dataValues": [\n'.encode()
    first = True
    for w in merged.weeks:
        for van, values in w.per_van.items():
            found = dhis2.combined([(van, w.week, values)])["dataValues"]
            yield ("" if first else ",\n").encode() + json.dumps(found)[1:-1].encode()
            first = False
    yield b"\n]}\n"


def outputs(merged: Merged, warnings: list[str] = ()) -> dict[str, Iterator[bytes]]:
    """Combined indicators as JSON, CSV and DHIS2 (PDFs are rendered by reports), each as
    chunks to write one after the other (a year of 50 vans makes 50 MB of them); the audit
    warnings go into indicators.json."""
    return {"indicators.json": _indicators_json(merged, list(warnings)),
            "indicators.csv": _indicators_csv(merged), "dhis2.json": _dhis2(merged)}
