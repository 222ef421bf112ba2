"""Weekly export speed: the whole in-memory build (read the week, indicators, line list, FHIR,
DHIS2, PDF, zip, age encryption) against reading the same rows raw.

`measure(vault, week)` is what the benchmark runner calls; `python -m benchmarks.bench_export`
builds a throwaway vault with a 2,000-contact week and prints the numbers (target: under 2 s).
"""
from __future__ import annotations

import statistics
import time

import pyrage

from records import clock
from flows.export import build


def _raw_read(vault, week: str) -> int:
    """The week's visit rows and their services and supplies, straight from SQL."""
    start, end = clock.week_bounds(week, vault.settings.timezone)
    args = [clock.to_db(start), clock.to_db(end)]
    rows = vault.db.execute("SELECT * FROM visits WHERE occurred_at >= ? AND occurred_at < ?"
                            " AND voided = 0", args).fetchall()
    for table in ("visit_services", "visit_supplies"):
        vault.db.execute(f"SELECT t.* FROM {table} t JOIN visits v ON v.id = t.visit_id"
                         " WHERE v.occurred_at >= ? AND v.occurred_at < ? AND v.voided = 0",
                         args).fetchall()
    return len(rows)


def _best(fn, repeats: int) -> tuple[float, float, object]:
    times, result = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return min(times), statistics.median(times), result


def measure(vault, week: str, repeats: int = 3) -> dict:
    """Seconds for the export build (nothing written or recorded) and for a raw read."""
    recipient = vault.settings.export_recipient or str(
        pyrage.x25519.Identity.generate().to_public())
    raw_best, raw_median, contacts = _best(lambda: _raw_read(vault, week), repeats)
    best, median, built = _best(lambda: build(vault, week, recipient), repeats)
    return {
        "week": week, "contacts": contacts, "export_s": round(best, 3),
        "export_median_s": round(median, 3), "raw_read_s": round(raw_best, 4),
        "ratio_to_raw_read": round(best / raw_best, 1) if raw_best else None,
        "bundle_bytes": len(built.payload), "under_2s": best < 2.0,
    }


def _demo_week(vault, week: str, contacts: int = 2000) -> None:
    """A busy week with records API calls: a third anonymous, the rest ~600 clients."""
    import random
    from datetime import timedelta

    from records import clients, directory, referrals, visits
    rng = random.Random(7)
    start, _ = clock.week_bounds(week, vault.settings.timezone)
    dest = directory.add(vault, "Clinic", "sexual_health")
    people = [clients.register(vault, f"Client {i}", uic_chosen=f"F{chr(65 + i % 26)}"
                               f"{chr(65 + i // 26 % 26)}ZZ{1950 + i % 50}") for i in range(600)]
    services = ["wound_care", ("hiv_test", "negative"), "counselling", "basic_needs",
                ("sti_test", "pending")]
    for n in range(contacts):
        when = start + timedelta(seconds=int(n * 7 * 86400 / contacts))
        if n % 3 == 0:
            visits.quick_contact(vault, None, supplies={"needles": 10, "condoms": 5},
                                 occurred_at=when)
            continue
        who = rng.choice(people)
        v = visits.record(vault, client_id=who.id, occurred_at=when, site="Main & 1st",
                          services=rng.sample(services, 2),
                          supplies={"needles": rng.randint(0, 20), "naloxone_nasal": 1},
                          needles_returned=rng.randint(0, 10), note="a note")
        if n % 25 == 0:
            referrals.make(vault, who.id, dest.id, made_at=when, visit_id=v.id)


if __name__ == "__main__":
    import json
    import shutil
    import sys
    import tempfile
    from pathlib import Path

    from records.keyfile import KdfParams
    from records.models import Settings
    from records.vault import Vault

    folder = Path(tempfile.mkdtemp(prefix="bench-export-"))
    vault = Vault.create(folder / "vault", "Bench Nurse", "bench passphrase",
                         settings=Settings(uic_secret="bench-secret"),
                         kdf=KdfParams(time_cost=1, memory_kib=8192, parallelism=1))
    week = "2026-W20"
    t0 = time.perf_counter()
    _demo_week(vault, week)
    print(f"built the week in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
    print(json.dumps(measure(vault, week), indent=1))
    vault.lock()
    shutil.rmtree(folder)
