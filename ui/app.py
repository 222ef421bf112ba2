"""The desktop app: first-run setup or unlock, then the main window; lock returns to unlock.

`run()` shows the first window before importing the records layer (the unlock window's
open job imports it on the worker thread), so the app appears about as fast as a bare Qt
window. `App` holds the flow and is what tests drive, with a fast KDF and a fake clock.
"""
from __future__ import annotations

import importlib
import sys
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from records.paths import default_data_dir, vault_exists
from ui import qtguard
from ui.runner import Runner
from ui.unlock import UnlockWindow

WARM_UP_MS = 1000


class ClipboardGuard(QObject):
    """Remembers whether the clipboard holds something copied from this app, to clear it on
    lock. Text copied in another program is left alone."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.ours = False
        self._clipboard = QApplication.clipboard()
        self._clipboard.dataChanged.connect(self._changed)

    def _changed(self) -> None:
        self.ours = self._clipboard.ownsClipboard() or QApplication.focusWidget() is not None

    def clear(self) -> None:
        if self.ours:
            self._clipboard.clear()
            self.ours = False


class App(QObject):
    """The app's flow. `kdf` (tests: a fast one) goes to vault creation; `clock` drives the
    idle lock; `delay_for` is the unlock delay policy."""

    unlocked = Signal(object)  # the MainWindow
    locked = Signal()

    def __init__(self, data_dir: Path, *, kdf=None, clock: Callable[[], float] = time.monotonic,
                 delay_for: Callable[[int], float] | None = None, parent=None):
        super().__init__(parent)
        self.data_dir = Path(data_dir)
        self.kdf = kdf
        self.clock = clock
        self.runner = Runner(self)
        self.clipboard = ClipboardGuard(self)
        self.unlock_window = UnlockWindow(self.data_dir, self.runner, delay_for=delay_for,
                                          clock=clock)
        self.unlock_window.unlocked.connect(self._open)
        self.wizard = None
        self.main = None
        self.vault = None
        self.idle = None
        self.system_lock = None

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
        from ui.main_window import NIGHT_PREF, MainWindow
        if self.wizard is not None:
            self.wizard.deleteLater()
            self.wizard = None
        self.vault = vault
        night = staff.prefs(vault).get(NIGHT_PREF)
        theme.apply(QApplication.instance(), bool(night))
        self.main = MainWindow(vault, self.runner)
        self.main.lock_requested.connect(self.lock)
        self.main.quit_requested.connect(self.quit)
        self.idle = IdleWatcher(vault.settings.idle_lock_minutes * 60, self.clock, self)
        self.idle.idle.connect(self.lock)
        if self.system_lock is None:
            self.system_lock = SystemLockWatcher(self)
            self.system_lock.lock_now.connect(self.lock)
        self.unlock_window.hide()
        self.main.show()
        self.main.activateWindow()
        self.unlocked.emit(self.main)

    def lock(self) -> None:
        """Close the vault and destroy everything that showed client data."""
        if self.vault is None:
            return
        self.runner.forget()
        if self.idle is not None:
            self.idle.stop()
            self.idle.deleteLater()
            self.idle = None
        if self.main is not None:
            self.main.teardown()
            self.main = None
        self.vault.lock()
        self.vault = None
        self.clipboard.clear()
        self.unlock_window.reset()
        self.unlock_window.show()
        self.unlock_window.activateWindow()
        self.locked.emit()

    def quit(self) -> None:
        self.lock()
        QApplication.instance().quit()

    def shutdown(self) -> None:
        self.lock()
        self.runner.shutdown()


def run(data_dir: Path | None) -> int:
    qtguard.hold()
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Clinic records")
    app.setDesktopFileName("van-clinic")
    app.setQuitOnLastWindowClosed(True)
    clinic = App(data_dir or default_data_dir())
    clinic.start()
    app.aboutToQuit.connect(clinic.shutdown)
    return app.exec()
