"""Starting the app loads none of the command modules (they load the records layer, the
crypto libraries and reportlab); commands still get the whole command line. The app's own
first-window path is checked in tests/ui/test_app_start.py."""
import subprocess
import sys
from pathlib import Path

import main

ROOT = Path(__file__).resolve().parent.parent

CHECK = """
import sys
import main
args = main.build_parser(commands=False).parse_args(["gui", "--data-dir", "somewhere"])
assert args.command == "gui" and args.data_dir == "somewhere"
heavy = sorted(m for m in (*main.COMMAND_MODULES, "records.vault", "sqlite_utils", "pyrage",
                           "argon2", "reportlab") if m in sys.modules)
print(",".join(heavy) or "none")
"""


def test_the_app_path_parses_without_the_command_modules(tmp_path):
    done = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True,
                          text=True, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "HOME": str(tmp_path),
                               "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "none"


def test_commands_still_listed_when_not_starting_the_app():
    parser = main.build_parser()
    assert parser.parse_args(["demo", "--clients", "5"]).command == "demo"
    assert parser.parse_args(["gui"]).command == "gui"


def test_the_app_takes_its_folder_before_or_after_gui(monkeypatch):
    import ui.app
    opened = []
    monkeypatch.setattr(ui.app, "run", lambda folder: opened.append(folder) or 0)
    monkeypatch.setattr("records.hardening.harden_process", lambda: None)
    assert main.main(["--data-dir", "/tmp/van-a"]) == 0
    assert main.main(["gui", "--data-dir", "/tmp/van-b"]) == 0
    assert opened == [Path("/tmp/van-a"), Path("/tmp/van-b")]
