"""Record a visit, or correct one (the earlier version stays in its history).

"Save and refer" (Ctrl+Shift+R) checks the visit, then asks the shell for the referral form
(refer_requested): that form saves the visit and the referral together, linked."""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QGridLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QVBoxLayout, QWidget)

from records import shifts, visits
from records.models import SERVICES, SUPPLIES, TEST_RESULTS, TEST_SERVICES, ServiceItem
from records.vocab import label
from ui.a11y import buddy
from ui.widgets import (FormBase, MomentEdit, QuantitySpin, TextBox, check_box, form_layout,
                        named)


class VisitForm(FormBase):
    heading = "New visit"
    refer_requested = Signal(dict)  # the checked, unsaved visit fields

    def __init__(self, vault, parent=None, *, client_id: int | None = None,
                 visit_id: int | None = None):
        super().__init__(vault, parent)
        self.visit = visits.get(vault, visit_id) if visit_id is not None else None
        self.client_id = self.visit.client_id if self.visit else client_id
        self._build()
        if self.visit:
            self.set_heading(f"Correct visit (version {self.visit.version})")
            self._load(self.visit)
        else:
            self._defaults()
        self.can_refer = self.visit is None and self.client_id is not None
        if self.can_refer:
            self.add_button("Save and refer…", self.save_and_refer, "Ctrl+Shift+R")

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        tz = self.vault.settings.timezone
        top = form_layout()
        row = QHBoxLayout()
        self.when = self.field("when", MomentEdit("When", tz), "When")
        self.site = self.field("site", named(QComboBox(), "Site"), "Site")
        self.site.setEditable(True)
        self.site.setMinimumWidth(220)
        self.site.setMaximumWidth(380)
        self.staff_label = QLabel(self.vault.staff.name)
        row.addWidget(self.when)
        row.addSpacing(16)
        row.addWidget(buddy("Site", self.site))
        row.addWidget(self.site, 1)
        row.addSpacing(16)
        row.addWidget(QLabel("Staff"))
        row.addWidget(self.staff_label)
        row.addStretch(1)
        top.addRow("When", row)

        columns = QHBoxLayout()
        columns.addWidget(self._services_box(), 3)
        columns.addWidget(self._supplies_box(), 2)
        columns.addWidget(self._notes_box(), 4)

        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(columns)
        layout.addStretch(1)

    def _services_box(self) -> QGroupBox:
        box = QGroupBox("Services")
        grid = QGridLayout(box)
        self.service_checks, self.result_combos = {}, {}
        for row, kind in enumerate(SERVICES):
            check = check_box(label("service", kind))
            self.service_checks[kind] = check
            grid.addWidget(check, row, 0)
            if kind in TEST_SERVICES:
                combo = named(QComboBox(), f"{label('service', kind)} result")
                for code in TEST_RESULTS:
                    combo.addItem(label("test_result", code), code)
                combo.setEnabled(False)
                check.toggled.connect(combo.setEnabled)
                self.result_combos[kind] = combo
                grid.addWidget(buddy("result", combo, combo.accessibleName()), row, 1)
                grid.addWidget(combo, row, 2)
        self.field("services", box, "Services")
        self.field("test result", box, "Test result")
        grid.setColumnStretch(3, 1)
        return box

    def _supplies_box(self) -> QGroupBox:
        box = QGroupBox("Supplies")
        form = form_layout()
        self.supply_spins = {}
        for kind in SUPPLIES:
            text = label("supply", kind)
            spin = self.field(f"supplies.{kind}", QuantitySpin(text), text)
            self.supply_spins[kind] = spin
            form.addRow(text, spin)
        self.needles_returned = self.field("needles_returned", QuantitySpin("Needles returned"),
                                           "Needles returned")
        form.addRow("Needles returned", self.needles_returned)
        self.reversals = self.field("overdose_reversals",
                                    QuantitySpin("Overdose reversals reported"),
                                    "Overdose reversals reported")
        form.addRow("Overdose reversals reported", self.reversals)
        self.secondary = check_box("Collected for someone else")
        form.addRow("", self.secondary)
        box.setLayout(form)
        return box

    def _notes_box(self) -> QWidget:
        box = QGroupBox("Notes")
        column = QVBoxLayout(box)
        self.reason = self.field("reason", named(QLineEdit(), "Reason"), "Reason")
        self.note = self.field("note", TextBox("Note", lines=6), "Note")
        self.follow_up = self.field("follow_up", TextBox("Follow-up", lines=3), "Follow-up")
        for text, widget in (("Reason", self.reason), ("Note", self.note),
                             ("Follow-up", self.follow_up)):
            caption = QLabel(text)
            caption.setBuddy(widget)
            column.addWidget(caption)
            column.addWidget(widget)
        column.addStretch(1)
        return box

    # --- values ----------------------------------------------------------------------
    def _site_choices(self, running) -> list[str]:
        sites = list(running.sites) if running else []
        sites += [e.site for e in self.vault.settings.schedule]
        return list(dict.fromkeys(s for s in sites if s))

    def _defaults(self) -> None:
        running = shifts.current(self.vault)
        self.site.addItems(self._site_choices(running))
        self.site.setCurrentText(running.sites[0] if running and running.sites else "")

    def _load(self, visit) -> None:
        self.when.set_moment(visit.occurred_at)
        self.site.addItems(self._site_choices(None))
        self.site.setCurrentText(visit.site)
        for item in visit.services:
            self.service_checks[item.kind].setChecked(True)
            if item.kind in self.result_combos and item.result:
                combo = self.result_combos[item.kind]
                combo.setCurrentIndex(combo.findData(item.result))
        for kind, qty in visit.supplies.items():
            self.supply_spins[kind].setValue(qty)
        self.needles_returned.setValue(visit.needles_returned)
        self.reversals.setValue(visit.overdose_reversals)
        self.secondary.setChecked(visit.secondary)
        self.reason.setText(visit.reason)
        self.note.setText(visit.note)
        self.follow_up.setText(visit.follow_up)

    def values(self) -> dict:
        services = []
        for kind, check in self.service_checks.items():
            if check.isChecked():
                combo = self.result_combos.get(kind)
                services.append(ServiceItem(kind, combo.currentData() if combo else ""))
        return {
            "occurred_at": self.when.moment(),
            "site": self.site.currentText(),
            "services": tuple(services),
            "supplies": {k: s.value() for k, s in self.supply_spins.items() if s.value()},
            "needles_returned": self.needles_returned.value(),
            "overdose_reversals": self.reversals.value(),
            "secondary": self.secondary.isChecked(),
            "reason": self.reason.text(),
            "note": self.note.text(),
            "follow_up": self.follow_up.text(),
        }

    def save_and_refer(self) -> None:
        """Check the visit here, where a refused field can be fixed; save it with the referral."""
        data = self.values()
        if self.attempt(lambda: visits.clean(self.vault, {"client_id": self.client_id, **data})):
            self.refer_requested.emit(data)

    def commit(self):
        data = self.values()
        if self.visit is None:
            return visits.record(self.vault, client_id=self.client_id, **data)
        old = self.visit
        current = {"occurred_at": old.occurred_at, "site": old.site, "services": old.services,
                   "supplies": old.supplies, "needles_returned": old.needles_returned,
                   "overdose_reversals": old.overdose_reversals, "secondary": old.secondary,
                   "reason": old.reason, "note": old.note, "follow_up": old.follow_up}
        if data["occurred_at"] == old.occurred_at.replace(second=0):
            data["occurred_at"] = old.occurred_at  # shown to the minute; unchanged
        if set(data["services"]) == set(old.services):
            data["services"] = old.services
        changes = {k: v for k, v in data.items() if v != current[k]}
        return visits.correct(self.vault, old.id, **changes) if changes else old
