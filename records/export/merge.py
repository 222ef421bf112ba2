"""The coordinator's side: open bundles one at a time, in memory, trusting nothing, and merge
them week by week.

A bundle counts only once it is authentic and well formed (verify.py, then validate.py): it
decrypts with the coordinator's key, its manifest is signed by the registered, unrevoked key
of the van it names and names this coordinator as recipient, every member matches the signed
checksum, and every field used is checked. What is kept of it is small: the manifest, the
indicators and the week's client keys (32 bytes each); the decrypted zip is dropped before
the next bundle is read.

Bundles are keyed by (van, week). When a van exported a week more than once, the export with
the higher signed audit sequence wins (the van's clock is not trusted), so nothing is counted
twice. Combined numbers: combine.py.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from . import ledger as ledgers
from . import validate, verify
from .bundle import MANIFEST, SIGNATURE
from .combine import Merged, combine
from .keyring import Keyring
from .verify import BundleRejected

__all__ = ["BundleRejected", "Opened", "open_bundle", "read_bundle", "merge", "anchor"]


@dataclass(frozen=True)
class Opened:
    source: str
    manifest: dict
    indicators: dict
    client_keys: bytes  # sorted distinct 32-byte keyed hashes of the week's clients

    @property
    def key(self) -> tuple[str, str]:
        return self.manifest["van"], self.manifest["week"]

    @property
    def seq(self) -> int:
        return self.manifest["audit_head"]["seq"]


def read_bundle(path) -> bytes:
    """The file's bytes, once its size is known to be within the limit."""
    try:
        size = os.stat(path).st_size
        if size > verify.MAX_BUNDLE:
            raise BundleRejected(f"{path}: refused: {size} bytes is more than a weekly export "
                                 f"can be (at most {verify.MAX_BUNDLE})")
        with open(path, "rb") as f:
            return f.read(verify.MAX_BUNDLE + 1)
    except OSError as exc:
        raise BundleRejected(f"{path}: cannot be read: {exc.strerror}") from None


def open_bundle(source: str, payload: bytes, identities, keyring: Keyring) -> Opened:
    """Decrypt, verify and validate one bundle; `source` names it in every message."""
    if len(payload) > verify.MAX_BUNDLE:
        raise BundleRejected(f"{source}: refused: larger than a weekly export can be")
    recipients = {str(i.to_public()) for i in identities}
    plain = verify.decrypt(source, payload, identities)
    archive = verify.open_archive(source, plain)
    body = verify.read_small(source, archive, MANIFEST)
    head = validate.manifest_head(source, body)
    signature = verify.read_small(source, archive, SIGNATURE)
    verify.check_signature(source, head["van"], body, signature, head.get("signing_key"),
                           keyring)
    manifest = validate.manifest(source, head, recipients)
    verify.check_members(source, archive, manifest["files"])
    values = validate.indicators(source, verify.read_small(source, archive, "indicators.json"),
                                 manifest)
    with archive.open("contacts.csv") as stream:
        keys = validate.client_keys(source, stream)
    return Opened(source, validate.compact(manifest), values, keys)


def merge(opened: list[Opened]) -> Merged:
    """Per (van, week) the export with the highest audit sequence; the others are listed as
    replaced (an identical second copy too)."""
    best: dict[tuple[str, str], Opened] = {}
    replaced: list[Opened] = []
    for item in opened:
        current = best.get(item.key)
        if current is None:
            best[item.key] = item
        elif item.seq > current.seq:
            replaced.append(current)
            best[item.key] = item
        else:
            replaced.append(item)
    return combine(best, replaced)


def anchor(opened: list[Opened], ledger: ledgers.Ledger) -> list[str]:
    """Feed every authentic bundle to the audit ledger, per van in audit order; returns the
    warnings (a van whose history changed)."""
    warnings = []
    for item in sorted(opened, key=lambda o: (o.key[0], o.seq)):
        m = item.manifest
        found = ledger.observe(m["van"], m["week"], m["audit_head"], m["audit_anchors"])
        if found:
            warnings.append(found)
    return warnings
