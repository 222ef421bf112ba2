"""Import clients, visits and the service directory from CSV files into the open vault:
every file checked before anything is written, then everything in one transaction
(records.importer says what the files hold and how problems are reported).
`progress(done, total, what)` hears each file's check and the writing as they start and, at
the end, `done == total`.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from records import importer
from records.importer import Counts, ImportFailed

if TYPE_CHECKING:
    from records.vault import Vault

__all__ = ["Counts", "ImportFailed", "import_files"]
Progress = Callable[[int, int, str], None]


def import_files(vault: "Vault", *, clients_csv: Path | None = None,
                 visits_csv: Path | None = None, directory_csv: Path | None = None,
                 dry_run: bool = False, progress: Progress | None = None) -> Counts:
    """Check the files given and, unless `dry_run`, import them. Raises ImportFailed, listing
    every problem, with nothing written."""
    counts = importer.run(vault, clients_csv=clients_csv, visits_csv=visits_csv,
                          directory_csv=directory_csv, dry_run=dry_run, progress=progress)
    if progress is not None:
        total = len(importer.steps(clients_csv, visits_csv, directory_csv))
        progress(total, total, "checked, nothing written" if dry_run else "imported")
    return counts
