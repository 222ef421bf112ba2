"""Process start to the unlock window shown (`main.py gui --data-dir DIR` in a fresh
process, Qt offscreen) against a bare PySide6 window process. Both are timed from just
before the process is spawned to the first window shown with its events processed."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.report import Row
from benchmarks.timing import summary

ROOT = Path(__file__).resolve().parent.parent


def probe(*args: str, stdin: str = "", timeout: float = 120) -> tuple[float, dict]:
    """Run benchmarks.probe; returns (milliseconds from spawn to shown, its JSON line)."""
    with tempfile.TemporaryDirectory(prefix="bench-home-") as home:
        env = os.environ | {"QT_QPA_PLATFORM": "offscreen", "HOME": home,
                            "XDG_CONFIG_HOME": os.path.join(home, ".config"),
                            "XDG_DATA_HOME": os.path.join(home, ".local", "share"),
                            "PYTHONPATH": str(ROOT)}
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "benchmarks.probe", *args], input=stdin,
                              capture_output=True, text=True, cwd=ROOT, env=env,
                              timeout=timeout)
    lines = [line for line in done.stdout.splitlines() if line.startswith("{")]
    if done.returncode or not lines:
        raise RuntimeError(f"probe {args[0]} failed ({done.returncode}): {done.stderr[-2000:]}")
    found = json.loads(lines[-1])
    return (found["shown_at"] - started) * 1000, found


def run(ctx) -> list[Row]:
    data_dir = str(ctx.bench.path)
    mine, base = [], []
    windows = set()
    for i in range(3 if ctx.quick else 12):
        order = [("app", data_dir), ("bare",)] if i % 2 == 0 else [("bare",), ("app", data_dir)]
        for args in order:
            ms, found = probe(*args)
            (mine if args[0] == "app" else base).append(ms)
            if args[0] == "app":
                windows.add(found["window"])
    if windows != {"UnlockWindow"}:
        raise RuntimeError(f"the app showed {windows}, not the unlock window")
    o, b = summary(mine), summary(base)
    return [Row(key="startup", label="process start to the unlock window shown (p50)",
                size=ctx.size, ours=o["p50"], baseline=b["p50"], limit=3.0, target="≤ 3x",
                detail={"ours_p95": o["p95"], "baseline_p95": b["p95"], "n": o["n"]})]
