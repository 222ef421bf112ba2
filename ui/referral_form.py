"""Make (or correct) a referral: destination from the directory, the request, and the
client's disclosure choices per topic, none ticked by default. "Save and print" saves, then
asks the shell to print (print_requested). Opened from a visit form's "Save and refer" with
the unsaved visit, it saves both in one transaction: both are kept, or neither."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QComboBox, QGridLayout, QGroupBox, QHBoxLayout,
                               QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout)

from records import directory, referrals, visits
from records.errors import ValidationError
from records.models import NAME_ON_PAPER, TOPICS, URGENCIES
from records.vocab import label
from ui import i18n
from ui.form_base import FormBase
from ui.widgets import ArrowsMoveList, TextBox, check_box, form_layout, hint, named


FIELDS = ("destination_id", "reason", "request", "urgency", "client_told", "name_on_paper",
          "disclose", "include_notes", "notes")


class ReferralForm(FormBase):
    """Opens in the directory filter: type part of a service's name, arrows pick among the
    matches, Enter goes on to the reason; Ctrl+P saves and prints."""

    heading = QT_TRANSLATE_NOOP("ReferralForm", "New referral")
    draft_name = "referral"
    print_requested = Signal(object)

    def __init__(self, vault, parent=None, *, client_id: int | None = None,
                 visit_id: int | None = None, referral_id: int | None = None,
                 visit: dict | None = None):
        super().__init__(vault, parent)
        self.lang = i18n.current()
        self.pending_visit = visit
        self.referral = referrals.get(vault, referral_id) if referral_id is not None else None
        self.client_id = self.referral.client_id if self.referral else client_id
        self.visit_id = self.referral.visit_id if self.referral else visit_id
        self.print_button = self.add_button(self.tr("Save and print"), self.save_and_print,
                                            QKeySequence.Print)
        self._build()
        self.refresh_destinations()
        if self.referral:
            self.set_heading(self.tr("Correct referral (version {version})").format(
                version=self.referral.version))
            self.fill({name: getattr(self.referral, name) for name in FIELDS})
        elif visit is not None:
            self.set_heading(self.tr("New referral, with the visit"))
            self.layout().insertWidget(1, hint(self.tr(
                "The visit is not saved yet: saving here saves the visit and this referral "
                "together. Esc goes back to the visit, as you left it.")))
        self.name_client(self.client_id)
        self.setFocusProxy(self.dest_filter)

    # --- layout ----------------------------------------------------------------------
    def _build(self) -> None:
        left = QVBoxLayout()
        destination = self.tr("Destination")
        dest_box = QGroupBox(destination)
        dest = QVBoxLayout(dest_box)
        self.dest_filter = named(QLineEdit(), self.tr("Filter the service directory"))
        self.dest_filter.setPlaceholderText(self.tr("Type to filter the service directory"))
        self.dest_list = self.field("destination", named(QListWidget(), destination),
                                    destination)
        self.dest_filter.textChanged.connect(self.refresh_destinations)
        self.dest_filter.returnPressed.connect(lambda: self.reason.setFocus(Qt.TabFocusReason))
        ArrowsMoveList(self.dest_filter, self.dest_list)
        self.dest_detail = hint("")
        self.dest_list.currentItemChanged.connect(self._show_destination)
        dest.addWidget(self.dest_filter)
        dest.addWidget(self.dest_list, 1)
        dest.addWidget(self.dest_detail)
        left.addWidget(dest_box, 1)

        form = form_layout()
        urgency, on_paper = self.tr("Urgency"), self.tr("Name on paper")
        self.urgency = self.field("urgency", named(QComboBox(), urgency), urgency)
        for code in URGENCIES:
            self.urgency.addItem(label("urgency", code, self.lang), code)
        self.name_on_paper = self.field("name on paper", named(QComboBox(), on_paper), on_paper)
        for code in NAME_ON_PAPER:
            self.name_on_paper.addItem(label("name_on_paper", code, self.lang), code)
        form.addRow(urgency, self.urgency)
        form.addRow(on_paper, self.name_on_paper)
        left.addLayout(form)

        middle = form_layout()
        reason, request, notes = self.tr("Reason"), self.tr("Request"), self.tr("Notes")
        told = self.tr("What the client was told")
        self.reason = self.field("reason", named(QLineEdit(), reason), reason)
        self.request = self.field("request", TextBox(request, lines=3), request)
        self.client_told = self.field("client_told", TextBox(told, lines=3), told)
        middle.addRow(reason, self.reason)
        middle.addRow(request, self.request)
        middle.addRow(self.tr("Client was told"), self.client_told)
        self.include_notes = check_box(self.tr("Print notes on the service copy"))
        self.notes = self.field("notes", TextBox(notes, lines=3), notes)
        middle.addRow(notes, self.notes)
        middle.addRow("", self.include_notes)
        self.field("include_notes", self.include_notes, self.tr("Print notes"))

        right = self._disclosure_box()

        columns = QHBoxLayout(self.body)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(left, 3)
        middle_column = QVBoxLayout()
        middle_column.addLayout(middle)
        middle_column.addStretch(1)
        columns.addLayout(middle_column, 4)
        columns.addWidget(right, 3)

    def _disclosure_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("The client agrees to share"))
        grid = QGridLayout(box)
        grid.setVerticalSpacing(2)
        self.topic_checks = {}
        for i, topic in enumerate(TOPICS):
            check = check_box(label("topic", topic, self.lang))
            check.setAccessibleDescription(label("topic_help", topic, self.lang))
            self.topic_checks[topic] = check
            explanation = hint(label("topic_help", topic, self.lang), wrap=True)
            explanation.setContentsMargins(22, 0, 0, 6)
            grid.addWidget(check, i * 2, 0)
            grid.addWidget(explanation, i * 2 + 1, 0)
        grid.setRowStretch(len(TOPICS) * 2, 1)
        self.field("disclosure", box, self.tr("Disclosure"))
        self.field("consent", box, self.tr("Consent"))
        return box

    # --- destination picker -----------------------------------------------------------
    def refresh_destinations(self) -> None:
        keep = self.destination_id()
        self.dest_list.clear()
        for entry in directory.entries(self.vault, self.dest_filter.text().strip()):
            kind = label("directory_kind", entry.kind, self.lang)
            item = QListWidgetItem(f"{entry.name}  ·  {kind}")
            item.setData(Qt.UserRole, entry)
            self.dest_list.addItem(item)
            if entry.id == keep:
                self.dest_list.setCurrentItem(item)
        if self.dest_filter.text().strip() and self.dest_list.count() and \
                self.dest_list.currentRow() < 0:
            self.dest_list.setCurrentRow(0)

    def destination_id(self) -> int | None:
        item = self.dest_list.currentItem() if hasattr(self, "dest_list") else None
        return item.data(Qt.UserRole).id if item else None

    def _show_destination(self, item, _previous) -> None:
        entry = item.data(Qt.UserRole) if item else None
        self.dest_detail.setText(" · ".join(x for x in (entry.phone, entry.hours) if x)
                                 if entry else "")

    def _select_destination(self, entry) -> None:
        for row in range(self.dest_list.count()):
            if self.dest_list.item(row).data(Qt.UserRole).id == entry.id:
                self.dest_list.setCurrentRow(row)
                return
        gone = self.tr("no longer in the directory")
        item = QListWidgetItem(f"{entry.name}  ·  {gone}")
        item.setData(Qt.UserRole, entry)
        self.dest_list.addItem(item)
        self.dest_list.setCurrentItem(item)

    # --- values ----------------------------------------------------------------------
    def fill(self, values: dict) -> None:
        """Show these values (a referral being corrected, or a draft kept at lock)."""
        if values.get("destination_id") is not None:
            self._select_destination(directory.get(self.vault, values["destination_id"]))
        for combo, name in ((self.urgency, "urgency"), (self.name_on_paper, "name_on_paper")):
            if name in values:
                combo.setCurrentIndex(max(0, combo.findData(values[name])))
        self.reason.setText(values.get("reason", ""))
        self.request.setText(values.get("request", ""))
        self.client_told.setText(values.get("client_told", ""))
        for topic, check in self.topic_checks.items():
            check.setChecked(topic in values.get("disclose", ()))
        self.include_notes.setChecked(bool(values.get("include_notes")))
        self.notes.setText(values.get("notes", ""))

    def draft_context(self) -> dict:
        """A referral opened over an unsaved visit comes back over that visit's form."""
        context = {"referral_id": self.referral.id} if self.referral else {}
        if self.visit_id is not None:
            context["visit_id"] = self.visit_id
        if self.pending_visit is not None:
            context["with_visit"] = True
        return context

    def values(self) -> dict:
        return {
            "destination_id": self.destination_id(),
            "reason": self.reason.text(), "request": self.request.text(),
            "urgency": self.urgency.currentData(), "client_told": self.client_told.text(),
            "name_on_paper": self.name_on_paper.currentData(),
            "disclose": frozenset(t for t, c in self.topic_checks.items() if c.isChecked()),
            "include_notes": self.include_notes.isChecked(), "notes": self.notes.text(),
        }

    def commit(self):
        data = self.values()
        if data["destination_id"] is None:
            raise ValidationError("destination", self.tr("choose a service from the directory"))
        if self.referral is None and self.pending_visit is not None:
            with self.vault.together():
                visit = visits.record(self.vault, client_id=self.client_id, **self.pending_visit)
                return referrals.make(self.vault, self.client_id, visit_id=visit.id, **data)
        if self.referral is None:
            return referrals.make(self.vault, self.client_id, visit_id=self.visit_id, **data)
        old = self.referral
        changes = {k: v for k, v in data.items() if v != getattr(old, k)}
        return referrals.correct(self.vault, old.id, **changes) if changes else old

    def save_and_print(self) -> None:
        saved = self.save()
        if saved is not None:
            self.print_requested.emit(saved)
