"""The unlock window: passphrase, Enter; the staff name too when the vault has several.

It opens with the cursor in the passphrase. How many staff members the vault has is read
from the key file on the runner (records.keyfile.staff_count) each time the window shows; the
name row (and "remember my name") appears only when there are several, or when that cannot
be read.

Key derivation runs in the background runner with a busy indicator. A wrong passphrase
clears the field and says so; repeated failures make the next try wait, with the time left
on screen. The count and the wait come from records.unlock_guard (persisted outside the
vault, so quitting and restarting the app does not reset them): the window shows
`guard.remaining()` as a countdown, also right after the app starts, and the open itself
goes through `open_guarded` on the runner's thread. Tests pass a guard with a fake clock.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import (QCheckBox, QFormLayout, QLabel, QLineEdit, QProgressBar,
                               QPushButton, QVBoxLayout, QWidget)

from records.paths import KEY_NAME
from records.unlock_guard import UnlockGuard, open_guarded
from ui import prefs
from ui.i18n import error_text

# Window titles are read over a shoulder on a laptop in public places: they name the app
# neutrally, never what it is for, and a locked window never names a client or the van.
# APP_TITLE is the app's name for the desktop (the X11 window class, the .desktop file's
# StartupWMClass): never translated. The titles on screen are, in their context "AppTitle".
APP_TITLE = "Records"
BACKUP_SHOWN_AFTER_MS = 1000


def main_title(van_name: str) -> str:
    """The main window's title: the van's configured name, e.g. "Night Van — Records"."""
    return QCoreApplication.translate("AppTitle", "{van} — Records").format(van=van_name)


def _staff_count(key_path: Path) -> int:
    from records.keyfile import staff_count  # on the runner: the window shows first
    return staff_count(key_path)


class UnlockWindow(QWidget):
    unlocked = Signal(object)  # the open Vault

    def __init__(self, data_dir: Path, runner, *, guard: UnlockGuard | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._data_dir = Path(data_dir)
        self._runner = runner
        self.guard = guard or UnlockGuard(self._data_dir)
        self._busy = False  # an open is running on the runner
        self._reason = ""  # why the last attempt failed, shown above the countdown
        self.setWindowTitle(QCoreApplication.translate("AppTitle", "Records — locked"))
        self.setMinimumWidth(420)

        heading = QLabel(self.tr("Records are locked"), objectName="pageTitle")
        self.hint = hint = QLabel(objectName="muted")
        self.name = QLineEdit(prefs.remembered_name())
        self.name.setAccessibleName(self.tr("Staff name"))
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.remember = QCheckBox(self.tr("Remember my name on this laptop"))
        self.remember.setChecked(bool(self.name.text()))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setDefault(True)
        self.busy = QProgressBar(maximum=0, textVisible=False)  # indeterminate
        self.busy.setAccessibleName(self.tr("Unlocking"))
        self.busy.setFixedHeight(6)
        self.busy.hide()
        # The rolling backup at lock runs on the runner; its steps show here when it takes
        # more than a second (App.lock).
        self.backup = QProgressBar(textVisible=True)
        self.backup.setFormat(self.tr("Backing up the vault: step %v of %m"))
        self.backup.setAccessibleName(self.tr("Backing up the vault"))
        self.backup.hide()
        self._backup_timer = QTimer(self, singleShot=True, interval=BACKUP_SHOWN_AFTER_MS)
        self._backup_timer.timeout.connect(self.backup.show)
        self.message = QLabel(objectName="error", wordWrap=True)
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.setAccessibleName(self.tr("Unlock message"))

        form = self._form = QFormLayout()
        form.addRow(self.tr("Staff name"), self.name)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        self._several: bool | None = None  # staff members in the key file: not read yet
        self._name_row(False)  # until the key file says there are several
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 28, 32, 28)
        layout.addWidget(heading)
        layout.addWidget(hint)
        layout.addSpacing(8)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.unlock_button, alignment=Qt.AlignmentFlag.AlignRight)
        layout.addWidget(self.busy)
        layout.addWidget(self.backup)
        layout.addWidget(self.message)
        layout.addStretch(1)

        self.name.returnPressed.connect(self.passphrase.setFocus)
        self.passphrase.returnPressed.connect(self.submit)
        self.unlock_button.clicked.connect(self.submit)
        self._wait_timer = QTimer(self, interval=200)
        self._wait_timer.timeout.connect(self._tick)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if not self._wait_if_needed():
            self.passphrase.setFocus()
        key_path = self._data_dir / KEY_NAME
        self._runner.run(lambda: _staff_count(key_path), lambda n: self._ask_name(n > 1),
                         lambda _error: self._ask_name(True))

    def _ask_name(self, several: bool) -> None:
        """The name is needed only to choose among several staff members' keys."""
        self._several = several
        self._name_row(several)
        if several and not (self.name.text() or self.passphrase.text()) \
                and self.focusWidget() in (None, self.passphrase):
            self.name.setFocus()  # several, none remembered: the name comes first

    def _name_row(self, several: bool) -> None:
        self._form.setRowVisible(self.name, several)
        self.remember.setVisible(several)
        self.hint.setText(self.tr("Enter your staff name and passphrase, then press Enter.")
                          if several else self.tr("Enter your passphrase, then press Enter."))

    def reset(self) -> None:
        """Back to a fresh locked screen (after a lock): name kept, passphrase empty."""
        self.passphrase.clear()
        self.message.clear()
        self._reason = ""
        self._wait_if_needed()

    def show_notice(self, text: str) -> None:
        """A message for whoever unlocks next (a backup that could not be made at lock)."""
        self.message.setText(text)

    def backup_step(self, done: int, total: int, _what: str = "") -> None:
        """A step of the backup at lock; the bar shows once it has taken a second."""
        if done >= total:
            self.backup_done()
            return
        self.backup.setRange(0, max(total, 1))
        self.backup.setValue(min(done, total))
        if not self.backup.isVisible() and not self._backup_timer.isActive():
            self._backup_timer.start()

    def backup_done(self) -> None:
        self._backup_timer.stop()
        self.backup.hide()

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.name, self.passphrase, self.unlock_button, self.remember):
            widget.setEnabled(enabled)

    def _wait_if_needed(self) -> bool:
        """Start the countdown when recent failures call for a wait; True while waiting."""
        if self._busy:
            return True
        if self.guard.remaining() > 0:
            self._wait_timer.start()
            self._tick()
            return True
        self._set_enabled(True)
        return False

    def submit(self) -> None:
        if not self.unlock_button.isEnabled() or self._wait_if_needed():
            return
        if not self.passphrase.text():
            self.message.setText(self.tr("Type your passphrase, then press Enter."))
            self.passphrase.setFocus()
            return
        name = None if self._several is False else (self.name.text().strip() or None)
        passphrase = self.passphrase.text()
        data_dir, guard = self._data_dir, self.guard
        self.passphrase.clear()
        self._set_enabled(False)
        self.message.clear()
        self._reason = ""
        self._busy = True
        self.busy.show()
        # open_guarded imports records.vault on the runner's thread: the window shows first
        self._runner.run(lambda: open_guarded(data_dir, name, passphrase, guard=guard),
                         self._succeeded, self._failed)

    def _succeeded(self, vault) -> None:
        self._busy = False
        self.busy.hide()
        prefs.remember_name(vault.staff.name if self.remember.isChecked() else None)
        self._set_enabled(True)
        self.unlocked.emit(vault)

    def _failed(self, error: BaseException) -> None:
        from records.errors import ClinicError, UnknownStaff, WrongPassphrase
        self._busy = False
        self.busy.hide()
        if not isinstance(error, ClinicError):
            self._set_enabled(True)
            self.message.setText(self.tr("Could not open the records: {problem}").format(
                problem=error))
            return
        if isinstance(error, (WrongPassphrase, UnknownStaff)):
            self._reason = (self.tr("Wrong passphrase.") if isinstance(error, WrongPassphrase)
                            else f"{error_text(error)[:1].upper()}{error_text(error)[1:]}.")
            self.message.setText(self.tr("{reason} Try again.").format(reason=self._reason))
            if self._wait_if_needed():
                return
        else:  # damaged or missing vault: the message names the backup to restore
            self.message.setText(f"{error_text(error)[:1].upper()}{error_text(error)[1:]}")
        self._set_enabled(True)
        self.passphrase.setFocus()

    def _tick(self) -> None:
        """The reason stays on screen; the count and the wait (or "try again now") beside it."""
        left = self.guard.remaining()
        failures = self.guard.failures
        count = self.tr("%n failed attempt(s).", "", failures) + " " if failures else ""
        if left <= 0:
            self._wait_timer.stop()
            self._say(count + self.tr("You can try again now."))
            self._set_enabled(True)
            self.passphrase.setFocus()
            return
        self._set_enabled(False)
        self._say(count + self.tr("Wait {seconds} s before trying again.").format(
            seconds=int(left + 0.999)))

    def _say(self, status: str) -> None:
        self.message.setText(f"{self._reason} {status}" if self._reason else status)

