"""A demo vault full of realistic synthetic data, and the generator benchmarks use.

Everything is drawn from one `random.Random(seed)`: the same seed and end week give the same
records. The generator is built to reach 100k clients and a million visits in minutes:

- every client goes through `clients.clean` and `clients.db_row` (the UIC recipe included),
  every visit through `visits.db_row` (local day and ISO week) and `visits.clean_supplies`;
  the fixed pools of text, services, referral and incident templates are cleaned once, at
  start, by the records' own cleaning functions;
- rows are inserted with executemany in large batches, each batch one `vault.write("demo",
  ...)` transaction with one audit entry summarising it; the search index is built once
  the visits are in (`search.rebuild`), as registering and visits keep it by hand.

The vault's settings (letterhead, schedule, UIC secret, an export recipient) are set by
`create`; `populate` adds records to any open vault.
"""
from __future__ import annotations

import random
import time as timer
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from records import clock, search, validate
from records.errors import ValidationError
from records.models import Settings

from . import pools
from .generator import Generator, Progress

if TYPE_CHECKING:
    from records.keyfile import KdfParams
    from records.vault import Vault


@dataclass(frozen=True)
class Counts:
    clients: int
    visits: int  # all contacts, anonymous included
    anonymous: int
    shifts: int
    referrals: int
    incidents: int
    directory: int
    seconds: float


def demo_settings(seed: int) -> tuple[Settings, str]:
    """Settings for a demo vault and the coordinator's age identity (secret key) matching
    its export recipient, so exports can be decrypted. The identity is random, not seeded."""
    import pyrage
    identity = pyrage.x25519.Identity.generate()
    rng = random.Random(f"settings-{seed}")
    settings = Settings(
        clinic_name="Night Van Outreach (demo)", program="PAR", van_name="Night Van",
        van_code="VAN1", timezone="America/Toronto",
        letterhead=("Night Van Outreach", "Persons at Risk program",
                    "London, Ontario - 519-555-0100"),
        schedule=pools.SCHEDULE, export_recipient=str(identity.to_public()),
        uic_secret=f"demo-{rng.getrandbits(128):032x}")
    return settings, str(identity)


def create(path: Path, staff: str, passphrase: str, *, clients: int = 200, weeks: int = 8,
           seed: int = 1, end_week: str | None = None, kdf: "KdfParams | None" = None,
           progress: Progress | None = None) -> tuple["Vault", str, Counts]:
    """A NEW vault at `path` (VaultExists if one is there) filled with demo data. Returns
    the open vault, the coordinator's age identity for its exports, and the counts. If the
    generation fails part way, the vault keeps what was committed (batches are whole)."""
    from records.vault import Vault
    _check_sizes(clients, weeks)
    settings, identity = demo_settings(seed)
    vault = Vault.create(path, staff, passphrase, contact_line=f"{staff}, RN - 519-555-0100",
                         settings=settings, kdf=kdf)
    try:
        counts = populate(vault, clients=clients, weeks=weeks, seed=seed, end_week=end_week,
                          progress=progress)
    except BaseException:
        vault.lock()
        raise
    return vault, identity, counts


def _check_sizes(clients: int, weeks: int) -> tuple[int, int]:
    clients = validate.quantity("clients", clients, maximum=10_000_000)
    weeks = validate.quantity("weeks", weeks, maximum=520)
    if weeks < 1:
        raise ValidationError("weeks", "must be at least 1")
    return clients, weeks


def populate(vault: "Vault", *, clients: int = 200, weeks: int = 8, seed: int = 1,
             end_week: str | None = None, progress: Progress | None = None) -> Counts:
    """Add demo records to an open vault: the directory, `weeks` ISO weeks of shifts ending
    with `end_week` (default: the last complete week in the clinic's zone), `clients`
    clients with about ten contacts each on average (fewer when the weeks are few), anonymous
    quick contacts, referrals with outcomes, and incidents. Deterministic for a seed and end
    week. `progress(stage, done, total)` is called after each batch."""
    clients_wanted, weeks = _check_sizes(clients, weeks)
    vault.require_clinical()
    started = timer.perf_counter()
    end_week = end_week or clock.last_complete_week(vault.settings.timezone)
    end = clock.week_bounds(end_week, vault.settings.timezone)[1]
    gen = Generator(vault, random.Random(seed), progress)
    destinations = gen.directory()
    gen.pools(destinations)
    shifts = gen.shifts(weeks, end_week)
    plans = gen.clients(clients_wanted, shifts)
    counts = gen.visits(plans, shifts, end)
    with vault.together():  # derived data: the batches above carry the audit entries
        search.rebuild(vault.db)
    return Counts(clients=clients_wanted, visits=counts["visits"], anonymous=counts["anonymous"],
                  shifts=len(shifts), referrals=counts["referrals"], incidents=counts["incidents"],
                  directory=len(destinations), seconds=timer.perf_counter() - started)
