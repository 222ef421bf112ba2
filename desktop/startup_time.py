"""Start-up time of the packaged app against `python main.py`, on this machine:

    python3 desktop/startup_time.py [--runs 9] [--app dist/van-clinic/van-clinic]
                                    [--python .venv/bin/python]

Each run starts the program on an existing vault, offscreen, with VAN_CLINIC_QUIT_WHEN_SHOWN
set, and measures the time until it prints that the unlock window is shown. The two programs
alternate, so both see the same machine load; the medians are compared. The first run of
each is also reported (the closest to a cold start this can measure without dropping the
operating system's file cache, which a shared machine should not do)."""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def time_to_window(command: list[str], env: dict) -> tuple[float, float]:
    """(seconds until the window is shown, CPU seconds of the whole run). CPU time counts
    only the program's own work, so it varies far less with the machine's load."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            text=True)
    line = proc.stdout.readline()
    elapsed = time.perf_counter() - start
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if not line.startswith("shown: ") or proc.returncode != 0:
        raise SystemExit(f"{command[0]} did not show its window: {line!r}")
    return elapsed, usage.ru_utime + usage.ru_stime


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--app", default=str(ROOT / "dist" / "van-clinic" / "van-clinic"))
    parser.add_argument("--python", default=str(ROOT / ".venv" / "bin" / "python"))
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="van-clinic-start-"))
    vault = work / "vault"
    (work / "pass").write_text("startup timing passphrase\n", encoding="utf-8")
    env = {**os.environ, "HOME": str(work), "QT_QPA_PLATFORM": "offscreen",
           "VAN_CLINIC_QUIT_WHEN_SHOWN": "1"}
    env.pop("CLINIC_DATA_DIR", None)
    subprocess.run([args.app, "init", "--data-dir", str(vault), "--staff", "Timer",
                    "--passphrase-file", str(work / "pass")], env=env, check=True,
                   stdout=subprocess.DEVNULL)
    programs = {"python main.py": [args.python, str(ROOT / "main.py"), "--data-dir", str(vault)],
                "packaged": [args.app, "--data-dir", str(vault)]}
    times: dict[str, list[float]] = {name: [] for name in programs}
    cpu: dict[str, list[float]] = {name: [] for name in programs}
    for _ in range(args.runs):
        for name, command in programs.items():
            wall, used = time_to_window(command, env)
            times[name].append(wall)
            cpu[name].append(used)
    for name, found in times.items():
        print(f"{name:15} to the window: first {found[0]:.3f} s, median "
              f"{statistics.median(found):.3f} s, min {min(found):.3f} s, max {max(found):.3f} s;"
              f" CPU median {statistics.median(cpu[name]):.3f} s ({len(found)} runs)")
    for what, table in (("time to the window", times), ("CPU time", cpu)):
        ratio = statistics.median(table["packaged"]) / statistics.median(table["python main.py"])
        print(f"packaged / python, {what}: {ratio:.2f} (budget: at most 1.10)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
