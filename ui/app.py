"""The desktop app: first-run setup or unlock, then the main window; lock returns to unlock.

`run()` shows the first window before importing the records layer (the unlock window's
open job imports it on the worker thread), so the app appears about as fast as a bare Qt
window. `App` holds the flow and is what tests drive, with a fast KDF and a fake clock.

Locking clears the screen at once, asks the runner's jobs that can stop early (an export
not yet written) to stop, and drops their results. The rolling backup
(flows.backup_restore.back_up, when a backup folder is set) and the closing of the vault then
run on the runner, its steps shown on the unlock window when it takes more than a second:
a backup takes 0.1-0.5 s even on a small vault, and the runner, being
serial, makes the close wait for every job queued before it (a staff member being added is
added, then the vault closes; nothing is written after the close: a closed vault raises
Locked). A failed backup never keeps the vault open: it is closed anyway and the unlock
window says why no backup was made.

Language (ui/i18n.py): the setup and unlock windows speak the system's language; at unlock
the staff member's choice is installed, and at lock the system's again. A staff member who
changes their language in the main window gets a new window at once when nothing is in
progress (no form open, no background job), else at their next unlock.
"""
from __future__ import annotations

import contextlib
import importlib
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QIcon
from PySide6.QtWidgets import QApplication

from records.paths import default_data_dir, vault_exists
from records.unlock_guard import UnlockGuard
from ui import i18n, qtguard
from ui import runner as runners
from ui.unlock import APP_TITLE, UnlockWindow

WARM_UP_MS = 1000
CLIPBOARD_MS = 30_000
DESKTOP_ID = "org.vanclinic.Records"  # the .desktop file and AppStream id (desktop/)
# The icon, from the source tree or from the packaged app (desktop/van-clinic.spec puts it
# at the same place relative to the code); a pip-installed copy runs without it.
ICON = Path(__file__).resolve().parent.parent / "desktop" / "icons" / "van-clinic-256.png"
# Test hook for desktop/smoke.sh and desktop/startup_time.py: with this variable set, the app
# prints "shown: <title of the first window>" once that window is up, and quits.
QUIT_WHEN_SHOWN = "VAN_CLINIC_QUIT_WHEN_SHOWN"


class ClipboardGuard(QObject):
    """Remembers whether the clipboard holds something copied from this app, and clears it
    `clear_after_ms` later, at lock and at exit. Text copied in another program is left alone.

    On X11, selecting text also offers it to every program as the PRIMARY selection (pasted
    with the middle button): at lock and at exit that selection is dropped too, if it is
    this app's."""

    def __init__(self, parent=None, clear_after_ms: int = CLIPBOARD_MS, clipboard=None):
        super().__init__(parent)
        self.ours = False
        self.timer = QTimer(self, singleShot=True, interval=clear_after_ms)
        self.timer.timeout.connect(self._expire)
        self._clipboard = clipboard or QApplication.clipboard()
        self._clipboard.dataChanged.connect(self._changed)

    def _changed(self) -> None:
        self.ours = bool(self._clipboard.text()) and (
            self._clipboard.ownsClipboard() or QApplication.focusWidget() is not None)
        if self.ours:
            self.timer.start()
        else:
            self.timer.stop()

    def _expire(self) -> None:
        self.timer.stop()
        if self.ours:
            self.ours = False
            self._clipboard.clear()

    def clear(self) -> None:
        """At lock and exit: the copied text, and the selected text X11 offers."""
        self._expire()
        if self._clipboard.supportsSelection() and self._clipboard.ownsSelection():
            self._clipboard.clear(QClipboard.Mode.Selection)


def close_vault(vault, progress=None):
    """The rolling backup (when a backup folder is set), then close the vault whatever the
    backup did. Runs on the runner's thread. Returns the backup made, or None."""
    if not vault.is_open:
        return None
    try:
        from flows.backup_restore import back_up
        return back_up(vault, progress=progress)
    finally:
        vault.lock()


class App(QObject):
    """The app's flow. `kdf` (tests: a fast one) goes to vault creation; `clock` drives the
    idle lock; `guard` (tests: one on a fake clock) counts failed unlocks; `clipboard_ms` is
    how long client data copied to the clipboard stays there."""

    unlocked = Signal(object)  # the MainWindow
    locked = Signal()
    closed = Signal(object)  # after a lock: the backup made (a Path) or None

    def __init__(self, data_dir: Path, *, kdf=None, clock: Callable[[], float] = time.monotonic,
                 guard: UnlockGuard | None = None, clipboard_ms: int = CLIPBOARD_MS,
                 parent=None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.kdf = kdf
        self.clock = clock
        self.runner = runners.shared()
        self.clipboard = ClipboardGuard(self, clipboard_ms)
        i18n.install(i18n.system_language())
        self.unlock_window = UnlockWindow(self.data_dir, self.runner, guard=guard)
        self.unlock_window.unlocked.connect(self._open)
        self.wizard = None
        self.main = None
        self.vault = None
        self.idle = None
        self.system_lock = None
        self._closing = []  # vaults locked on screen whose close job has not finished

    def start(self) -> None:
        if vault_exists(self.data_dir):
            self.unlock_window.show()
            # Load the database layer while the nurse types (once the window has been up a
            # moment, so a quick start-and-quit does not wait for it), making unlock quicker.
            QTimer.singleShot(WARM_UP_MS, self._warm_up)
        else:
            from ui.setup_wizard import SetupWizard
            self.wizard = SetupWizard(self.data_dir, self.runner, kdf=self.kdf)
            self.wizard.created.connect(self._open)
            self.wizard.show()

    def _warm_up(self) -> None:
        if self.vault is None:
            self.runner.run(lambda: importlib.import_module("records.vault"))

    def _open(self, vault) -> None:
        from records import staff
        from ui import theme
        from ui.idle import IdleWatcher, SystemLockWatcher
        from ui.main_window import NIGHT_PREF
        if self.wizard is not None:
            self.wizard.deleteLater()
            self.wizard = None
        self.vault = vault
        chosen = staff.prefs(vault)
        theme.apply(QApplication.instance(), bool(chosen.get(NIGHT_PREF)))
        i18n.install(i18n.for_staff(chosen.get(i18n.LANGUAGE_PREF)))
        self._main_window()
        self.idle = IdleWatcher(vault.settings.idle_lock_minutes * 60, self.clock, self)
        self.idle.idle.connect(self.lock)
        if self.system_lock is None:
            self.system_lock = SystemLockWatcher(self)
            self.system_lock.lock_now.connect(self.lock)
        self.unlock_window.hide()
        self.main.show()
        self.main.activateWindow()
        self.unlocked.emit(self.main)
        self.main.offer_drafts()  # a form left unsaved at the last lock

    def _main_window(self) -> None:
        from ui.main_window import MainWindow
        self.main = MainWindow(self.vault)
        self.main.lock_requested.connect(self.lock)
        self.main.quit_requested.connect(self.quit)
        # queued: the language dialog closes (and gives the focus back) first
        self.main.language_changed.connect(self._relanguage, Qt.ConnectionType.QueuedConnection)

    def _relanguage(self, language: str) -> None:
        """The staff member's new language, now: the main window is made again in it (its
        caller checked that no form is open and no job is running). Locked meanwhile: it
        comes at the next unlock."""
        if self.main is None:
            return
        i18n.install(language)
        self.main.teardown()
        self._main_window()
        self.main.show()
        self.main.activateWindow()
        self.main.say(QCoreApplication.translate("App", "{language}: applied now.").format(
            language=i18n.NAMES[i18n.current()]))

    def lock(self) -> None:
        """Destroy everything that showed client data, then back up and close the vault on
        the runner (after any job still using it)."""
        if self.vault is None:
            return
        vault, self.vault = self.vault, None
        self.runner.cancel_all()
        self.runner.forget()
        if self.idle is not None:
            self.idle.stop()
            self.idle.deleteLater()
            self.idle = None
        i18n.install(i18n.system_language())  # the unlock window's language, for its messages
        notice = ""
        if self.main is not None:
            notice = self.main.teardown()  # an unsaved form is kept as a draft first
            self.main = None
        self.clipboard.clear()
        self.unlock_window.reset()
        if notice:
            self.unlock_window.show_notice(notice)
        self.unlock_window.show()
        self.unlock_window.activateWindow()
        self._closing.append(vault)
        from ui.ops import Progress
        steps = Progress()  # the backup's steps, to the unlock window
        steps.setParent(self)  # let go of on this thread (with the app if never delivered)
        steps.step.connect(self.unlock_window.backup_step)
        self.runner.run(lambda: close_vault(vault, steps),
                        lambda made: self._closed(vault, made, steps=steps),
                        lambda error: self._closed(vault, None, error, steps=steps))
        self.locked.emit()

    def _closed(self, vault, made, error: BaseException | None = None, *, steps=None) -> None:
        from records.errors import ClinicError
        self._closing.remove(vault)
        self.unlock_window.backup_done()
        if steps is not None:
            steps.deleteLater()
        if isinstance(error, ClinicError):
            self.unlock_window.show_notice(
                QCoreApplication.translate("App", "Locked, but {problem}").format(
                    problem=i18n.error_text(error)))
        elif error is not None:
            self.unlock_window.show_notice(QCoreApplication.translate(
                "App", "Locked, but the backup failed ({error}); no backup was made").format(
                error=type(error).__name__))
        self.closed.emit(made)

    def quit(self) -> None:
        self.lock()
        QApplication.instance().quit()

    def shutdown(self) -> None:
        """At exit: lock, let the runner finish its running job, then close (with its
        backup) any vault whose close job the runner dropped."""
        self.lock()
        self.clipboard.clear()
        self.runner.shutdown()
        from records.errors import ClinicError
        for vault in self._closing:
            with contextlib.suppress(ClinicError):  # nowhere left to show it; closed anyway
                close_vault(vault)
        self._closing.clear()


def run(data_dir: Path | None) -> int:
    qtguard.hold()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName(APP_TITLE)  # also the X11 window class (StartupWMClass)
    app.setDesktopFileName(DESKTOP_ID)
    if ICON.exists():
        app.setWindowIcon(QIcon(str(ICON)))
    app.setQuitOnLastWindowClosed(True)
    clinic = App(data_dir or default_data_dir())
    clinic.start()
    app.aboutToQuit.connect(clinic.shutdown)
    if os.environ.get(QUIT_WHEN_SHOWN):
        QTimer.singleShot(0, lambda: _report_and_quit(app, clinic))
    return app.exec()


def _report_and_quit(app: QApplication, clinic: App) -> None:
    window = clinic.wizard if clinic.wizard is not None else clinic.unlock_window
    state = "shown" if window.isVisible() else "not shown"
    print(f"{state}: {window.windowTitle()}", flush=True)
    app.quit()
