"""The vault's key file: a small JSON file beside the SQLCipher database.

The database is keyed with a random 32-byte *data key*. Each staff member has a slot with its
own age X25519 identity:

- `recipient`: the slot's age public key, in the clear;
- `identity`: the age identity string, AES-256-GCM encrypted under a key derived from the staff
  member's passphrase with Argon2id (salt and parameters in the slot; the AAD binds the vault
  id, the slot id and the recipient);
- `data_key`: the data key age-encrypted to `recipient`.

Because the data key is encrypted to public keys, removing a staff member works without
anyone else's passphrase: the app re-keys the database with a new data key and calls `rewrap`,
which encrypts it to every remaining slot (and the recovery recipient). An old copy of the key
file then opens only the old database.

Staff names are not stored: a slot is found by `lookup` = HMAC-SHA256(name_salt, normalized
name). Note that names are guessable, so someone holding the file can test a list of candidate
names; the lookup hides names from a casual reader, it is not a secret.

`key_check` = HMAC-SHA256(data_key, "van-clinic key check" + vault_id) lets the file tell
whether a data key handed to it (add_slot, set_recovery, reset_passphrase) is the vault's one,
so a bug cannot add a slot that would later open nothing.

The whole file carries `checksum` = SHA-256 over the canonical JSON of everything else, and
must be byte-for-byte the canonical form this module writes: any change, anywhere, is reported
as `VaultDamaged` before a passphrase is ever tried. (The checksum catches damage, not a
deliberate forger, who can recompute it.)
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import hashlib
import hmac
import json
import math
import os
import secrets
import time
import unicodedata
from dataclasses import dataclass

import pyrage
from argon2.low_level import Type, hash_secret_raw
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from records.errors import NotFound, UnknownStaff, ValidationError, VaultDamaged, WrongPassphrase
from records.fsutil import atomic_write

FORMAT = "van-clinic-keyfile"
VERSION = 1
DATA_KEY_BYTES = 32
SALT_BYTES = 16
NONCE_BYTES = 12
MAX_FILE_BYTES = 1 << 20

MIN_PASSES = 3
MIN_MEMORY_KIB = 64 * 1024
MAX_MEMORY_KIB = 128 * 1024
# Bounds accepted when reading a file (so a damaged or hostile file cannot make us allocate
# gigabytes or spin for hours); wider than what calibrate() picks.
_LOAD_MAX_PASSES = 1000
_LOAD_MAX_MEMORY_KIB = 1024 * 1024
_LOAD_MAX_PARALLELISM = 64


# ---------------------------------------------------------------- KDF


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: passes, memory in KiB, lanes."""

    time_cost: int
    memory_kib: int
    parallelism: int

    def __post_init__(self):
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            if not isinstance(v, int) or isinstance(v, bool) or v < 1:
                raise ValueError(f"KdfParams.{f.name} must be a positive integer")
        if self.memory_kib < 8 * self.parallelism:
            raise ValueError("KdfParams.memory_kib must be at least 8 KiB per lane")


def _derive(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
    # NFC so the same passphrase typed with composed or decomposed accents gives the same key.
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return hash_secret_raw(
        secret=secret,
        salt=salt,
        time_cost=kdf.time_cost,
        memory_cost=kdf.memory_kib,
        parallelism=kdf.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def _passes_for(seconds_per_pass: float, target_seconds: float) -> int:
    """Passes needed to reach the target time; at least MIN_PASSES, at most 200."""
    if seconds_per_pass <= 0:
        return 200
    return max(MIN_PASSES, min(200, math.ceil(target_seconds / seconds_per_pass)))


def calibrate(target_seconds: float = 0.7, memory_kib: int = 65536) -> KdfParams:
    """Measure one Argon2id run on this machine and pick parameters for about `target_seconds`.

    Memory is held between 64 and 128 MiB; the time is reached with passes (at least 3),
    because more memory costs the laptop more than it costs an attacker's hardware.
    """
    memory_kib = max(MIN_MEMORY_KIB, min(MAX_MEMORY_KIB, int(memory_kib)))
    parallelism = max(1, min(4, os.cpu_count() or 1))
    probe = KdfParams(MIN_PASSES, memory_kib, parallelism)
    start = time.perf_counter()
    _derive("calibration", b"\0" * SALT_BYTES, probe)
    elapsed = time.perf_counter() - start
    return KdfParams(_passes_for(elapsed / MIN_PASSES, target_seconds), memory_kib, parallelism)


# ---------------------------------------------------------------- helpers


def normalize_name(name: str) -> str:
    """NFKC + casefold, surrounding whitespace stripped and inner runs of whitespace collapsed."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return " ".join(folded.split())


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _canonical(obj) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def _key_check(data_key: bytes, vault_id: str) -> str:
    return hmac.new(data_key, b"van-clinic key check\0" + vault_id.encode("ascii"), hashlib.sha256).hexdigest()


def _aad(vault_id: str, slot_id: str, recipient: str) -> bytes:
    return f"{FORMAT}/{VERSION}\0{vault_id}\0{slot_id}\0{recipient}".encode("ascii")


def _check_data_key(data_key) -> bytes:
    if not isinstance(data_key, (bytes, bytearray)) or len(data_key) != DATA_KEY_BYTES:
        raise ValidationError("data key", f"must be {DATA_KEY_BYTES} bytes")
    return bytes(data_key)


def _check_passphrase(passphrase, field: str = "passphrase") -> str:
    if not isinstance(passphrase, str) or passphrase == "":
        raise ValidationError(field, "must not be empty")
    return passphrase


# ---------------------------------------------------------------- slots


@dataclass
class _Slot:
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
                "salt": _b64(self.salt),
                "time_cost": self.kdf.time_cost,
                "memory_kib": self.kdf.memory_kib,
                "parallelism": self.kdf.parallelism,
            },
            "nonce": _b64(self.nonce),
            "identity": _b64(self.identity),
            "data_key": _b64(self.data_key),
        }


@dataclass
class _Recovery:
    recipient: str
    data_key: bytes

    def to_json(self) -> dict:
        return {"recipient": self.recipient, "data_key": _b64(self.data_key)}


class _Reader:
    """Validates the parsed JSON; every problem becomes VaultDamaged naming the source."""

    def __init__(self, source: str):
        self.source = source

    def fail(self, problem: str):
        raise VaultDamaged(f"the {self.source} is damaged or not a key file of this app: {problem}")

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
        if _b64(raw) != s or (size is not None and len(raw) != size) or not raw:
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

    def slot(self, value, i: int) -> _Slot:
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
        return _Slot(
            id=self.hex(d["id"], 8, f"{what} id"),
            lookup=self.hex(d["lookup"], 32, f"{what} lookup"),
            recipient=self.recipient(d["recipient"], f"{what} recipient"),
            kdf=kdf,
            salt=self.b64(k["salt"], f"{what} salt", SALT_BYTES),
            nonce=self.b64(d["nonce"], f"{what} nonce", NONCE_BYTES),
            identity=self.b64(d["identity"], f"{what} identity"),
            data_key=self.b64(d["data_key"], f"{what} data key"),
        )


_TOP_KEYS = {"format", "version", "vault_id", "name_salt", "key_check", "slots", "recovery", "removed", "checksum"}


# ---------------------------------------------------------------- the key file


class KeyFile:
    """In-memory key file. Mutating methods change memory only; call `save` to write."""

    def __init__(self, vault_id: str, name_salt: bytes, key_check: str | None = None):
        self.vault_id = vault_id
        self._name_salt = name_salt
        self._key_check = key_check
        self._slots: list[_Slot] = []
        self._recovery: _Recovery | None = None
        self._removed: list[str] = []

    # ---- creating, reading, writing

    @classmethod
    def new(cls) -> "KeyFile":
        """An empty key file with a fresh vault id and name salt."""
        return cls(secrets.token_hex(16), secrets.token_bytes(32))

    @classmethod
    def load(cls, path) -> "KeyFile":
        """Read a key file; `VaultDamaged` for any problem (missing, unreadable, damaged)."""
        try:
            with open(path, "rb") as f:
                data = f.read(MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            raise VaultDamaged(f"the key file {os.fspath(path)} is missing") from None
        except OSError as e:
            raise VaultDamaged(f"the key file {os.fspath(path)} cannot be read: {e.strerror or e}") from None
        return cls.from_bytes(data, source=f"key file {os.fspath(path)}")

    def save(self, path) -> None:
        """Write atomically, mode 0600."""
        atomic_write(path, self.to_bytes())

    def _body(self) -> dict:
        return {
            "format": FORMAT,
            "version": VERSION,
            "vault_id": self.vault_id,
            "name_salt": _b64(self._name_salt),
            "key_check": self._key_check,
            "slots": [s.to_json() for s in self._slots],
            "recovery": self._recovery.to_json() if self._recovery else None,
            "removed": list(self._removed),
        }

    def to_bytes(self) -> bytes:
        body = self._body()
        body["checksum"] = hashlib.sha256(_canonical(body)).hexdigest()
        return _canonical(body) + b"\n"

    @classmethod
    def from_bytes(cls, data: bytes, source: str = "key file") -> "KeyFile":
        r = _Reader(source)
        if not isinstance(data, (bytes, bytearray)):
            r.fail("not bytes")
        data = bytes(data)
        if not data:
            r.fail("the file is empty")
        if len(data) > MAX_FILE_BYTES:
            r.fail("the file is far too large")
        try:
            doc = json.loads(data.decode("ascii"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            r.fail("it is not complete JSON (truncated or corrupted)")
        if not isinstance(doc, dict) or doc.get("format") != FORMAT:
            r.fail("no key-file format marker")
        if doc.get("version") != VERSION:
            r.fail(f"format version {doc.get('version')!r} is not supported (expected {VERSION})")
        r.obj(doc, _TOP_KEYS, "the file")
        body = {k: v for k, v in doc.items() if k != "checksum"}
        if not isinstance(doc["checksum"], str) or not hmac.compare_digest(
            doc["checksum"].encode("ascii", "replace"), hashlib.sha256(_canonical(body)).hexdigest().encode("ascii")
        ):
            r.fail("checksum does not match (the file was changed or corrupted)")
        try:
            kf = cls(
                r.hex(doc["vault_id"], 16, "vault id"),
                r.b64(doc["name_salt"], "name salt", 32),
                None if doc["key_check"] is None else r.hex(doc["key_check"], 32, "key check"),
            )
            if not isinstance(doc["slots"], list):
                r.fail("slots is not a list")
            kf._slots = [r.slot(s, i) for i, s in enumerate(doc["slots"])]
            if doc["recovery"] is not None:
                rec = r.obj(doc["recovery"], {"recipient", "data_key"}, "recovery slot")
                kf._recovery = _Recovery(
                    r.recipient(rec["recipient"], "recovery recipient"), r.b64(rec["data_key"], "recovery data key")
                )
            if not isinstance(doc["removed"], list):
                r.fail("removed is not a list")
            kf._removed = [r.hex(x, 8, "removed slot id") for x in doc["removed"]]
        except (KeyError, TypeError, ValueError, AttributeError) as e:  # safety net: never a traceback
            r.fail(f"unexpected content ({type(e).__name__})")
        ids = [s.id for s in kf._slots]
        if len(set(ids)) != len(ids) or len({s.lookup for s in kf._slots}) != len(ids):
            r.fail("two slots share an id or a name")
        if set(ids) & set(kf._removed) or len(set(kf._removed)) != len(kf._removed):
            r.fail("the list of removed slots is inconsistent")
        if (kf._slots or kf._recovery) and kf._key_check is None:
            r.fail("key check is missing")
        if kf.to_bytes() != data:
            r.fail("it is not in the exact form this app writes (changed or corrupted)")
        return kf

    # ---- looking up slots

    def _lookup(self, staff_name: str) -> str:
        return hmac.new(self._name_salt, normalize_name(staff_name).encode("utf-8"), hashlib.sha256).hexdigest()

    def slot_for(self, staff_name: str) -> str | None:
        """The slot id for that staff name, or None."""
        if not isinstance(staff_name, str) or not normalize_name(staff_name):
            return None
        lookup = self._lookup(staff_name)
        for s in self._slots:
            if hmac.compare_digest(s.lookup, lookup):
                return s.id
        return None

    def has_slot_for(self, staff_name: str) -> bool:
        return self.slot_for(staff_name) is not None

    def slot_ids(self) -> list[str]:
        return [s.id for s in self._slots]

    def removed_slot_ids(self) -> list[str]:
        """Ids of slots removed from this vault (a restored backup holding one would bring it back)."""
        return list(self._removed)

    def has_recovery(self) -> bool:
        return self._recovery is not None

    def _slot(self, slot_id: str) -> _Slot:
        for s in self._slots:
            if s.id == slot_id:
                return s
        raise UnknownStaff("no key slot with that id in this vault")

    def _choose_slot(self, staff_name: str | None) -> _Slot:
        if staff_name is None or (isinstance(staff_name, str) and not normalize_name(staff_name)):
            if len(self._slots) == 1:
                return self._slots[0]
            if not self._slots:
                raise UnknownStaff("this vault has no staff key slots")
            raise UnknownStaff("this vault has several staff members: give your staff name")
        slot_id = self.slot_for(staff_name)
        if slot_id is None:
            raise UnknownStaff("no staff member with that name in this vault")
        return self._slot(slot_id)

    # ---- keys

    def _verify_data_key(self, data_key: bytes) -> None:
        """ValidationError unless `data_key` is this vault's data key (first key sets it)."""
        if self._key_check is None:
            self._key_check = _key_check(data_key, self.vault_id)
        elif not hmac.compare_digest(self._key_check, _key_check(data_key, self.vault_id)):
            raise ValidationError("data key", "is not this vault's data key")

    def _damaged_key(self, data_key: bytes) -> bytes:
        """Check a data key decrypted from the file; a mismatch means the file is damaged."""
        if len(data_key) != DATA_KEY_BYTES or self._key_check is None or not hmac.compare_digest(
            self._key_check, _key_check(data_key, self.vault_id)
        ):
            raise VaultDamaged("the key file is damaged: a decrypted data key does not match the vault")
        return data_key

    def _open_identity(self, slot: _Slot, passphrase: str) -> pyrage.x25519.Identity:
        key = _derive(passphrase, slot.salt, slot.kdf)
        try:
            plain = AESGCM(key).decrypt(slot.nonce, slot.identity, _aad(self.vault_id, slot.id, slot.recipient))
        except InvalidTag:
            raise WrongPassphrase() from None
        try:
            identity = pyrage.x25519.Identity.from_str(plain.decode("ascii"))
        except Exception:
            raise VaultDamaged("the key file is damaged: a key slot holds an invalid identity") from None
        if str(identity.to_public()) != slot.recipient:
            raise VaultDamaged("the key file is damaged: a key slot's identity does not match its public key")
        return identity

    def _new_slot_material(self, slot_id: str, lookup: str, passphrase: str, data_key: bytes, kdf: KdfParams,
                           identity: pyrage.x25519.Identity | None = None,
                           wrapped_data_key: bytes | None = None) -> _Slot:
        identity = identity or pyrage.x25519.Identity.generate()
        recipient = str(identity.to_public())
        salt, nonce = secrets.token_bytes(SALT_BYTES), secrets.token_bytes(NONCE_BYTES)
        key = _derive(passphrase, salt, kdf)
        wrapped_identity = AESGCM(key).encrypt(nonce, str(identity).encode("ascii"), _aad(self.vault_id, slot_id, recipient))
        if wrapped_data_key is None:
            wrapped_data_key = pyrage.encrypt(data_key, [identity.to_public()])
        return _Slot(slot_id, lookup, recipient, kdf, salt, nonce, wrapped_identity, wrapped_data_key)

    def add_slot(self, staff_name: str, passphrase: str, data_key: bytes, kdf: KdfParams | None = None) -> str:
        """Give a staff member a slot; returns its id. ValidationError for an empty name or
        passphrase, a name that already has a slot, or a data key that is not the vault's."""
        if not isinstance(staff_name, str) or not normalize_name(staff_name):
            raise ValidationError("staff name", "must not be empty")
        _check_passphrase(passphrase)
        data_key = _check_data_key(data_key)
        if self.has_slot_for(staff_name):
            raise ValidationError("staff name", "already has a key slot in this vault")
        self._verify_data_key(data_key)
        slot_id = secrets.token_hex(8)
        while slot_id in self.slot_ids() or slot_id in self._removed:
            slot_id = secrets.token_hex(8)
        slot = self._new_slot_material(slot_id, self._lookup(staff_name), passphrase, data_key, kdf or calibrate())
        self._slots.append(slot)
        return slot_id

    def unlock(self, staff_name: str | None, passphrase: str) -> tuple[bytes, str]:
        """(data_key, slot_id). The name may be None or empty only when there is one slot.
        UnknownStaff for an unknown name, WrongPassphrase for a wrong passphrase."""
        slot = self._choose_slot(staff_name)
        if not isinstance(passphrase, str):
            raise WrongPassphrase()
        identity = self._open_identity(slot, passphrase)
        try:
            data_key = pyrage.decrypt(slot.data_key, [identity])
        except Exception:
            raise VaultDamaged("the key file is damaged: a key slot's data key cannot be decrypted") from None
        return self._damaged_key(data_key), slot.id

    def change_passphrase(self, staff_name: str, old_passphrase: str, new_passphrase: str,
                          kdf: KdfParams | None = None) -> None:
        """Re-wrap the same identity under a new passphrase (the recipient does not change)."""
        _check_passphrase(new_passphrase, "new passphrase")
        slot = self._choose_slot(staff_name)
        identity = self._open_identity(slot, old_passphrase)
        new = self._new_slot_material(slot.id, slot.lookup, new_passphrase, b"", kdf or calibrate(),
                                      identity=identity, wrapped_data_key=slot.data_key)
        self._slots[self._slots.index(slot)] = new

    def remove_slot(self, slot_id: str) -> None:
        """Drop a slot and record its id in `removed`. This alone does not lock the person out
        of an old copy of the key file: the app must re-key the database and call `rewrap`."""
        slot = self._slot(slot_id)
        if len(self._slots) == 1:
            raise ValidationError("staff member", "the last staff key slot cannot be removed")
        self._slots.remove(slot)
        self._removed.append(slot_id)

    def rewrap(self, new_data_key: bytes) -> None:
        """Encrypt a new data key to every slot's recipient and the recovery recipient."""
        new_data_key = _check_data_key(new_data_key)

        def wrap(recipient: str) -> bytes:
            return pyrage.encrypt(new_data_key, [pyrage.x25519.Recipient.from_str(recipient)])

        # Encrypt everything first, then assign, so a failure leaves the object unchanged.
        wrapped = [wrap(s.recipient) for s in self._slots]
        wrapped_recovery = wrap(self._recovery.recipient) if self._recovery else None
        for s, w in zip(self._slots, wrapped):
            s.data_key = w
        if self._recovery:
            self._recovery.data_key = wrapped_recovery
        self._key_check = _key_check(new_data_key, self.vault_id)

    # ---- recovery

    def set_recovery(self, recipient: str, data_key: bytes) -> None:
        """Encrypt the data key to the coordinator's recovery public key (age1...)."""
        recipient = recipient.strip() if isinstance(recipient, str) else ""
        try:
            parsed = pyrage.x25519.Recipient.from_str(recipient)
        except Exception:
            raise ValidationError("recovery key", "is not an age public key (age1...)") from None
        data_key = _check_data_key(data_key)
        self._verify_data_key(data_key)
        self._recovery = _Recovery(str(parsed), pyrage.encrypt(data_key, [parsed]))

    def recover(self, identity: str) -> bytes:
        """The data key, from the coordinator's recovery identity (the AGE-SECRET-KEY-1... line,
        or the whole identity file age-keygen writes)."""
        if self._recovery is None:
            raise NotFound("this vault has no recovery slot")
        lines = [ln.strip() for ln in (identity or "").splitlines() if ln.strip() and not ln.strip().startswith("#")]
        try:
            if len(lines) != 1:
                raise ValueError
            parsed = pyrage.x25519.Identity.from_str(lines[0])
        except Exception:
            raise ValidationError("recovery key", "is not an age identity (AGE-SECRET-KEY-1...)") from None
        if str(parsed.to_public()) != self._recovery.recipient:
            raise WrongPassphrase("that identity does not open this vault's recovery slot")
        try:
            data_key = pyrage.decrypt(self._recovery.data_key, [parsed])
        except Exception:
            raise VaultDamaged("the key file is damaged: the recovery slot cannot be decrypted") from None
        return self._damaged_key(data_key)

    def reset_passphrase(self, slot_id: str, new_passphrase: str, data_key: bytes,
                         kdf: KdfParams | None = None) -> None:
        """After recovery: give the slot a new identity, wrapping the known data key under a new
        passphrase. The slot keeps its id and staff name."""
        _check_passphrase(new_passphrase, "new passphrase")
        data_key = _check_data_key(data_key)
        slot = self._slot(slot_id)
        self._verify_data_key(data_key)
        new = self._new_slot_material(slot.id, slot.lookup, new_passphrase, data_key, kdf or calibrate())
        self._slots[self._slots.index(slot)] = new
