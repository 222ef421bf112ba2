"""Is every field of a bundle what the format says, before the merge uses it? A signed bundle
comes from a registered van, but a van can be buggy, old or in the wrong hands: nothing is used
unchecked. Van codes match the safe-name pattern, weeks are real ISO weeks, indicator names
come from the known set, values are non-negative integers under MAX_VALUE (decimals only for
the measures, e.g. `shifts.hours`), and contacts.csv has exactly its columns, each in its
format, at most MAX_ROWS rows, read as a stream. Messages name the file and the field, never
the offending value.
"""
from __future__ import annotations

import csv
import io
import json
import math
import re
import sys
from datetime import date

from .. import validate as fields
from ..errors import ValidationError
from ..models import DIRECTORY_KINDS, SERVICES, SUPPLIES, TEST_RESULTS
from . import indicators as known
from . import linelist
from .week import WEEKDAYS
from .bundle import FORMAT, VERSION
from .verify import DATA_MEMBERS, BundleRejected

MAX_VALUE = 10_000_000
MAX_ROWS = 100_000
MAX_ANCHORS = 100_000
_WEEK = re.compile(r"([0-9]{4})-W([0-9]{2})")
_HEX64 = re.compile(r"[0-9a-f]{64}")
_STAMP = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z")
_ZONE = re.compile(r"[A-Za-z0-9_+-]+(/[A-Za-z0-9_+-]+){0,3}")


def _reject(source: str, problem: str) -> BundleRejected:
    return BundleRejected(f"{source}: refused: {problem}")


def load_json(source: str, name: str, body: bytes):
    """JSON without NaN or Infinity; a nesting bomb is an error, not a crash."""
    def constant(_):
        raise ValueError("not a number")
    try:
        return json.loads(body.decode("utf-8"), parse_constant=constant)
    except (ValueError, RecursionError, UnicodeDecodeError):
        raise _reject(source, f"{name} is not valid JSON") from None


def week(value) -> str | None:
    """The ISO week if `value` is one, e.g. '2026-W47'."""
    match = _WEEK.fullmatch(value) if isinstance(value, str) else None
    if not match:
        return None
    try:
        date.fromisocalendar(int(match[1]), int(match[2]), 1)
    except ValueError:
        return None
    return value


def _count(value, limit: int = MAX_VALUE) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= limit


def manifest_head(source: str, body: bytes) -> dict:
    """What is needed to check the signature: a manifest of this format and version for a
    van whose code is a safe name."""
    m = load_json(source, "manifest.json", body)
    if not isinstance(m, dict) or m.get("format") != FORMAT:
        raise BundleRejected(f"{source}: unknown format (not a weekly export bundle)")
    version = m.get("version")
    if version == 1:
        raise _reject(source, "unsigned bundle (format version 1): upgrade the van to the "
                              "current app and export the week again")
    if version != VERSION:
        shown = version if _count(version) else "unknown"
        raise BundleRejected(f"{source}: format version {shown} is not one this app reads "
                             f"(version {VERSION})")
    van = m.get("van")
    if (not isinstance(van, str) or not fields.VAN_CODE.fullmatch(van)
            or van in fields.RESERVED_VAN_CODES):
        raise _reject(source, "the manifest's van is not a valid van code")
    return m


def _text(source: str, m: dict, name: str, max_len: int) -> None:
    try:
        fields.text(name, m.get(name), required=True, max_len=max_len)
    except ValidationError:
        raise _reject(source, f"manifest {name} is missing or not plain text") from None


def manifest(source: str, m: dict, recipients: set[str]) -> dict:
    """Every field of a signed manifest (`recipients`: this coordinator's public keys)."""
    if m.get("recipient") not in recipients:
        raise _reject(source, "encrypted for another coordinator: the signed recipient is "
                              "not this coordinator's key (re-encrypted by someone else?)")
    if not week(m.get("week")):
        raise _reject(source, "the manifest's week is not an ISO week")
    for name, max_len in (("program", 40), ("van_name", 200), ("created_by", 200),
                          ("app_version", 40)):
        _text(source, m, name, max_len)
    zone = m.get("timezone")
    if not isinstance(zone, str) or len(zone) > 64 or not _ZONE.fullmatch(zone):
        raise _reject(source, "the manifest's time zone is not a zone name")
    if not isinstance(m.get("created_at"), str) or not _STAMP.fullmatch(m["created_at"]):
        raise _reject(source, "the manifest's creation time is not a UTC time")
    head = m.get("audit_head")
    if not (isinstance(head, dict) and _count(head.get("seq"), 2**53)
            and isinstance(head.get("hash"), str) and _HEX64.fullmatch(head["hash"])):
        raise _reject(source, "the manifest's audit head is malformed")
    anchors = m.get("audit_anchors")
    if not isinstance(anchors, list) or len(anchors) > MAX_ANCHORS or not all(
            isinstance(a, dict) and _count(a.get("seq"), 2**53) and week(a.get("week"))
            and isinstance(a.get("hash"), str)
            and (a["hash"] == "" or _HEX64.fullmatch(a["hash"])) for a in anchors):
        raise _reject(source, "the manifest's audit anchors are malformed")
    listed = m.get("files")
    if not isinstance(listed, dict) or set(listed) != DATA_MEMBERS or not all(
            isinstance(f, dict) and _count(f.get("bytes"), 2**40) and _count(f.get("records"))
            and isinstance(f.get("sha256"), str) and _HEX64.fullmatch(f["sha256"])
            for f in listed.values()):
        raise _reject(source, "the manifest's file list is malformed")
    return m


def compact(m: dict) -> dict:
    """What the merge keeps of a checked manifest: no file list, the audit anchors as
    (seq, hash, week) tuples, text shared between bundles (thousands of them stay in memory)."""
    kept = {name: sys.intern(value) if isinstance(value, str) else value
            for name, value in m.items() if name not in ("files", "audit_anchors")}
    kept["audit_anchors"] = tuple((a["seq"], sys.intern(a["hash"]), sys.intern(a["week"]))
                                  for a in m["audit_anchors"])
    return kept


def indicators(source: str, body: bytes, m: dict) -> dict[str, int | float]:
    """indicators.json: the manifest's van and week, and exactly the known indicators."""
    doc = load_json(source, "indicators.json", body)
    if not isinstance(doc, dict) or not isinstance(doc.get("indicators"), dict):
        raise _reject(source, "indicators.json has no indicators object")
    if (doc.get("van"), doc.get("week")) != (m["van"], m["week"]):
        raise _reject(source, "indicators.json is for another van or week than the manifest")
    values = doc["indicators"]
    if set(values) != set(known.LABELS):
        raise _reject(source, "indicators.json does not hold exactly the known indicators "
                              "(a van or coordinator app of another version?)")
    for code, value in values.items():
        if code in known.MEASURES:
            ok = (isinstance(value, (int, float)) and not isinstance(value, bool)
                  and math.isfinite(value) and 0 <= value <= MAX_VALUE)
        else:
            ok = _count(value)
        if not ok:
            raise _reject(source, f"indicators.json: {code} is not a "
                                  f"{'number' if code in known.MEASURES else 'whole number'} "
                                  f"from 0 to {MAX_VALUE}")
    return {code: values[code] for code in known.LABELS}  # the known names' own strings


def _choice(words) -> str:
    return "(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + ")"


def _listed(item: str) -> str:
    return f"(?:{item}(?:;{item})*)?"


_N = "[0-9]{1,8}"
#: A line-list row without its site (free text, only bounded), cells joined by \x1f (which
#: no cell pattern allows, so a cell holding one cannot shift the columns).
_ROW = re.compile("\x1f".join((
    _N, _choice(WEEKDAYS), "(?:visit|quick)", "(?:[0-9a-f]{64})?", "(?:[0-9]{4}-[0-9]{4})?",
    _listed(f"{_choice(SERVICES)}(?::{_choice(TEST_RESULTS)})?"),
    _listed(f"{_choice(SUPPLIES)}={_N}"), _N, "(?:yes|no)", _N,
    _listed(_choice(DIRECTORY_KINDS)))))


def _row_ok(row: list[str]) -> bool:
    """One line-list row in its specified format (one regular expression: a year of 50
    vans is a million rows)."""
    cells = "\x1f".join(row[:2] + row[3:])
    return len(row[2]) <= fields.SHORT and _ROW.fullmatch(cells) is not None


def client_keys(source: str, stream) -> bytes:
    """contacts.csv read row by row: the distinct client keys, as sorted 32-byte digests
    (compact: a year of 50 vans keeps a few MB of them)."""
    keys: set[bytes] = set()
    text = io.TextIOWrapper(stream, encoding="utf-8", newline="")
    try:
        reader = csv.reader(text)
        if next(reader, None) != list(linelist.COLUMNS):
            raise _reject(source, "contacts.csv does not have the specified columns")
        for number, row in enumerate(reader, 1):
            if number > MAX_ROWS:
                raise _reject(source, f"contacts.csv has more than {MAX_ROWS} rows")
            if len(row) != len(linelist.COLUMNS) or not _row_ok(row):
                raise _reject(source, f"contacts.csv row {number} does not match the "
                                      "specified columns")
            if row[4]:
                keys.add(bytes.fromhex(row[4]))
    except (csv.Error, UnicodeDecodeError):
        raise _reject(source, "contacts.csv cannot be read as UTF-8 CSV") from None
    return b"".join(sorted(keys))
