"""The van's shift: start it with the site(s) and time, end it. It lives in the vault, so it
keeps running across locks (records.shifts.current)."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QWidget

from records import shifts
from records.errors import ValidationError
from ui.i18n import error_text
from ui import clinic_time


class ShiftBar(QWidget):
    message = Signal(str)  # problems, for the status bar

    def __init__(self, vault, changes=None, parent=None):
        super().__init__(parent)
        self._vault = vault
        self._tz = vault.settings.timezone
        self.status = QLabel()
        self.status.setAccessibleName(self.tr("Shift"))
        self.sites = QLineEdit(placeholderText=self.tr("Site(s), separated by ;"))
        self.sites.setAccessibleName(self.tr("Shift sites"))
        self.started = clinic_time.ClockTimeEdit(self.tr("Shift started at"), self._tz,
                                                 field="shift start")
        self.button = QPushButton()
        self.button.setAccessibleName(self.tr("Start or end the shift"))
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 2, 8, 2)
        layout.addWidget(self.status, 1)
        layout.addWidget(self.sites, 2)
        self._from = QLabel(self.tr("from"))
        layout.addWidget(self._from)
        layout.addWidget(self.started)
        layout.addWidget(self.started.note)
        layout.addWidget(self.button)
        self.button.clicked.connect(self.toggle)
        self.sites.returnPressed.connect(self.toggle)
        if changes is not None:
            changes.changed.connect(lambda c: c.entity == "shift" and self.refresh())
        self.refresh()

    def refresh(self) -> None:
        running = shifts.current(self._vault)
        editing = running is None
        for widget in (self.sites, self._from, self.started, self.started.note):
            widget.setVisible(editing)
        if running:
            since = clinic_time.text(running.started_at, self._tz, "%H:%M")
            if running.sites:
                self.status.setText(self.tr("Shift running since {time} at {sites}").format(
                    time=since, sites=", ".join(running.sites)))
            else:
                self.status.setText(self.tr("Shift running since {time}").format(time=since))
            self.button.setText(self.tr("End shift (Ctrl+Shift+S)"))
        else:
            self.status.setText(self.tr("No shift running."))
            self.started.set_now()
            self.button.setText(self.tr("Start shift (Ctrl+Shift+S)"))

    def toggle(self) -> None:
        running = shifts.current(self._vault)
        if running and not self.confirm_end(running):
            return
        try:
            if running:
                shifts.end(self._vault, running.id)
            else:
                sites = [s.strip() for s in self.sites.text().split(";") if s.strip()]
                shifts.start(self._vault, sites, at=self.started.moment())
                self.sites.clear()
        except ValidationError as exc:
            self.message.emit(error_text(exc))
            return
        self.refresh()

    def confirm_end(self, running) -> bool:
        """Ending a shift asks first: Enter ends it, Esc keeps it running."""
        since = clinic_time.text(running.started_at, self._tz, "%H:%M")
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("End shift"),
                          self.tr("End the shift running since {time}?").format(time=since),
                          parent=self.window())
        end = box.addButton(self.tr("End shift"), QMessageBox.ButtonRole.AcceptRole)
        keep = box.addButton(self.tr("Keep it running"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(end)
        box.setEscapeButton(keep)
        box.exec()
        box.deleteLater()
        return box.clickedButton() is end
