"""The service directory: a list on the left, the selected service's details on the right.
New clears the details, Save (Ctrl+S) adds or updates, Retire hides an entry from pickers
(past referrals keep pointing at it)."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLineEdit, QListWidget,
                               QListWidgetItem, QVBoxLayout)

from records import directory
from records.models import DIRECTORY_KINDS
from records.vocab import label
from ui import i18n
from ui.form_base import FormBase
from ui.widgets import TextBox, form_layout, hint, named


class DirectoryEditor(FormBase):
    def __init__(self, vault, parent=None):
        super().__init__(vault, parent)
        self.entry = None
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setAccessibleName(self.cancel_button.text())
        self.new_button = self.add_button(self.tr("New service"), self.new_entry, QKeySequence.New)
        self.retire_button = self.add_button(self.tr("Retire"), self.retire)

        self.filter = named(QLineEdit(), self.tr("Filter services"))
        self.filter.setPlaceholderText(self.tr("Filter by name"))
        self.filter.textChanged.connect(self.refresh)
        self.list = named(QListWidget(), self.tr("Services"))
        self.list.currentItemChanged.connect(self._selected)
        left = QVBoxLayout()
        left.addWidget(self.filter)
        left.addWidget(self.list, 1)

        form = form_layout()
        name, paper, kind = self.tr("Name"), self.tr("Name on paper"), self.tr("Kind")
        self.name = self.field("name", named(QLineEdit(), name), name)
        self.paper_name = self.field("paper_name", named(QLineEdit(), paper), paper)
        self.paper_name.setPlaceholderText(self.tr("Neutral name for client copies (optional)"))
        self.kind = self.field("kind", named(QComboBox(), kind), kind)
        for code in DIRECTORY_KINDS:
            self.kind.addItem(label("directory_kind", code, i18n.current()), code)
        address, phone = self.tr("Address"), self.tr("Phone")
        hours, notes = self.tr("Hours"), self.tr("Notes")
        self.address = self.field("address", TextBox(address, lines=2), address)
        self.phone = self.field("phone", named(QLineEdit(), phone), phone)
        self.hours = self.field("hours", TextBox(hours, lines=2), hours)
        self.notes = self.field("notes", TextBox(notes, lines=3), notes)
        form.addRow(name, self.name)
        form.addRow(paper, self.paper_name)
        form.addRow("", hint(self.tr("Client copies show this name: keep it neutral, "
                                     "e.g. “Riverside Health Centre”.")))
        for caption, widget in ((kind, self.kind), (address, self.address),
                                (phone, self.phone), (hours, self.hours), (notes, self.notes)):
            form.addRow(caption, widget)

        row = QHBoxLayout(self.body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(left, 2)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addStretch(1)
        row.addLayout(right, 3)
        self.refresh()
        self.new_entry()
        self.setFocusProxy(self.name)  # opens on a new service

    def refresh(self) -> None:
        keep = self.entry.id if self.entry else None
        self.list.blockSignals(True)
        self.list.clear()
        for entry in directory.entries(self.vault, self.filter.text().strip()):
            kind = label("directory_kind", entry.kind, i18n.current())
            item = QListWidgetItem(f"{entry.name}  ·  {kind}")
            item.setData(Qt.UserRole, entry)
            self.list.addItem(item)
            if entry.id == keep:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def _selected(self, item, _previous) -> None:
        if item is not None:
            self.show_entry(item.data(Qt.UserRole))

    def show_entry(self, entry) -> None:
        self.clear_error()
        self.entry = entry
        self.set_heading(self.tr("Service directory: {name}").format(name=entry.name) if entry
                         else self.tr("Service directory: new service"))
        self.name.setText(entry.name if entry else "")
        self.paper_name.setText(entry.paper_name if entry else "")
        self.kind.setCurrentIndex(self.kind.findData(entry.kind) if entry else 0)
        self.address.setText(entry.address if entry else "")
        self.phone.setText(entry.phone if entry else "")
        self.hours.setText(entry.hours if entry else "")
        self.notes.setText(entry.notes if entry else "")
        self.retire_button.setEnabled(entry is not None)

    def new_entry(self) -> None:
        self.list.setCurrentRow(-1)
        self.show_entry(None)
        self.name.setFocus()

    def values(self) -> dict:
        return {"name": self.name.text(), "paper_name": self.paper_name.text(),
                "kind": self.kind.currentData(), "address": self.address.text(),
                "phone": self.phone.text(), "hours": self.hours.text(),
                "notes": self.notes.text()}

    def commit(self):
        data = self.values()
        if self.entry is None:
            saved = directory.add(self.vault, **data)
        else:
            saved = directory.update(self.vault, self.entry.id, **data)
        self.entry = saved
        self.refresh()
        self.set_heading(self.tr("Service directory: {name}").format(name=saved.name))
        self.retire_button.setEnabled(True)
        return saved

    def retire(self) -> None:
        if self.entry is not None and self.attempt(self._retire_current):
            self.entry = None
            self.refresh()
            self.new_entry()

    def _retire_current(self) -> bool:
        directory.retire(self.vault, self.entry.id)
        return True
