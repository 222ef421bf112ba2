"""A program's year of weekly bundles for the merge benchmark: VANS vans x WEEKS weeks, each
signed by its own van key and encrypted to one coordinator key.

The demo generator (flows/demo/) makes one van's year (CLIENTS clients, about 300
contacts a week); each week's real bundle contents are built once (records.export.bundle
.contents: indicators, line list, FHIR, DHIS2, summary PDF). A fast bundle maker then turns
them into every van's bundle: the van's code in every file that names it, the line list's
client keys remapped per van (a sixteenth of them shared by all vans, so people are seen at
several vans), audit heads and anchors per van, then signed with that van's key, zipped and
encrypted. Built once and cached under the benchmark cache, keyed by what it makes.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from flows import demo
from records import clock
from records.export import bundle, dhis2, indicators, keyring, vankey, week
from records.keyfile import KdfParams

VANS, WEEKS, CLIENTS = 50, 52, 1500
QUICK = (3, 2, 60)
END_WEEK = "2026-W47"
SEED = 2026
BUILD = 1  # bump when what this module makes changes
_KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)
_CREATED = datetime(2026, 11, 23, 12, tzinfo=timezone.utc)


def van_key(n: int) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(hashlib.sha256(f"bench-van-{n}".encode()).digest())


def _remap(contacts_csv: bytes, van: str) -> bytes:
    """Client keys become the van's own people, except keys starting with 0 (shared)."""
    out = []
    for line in contacts_csv.split(b"\r\n"):
        cells = line.split(b",")
        if len(cells) > 4 and len(cells[4]) == 64 and not cells[4].startswith(b"0"):
            cells[4] = hashlib.sha256(van.encode() + cells[4]).hexdigest().encode()
        out.append(b",".join(cells))
    return b"\r\n".join(out)


def _point(van: str, seq: int) -> str:
    return hashlib.sha256(f"{van}{seq}".encode()).hexdigest()


def _van_bundle(base: dict[str, bytes], n: int, names: list[str], recipient: str) -> bytes:
    """Van n's bundle for the last week of `names` (the earlier ones are its anchors)."""
    van = f"VAN{n:02d}"
    signer = van_key(n)
    m = json.loads(base[bundle.MANIFEST])
    values = json.loads(base["indicators.json"])
    values["van"] = van
    files = {
        "indicators.json": json.dumps(values, indent=1).encode(),
        "indicators.csv": indicators.to_csv([(van, m["week"], values["indicators"])]).encode(),
        "contacts.csv": _remap(base["contacts.csv"], van),
        "fhir.json": base["fhir.json"],
        "dhis2.json": json.dumps(dhis2.payload(van, m["week"], values["indicators"])).encode(),
        "summary.pdf": base["summary.pdf"],
    }
    seqs = [1000 * (w + 1) + n for w in range(len(names))]
    m.update(van=van, van_name=f"Van {n}", recipient=recipient,
             signing_key=vankey.public_text(signer.public_key()),
             audit_head={"seq": seqs[-1], "hash": _point(van, seqs[-1])},
             audit_anchors=[{"seq": seq, "week": name, "hash": _point(van, seq)}
                            for seq, name in zip(seqs[:-1], names)],
             files={name: {"records": m["files"][name]["records"], "bytes": len(body),
                           "sha256": hashlib.sha256(body).hexdigest()}
                    for name, body in files.items()})
    body = (json.dumps(m, indent=1) + "\n").encode()
    files |= {bundle.MANIFEST: body, bundle.SIGNATURE: signer.sign(body)}
    return pyrage.encrypt(bundle.to_zip(files, _CREATED),
                          [pyrage.x25519.Recipient.from_str(recipient)])


def _weeks(count: int) -> list[str]:
    year, number = clock.parse_week(END_WEEK)
    monday = datetime.fromisocalendar(year, number, 1)
    return [f"{d.isocalendar()[0]}-W{d.isocalendar()[1]:02d}"
            for d in (monday - timedelta(weeks=count - 1 - i) for i in range(count))]


def ensure(cache: Path, quick: bool, log=print) -> Path:
    """The cached folder: coordinator.key, vans.json (keyring) and bundles/*.age."""
    vans, weeks, clients = QUICK if quick else (VANS, WEEKS, CLIENTS)
    tag = hashlib.sha256(f"{BUILD} {vans} {weeks} {clients} {SEED} {bundle.VERSION}"
                         .encode()).hexdigest()[:12]
    folder = Path(cache) / f"merge-{tag}"
    if (folder / "done").exists():
        return folder
    log(f"building a program year: {vans} vans x {weeks} weeks")
    shutil.rmtree(folder, ignore_errors=True)
    (folder / "bundles").mkdir(parents=True)
    from reports import weekly
    coordinator = pyrage.x25519.Identity.generate()
    recipient = str(coordinator.to_public())
    (folder / "coordinator.key").write_text(f"{coordinator}\n")
    ring = keyring.load(folder / "vans.json", missing_ok=True)
    for n in range(1, vans + 1):
        ring.add(f"VAN{n:02d}", vankey.public_text(van_key(n).public_key()))
    ring.save()
    with tempfile.TemporaryDirectory(prefix="bench-program-") as scratch:
        vault, _, _ = demo.create(Path(scratch) / "vault", "Demo Nurse", "bench passphrase 1",
                                  clients=clients, weeks=weeks, seed=SEED, end_week=END_WEEK,
                                  kdf=_KDF)
        try:
            names = _weeks(weeks)
            for count, name in enumerate(names, 1):
                data = week.collect(vault, name)
                base = bundle.contents(data, weekly.render, _CREATED, recipient, van_key(0))
                for n in range(1, vans + 1):
                    (folder / "bundles" / f"PAR-VAN{n:02d}-{name}.age").write_bytes(
                        _van_bundle(base, n, names[:count], recipient))
        finally:
            vault.lock()
    (folder / "done").write_text("")
    return folder
