"""The coordinator's side: open bundles in memory and merge them week by week.

A bundle is checked completely before it counts: it must decrypt with the coordinator's key
(age authenticates every byte, so a tampered or truncated file fails here), be a zip with a
known manifest format and version, and hold every file the manifest lists with the
checksum it lists. Bundles are keyed by (van, week); when a van exported a week twice, the
newest export wins, so nothing is counted twice.

Combined numbers: counts are summed over vans, except unique clients, counted once across
vans by the keyed hash of the UIC (the line lists carry it). `clients.new` and
`clients.returning` stay per-van sums (new to that van).
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import date, timedelta

import pyrage

from ..errors import ClinicError
from . import dhis2, indicators
from .bundle import FORMAT, VERSION, Header

REQUIRED = ("manifest.json", "indicators.json", "indicators.csv", "contacts.csv", "fhir.json",
            "dhis2.json", "summary.pdf")
ALL_VANS = "ALL"


class BundleRejected(ClinicError):
    """A file that is not a usable weekly export; the message names the file."""


@dataclass(frozen=True)
class Opened:
    source: str
    manifest: dict
    indicators: dict
    client_keys: frozenset[str]

    @property
    def key(self) -> tuple[str, str]:
        return self.manifest["van"], self.manifest["week"]


def open_bundle(source: str, payload: bytes, identities) -> Opened:
    """Decrypt and check one bundle, in memory only."""
    def reject(problem: str) -> BundleRejected:
        return BundleRejected(f"{source}: {problem}")

    if not payload.startswith(b"age-encryption.org/v1\n"):
        raise reject("not an age-encrypted weekly export")
    try:
        plain = pyrage.decrypt(payload, identities)
    except pyrage.DecryptError as exc:
        if "no matching keys" in str(exc).lower():
            raise reject("not encrypted to this coordinator key (wrong recipient), "
                         "or its header was altered") from None
        raise reject("damaged, truncated or altered: it does not decrypt") from None
    try:
        archive = zipfile.ZipFile(io.BytesIO(plain))
        names = set(archive.namelist())
        manifest = json.loads(archive.read("manifest.json")) if "manifest.json" in names else None
    except (zipfile.BadZipFile, ValueError, UnicodeDecodeError):
        raise reject("unknown format (not a weekly export bundle)") from None
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise reject("unknown format (not a weekly export bundle)")
    if manifest.get("version") != VERSION:
        raise reject(f"format version {manifest.get('version')!r} is not one this app reads "
                     f"(version {VERSION})")
    missing = [n for n in REQUIRED if n not in names]
    if missing:
        raise reject(f"incomplete bundle, missing {', '.join(missing)}")
    try:
        files = {n: archive.read(n) for n in REQUIRED if n != "manifest.json"}
        listed = manifest["files"]
        for name, body in files.items():
            if listed[name]["sha256"] != hashlib.sha256(body).hexdigest():
                raise reject(f"{name} does not match its manifest checksum")
        values = json.loads(files["indicators.json"])["indicators"]
        keys = frozenset(row["client"] for row in csv.DictReader(
            io.StringIO(files["contacts.csv"].decode())) if row["client"])
        for field in ("van", "week", "created_at", "program"):
            if not isinstance(manifest.get(field), str):
                raise reject(f"manifest has no {field}")
    except (KeyError, TypeError, ValueError, zipfile.BadZipFile):
        raise reject("unknown format (a file of the bundle cannot be read)") from None
    return Opened(source, manifest, values, keys)


@dataclass(frozen=True)
class WeekMerge:
    week: str
    program: str
    days: tuple
    per_van: dict[str, dict]  # van -> indicators
    combined: dict
    sources: dict[str, Opened]  # van -> the bundle used


@dataclass(frozen=True)
class Merged:
    weeks: tuple[WeekMerge, ...]
    replaced: tuple[Opened, ...]  # older exports of a (van, week) that a newer one replaced


def merge(opened: list[Opened]) -> Merged:
    newest: dict[tuple[str, str], Opened] = {}
    replaced: list[Opened] = []
    for item in opened:
        current = newest.get(item.key)
        if current is None:
            newest[item.key] = item
        elif item.manifest["created_at"] >= current.manifest["created_at"]:
            replaced.append(current)
            newest[item.key] = item
        else:
            replaced.append(item)
    weeks = []
    for week in sorted({w for _, w in newest}):
        items = {van: o for (van, w), o in sorted(newest.items()) if w == week}
        weeks.append(_combine(week, items))
    return Merged(tuple(weeks), tuple(replaced))


def _combine(week: str, items: dict[str, Opened]) -> WeekMerge:
    year, number = week.split("-W")
    monday = date.fromisocalendar(int(year), int(number), 1)
    per_van = {van: o.indicators for van, o in items.items()}
    codes = list(dict.fromkeys(c for values in per_van.values() for c in values))
    combined: dict[str, int | float] = {}
    for code in codes:
        total = sum(values.get(code, 0) for values in per_van.values())
        combined[code] = round(total, 2) if code in indicators.MEASURES else total
    seen: dict[str, int] = {}
    for o in items.values():
        for key in o.client_keys:
            seen[key] = seen.get(key, 0) + 1
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


def outputs(merged: Merged) -> dict[str, bytes]:
    """Combined indicators as JSON, CSV and DHIS2 (PDFs are rendered by reports)."""
    doc = {"weeks": [{
        "week": w.week, "vans": list(w.per_van), "combined": w.combined, "per_van": w.per_van,
        "sources": [{"van": van, "file": o.source, "created_at": o.manifest["created_at"]}
                    for van, o in w.sources.items()]} for w in merged.weeks],
        "replaced": [{"file": o.source, "van": o.key[0], "week": o.key[1],
                      "created_at": o.manifest["created_at"]} for o in merged.replaced]}
    rows = []
    for w in merged.weeks:
        rows += [(van, w.week, values) for van, values in w.per_van.items()]
        rows.append((ALL_VANS, w.week, w.combined))
    dhis = dhis2.combined([(van, w.week, values) for w in merged.weeks
                           for van, values in w.per_van.items()])
    return {
        "indicators.json": (json.dumps(doc, ensure_ascii=False, indent=1) + "\n").encode(),
        "indicators.csv": indicators.to_csv(rows).encode(),
        "dhis2.json": (json.dumps(dhis, ensure_ascii=False, indent=1) + "\n").encode(),
    }
