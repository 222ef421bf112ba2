"""The bundle: a zip of the week's files, built in memory and encrypted with age to the
coordinator's public key. The van keeps only that public key, so it cannot read its own
exports back; plaintext never touches the disk (only the encrypted bytes are written).

age authenticates nothing about the sender, so the van signs inside the encryption:
`manifest.sig` is the van's Ed25519 signature (records/export/vankey.py) over the exact bytes
of `manifest.json`, which lists every other file's SHA-256 and names the recipient (the
coordinator's public key), so a signed payload re-encrypted to someone else is refused too.
The manifest also carries the van's audit chain head and, for each earlier export, the
chain's hash at that export's sequence now (records/export/ledger.py explains why).

The summary PDF comes from `reports`, which records may not import: the caller passes the
renderer in (`render_pdf(header, indicators) -> bytes`).
"""
from __future__ import annotations

import hashlib
import io
import json
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

import pyrage

from .. import clock
from .. import validate
from ..errors import ValidationError, msg
from . import dhis2, fhir, indicators, linelist, vankey
from .week import WeekData

if TYPE_CHECKING:
    from ..vault import Vault

FORMAT = "van-clinic-weekly-export"
VERSION = 2  # 1: unsigned (refused by the merge: "upgrade the van")
SUFFIX = ".age"
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"


@dataclass(frozen=True)
class Header:
    """What a summary report needs besides the numbers."""
    program: str
    van: str  # van code, or "All vans" in a merged report
    week: str
    timezone: str
    days: tuple  # Monday..Sunday local dates
    vans: tuple[str, ...] = ()  # the vans a merged report covers


RenderPdf = Callable[[Header, dict], bytes]


@dataclass(frozen=True)
class Built:
    file_name: str
    payload: bytes  # the encrypted bundle
    checksum: str  # SHA-256 of payload
    manifest: dict
    indicators: dict


def app_version() -> str:
    from importlib.metadata import PackageNotFoundError, version
    try:
        return version("van-clinic")
    except PackageNotFoundError:
        return "development"


def parse_recipient(text: str) -> pyrage.x25519.Recipient:
    text = (text or "").strip()
    if not text:
        raise ValidationError("recipient", "no coordinator export key: set it in settings "
                                           "(export_recipient) or pass --recipient age1...")
    try:
        return pyrage.x25519.Recipient.from_str(text)
    except Exception:  # pyrage.RecipientError or a mangled string
        raise ValidationError("recipient", "is not an age public key (age1...)") from None


def check_van_code(code: str) -> str:
    """Only a safe van code leaves the van (the coordinator builds file names from it)."""
    try:
        return validate.van_code("van_code", code)
    except ValidationError:
        raise ValidationError("van_code", msg(
            "must be {rule} before this vault can export; change it in Settings (or python "
            "main.py settings set van_code --value VAN1) and tell the coordinator the new code",
            rule=validate.VAN_CODE_RULE)) from None


def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", text).strip("-") or "x"


def file_name(program: str, van: str, week: str) -> str:
    """Neutral: program, van code and week only, e.g. 'PAR-VAN1-2026-W47.age'."""
    return f"{_slug(program)}-{_slug(van)}-{week}{SUFFIX}"


def header(data: WeekData) -> Header:
    return Header(data.program, data.van_code, data.week, data.timezone, data.days,
                  (data.van_code,))


def _json(value, pretty: bool = True) -> bytes:
    """Small documents indented for people; large ones compact (json's fast C encoder)."""
    if pretty:
        return (json.dumps(value, ensure_ascii=False, indent=1) + "\n").encode()
    return (_compact(value) + "\n").encode()


LONG = 64  # a list longer than this is encoded item by item


def _compact(value) -> str:
    """json.dumps(value) without spaces, the same text, in short calls: a long list (a week's
    FHIR entries) is encoded one item at a time. One call over a 3 MB bundle keeps the GIL
    for 50-250 ms, and the app's window, whose thread needs it too, stops answering."""
    if isinstance(value, list) and len(value) > LONG:
        return "[" + ",".join(map(_compact, value)) + "]"
    if isinstance(value, dict) and all(isinstance(k, str) for k in value) and any(
            isinstance(v, list) and len(v) > LONG for v in value.values()):
        return "{" + ",".join(f"{_compact(k)}:{_compact(v)}" for k, v in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def contents(data: WeekData, render_pdf: RenderPdf, created_at: datetime, recipient: str,
             signer) -> dict[str, bytes]:
    """Every file of the bundle, then the manifest (it describes the others) and its
    signature by `signer` (the van's Ed25519 private key)."""
    values = indicators.compute(data)
    fhir_bundle = fhir.build(data)
    dhis = dhis2.payload(data.van_code, data.week, values)
    meta = {"program": data.program, "van": data.van_code, "week": data.week,
            "timezone": data.timezone}
    files = {
        "indicators.json": _json({**meta, "indicators": values}),
        "indicators.csv": indicators.to_csv([(data.van_code, data.week, values)]).encode(),
        "contacts.csv": linelist.to_csv(data).encode(),
        "fhir.json": _json(fhir_bundle, pretty=False),
        "dhis2.json": _json(dhis, pretty=False),
        "summary.pdf": render_pdf(header(data), values),
    }
    counts = {"indicators.json": len(values), "indicators.csv": len(values),
              "contacts.csv": len(data.contacts), "fhir.json": len(fhir_bundle["entry"]),
              "dhis2.json": len(dhis["dataValues"]), "summary.pdf": 1}
    manifest = {
        "format": FORMAT, "version": VERSION, **meta,
        "van_name": data.van_name,
        "created_at": clock.to_db(created_at), "created_by": data.staff,
        "app_version": app_version(),
        "recipient": recipient, "signing_key": vankey.public_text(signer.public_key()),
        "audit_head": {"seq": data.audit_seq, "hash": data.audit_head},
        "audit_anchors": [{"seq": seq, "hash": digest, "week": week}
                          for seq, digest, week in data.audit_anchors],
        "files": {name: {"records": counts[name], "bytes": len(body),
                         "sha256": hashlib.sha256(body).hexdigest()}
                  for name, body in files.items()},
    }
    body = _json(manifest)
    return {**files, MANIFEST: body, SIGNATURE: signer.sign(body)}


def to_zip(files: dict[str, bytes], created_at: datetime) -> bytes:
    """Deflate at level 1: a 2,000-contact week's 4 MB in 24 ms instead of 84 ms at the
    default level, for a file a fifth larger (600 kB)."""
    buffer = io.BytesIO()
    stamp = created_at.timetuple()[:6]
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in files.items():
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            archive.writestr(info, body, compresslevel=1)
    return buffer.getvalue()


def build(data: WeekData, render_pdf: RenderPdf, recipient: str, signer, *,
          created_at: datetime | None = None) -> Built:
    """The encrypted bundle, entirely in memory, signed by `signer`."""
    parsed = parse_recipient(recipient)
    check_van_code(data.van_code)
    created_at = created_at or clock.now_utc()
    files = contents(data, render_pdf, created_at, str(parsed), signer)
    payload = pyrage.encrypt(to_zip(files, created_at), [parsed])
    return Built(file_name(data.program, data.van_code, data.week), payload,
                 hashlib.sha256(payload).hexdigest(), json.loads(files[MANIFEST]),
                 json.loads(files["indicators.json"])["indicators"])


def record(vault: "Vault", built: Built, recipient: str) -> int:
    """Note the export in the vault (audited): week, when, who, checksum, audit head."""
    m = built.manifest
    with vault.write("export", "export", detail=m["week"]) as box:
        box["entity_id"] = vault.db.execute(
            "INSERT INTO exports (week, created_at, staff, file_name, recipient, checksum,"
            " audit_seq, audit_head) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [m["week"], m["created_at"], m["created_by"], built.file_name, recipient.strip(),
             built.checksum, m["audit_head"]["seq"], m["audit_head"]["hash"]]).lastrowid
    return box["entity_id"]


@dataclass(frozen=True)
class ExportRecord:
    week: str
    created_at: datetime
    staff: str
    file_name: str
    checksum: str
    audit_seq: int
    audit_head: str


def history(vault: "Vault") -> list[ExportRecord]:
    """Earlier exports, newest first."""
    return [ExportRecord(r[0], clock.from_db(r[1]), r[2], r[3], r[4], r[5], r[6])
            for r in vault.db.execute(
                "SELECT week, created_at, staff, file_name, checksum, audit_seq, audit_head"
                " FROM exports ORDER BY id DESC")]
