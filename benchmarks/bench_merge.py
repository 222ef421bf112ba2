"""The coordinator's merge at program scale: a year of 50 vans (2,600 bundles, each signed by
its van's key; benchmarks/program_year.py) merged by `main.py coordinator merge` in a fresh
process, with `--pdf none` and `--pdf combined`: seconds and the process's peak memory
against a process that only reads and age-decrypts the same files. Targets are absolute:
under 60 s and under 500 MB on the 2-core development machine. Runs once per benchmark run
(at the first size: the bundles do not depend on the benchmark vault)."""
from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks import program_year
from benchmarks.bench_startup import probe
from benchmarks.report import Row

SECONDS, MEGABYTES = 60, 500


def run(ctx) -> list[Row]:
    if not ctx.first:
        return []
    folder = program_year.ensure(ctx.cache, ctx.quick, log=ctx.log)
    key, ring = str(folder / "coordinator.key"), str(folder / "vans.json")
    files = sorted(str(p) for p in (folder / "bundles").glob("*.age"))
    _, base = probe("decrypt", key, *files, timeout=1800)
    vans = len({Path(f).name.split("-")[1] for f in files})
    detail = {"bundles": len(files), "vans": vans, "weeks": len(files) // vans,
              "bytes": sum(Path(f).stat().st_size for f in files)}
    rows = []
    for pdf in ("none", "combined"):
        with tempfile.TemporaryDirectory(prefix="bench-merge-") as scratch:
            _, found = probe("merge", "--identity", key, "--keyring", ring, "--ledger",
                             f"{scratch}/ledger.json", "--out", f"{scratch}/out", "--pdf", pdf,
                             *files, timeout=1800)
            pdfs = len(list(Path(scratch, "out").glob("*.pdf")))
        what = f"merge a year of {vans} vans ({len(files)} bundles), --pdf {pdf}"
        rows.append(Row(key=f"merge_pdf_{pdf}", label=what, size=ctx.size,
                        ours=found["seconds"] * 1000, baseline=base["seconds"] * 1000,
                        limit=None, abs_limit=SECONDS * 1000, target=f"≤ {SECONDS} s",
                        detail=detail | {"pdfs": pdfs, "cpu_seconds": found["cpu_seconds"]}))
        rows.append(Row(key=f"merge_pdf_{pdf}_memory", label=f"{what}: peak RSS",
                        size=ctx.size, ours=found["peak_rss_kib"] / 1024,
                        baseline=base["peak_rss_kib"] / 1024, unit="MB", compare="delta",
                        limit=None, abs_limit=MEGABYTES, target=f"≤ {MEGABYTES} MB",
                        detail=detail))
    return rows
