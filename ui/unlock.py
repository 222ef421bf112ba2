"""The unlock window: staff name, passphrase, Enter.

Key derivation runs in the background runner with a busy indicator. A wrong passphrase
clears the field and says so; repeated failures make the next try wait, with the time left
on screen. The wait comes from `delay_for(failures) -> seconds` (records.unlock_guard when
present, else a local fallback), passed in so it is easy to swap and to test.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QLabel, QLineEdit, QProgressBar,
                               QPushButton, QVBoxLayout, QWidget)

from ui import prefs

APP_TITLE = "Clinic records"


def _fallback_delay_for(failures: int) -> float:
    """No wait for the first two mistakes, then 5 s doubling up to a minute."""
    return 0 if failures < 3 else min(60, 5 * 2 ** (failures - 3))


def default_delay_for() -> Callable[[int], float]:
    try:
        from records.unlock_guard import delay_for
    except ImportError:
        return _fallback_delay_for
    return delay_for


def _open_vault(data_dir: Path, name: str | None, passphrase: str):
    from records.vault import Vault  # imported off the GUI thread: the window shows first
    return Vault.open(data_dir, name, passphrase)


class UnlockWindow(QWidget):
    unlocked = Signal(object)  # the open Vault

    def __init__(self, data_dir: Path, runner, *, delay_for: Callable[[int], float] | None = None,
                 clock: Callable[[], float] = time.monotonic, parent: QWidget | None = None):
        super().__init__(parent)
        self._data_dir = Path(data_dir)
        self._runner = runner
        self._delay_for = delay_for or default_delay_for()
        self._clock = clock
        self._failures = 0
        self._wait_until = 0.0
        self.setWindowTitle(f"{APP_TITLE} - locked")
        self.setMinimumWidth(420)

        heading = QLabel("Records are locked", objectName="pageTitle")
        hint = QLabel("Enter your staff name and passphrase, then press Enter.", objectName="muted")
        self.name = QLineEdit(prefs.remembered_name())
        self.name.setAccessibleName("Staff name")
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Passphrase")
        self.remember = QCheckBox("Remember my name on this laptop")
        self.remember.setChecked(bool(self.name.text()))
        self.unlock_button = QPushButton("Unlock")
        self.unlock_button.setDefault(True)
        self.busy = QProgressBar(maximum=0, textVisible=False)  # indeterminate
        self.busy.setAccessibleName("Unlocking")
        self.busy.setFixedHeight(6)
        self.busy.hide()
        self.message = QLabel(objectName="error", wordWrap=True)
        self.message.setAccessibleName("Unlock message")

        form = QFormLayout()
        form.addRow("Staff name", self.name)
        form.addRow("Passphrase", self.passphrase)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.unlock_button, alignment=Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.busy)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self.name.returnPressed.connect(self.passphrase.setFocus)
        self.passphrase.returnPressed.connect(self.submit)
        self.unlock_button.clicked.connect(self.submit)
        self._wait_timer = QTimer(self, interval=200)
        self._wait_timer.timeout.connect(self._tick)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        (self.passphrase if self.name.text() else self.name).setFocus()

    def reset(self) -> None:
        """Back to a fresh locked screen (after a lock): name kept, passphrase empty."""
        self.passphrase.clear()
        self.message.clear()
        self._set_enabled(self._clock() >= self._wait_until)

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.name, self.passphrase, self.unlock_button, self.remember):
            widget.setEnabled(enabled)

    def submit(self) -> None:
        if not self.unlock_button.isEnabled():
            return
        if not self.passphrase.text():
            self.message.setText("Type your passphrase, then press Enter.")
            self.passphrase.setFocus()
            return
        name = self.name.text().strip() or None
        passphrase = self.passphrase.text()
        self.passphrase.clear()
        self._set_enabled(False)
        self.message.clear()
        self.busy.show()
        self._runner.run(lambda: _open_vault(self._data_dir, name, passphrase),
                         self._succeeded, self._failed)

    def _succeeded(self, vault) -> None:
        self.busy.hide()
        self._failures = 0
        prefs.remember_name(vault.staff.name if self.remember.isChecked() else None)
        self._set_enabled(True)
        self.unlocked.emit(vault)

    def _failed(self, error: BaseException) -> None:
        from records.errors import ClinicError, UnknownStaff, WrongPassphrase
        self.busy.hide()
        if not isinstance(error, ClinicError):
            self._set_enabled(True)
            self.message.setText(f"Could not open the records: {error}")
            return
        if isinstance(error, (WrongPassphrase, UnknownStaff)):
            self._failures += 1
            what = ("Wrong passphrase." if isinstance(error, WrongPassphrase)
                    else f"{str(error)[:1].upper()}{str(error)[1:]}.")
            self.message.setText(f"{what} Try again.")
            delay = self._delay_for(self._failures)
            if delay > 0:
                self._wait_until = self._clock() + delay
                self._wait_timer.start()
                self._tick()
                return
        else:
            self.message.setText(f"{str(error)[:1].upper()}{str(error)[1:]}")
        self._set_enabled(True)
        self.passphrase.setFocus()

    def _tick(self) -> None:
        left = self._wait_until - self._clock()
        if left <= 0:
            self._wait_timer.stop()
            self.message.setText("You can try again now.")
            self._set_enabled(True)
            self.passphrase.setFocus()
            return
        self._set_enabled(False)
        self.message.setText(f"{self._failures} failed attempts. "
                             f"Wait {int(left + 0.999)} s before trying again.")
