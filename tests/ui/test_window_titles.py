"""Window titles and app names are neutral (issue 16): read over a shoulder in a public place
they name neither the kind of service nor, while locked, the van or a client."""
import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from records import clients, settings
from shellkit import make_app, unlock
from ui.app import DESKTOP_ID, ICON, QUIT_WHEN_SHOWN

ROOT = Path(__file__).resolve().parents[2]
SENSITIVE = ("clinic", "health", "drug", "nurse", "harm", "sex", "hiv")


def neutral(text: str) -> bool:
    return not any(word in text.casefold() for word in SENSITIVE)


def test_main_title_is_the_vans_name_and_the_locked_one_names_nothing(qtbot, vault_dir, vault):
    settings.update(vault, van_name="Night Van")
    client = clients.register(vault, "Uniquename Tremblay")
    vault.lock()
    earlier = set(QApplication.topLevelWidgets())  # windows left by earlier tests: not this app's
    app = make_app(vault_dir)
    try:
        locked = app.unlock_window.windowTitle()
        assert locked == "Records — locked"
        unlock(qtbot, app)
        qtbot.waitUntil(lambda: app.main is not None, timeout=10000)
        app.main.open_client(client.id)
        assert app.main.windowTitle() == "Night Van — Records"
        app.lock()
        titles = [w.windowTitle() for w in QApplication.topLevelWidgets()
                  if w.isVisible() and w not in earlier]
        assert titles == ["Records — locked"]
        assert all(neutral(t) and "Night Van" not in t and "Uniquename" not in t for t in titles)
    finally:
        app.shutdown()


def test_the_first_setup_window_is_neutral(qtbot, tmp_path):
    app = make_app(tmp_path / "new")
    try:
        assert app.wizard.windowTitle() == "Records — first setup"
    finally:
        app.shutdown()


def test_desktop_entry_names_and_icon_are_neutral_and_match_the_app():
    entry = (ROOT / "desktop" / f"{DESKTOP_ID}.desktop").read_text(encoding="utf-8")
    fields = dict(line.split("=", 1) for line in entry.splitlines() if "=" in line)
    assert fields["Name"] == "Records" and fields["StartupWMClass"] == "Records"
    assert fields["Icon"] == DESKTOP_ID
    assert all(neutral(fields[key]) for key in ("Name", "GenericName", "Comment", "Keywords"))
    metainfo = (ROOT / "desktop" / f"{DESKTOP_ID}.metainfo.xml").read_text(encoding="utf-8")
    assert f"<id>{DESKTOP_ID}</id>" in metainfo
    svg = (ROOT / "desktop" / "icons" / "van-clinic.svg").read_text(encoding="utf-8")
    assert "<text" not in svg and ICON.is_file()


def test_the_quit_hook_reports_the_unlock_window_and_exits_0(tmp_path, vault_dir, vault):
    vault.lock()
    env = dict(os.environ, **{QUIT_WHEN_SHOWN: "1"})
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(vault_dir)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["shown: Records — locked"]
