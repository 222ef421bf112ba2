"""The coordinator's keyring: which signing key each van uses, and which keys were revoked.

A small JSON file, written atomically (0600):

    {"format": "van-clinic-keyring", "version": 1,
     "vans": {"VAN1": {"key": "van-clinic-sign:...", "added": "...Z", "status": "active"}},
     "revoked": [{"van": "VAN1", "key": "van-clinic-sign:...", "revoked_at": "...Z"}]}

A van has one key at a time. Replacing it needs `replace` (the old key is then simply no
longer accepted); revoking it (a stolen laptop) refuses every bundle signed by that key from
then on, whatever week it claims, and the key can never be registered again.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .. import clock, validate
from ..errors import ClinicError
from ..fsutil import atomic_write
from . import vankey

FORMAT = "van-clinic-keyring"
VERSION = 1
MAX_BYTES = 4 * 1024 * 1024


class KeyringError(ClinicError):
    """The keyring cannot be read, or a change to it is refused."""


@dataclass
class Keyring:
    path: Path
    vans: dict[str, dict] = field(default_factory=dict)
    revoked: list[dict] = field(default_factory=list)

    def revoked_entry(self, key: str) -> dict | None:
        return next((r for r in self.revoked if r["key"] == key), None)

    def active_key(self, van: str) -> str | None:
        entry = self.vans.get(van)
        return entry["key"] if entry and entry["status"] == "active" else None

    def add(self, van: str, key: str, *, replace: bool = False) -> str | None:
        """Register `key` for `van`; returns the fingerprint of the key it replaced."""
        van = validate.van_code("van", van)
        key = vankey.public_text(vankey.parse_public(key))
        gone = self.revoked_entry(key)
        if gone:
            raise KeyringError(f"this key was revoked on {gone['revoked_at']} (van "
                               f"{gone['van']}); the van must make a new one "
                               "(python main.py van-key --new)")
        owner = next((v for v, e in self.vans.items() if e["key"] == key and v != van), None)
        if owner:
            raise KeyringError(f"this key is already registered for van {owner}")
        current = self.vans.get(van)
        old = None
        if current and current["status"] == "active":
            if current["key"] == key:
                return None
            if not replace:
                raise KeyringError(f"{van} already has a key (fingerprint "
                                   f"{vankey.fingerprint(current['key'])}); use --replace to "
                                   "replace it")
            old = vankey.fingerprint(current["key"])
        self.vans[van] = {"key": key, "added": clock.to_db(clock.now_utc()), "status": "active"}
        return old

    def revoke(self, van: str) -> str:
        """Refuse every bundle signed by the van's key from now on; returns its fingerprint."""
        entry = self.vans.get(van)
        if entry is None:
            raise KeyringError(f"{van} is not in the keyring")
        if entry["status"] == "revoked":
            raise KeyringError(f"{van}'s key was already revoked")
        entry["status"] = "revoked"
        self.revoked.append({"van": van, "key": entry["key"],
                             "revoked_at": clock.to_db(clock.now_utc())})
        return vankey.fingerprint(entry["key"])

    def listing(self) -> list[tuple[str, str, str]]:
        """(van, fingerprint, status), vans in order."""
        return [(van, vankey.fingerprint(e["key"]), e["status"])
                for van, e in sorted(self.vans.items())]

    def save(self) -> None:
        doc = {"format": FORMAT, "version": VERSION, "vans": self.vans, "revoked": self.revoked}
        try:
            atomic_write(self.path, (json.dumps(doc, indent=1) + "\n").encode())
        except OSError as exc:
            raise KeyringError(f"cannot write the keyring {self.path}: {exc.strerror}") from None


def load(path, *, missing_ok: bool = False) -> Keyring:
    """The keyring at `path`; with `missing_ok` an absent file is an empty keyring."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise KeyringError(f"{path} is too large to be a keyring")
        text = path.read_bytes()
    except FileNotFoundError:
        if missing_ok:
            return Keyring(path)
        raise KeyringError(f"no keyring at {path}: register the vans first (python main.py "
                           "coordinator trust --keyring FILE --van CODE --key KEY)") from None
    except OSError as exc:
        raise KeyringError(f"cannot read the keyring {path}: {exc.strerror}") from None
    try:
        doc = json.loads(text)
        if doc.get("format") != FORMAT or doc.get("version") != VERSION:
            raise ValueError
        ring = Keyring(path, dict(doc["vans"]), list(doc["revoked"]))
        for van, entry in ring.vans.items():
            validate.van_code("van", van)
            vankey.parse_public(entry["key"])
            if entry["status"] not in ("active", "revoked"):
                raise ValueError
        for entry in ring.revoked:
            vankey.parse_public(entry["key"])
    except (ValueError, KeyError, TypeError, AttributeError, ClinicError):
        raise KeyringError(f"{path} is not a van-clinic keyring (or it is damaged)") from None
    return ring
