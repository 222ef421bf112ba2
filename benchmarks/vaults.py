"""The benchmark vaults: the demo generator's records (flows.demo, the one behind
`main.py demo`) at a given number of clients over ten years, plus one long-standing client
with 300 visits for the client-page measure. Built once and cached by size, generator source
and KDF choice under benchmarks/.cache/ (gitignored); measures run on a scratch copy so the
cached vault never changes."""
from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import shutil
import tempfile
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from flows import demo
from records import clients, directory, incidents, referrals, visits
from records.keyfile import KdfParams
from records.vault import Vault

HERE = Path(__file__).resolve().parent
CACHE = HERE / ".cache"
STAFF = "Demo Nurse"
PASSPHRASE = "benchmark passphrase, synthetic data only"
WEEKS = 520  # ten years
END_WEEK = "2026-W47"
SEED = 20261125
HEAVY_VISITS = 300
BUILD = 1  # bump when _add_heavy_client or the layout of the cache changes
# --quick: a cheap KDF so the end-to-end test takes seconds (the unlock measure then times
# this KDF against itself, which still checks the plumbing).
QUICK_KDF = KdfParams(time_cost=1, memory_kib=8192, parallelism=1)


@dataclass(frozen=True)
class BenchVault:
    path: Path
    size: int
    heavy_client_id: int
    counts: dict

    def open(self) -> Vault:
        return Vault.open(self.path, STAFF, PASSPHRASE)


@functools.cache
def _fingerprint(quick: bool) -> str:
    """What the generator makes, not how its source reads: the rows of a tiny demo vault
    with the same seed and weeks, hashed with BUILD and the KDF choice. A change in the
    generator's output rebuilds the cache; a renamed helper or a new docstring does not."""
    digest = hashlib.sha256(f"{BUILD} {SEED} {WEEKS} {END_WEEK} {quick}".encode())
    with tempfile.TemporaryDirectory(prefix="bench-fingerprint-") as folder:
        vault, _identity, _counts = demo.create(
            Path(folder) / "vault", STAFF, PASSPHRASE, clients=40, weeks=WEEKS, seed=SEED,
            end_week=END_WEEK, kdf=QUICK_KDF)
        try:
            for table in ("clients", "shifts", "visits", "visit_services", "visit_supplies",
                          "referrals", "incidents", "directory"):
                for row in vault.db.execute(f"SELECT * FROM {table} ORDER BY rowid"):
                    digest.update(repr(row).encode())
        finally:
            vault.lock()
    return digest.hexdigest()[:12]


def _add_heavy_client(vault: Vault) -> int:
    """A client seen about every twelve days for ten years: 300 visits with services and
    supplies, referrals open and closed, incidents. Written through the records API."""
    end = datetime(2026, 11, 20, 3, 0, tzinfo=timezone.utc)
    client = clients.register(vault, "Marie-Ève Tremblay", aliases=["Mimi", "Évie"],
                              gender="F", uic_first="Marie", uic_last="Tremblay",
                              birth_year=1988, pronouns="she/her", legal_name="Marie Tremblay",
                              allergies="penicillin", problems="hepatitis C, treated 2023")
    places = [e.id for e in directory.entries(vault) if e.kind != "police_liaison"]
    for i in range(HEAVY_VISITS):
        visits.record(vault, client_id=client.id,
                      occurred_at=end - timedelta(days=12 * i, hours=i % 5),
                      site="Dundas & Adelaide", reason="check-in",
                      services=["wound_care", ("hcv_test", "negative")] if i % 3 else ["counselling"],
                      supplies={"needles": 10 + i % 7, "condoms": 6})
    for i in range(12):
        made = referrals.make(vault, client.id, places[i % len(places)],
                              made_at=end - timedelta(days=90 * i + 1),
                              reason="follow-up care", request="please see this week")
        if i >= 3:
            referrals.set_outcome(vault, made.id, "attended", on=made.made_at.date())
    for i in range(4):
        incidents.report(vault, occurred_at=end - timedelta(days=200 * i), consent_sheet=True,
                         consent_police=False, client_id=client.id, area="King St",
                         vehicle_description="grey pickup", plate_partial="BX4")
    return client.id


def ensure(size: int, *, quick: bool = False, cache: Path = CACHE, log=print) -> BenchVault:
    """The cached vault for `size` clients, built if missing or out of date."""
    name = f"{size}-{_fingerprint(quick)}"
    home = cache / name
    meta_path = home / "meta.json"
    if meta_path.exists():
        meta = json.loads(meta_path.read_text())
        bench = BenchVault(home / "vault", size, meta["heavy_client_id"], meta["counts"])
        bench.open().lock()  # brings the schema up to date (migrations) once, not per copy
        return bench
    cache.mkdir(parents=True, exist_ok=True)
    for stale in cache.glob(f"{size}-*"):
        shutil.rmtree(stale)
    building = cache / f"{name}.building"
    shutil.rmtree(building, ignore_errors=True)
    log(f"building the {size}-client vault (cached in {home})")
    vault, _identity, counts = demo.create(
        building / "vault", STAFF, PASSPHRASE, clients=size, weeks=WEEKS, seed=SEED,
        end_week=END_WEEK, kdf=QUICK_KDF if quick else None)
    try:
        heavy = _add_heavy_client(vault)
    finally:
        vault.lock()
    meta = {"heavy_client_id": heavy,
            "counts": {k: v for k, v in counts.__dict__.items() if k != "seconds"},
            "build_seconds": round(counts.seconds, 1)}
    (building / "meta.json").write_text(json.dumps(meta, indent=1))
    building.rename(home)
    return BenchVault(home / "vault", size, heavy, meta["counts"])


@contextlib.contextmanager
def scratch_copy(bench: BenchVault):
    """A copy of the cached vault for measures that write; removed afterwards."""
    target = bench.path.parent.parent / f"{bench.path.parent.name}.scratch"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(bench.path, target)
    try:
        yield BenchVault(target, bench.size, bench.heavy_client_id, bench.counts)
    finally:
        shutil.rmtree(target, ignore_errors=True)
