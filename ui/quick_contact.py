"""A supplies-only contact in seconds: type quantities, Tab between them, Enter saves.
Without a client it is an anonymous contact (counted, no client record)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QVBoxLayout

from records import visits
from records.models import SUPPLIES
from records.vocab import label
from ui import i18n
from ui.form_base import FormBase
from ui.widgets import QuantitySpin, check_box, hint


class QuickContactForm(FormBase):
    heading = QT_TRANSLATE_NOOP("QuickContactForm", "Quick contact")
    enter_saves = True
    draft_name = "quick_contact"

    def __init__(self, vault, parent=None, *, client_id: int | None = None):
        super().__init__(vault, parent)
        self.client_id = client_id
        self.set_heading(self.tr("Quick contact") if client_id is not None
                         else self.tr("Quick contact, no name"))
        self.name_client(client_id)
        self.save_button.setToolTip(self.tr("Enter or Ctrl+S"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        self.supply_spins = {}
        entries = [(f"supplies.{k}", label("supply", k, i18n.current())) for k in SUPPLIES]
        entries.append(("needles_returned", self.tr("Needles returned")))
        columns = 2
        for i, (name, text) in enumerate(entries):
            spin = self.field(name, QuantitySpin(text), text)
            caption = QLabel(text)
            caption.setBuddy(spin)
            row, col = divmod(i, columns)
            grid.addWidget(caption, row, col * 2, Qt.AlignRight)
            grid.addWidget(spin, row, col * 2 + 1)
            if name == "needles_returned":
                self.needles_returned = spin
            else:
                self.supply_spins[name.split(".", 1)[1]] = spin
        grid.setColumnStretch(4, 1)
        self.secondary = check_box(self.tr("Collected for someone else"))
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint(self.tr("Type the numbers, Tab between them, Enter to save.")))
        layout.addLayout(grid)
        layout.addWidget(self.secondary)
        layout.addStretch(1)
        self.setFocusProxy(self.supply_spins[SUPPLIES[0]])

    def values(self) -> dict:
        return {"supplies": {k: s.value() for k, s in self.supply_spins.items() if s.value()},
                "needles_returned": self.needles_returned.value(),
                "secondary": self.secondary.isChecked()}

    def fill(self, values: dict) -> None:
        supplies = values.get("supplies", {})
        for kind, spin in self.supply_spins.items():
            spin.setValue(supplies.get(kind, 0))
        self.needles_returned.setValue(values.get("needles_returned", 0))
        self.secondary.setChecked(bool(values.get("secondary")))

    def draft_context(self) -> dict:
        return {}

    def commit(self):
        return visits.quick_contact(self.vault, self.client_id, **self.values())
