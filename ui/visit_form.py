"""Record a visit, or correct one (the earlier version stays in its history).

"Save and refer" (Ctrl+Shift+R) checks the visit, then asks the shell for the referral form
(refer_requested): that form saves the visit and the referral together, linked."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QVBoxLayout, QWidget)

from records import shifts, visits
from records.models import SERVICES, SUPPLIES, TEST_RESULTS, TEST_SERVICES, ServiceItem
from records.vocab import label
from ui import i18n
from ui.a11y import buddy
from ui.form_base import FormBase
from ui.clinic_time import MomentEdit
from ui.widgets import (ChecklistFilter, QuantitySpin, TextBox, check_box, form_layout,
                        mnemonic, named)

# Alt+letter reaching each supply's number, per language (none of the menu bar's letters,
# none of the form's other labels').
SUPPLY_KEYS = {
    "en": {"needles": "n", "pipes": "p", "condoms": "o", "naloxone_injectable": "j",
           "naloxone_nasal": "s", "sharps_containers": "t"},
    "fr": {"needles": "g", "pipes": "p", "condoms": "o", "naloxone_injectable": "j",
           "naloxone_nasal": "n", "sharps_containers": "b"},
}
FIELDS = ("occurred_at", "site", "services", "supplies", "needles_returned",
          "overdose_reversals", "secondary", "reason", "note", "follow_up")


class VisitForm(FormBase):
    """Laid out and tabbed in reading order: services (type to find one, Enter ticks it),
    supplies (each number also on Alt+its underlined letter), notes, then when and where,
    which are rarely changed."""

    heading = QT_TRANSLATE_NOOP("VisitForm", "New visit")
    draft_name = "visit"
    refer_requested = Signal(dict)  # the checked, unsaved visit fields

    def __init__(self, vault, parent=None, *, client_id: int | None = None,
                 visit_id: int | None = None):
        super().__init__(vault, parent)
        self.lang = i18n.current()
        self.visit = visits.get(vault, visit_id) if visit_id is not None else None
        self.client_id = self.visit.client_id if self.visit else client_id
        self._build()
        if self.visit:
            self.set_heading(self.tr("Correct visit (version {version})").format(
                version=self.visit.version))
            self.site.addItems(self._site_choices(None))
            self.fill({name: getattr(self.visit, name) for name in FIELDS})
        else:
            self._defaults()
        self.name_client(self.client_id)
        self.can_refer = self.visit is None and self.client_id is not None
        if self.can_refer:
            self.add_button(self.tr("Save and refer…"), self.save_and_refer, "Ctrl+Shift+R")
        self.setFocusProxy(self.find_service)

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        columns = QHBoxLayout()
        columns.addWidget(self._services_box(), 3)
        columns.addWidget(self._supplies_box(), 2)
        columns.addWidget(self._notes_box(), 4)

        row = QHBoxLayout()
        when, site = self.tr("When"), self.tr("Site")
        self.when = self.field("when", MomentEdit(when, self.vault.settings.timezone), when)
        self.site = self.field("site", named(QComboBox(), site), site)
        self.site.setEditable(True)
        self.site.setMinimumWidth(220)
        self.site.setMaximumWidth(380)
        for text, widget in ((self.tr("&When"), self.when), (self.tr("S&ite"), self.site)):
            row.addWidget(buddy(text, widget))
            row.addWidget(widget, 1 if widget is self.site else 0)
            if widget is self.when:
                row.addWidget(self.when.note)  # the zone, or which of a repeated hour
            row.addSpacing(16)
        row.addWidget(QLabel(self.tr("Staff")))
        self.staff_label = QLabel(self.vault.staff.name)
        row.addWidget(self.staff_label)
        row.addStretch(1)

        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(columns)
        layout.addLayout(row)
        layout.addStretch(1)

    def _services_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Services"))
        column = QVBoxLayout(box)
        grid = QGridLayout()
        self.service_checks, self.result_combos = {}, {}
        partners = {}  # a test's result, shown and hidden with its check box
        for row, kind in enumerate(SERVICES):
            check = check_box(label("service", kind, self.lang))
            self.service_checks[kind] = check
            grid.addWidget(check, row, 0)
            if kind in TEST_SERVICES:
                combo = named(QComboBox(), self.tr("{service} result").format(
                    service=label("service", kind, self.lang)))
                for code in TEST_RESULTS:
                    combo.addItem(label("test_result", code, self.lang), code)
                combo.setEnabled(False)
                check.toggled.connect(combo.setEnabled)
                self.result_combos[kind] = combo
                caption = buddy(self.tr("result"), combo, combo.accessibleName())
                grid.addWidget(caption, row, 1)
                grid.addWidget(combo, row, 2)
                partners[check] = (caption, combo)
        grid.setColumnStretch(3, 1)
        self.find_service = ChecklistFilter(self.tr("Find a service"),
                                            list(self.service_checks.values()), partners)
        find_row = QHBoxLayout()
        find_row.addWidget(buddy(self.tr("&Find"), self.find_service))
        find_row.addWidget(self.find_service, 1)
        column.addLayout(find_row)
        column.addLayout(grid)
        column.addStretch(1)
        self.field("services", box, self.tr("Services"))
        self.field("test result", box, self.tr("Test result"))
        box.setMinimumWidth(box.sizeHint().width())  # as wide while the finder narrows it
        return box

    def _supplies_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Supplies"))
        form = form_layout()
        self.supply_spins = {}
        for kind in SUPPLIES:
            text = label("supply", kind, self.lang)
            spin = self.field(f"supplies.{kind}", QuantitySpin(text), text)
            self.supply_spins[kind] = spin
            form.addRow(mnemonic(text, SUPPLY_KEYS[self.lang].get(kind, "")), spin)
        returned = self.tr("Needles returned")
        self.needles_returned = self.field("needles_returned", QuantitySpin(returned), returned)
        form.addRow(self.tr("Needles &returned"), self.needles_returned)
        reversals = self.tr("Overdose reversals reported")
        self.reversals = self.field("overdose_reversals", QuantitySpin(reversals), reversals)
        form.addRow(self.tr("Over&dose reversals reported"), self.reversals)
        self.secondary = named(QCheckBox(self.tr("Collected for someone &else")),
                               self.tr("Collected for someone else"))
        form.addRow(self.secondary)  # across both columns: the labels keep their width
        box.setLayout(form)
        return box

    def _notes_box(self) -> QWidget:
        box = QGroupBox(self.tr("Notes"))
        column = QVBoxLayout(box)
        reason, note, follow_up = self.tr("Reason"), self.tr("Note"), self.tr("Follow-up")
        self.reason = self.field("reason", named(QLineEdit(), reason), reason)
        self.note = self.field("note", TextBox(note, lines=6), note)
        self.follow_up = self.field("follow_up", TextBox(follow_up, lines=3), follow_up)
        for text, widget in ((self.tr("Re&ason"), self.reason), (note, self.note),
                             (self.tr("Follow-&up"), self.follow_up)):
            column.addWidget(buddy(text, widget))
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

    def fill(self, values: dict) -> None:
        """Show these values (a visit being corrected, or a draft kept at lock)."""
        if "occurred_at" in values:
            self.when.set_moment(values["occurred_at"])
        if "site" in values:
            self.site.setCurrentText(values["site"])
        results = {}
        for item in values.get("services", ()):
            kind, result = (item.kind, item.result) if isinstance(item, ServiceItem) else item
            results[kind] = result
        for kind, check in self.service_checks.items():
            check.setChecked(kind in results)
            if kind in self.result_combos and results.get(kind):
                combo = self.result_combos[kind]
                combo.setCurrentIndex(combo.findData(results[kind]))
        supplies = values.get("supplies", {})
        for kind, spin in self.supply_spins.items():
            spin.setValue(supplies.get(kind, 0))
        self.needles_returned.setValue(values.get("needles_returned", 0))
        self.reversals.setValue(values.get("overdose_reversals", 0))
        self.secondary.setChecked(bool(values.get("secondary")))
        self.reason.setText(values.get("reason", ""))
        self.note.setText(values.get("note", ""))
        self.follow_up.setText(values.get("follow_up", ""))

    def draft_context(self) -> dict:
        return {"visit_id": self.visit.id} if self.visit else {}

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

        def checked():
            self.when.check()
            return visits.clean(self.vault, {"client_id": self.client_id, **data})
        if self.attempt(checked):
            self.refer_requested.emit(data)

    def commit(self):
        self.when.check()
        data = self.values()
        if self.visit is None:
            return visits.record(self.vault, client_id=self.client_id, **data)
        old = self.visit
        current = {name: getattr(old, name) for name in FIELDS}
        if data["occurred_at"] == old.occurred_at.replace(second=0):
            data["occurred_at"] = old.occurred_at  # shown to the minute; unchanged
        if set(data["services"]) == set(old.services):
            data["services"] = old.services
        changes = {k: v for k, v in data.items() if v != current[k]}
        return visits.correct(self.vault, old.id, **changes) if changes else old
