"""The van's signing key: Ed25519 (`cryptography`), made when the vault is created (or, for an
older vault, by migration 0008 at its first open after the upgrade) and kept inside the
encrypted database (`meta` table), so it leaves the laptop only inside encrypted backups.

Every weekly bundle carries `manifest.sig`, this key's signature over the exact bytes of
`manifest.json`. The coordinator registers each van's public key once
(`coordinator trust`, records/export/keyring.py) and refuses a bundle that does not verify.
A public key is written `van-clinic-sign:<base64 of its 32 bytes>`; its fingerprint (what
people compare over the phone) is the first 128 bits of its SHA-256 in groups of four hex
digits.
"""
from __future__ import annotations

import base64
import binascii
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from ..errors import ValidationError, msg

PREFIX = "van-clinic-sign:"
_META_KEY = "van_signing_key"
_RAW = serialization.Encoding.Raw, serialization.PublicFormat.Raw


def create_if_missing(db) -> None:
    """Give the vault its signing key unless it has one (inside the caller's transaction)."""
    if db.execute("SELECT 1 FROM meta WHERE key = ?", [_META_KEY]).fetchone():
        return
    raw = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
        serialization.NoEncryption())
    db.execute("INSERT INTO meta (key, value) VALUES (?, ?)", [_META_KEY, raw.hex()])


def rotate(vault) -> None:
    """A new signing key (nurses only; audited), e.g. after a laptop with this vault was
    stolen and the coordinator revoked the old key. The coordinator must register it."""
    from ..staff import require_nurse
    require_nurse(vault)
    with vault.write("rotate", "van_signing_key"):
        vault.db.execute("DELETE FROM meta WHERE key = ?", [_META_KEY])
        create_if_missing(vault.db)


def private_key(db) -> Ed25519PrivateKey:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [_META_KEY]).fetchone()
    if row is None:  # migrations give every vault one; a missing key is damage
        raise ValidationError("van signing key", "is missing from the vault; run "
                                                 "python main.py check")
    return Ed25519PrivateKey.from_private_bytes(bytes.fromhex(row[0]))


def public_text(key: Ed25519PublicKey) -> str:
    return PREFIX + base64.b64encode(key.public_bytes(*_RAW)).decode()


def van_public_text(db) -> str:
    return public_text(private_key(db).public_key())


def parse_public(text: str) -> Ed25519PublicKey:
    """A `van-clinic-sign:...` key as `van-key` prints it."""
    text = (text or "").strip()
    if not text.startswith(PREFIX):
        raise ValidationError("key", msg("must start with {prefix} (as python main.py van-key "
                                         "prints it on the van)", prefix=PREFIX))
    try:
        raw = base64.b64decode(text[len(PREFIX):], validate=True)
    except (binascii.Error, ValueError):
        raw = b""
    if len(raw) != 32:
        raise ValidationError("key", msg("is not a van signing key (32 bytes in base64 after "
                                         "{prefix})", prefix=PREFIX))
    return Ed25519PublicKey.from_public_bytes(raw)


def fingerprint(text: str) -> str:
    """e.g. '3f2a-9c01-77de-0b4e-5a10-c2d8-e431-90af' for a `van-clinic-sign:` key."""
    raw = parse_public(text).public_bytes(*_RAW)
    digest = hashlib.sha256(raw).hexdigest()[:32]
    return "-".join(digest[i:i + 4] for i in range(0, 32, 4))


def sign(db, data: bytes) -> bytes:
    return private_key(db).sign(data)


def verifies(public_key_text: str, data: bytes, signature: bytes) -> bool:
    try:
        parse_public(public_key_text).verify(signature, data)
    except (InvalidSignature, ValidationError):
        return False
    return True
