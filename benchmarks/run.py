"""The benchmark command: build (or reuse) the vaults, run every measure at every size,
print one table and write it as JSON.

    python -m benchmarks                      # 1k, 10k, 20k and 100k clients -> results/latest.json
    python -m benchmarks --sizes 1000 --out /tmp/b.json
    python -m benchmarks --quick --out /tmp/b.json   # 200 clients, cheap KDF, few repeats

Figures are ratios to a raw baseline measured in the same run; absolute times are for
reference on this machine only.
"""
from __future__ import annotations

import argparse
import contextlib
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from benchmarks import report, vaults  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"
SIZES = (1_000, 10_000, 20_000, 100_000)
QUICK_SIZE = 200
# In-process measures (run on an open scratch copy), then measures in their own processes.
MEASURES = ("bench_search", "bench_client_page", "bench_save", "bench_letter", "bench_weekly_export",
            "bench_session", "bench_unlock", "bench_startup", "bench_memory", "bench_merge")


@dataclass
class Context:
    bench: vaults.BenchVault
    vault: object   # the open scratch copy (records.vault.Vault)
    quick: bool
    cache: Path = vaults.CACHE
    first: bool = True  # the first size of the run (measures independent of size run once)

    @property
    def size(self) -> int:
        return self.bench.size

    @contextlib.contextmanager
    def released(self):
        """The scratch copy closed while a measure opens it itself (one owner at a time:
        records/owner.py), then opened again for the measures that follow."""
        self.vault.lock()
        try:
            yield self.bench.path
        finally:
            self.vault = self.bench.open()

    @staticmethod
    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)


def parse(argv):
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--sizes", type=int, nargs="+", metavar="N",
                   help=f"numbers of clients (default {' '.join(map(str, SIZES))})")
    p.add_argument("--quick", action="store_true",
                   help=f"a tiny run for tests: {QUICK_SIZE} clients unless --sizes, a cheap "
                        "KDF, few repeats")
    p.add_argument("--only", nargs="+", choices=MEASURES, metavar="MEASURE",
                   help="run only these measures")
    p.add_argument("--out", type=Path, default=RESULTS, help=f"JSON file (default {RESULTS})")
    p.add_argument("--cache", type=Path, default=vaults.CACHE,
                   help="where built vaults are kept between runs")
    return p.parse_args(argv)


def _qt_app():
    from ui import qtguard
    qtguard.hold()
    from PySide6.QtWidgets import QApplication
    return QApplication.instance() or QApplication(["benchmarks"])


def main(argv=None) -> int:
    import importlib
    args = parse(sys.argv[1:] if argv is None else argv)
    sizes = args.sizes or ((QUICK_SIZE,) if args.quick else SIZES)
    measures = [importlib.import_module(f"benchmarks.{m}") for m in (args.only or MEASURES)]
    app = _qt_app()  # noqa: F841 (kept alive for the widgets the measures build)
    rows: list[report.Row] = []
    for size in sizes:
        bench = vaults.ensure(size, quick=args.quick, cache=args.cache,
                              log=lambda m: print(m, file=sys.stderr, flush=True))
        with vaults.scratch_copy(bench) as scratch:
            ctx = Context(scratch, scratch.open(), args.quick, args.cache, size == sizes[0])
            try:
                for module in measures:
                    started = time.perf_counter()
                    found = module.run(ctx)
                    rows += found
                    print(f"{size} clients: {module.__name__.split('.')[-1]} "
                          f"({time.perf_counter() - started:.1f} s)", file=sys.stderr, flush=True)
            finally:
                ctx.vault.lock()
    command = "python -m benchmarks " + " ".join(sys.argv[1:] if argv is None else argv)
    print(report.table(rows))
    report.write(args.out, rows, command.strip())
    print(f"\nwritten to {args.out}", file=sys.stderr)
    return 0
