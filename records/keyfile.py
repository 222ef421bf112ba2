"""The vault's key file: a small JSON file beside the SQLCipher database.

The database is keyed with a random 32-byte *data key*. Each staff member has a slot with its
own age X25519 identity:

- `recipient`: the slot's age public key, in the clear;
- `identity`: the age identity string, AES-256-GCM encrypted under a key derived from the staff
  member's passphrase with Argon2id (salt and parameters in the slot; the AAD binds the vault
  id, the slot id and the recipient);
- `data_key`: the data key age-encrypted to `recipient`.

Because the data key is encrypted to public keys, a re-key (removing a staff member, or
`passwd --rekey`) works without anyone else's passphrase: the app re-keys the database with a
new data key and calls `rewrap`, which encrypts it to every current slot (and the recovery
recipient). A passphrase change gives the slot a fresh identity, so after the next re-key an
old passphrase (or a removed slot) opens nothing with any copy of the file: an old copy
holds only the old data key (the database of that day, as in a backup), and its identity is
no longer a recipient of the current one.

The JSON form and its strict reader are in records/keyfile_format.py, Argon2id in
records/kdf.py.

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

import hashlib
import hmac
import os
import secrets
import unicodedata

import pyrage
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from records.errors import (
    NotFound, UnknownStaff, ValidationError, VaultDamaged, WrongPassphrase, msg,
)
from records.fsutil import atomic_write
from records.kdf import SALT_BYTES, KdfParams, calibrate, derive
from records.keyfile_format import (FORMAT, MAX_FILE_BYTES, NONCE_BYTES, VERSION, Contents, Recovery,
                                    Slot, parse, serialize)

__all__ = ["KdfParams", "KeyFile", "calibrate", "normalize_name"]

DATA_KEY_BYTES = 32


def normalize_name(name: str) -> str:
    """NFKC + casefold, surrounding whitespace stripped and inner runs of whitespace collapsed."""
    folded = unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", name).casefold())
    return " ".join(folded.split())


def _key_check(data_key: bytes, vault_id: str) -> str:
    return hmac.new(data_key, b"van-clinic key check\0" + vault_id.encode("ascii"), hashlib.sha256).hexdigest()


def _aad(vault_id: str, slot_id: str, recipient: str) -> bytes:
    return f"{FORMAT}/{VERSION}\0{vault_id}\0{slot_id}\0{recipient}".encode("ascii")


def _check_data_key(data_key) -> bytes:
    if not isinstance(data_key, (bytes, bytearray)) or len(data_key) != DATA_KEY_BYTES:
        raise ValidationError("data key", msg("must be {count} bytes", count=DATA_KEY_BYTES))
    return bytes(data_key)


def _check_passphrase(passphrase, field: str = "passphrase") -> str:
    if not isinstance(passphrase, str) or passphrase == "":
        raise ValidationError(field, "must not be empty")
    return passphrase


class KeyFile:
    """In-memory key file. Mutating methods change memory only; call `save` to write."""

    def __init__(self, vault_id: str, name_salt: bytes, key_check: str | None = None):
        self.vault_id = vault_id
        self._name_salt = name_salt
        self._key_check = key_check
        self._slots: list[Slot] = []
        self._recovery: Recovery | None = None
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
            raise VaultDamaged(msg("the key file {path} is missing",
                                   path=os.fspath(path))) from None
        except OSError as e:
            raise VaultDamaged(msg("the key file {path} cannot be read: {reason}",
                                   path=os.fspath(path), reason=e.strerror or e)) from None
        return cls.from_bytes(data, source=msg("key file {path}", path=os.fspath(path)))

    def save(self, path) -> None:
        """Write atomically, mode 0600."""
        atomic_write(path, self.to_bytes())

    def to_bytes(self) -> bytes:
        return serialize(Contents(self.vault_id, self._name_salt, self._key_check, self._slots,
                                  self._recovery, self._removed))

    @classmethod
    def from_bytes(cls, data: bytes, source: str = msg("key file")) -> "KeyFile":
        """Parse and check a key file (records/keyfile_format.py); `VaultDamaged` naming
        `source` for any problem."""
        c = parse(data, source)
        kf = cls(c.vault_id, c.name_salt, c.key_check)
        kf._slots, kf._recovery, kf._removed = c.slots, c.recovery, c.removed
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

    def wraps(self, data_key: bytes) -> bool:
        """Whether `data_key` is the key this file wraps (a backup made since the last re-key)."""
        return self._key_check is not None and hmac.compare_digest(
            self._key_check, _key_check(bytes(data_key), self.vault_id))

    def _slot(self, slot_id: str) -> Slot:
        for s in self._slots:
            if s.id == slot_id:
                return s
        raise UnknownStaff("no key slot with that id in this vault")

    def _choose_slot(self, staff_name: str | None, passphrase) -> Slot:
        if staff_name is None or (isinstance(staff_name, str) and not normalize_name(staff_name)):
            if len(self._slots) == 1:
                return self._slots[0]
            if not self._slots:
                raise UnknownStaff("this vault has no staff key slots")
            raise UnknownStaff("this vault has several staff members: give your staff name")
        slot_id = self.slot_for(staff_name)
        if slot_id is None:
            self._spend_a_guess(passphrase)
            raise UnknownStaff("no staff member with that name in this vault")
        return self._slot(slot_id)

    def _spend_a_guess(self, passphrase) -> None:
        """The Argon2id run a wrong passphrase costs (the first slot's parameters, a random
        salt), so an unknown staff name takes as long to refuse: no timing oracle for names."""
        if self._slots:
            guess = passphrase if isinstance(passphrase, str) else ""
            derive(guess, secrets.token_bytes(SALT_BYTES), self._slots[0].kdf)

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

    def _open_identity(self, slot: Slot, passphrase: str) -> pyrage.x25519.Identity:
        key = derive(passphrase, slot.salt, slot.kdf)
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

    def _new_slot_material(self, slot_id: str, lookup: str, passphrase: str, data_key: bytes,
                           kdf: KdfParams) -> Slot:
        """A slot with a freshly generated age identity, sealed under `passphrase`, holding
        `data_key` wrapped to that identity."""
        identity = pyrage.x25519.Identity.generate()
        recipient = str(identity.to_public())
        salt, nonce = secrets.token_bytes(SALT_BYTES), secrets.token_bytes(NONCE_BYTES)
        key = derive(passphrase, salt, kdf)
        wrapped_identity = AESGCM(key).encrypt(nonce, str(identity).encode("ascii"), _aad(self.vault_id, slot_id, recipient))
        wrapped_data_key = pyrage.encrypt(data_key, [identity.to_public()])
        return Slot(slot_id, lookup, recipient, kdf, salt, nonce, wrapped_identity, wrapped_data_key)

    def _replace_slot(self, slot: Slot, new_passphrase: str, data_key: bytes, kdf: KdfParams | None) -> None:
        """Same id and staff name; new identity, new passphrase."""
        new = self._new_slot_material(slot.id, slot.lookup, new_passphrase, data_key, kdf or calibrate())
        self._slots[self._slots.index(slot)] = new

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
        slot = self._choose_slot(staff_name, passphrase)
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
        """Give the slot a fresh age identity sealed under the new passphrase, holding the same
        data key. An old copy of the file still opens with the old passphrase until the
        database is re-keyed (`rewrap`); from then on the old identity unwraps nothing here."""
        _check_passphrase(new_passphrase, "new passphrase")
        data_key, slot_id = self.unlock(staff_name, old_passphrase)
        self._replace_slot(self._slot(slot_id), new_passphrase, data_key, kdf)

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
        self._recovery = Recovery(str(parsed), pyrage.encrypt(data_key, [parsed]))

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
        self._replace_slot(slot, new_passphrase, data_key, kdf)


def staff_count(path) -> int:
    """How many staff members can unlock with this key file (their names stay unreadable):
    the unlock window asks for a name only when there are several."""
    return len(KeyFile.load(path).slot_ids())
