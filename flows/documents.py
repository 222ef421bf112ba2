"""A print job's document: gather its inputs from the vault (records.printing), render them
(reports.render), and save the PDF with the print recorded. Spooling to a printer stays in
ui/printing.py (Qt); the bytes stay in memory until saved."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from records import printing
from records.printing import PrintJob
from reports.render import render

if TYPE_CHECKING:
    from records.vault import Vault


def job_pdf(vault: "Vault", job: PrintJob) -> bytes:
    """Gather and render in one call (the preview, the queue and the command line use it)."""
    return render(printing.gather(vault, job))


def save(vault: "Vault", job: PrintJob, path: Path, *, force: bool = False,
         pdf: bytes | None = None) -> bytes:
    """Render the job (unless its `pdf` is given, as the preview has it), save it as a
    private PDF at `path` and record the print as saved to a file; returns the PDF."""
    if pdf is None:
        pdf = job_pdf(vault, job)
    printing.save_pdf(Path(path), pdf, force=force)
    printing.record_print(vault, job, "file")
    return pdf
