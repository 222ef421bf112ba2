"""The coordinator's merge, end to end: open each bundle (one at a time, trusting nothing),
merge, note the vans' audit chains in the ledger, and write the report folder.

All or nothing by default: the first refused bundle stops the merge and nothing is written.
With `skip_invalid` the refused ones are reported and the rest merged. The output folder must
not exist or be empty (unless `force`: the folder there is then kept under a new name); it is
built in a hidden sibling and renamed into place at the end (records.outputs.folder), and
only then is the ledger updated. File names come from validated van codes and weeks only.
A use case: it combines records (open, merge, ledger) and reports (the summary PDFs).
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from records import outputs
from records.errors import ClinicError
from records.export import combine, keyring, merge
from records.export import ledger as ledgers

from reports import weekly

PDF_CHOICES = ("combined", "all", "none")


class NothingMerged(ClinicError):
    """Every bundle was refused."""


@dataclass
class MergeResult:
    out: Path
    merged: combine.Merged
    used: int
    refused: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    replaced_folder: Path | None = None  # with force: where the folder that was there is kept

    @property
    def vans(self) -> list[str]:
        return sorted({van for w in self.merged.weeks for van in w.per_van})


def _pdfs(merged: combine.Merged, pdf: str):
    """(file name, PDF bytes), one at a time."""
    for w in merged.weeks:
        if pdf == "all":
            for van, values in w.per_van.items():
                yield f"summary-{w.week}-{van}.pdf", weekly.render(combine.header(w, van), values)
        if pdf in ("all", "combined"):
            yield f"summary-{w.week}-all-vans.pdf", weekly.render(combine.header(w), w.combined)


def _write(path: Path, chunks) -> None:
    """A new private file in the staging folder, written chunk by chunk and synced."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        for chunk in chunks:
            f.write(chunk)
        f.flush()
        os.fsync(f.fileno())


def merge_files(paths: list, identities, keyring_path, out, *, ledger_path=None,
                pdf: str = "combined", force: bool = False, skip_invalid: bool = False,
                refused: Callable[[str], None] | None = None) -> MergeResult:
    """Merge the bundle files at `paths` into the folder `out`. `refused` hears each refused
    bundle's message when `skip_invalid`; otherwise the first refusal is raised."""
    if pdf not in PDF_CHOICES:
        raise ValueError(pdf)
    ring = keyring.load(keyring_path)
    ledger = ledgers.load(ledger_path or ledgers.default_path(keyring_path))
    outputs.check_folder(out, force=force)  # before any work
    opened, rejected = [], []
    for path in paths:
        try:
            opened.append(merge.open_bundle(str(path), merge.read_bundle(path), identities,
                                            ring))
        except merge.BundleRejected as exc:
            if not skip_invalid:
                raise
            rejected.append(str(exc))
            if refused:
                refused(str(exc))
    if not opened:
        raise NothingMerged("no bundle could be merged; nothing was written")
    merged = merge.merge(opened)
    warnings = merge.anchor(opened, ledger)
    with outputs.folder(out, force=force) as place:
        for name, chunks in combine.outputs(merged, warnings).items():
            _write(place.staging / name, chunks)
        for name, body in _pdfs(merged, pdf):
            _write(place.staging / name, (body,))
    ledger.save()
    return MergeResult(place.target, merged, len(opened) - len(merged.replaced), rejected,
                       warnings, place.replaced)
