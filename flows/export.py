"""Export one week of the vault: read it, build the bundle with its summary PDF, encrypt it,
write only the encrypted file, and record the export in the vault.

A use case: it combines records (the week, the bundle) and reports (the summary PDF).
`export_week` touches the database, so the GUI runs it on its one worker thread.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from records import outputs
from records.export import bundle, vankey, week

from reports import weekly

if TYPE_CHECKING:
    from records.vault import Vault

Progress = Callable[[int, int, str], None]  # (step, steps, what is happening)
STEPS = ("Reading the week", "Building and encrypting the bundle", "Writing the file",
         "Recording the export")


@dataclass(frozen=True)
class Exported:
    path: Path
    week: str
    checksum: str
    indicators: dict


def default_file_name(vault: "Vault", which: str) -> str:
    s = vault.settings
    return bundle.file_name(s.program, s.van_code, which)


def build(vault: "Vault", which: str, recipient: str | None = None) -> bundle.Built:
    """The encrypted bundle in memory, nothing written or recorded (benchmarks use this)."""
    data = week.collect(vault, which)
    return bundle.build(data, weekly.render, recipient or vault.settings.export_recipient,
                        vankey.private_key(vault.db))


def export_week(vault: "Vault", which: str, path: Path, recipient: str | None = None,
                progress: Progress | None = None, *, force: bool = False) -> Exported:
    """Write the week's bundle to `path` (a new file unless `force`; never inside a vault
    or backup folder) and record the export. Raises before any work when `path` is refused."""
    def step(n: int) -> None:
        if progress:
            progress(n, len(STEPS), STEPS[n])

    recipient = recipient or vault.settings.export_recipient
    bundle.parse_recipient(recipient)  # fail before any work when the key is missing
    outputs.check_file(path, force=force)  # ... or when the output is refused
    bundle.check_van_code(vault.settings.van_code)  # or when the code is not a safe name
    step(0)
    data = week.collect(vault, which)
    step(1)
    built = bundle.build(data, weekly.render, recipient, vankey.private_key(vault.db))
    step(2)
    outputs.write_file(path, built.payload, force=force)
    step(3)
    bundle.record(vault, built, recipient)
    return Exported(Path(path), data.week, built.checksum, built.indicators)
