"""Incident reports, searchable by partial plate or phone. A police-liaison account sees
only the reports shared with the police liaison (records.incidents.find filters) and never
who reported them."""
from __future__ import annotations

import dataclasses

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit,
                               QTableWidgetItem, QTextBrowser, QVBoxLayout,
                               QWidget)

from records import incidents
from ui.record_text import local_time, render
from ui.widgets import named, record_table, strong

COLUMNS = (QT_TRANSLATE_NOOP("IncidentList", "When"), QT_TRANSLATE_NOOP("IncidentList", "Area"),
           QT_TRANSLATE_NOOP("IncidentList", "Plate"), QT_TRANSLATE_NOOP("IncidentList", "Phone"),
           QT_TRANSLATE_NOOP("IncidentList", "Vehicle"))  # translated where shown


class IncidentList(QWidget):
    cancelled = Signal()
    open_requested = Signal(int)  # Enter or double-click on a report (not for the liaison)

    def __init__(self, vault, parent=None):
        super().__init__(parent)
        self.vault = vault
        self.setWindowTitle(self.tr("Incident reports"))
        heading = self.tr("Incident reports shared with the police liaison") \
            if vault.is_police_liaison else self.tr("Incident reports")
        self.search = named(QLineEdit(), self.tr("Search by partial plate or phone"))
        self.search.setPlaceholderText(
            self.tr("Partial plate, phone, or a word of the description"))
        self.search.textChanged.connect(self.refresh)
        self.table = record_table(tuple(self.tr(c) for c in COLUMNS), self.tr("Incident reports"))
        self.table.currentCellChanged.connect(lambda *_: self._show_current())
        self.table.cellActivated.connect(lambda *_: self._open_current())
        self.detail = named(QTextBrowser(), self.tr("Selected report"))
        self.count_label = QLabel()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(strong(heading))
        layout.addWidget(self.search)
        row = QHBoxLayout()
        row.addWidget(self.table, 3)
        row.addWidget(self.detail, 2)
        layout.addLayout(row, 1)
        layout.addWidget(self.count_label)
        QShortcut(QKeySequence(Qt.Key_Escape), self, self.cancelled.emit,
                  context=Qt.WidgetWithChildrenShortcut)
        self.shown: list = []
        self.setFocusProxy(self.search)
        self.refresh()

    def refresh(self) -> None:
        self.shown = incidents.find(self.vault, text=self.search.text())
        self.table.setRowCount(len(self.shown))
        for row, incident in enumerate(self.shown):
            cells = (local_time(self.vault, incident.occurred_at), incident.area,
                     incident.plate_partial, incident.phone,
                     incident.vehicle_description.splitlines()[0]
                     if incident.vehicle_description else "")
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.count_label.setText(self.tr("%n report(s)", "", len(self.shown)))
        if self.shown:
            self.table.setCurrentCell(0, 0)
        self._show_current()

    def current(self):
        row = self.table.currentRow()
        return self.shown[row] if 0 <= row < len(self.shown) else None

    def _show_current(self) -> None:
        incident = self.current()
        self.detail.setPlainText(render(self.vault, "incident", dataclasses.asdict(incident)) if incident else "")

    def _open_current(self) -> None:
        incident = self.current()
        if incident and not self.vault.is_police_liaison:
            self.open_requested.emit(incident.id)
