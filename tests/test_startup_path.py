"""The app's first window needs neither the database nor the crypto libraries: they load
after it shows (the unlock runs on the worker thread). Checked in a fresh interpreter."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHECK = """
import sys
from pathlib import Path
import main
main.build_parser(commands=False).parse_args(["gui", "--data-dir", sys.argv[1]])
from ui import app
assert app._vault_exists(Path(sys.argv[1])) is True
assert app._vault_exists(Path(sys.argv[1]) / "nothing") is False
heavy = sorted(m for m in ("records.vault", "records.keyfile", "records.cli", "sqlite_utils",
                           "pyrage", "argon2", "cryptography", "reportlab") if m in sys.modules)
print(",".join(heavy) or "none")
"""


def test_first_window_path_loads_no_records_store_or_crypto(tmp_path):
    (tmp_path / "vault.keys").write_text("{}")
    done = subprocess.run([sys.executable, "-c", CHECK, str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
                               "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "none"


def test_commands_still_listed_when_not_starting_the_app():
    import main
    parser = main.build_parser()
    assert parser.parse_args(["demo", "--clients", "5"]).command == "demo"
