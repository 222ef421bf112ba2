"""Is this bundle authentic? Decrypt it, check the zip's shape and sizes before reading any
member, check the manifest's signature against the van's registered key and every member
against the checksum the signed manifest gives.

Everything is bounded before it is read: the encrypted file (MAX_BUNDLE), the zip's central
directory (MAX_DIRECTORY: a directory of a million entries would cost hundreds of MB to parse),
each member's declared size (LIMITS; zipfile never inflates past it) and the total. Members
are hashed in chunks, never held whole, so a bundle costs at most about twice MAX_BUNDLE.
Messages name the file and the reason; they never echo bundle content that was not checked.
"""
from __future__ import annotations

import hashlib
import io
import struct
import zipfile

import pyrage

from ..errors import ClinicError
from .bundle import MANIFEST, SIGNATURE
from .keyring import Keyring
from .vankey import fingerprint, verifies

MAX_BUNDLE = 32 * 1024 * 1024
MAX_DIRECTORY = 64 * 1024
MiB = 1024 * 1024
#: Largest uncompressed size of each member (a 2,000-contact week: contacts.csv 0.3 MB,
#: fhir.json 3 MB, summary.pdf 0.1 MB).
LIMITS = {MANIFEST: 1 * MiB, SIGNATURE: 64, "indicators.json": MiB // 4,
          "indicators.csv": 1 * MiB, "contacts.csv": 64 * MiB, "fhir.json": 256 * MiB,
          "dhis2.json": 4 * MiB, "summary.pdf": 16 * MiB}
MAX_TOTAL = 320 * MiB
MEMBERS = frozenset(LIMITS)
DATA_MEMBERS = MEMBERS - {MANIFEST, SIGNATURE}
_AGE = b"age-encryption.org/v1\n"
_EOCD = struct.Struct("<4s4H2LH")


class BundleRejected(ClinicError):
    """A file that is not a usable weekly export; the message names the file and why."""


def decrypt(source: str, payload: bytes, identities) -> bytes:
    if not payload.startswith(_AGE):
        raise BundleRejected(f"{source}: not an age-encrypted weekly export")
    try:
        return pyrage.decrypt(payload, identities)
    except pyrage.DecryptError as exc:
        if "no matching keys" in str(exc).lower():
            raise BundleRejected(f"{source}: not encrypted to this coordinator key (wrong "
                                 "recipient), or its header was altered") from None
        raise BundleRejected(f"{source}: damaged, truncated or altered: it does not "
                             "decrypt") from None


def _directory_size(plain: bytes) -> int | None:
    """The central directory's size from the end record, found as zipfile finds it; None
    when there is none, or a zip64 locator (which zipfile would follow) precedes it."""
    start = len(plain) - _EOCD.size
    tail = plain[start:]
    if not (start >= 0 and tail[:4] == b"PK\x05\x06" and tail[-2:] == b"\0\0"):
        start = plain.rfind(b"PK\x05\x06", max(0, len(plain) - 65536 - _EOCD.size))
    record = plain[start:start + _EOCD.size] if start >= 0 else b""
    zip64 = start >= 20 and plain[start - 20:start - 16] == b"PK\x06\x07"
    if len(record) != _EOCD.size or zip64:
        return None
    return _EOCD.unpack(record)[5]


def open_archive(source: str, plain: bytes) -> zipfile.ZipFile:
    """The zip, once its directory is small and its members are the expected ones, each
    within its limit."""
    unknown = BundleRejected(f"{source}: unknown format (not a weekly export bundle)")
    size = _directory_size(plain)
    if size is None:
        raise unknown
    if size > MAX_DIRECTORY:
        raise BundleRejected(f"{source}: refused: the zip directory is too large")
    try:
        archive = zipfile.ZipFile(io.BytesIO(plain))
    except (zipfile.BadZipFile, ValueError, NotImplementedError, EOFError):
        raise unknown from None
    infos = archive.infolist()
    names = [i.filename for i in infos]
    if MANIFEST not in names:
        raise unknown
    if len(names) != len(set(names)) or not set(names) <= MEMBERS:
        raise BundleRejected(f"{source}: refused: the zip holds files a weekly export does "
                             "not have")
    for info in infos:
        if info.file_size > LIMITS[info.filename]:
            raise BundleRejected(f"{source}: refused: {info.filename} is too large "
                                 f"({info.file_size} bytes, at most {LIMITS[info.filename]})")
    if sum(i.file_size for i in infos) > MAX_TOTAL:
        raise BundleRejected(f"{source}: refused: the bundle unpacks to too much data")
    return archive


def read_small(source: str, archive: zipfile.ZipFile, name: str) -> bytes:
    """A member that is read whole (its limit is small)."""
    try:
        return archive.read(name)
    except KeyError:
        raise BundleRejected(f"{source}: incomplete bundle, missing {name}") from None
    except (zipfile.BadZipFile, ValueError, NotImplementedError, EOFError, OSError):
        raise BundleRejected(f"{source}: damaged bundle ({name} cannot be unpacked)") from None


def check_signature(source: str, van: str, body: bytes, signature: bytes, signed_by,
                    keyring: Keyring) -> None:
    """The manifest bytes must verify with the van's registered, unrevoked key.
    `signed_by` is the key the manifest says signed it (used only to explain a refusal)."""
    key = keyring.active_key(van)
    if key and verifies(key, body, signature):
        return
    gone = keyring.revoked_entry(signed_by) if isinstance(signed_by, str) else None
    if gone and verifies(gone["key"], body, signature):
        raise BundleRejected(f"{source}: refused: signed by a revoked key (van {gone['van']}, "
                             f"revoked {gone['revoked_at']})")
    if van not in keyring.vans:
        raise BundleRejected(f"{source}: refused: unknown van {van}: register its key with "
                             "python main.py coordinator trust")
    if key is None:
        raise BundleRejected(f"{source}: refused: {van}'s key was revoked; register its new "
                             "key with coordinator trust")
    raise BundleRejected(f"{source}: refused: bad signature: not signed by {van}'s "
                         f"registered key ({fingerprint(key)})")


def check_members(source: str, archive: zipfile.ZipFile, files: dict) -> None:
    """Every data member present, of the signed size and SHA-256, hashed in chunks."""
    present = set(archive.namelist())
    missing = sorted(DATA_MEMBERS - present)
    if missing:
        raise BundleRejected(f"{source}: incomplete bundle, missing {', '.join(missing)}")
    for name in sorted(DATA_MEMBERS):
        listed = files[name]
        if archive.getinfo(name).file_size != listed["bytes"]:
            raise BundleRejected(f"{source}: refused: {name} does not match its signed size "
                                 "(altered after signing)")
        digest = hashlib.sha256()
        try:
            with archive.open(name) as member:
                while chunk := member.read(MiB):
                    digest.update(chunk)
        except (zipfile.BadZipFile, ValueError, NotImplementedError, EOFError, OSError):
            raise BundleRejected(f"{source}: damaged bundle ({name} cannot be unpacked)") from None
        if digest.hexdigest() != listed["sha256"]:
            raise BundleRejected(f"{source}: refused: {name} does not match its signed "
                                 "checksum (altered after signing)")
