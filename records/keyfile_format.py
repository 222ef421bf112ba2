"""The key file on disk: its JSON form, written canonically, and the strict reader that turns
any deviation into `VaultDamaged` before a passphrase is tried (see records/keyfile.py for
what the fields mean). The file may come from a damaged disk or a hostile hand: every field
is checked for type, size and range, and the bytes must be exactly what `serialize` writes."""
from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
from dataclasses import dataclass, field

import pyrage

from records.errors import VaultDamaged, msg
from records.kdf import SALT_BYTES, KdfParams

FORMAT = "van-clinic-keyfile"
VERSION = 1
NONCE_BYTES = 12
MAX_FILE_BYTES = 1 << 20
# Bounds accepted when reading a file (so a damaged or hostile file cannot make us allocate
# gigabytes or spin for hours); wider than what calibrate() picks.
_LOAD_MAX_PASSES = 1000
_LOAD_MAX_MEMORY_KIB = 1024 * 1024
_LOAD_MAX_PARALLELISM = 64
_TOP_KEYS = {"format", "version", "vault_id", "name_salt", "key_check", "slots", "recovery", "removed", "checksum"}


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def canonical(obj) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


@dataclass
class Slot:
    id: str
    lookup: str
    recipient: str
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    identity: bytes  # AES-GCM ciphertext of the age identity string
    data_key: bytes  # age ciphertext of the data key

    def to_json(self) -> dict:
        return {
            "id": self.id,
            "lookup": self.lookup,
            "recipient": self.recipient,
            "kdf": {
                "algorithm": "argon2id",
                "salt": b64(self.salt),
                "time_cost": self.kdf.time_cost,
                "memory_kib": self.kdf.memory_kib,
                "parallelism": self.kdf.parallelism,
            },
            "nonce": b64(self.nonce),
            "identity": b64(self.identity),
            "data_key": b64(self.data_key),
        }


@dataclass
class Recovery:
    recipient: str
    data_key: bytes

    def to_json(self) -> dict:
        return {"recipient": self.recipient, "data_key": b64(self.data_key)}


@dataclass
class Contents:
    """Everything a key file holds."""

    vault_id: str
    name_salt: bytes
    key_check: str | None = None
    slots: list[Slot] = field(default_factory=list)
    recovery: Recovery | None = None
    removed: list[str] = field(default_factory=list)


def serialize(c: Contents) -> bytes:
    """The canonical bytes, with `checksum` = SHA-256 over the canonical JSON of the rest."""
    body = {
        "format": FORMAT,
        "version": VERSION,
        "vault_id": c.vault_id,
        "name_salt": b64(c.name_salt),
        "key_check": c.key_check,
        "slots": [s.to_json() for s in c.slots],
        "recovery": c.recovery.to_json() if c.recovery else None,
        "removed": list(c.removed),
    }
    body["checksum"] = hashlib.sha256(canonical(body)).hexdigest()
    return canonical(body) + b"\n"


class _Reader:
    """Validates the parsed JSON; every problem becomes VaultDamaged naming the source."""

    def __init__(self, source: str):
        self.source = source

    def fail(self, problem: str):
        raise VaultDamaged(msg("the {source} is damaged or not a key file of this app: {problem}",
                               source=self.source, problem=problem))

    def obj(self, value, keys: set[str], what: str) -> dict:
        if not isinstance(value, dict):
            self.fail(f"{what} is not an object")
        if set(value) != keys:
            missing, extra = keys - set(value), set(value) - keys
            self.fail(f"{what} has missing fields {sorted(missing)} or unexpected fields {sorted(extra)}")
        return value

    def string(self, value, what: str) -> str:
        if not isinstance(value, str):
            self.fail(f"{what} is not text")
        return value

    def hex(self, value, nbytes: int, what: str) -> str:
        s = self.string(value, what)
        if len(s) != 2 * nbytes or any(c not in "0123456789abcdef" for c in s):
            self.fail(f"{what} is not {nbytes} bytes of hex")
        return s

    def b64(self, value, what: str, size: int | None = None) -> bytes:
        s = self.string(value, what)
        try:
            raw = base64.b64decode(s, validate=True)
        except (binascii.Error, ValueError):
            self.fail(f"{what} is not base64")
        if b64(raw) != s or (size is not None and len(raw) != size) or not raw:
            self.fail(f"{what} has the wrong length or encoding")
        return raw

    def integer(self, value, low: int, high: int, what: str) -> int:
        if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
            self.fail(f"{what} is out of range")
        return value

    def recipient(self, value, what: str) -> str:
        s = self.string(value, what)
        try:
            pyrage.x25519.Recipient.from_str(s)
        except Exception:  # pyrage.RecipientError, or anything else from a mangled string
            self.fail(f"{what} is not an age public key")
        if not s.startswith("age1"):
            self.fail(f"{what} is not an age public key")
        return s

    def slot(self, value, i: int) -> Slot:
        what = f"slot {i + 1}"
        d = self.obj(value, {"id", "lookup", "recipient", "kdf", "nonce", "identity", "data_key"}, what)
        k = self.obj(d["kdf"], {"algorithm", "salt", "time_cost", "memory_kib", "parallelism"}, f"{what} kdf")
        if k["algorithm"] != "argon2id":
            self.fail(f"{what} uses an unknown key derivation")
        parallelism = self.integer(k["parallelism"], 1, _LOAD_MAX_PARALLELISM, f"{what} parallelism")
        kdf = KdfParams(
            self.integer(k["time_cost"], 1, _LOAD_MAX_PASSES, f"{what} time_cost"),
            self.integer(k["memory_kib"], 8 * parallelism, _LOAD_MAX_MEMORY_KIB, f"{what} memory_kib"),
            parallelism,
        )
        return Slot(
            id=self.hex(d["id"], 8, f"{what} id"),
            lookup=self.hex(d["lookup"], 32, f"{what} lookup"),
            recipient=self.recipient(d["recipient"], f"{what} recipient"),
            kdf=kdf,
            salt=self.b64(k["salt"], f"{what} salt", SALT_BYTES),
            nonce=self.b64(d["nonce"], f"{what} nonce", NONCE_BYTES),
            identity=self.b64(d["identity"], f"{what} identity"),
            data_key=self.b64(d["data_key"], f"{what} data key"),
        )

    def contents(self, doc: dict) -> Contents:
        c = Contents(
            self.hex(doc["vault_id"], 16, "vault id"),
            self.b64(doc["name_salt"], "name salt", 32),
            None if doc["key_check"] is None else self.hex(doc["key_check"], 32, "key check"),
        )
        if not isinstance(doc["slots"], list):
            self.fail("slots is not a list")
        c.slots = [self.slot(s, i) for i, s in enumerate(doc["slots"])]
        if doc["recovery"] is not None:
            rec = self.obj(doc["recovery"], {"recipient", "data_key"}, "recovery slot")
            c.recovery = Recovery(
                self.recipient(rec["recipient"], "recovery recipient"), self.b64(rec["data_key"], "recovery data key")
            )
        if not isinstance(doc["removed"], list):
            self.fail("removed is not a list")
        c.removed = [self.hex(x, 8, "removed slot id") for x in doc["removed"]]
        return c


def parse(data: bytes, source: str = msg("key file")) -> Contents:
    """The contents of a key file's bytes; `VaultDamaged` naming `source` for any problem."""
    r = _Reader(source)
    if not isinstance(data, (bytes, bytearray)):
        r.fail(msg("not bytes"))
    data = bytes(data)
    if not data:
        r.fail(msg("the file is empty"))
    if len(data) > MAX_FILE_BYTES:
        r.fail(msg("the file is far too large"))
    try:
        doc = json.loads(data.decode("ascii"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        r.fail(msg("it is not complete JSON (truncated or corrupted)"))
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        r.fail(msg("no key-file format marker"))
    if doc.get("version") != VERSION:
        r.fail(f"format version {doc.get('version')!r} is not supported (expected {VERSION})")
    r.obj(doc, _TOP_KEYS, "the file")
    body = {k: v for k, v in doc.items() if k != "checksum"}
    if not isinstance(doc["checksum"], str) or not hmac.compare_digest(
        doc["checksum"].encode("ascii", "replace"), hashlib.sha256(canonical(body)).hexdigest().encode("ascii")
    ):
        r.fail(msg("checksum does not match (the file was changed or corrupted)"))
    try:
        c = r.contents(doc)
    except (KeyError, TypeError, ValueError, AttributeError) as e:  # safety net: never a traceback
        r.fail(f"unexpected content ({type(e).__name__})")
    ids = [s.id for s in c.slots]
    if len(set(ids)) != len(ids) or len({s.lookup for s in c.slots}) != len(ids):
        r.fail(msg("two slots share an id or a name"))
    if set(ids) & set(c.removed) or len(set(c.removed)) != len(c.removed):
        r.fail(msg("the list of removed slots is inconsistent"))
    if (c.slots or c.recovery) and c.key_check is None:
        r.fail(msg("key check is missing"))
    if serialize(c) != data:
        r.fail(msg("it is not in the exact form this app writes (changed or corrupted)"))
    return c
