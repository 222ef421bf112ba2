"""`python -m ui.translations`: update every .ts from the code in ui/ (pyside6-lupdate), then
compile each into its .qm (pyside6-lrelease). `--check` changes nothing and exits 1 if a .ts
is out of step with the code."""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from ui.translations import FOLDER, LANGUAGES, PLURAL_ONLY, UI, qm_file, ts_file


def tool(name: str) -> str:
    """The PySide6 tool next to this Python (a venv's bin/), else the one on PATH."""
    beside = Path(sys.executable).with_name(name)
    return str(beside) if beside.exists() else (shutil.which(name) or name)


def sources() -> list[str]:
    return sorted(str(p) for p in UI.rglob("*.py") if FOLDER not in p.parents)


def lupdate(language: str, ts: Path) -> None:
    command = [tool("pyside6-lupdate"), *sources(), "-ts", str(ts), "-no-obsolete",
               "-locations", "none", "-silent",
               "-source-language", "en", "-target-language", language]
    if language in PLURAL_ONLY:
        command.append("-pluralonly")
    subprocess.run(command, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.translations", description=__doc__)
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if a .ts file misses a string of ui/")
    args = parser.parse_args(argv)
    for language in LANGUAGES:
        if args.check:
            with tempfile.TemporaryDirectory() as tmp:
                fresh = Path(tmp) / ts_file(language).name
                shutil.copy(ts_file(language), fresh)
                lupdate(language, fresh)
                if fresh.read_bytes() != ts_file(language).read_bytes():
                    print(f"{ts_file(language).name} is out of step with ui/: "
                          "run python -m ui.translations", file=sys.stderr)
                    return 1
            continue
        lupdate(language, ts_file(language))
        lrelease(ts_file(language), qm_file(language))
    return 0


if __name__ == "__main__":
    sys.exit(main())
