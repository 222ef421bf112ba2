"""Staff members: the list, adding one with their own passphrase (typed twice), removing one.
Adding derives a key (about a second) and removing re-keys the whole vault
(flows.rekey_vault.remove_staff), so both run on the app's runner (ui/ops.py), never on the
GUI thread, the removal with its steps shown."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QComboBox, QGroupBox, QHBoxLayout, QLineEdit, QTableWidgetItem,
                               QVBoxLayout)

from flows.rekey_vault import remove_staff
from records import staff
from records.errors import ClinicError, ValidationError
from records.models import MIN_PASSPHRASE, ROLES
from records.vocab import label
from ui import i18n
from ui.form_base import FormBase
from ui.ops import Op
from ui.widgets import form_layout, hint, named, record_table


class StaffEditor(FormBase):
    def __init__(self, vault, parent=None, *, kdf=None):
        super().__init__(vault, parent)
        self.set_heading(self.tr("Staff"))
        self.save_button.setText(self.tr("Add staff member"))
        self.save_button.setAccessibleName(self.save_button.text())
        self.kdf = kdf
        self.working: Op | None = None  # an add or a removal on the runner
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setAccessibleName(self.cancel_button.text())

        name, role, contact = self.tr("Name"), self.tr("Role"), self.tr("Contact line")
        self.table = record_table((name, role, contact), self.tr("Staff members"))
        self.remove_button = self.add_button(self.tr("Remove selected…"), self.remove_selected)
        self.confirm_remove = self.add_button(self.tr("Confirm removal"), self.confirm_removal)
        self.confirm_remove.hide()
        self.to_remove = None

        box = QGroupBox(self.tr("Add a staff member"))
        form = form_layout()
        self.name = self.field("staff name", named(QLineEdit(), name), name)
        self.role = self.field("role", named(QComboBox(), role), role)
        for code in ROLES:
            self.role.addItem(label("role", code, i18n.current()), code)
        self.contact = self.field("contact line", named(QLineEdit(), contact), contact)
        self.contact.setPlaceholderText(self.tr(
            "Printed under their name on letters, e.g. Nora, RN - 555-0100"))
        passphrase, again = self.tr("Passphrase"), self.tr("Passphrase again")
        self.passphrase = self.field("passphrase", named(QLineEdit(), passphrase), passphrase)
        self.passphrase_again = named(QLineEdit(), again)
        for edit in (self.passphrase, self.passphrase_again):
            edit.setEchoMode(QLineEdit.Password)
        for caption, widget in ((name, self.name), (role, self.role), (contact, self.contact),
                                (passphrase, self.passphrase), (again, self.passphrase_again)):
            form.addRow(caption, widget)
        form.addRow("", hint(self.tr("At least {count} characters; nobody can read it back.")
                             .format(count=MIN_PASSPHRASE)))
        self.status = hint("", wrap=True)  # under the box: a form row would squeeze it
        box.setLayout(form)

        row = QHBoxLayout(self.body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.table, 3)
        column = QVBoxLayout()
        column.addWidget(box)
        column.addWidget(self.status)
        column.addStretch(1)
        row.addLayout(column, 2)
        self.setFocusProxy(self.name)  # the form adds a staff member
        self.refresh()

    def refresh(self) -> None:
        members = staff.all_staff(self.vault)
        self.table.setRowCount(len(members))
        for row, member in enumerate(members):
            for col, text in enumerate((member.name, label("role", member.role, i18n.current()),
                                        member.contact_line)):
                item = QTableWidgetItem(text)
                item.setData(Qt.UserRole, member)
                self.table.setItem(row, col, item)

    def selected(self):
        item = self.table.item(self.table.currentRow(), 0)
        return item.data(Qt.UserRole) if item else None

    # --- adding (slow: key derivation, on the runner) ----------------------------------
    def commit(self):
        """Check what can be checked at once, then add on the runner; `saved` is emitted
        when it finishes. Returns None meanwhile."""
        if self.working is not None:
            return None
        name, role = self.name.text(), self.role.currentData()
        contact, passphrase = self.contact.text(), self.passphrase.text()
        staff.validate_new(name, role, contact, passphrase)
        if passphrase != self.passphrase_again.text():
            raise ValidationError("passphrase", self.tr("the two entries are not the same"))
        vault, kdf = self.vault, self.kdf
        self._start(Op(self, lambda _progress: staff.add(vault, name, role, passphrase,
                                                         contact_line=contact, kdf=kdf))
                    .success(self._added), self.tr("Adding… (deriving the key takes a moment)"))
        return None

    def _start(self, op: Op, doing: str) -> None:
        self.working = op.failure(self._failed).with_progress(doing)
        for button in (self.save_button, self.remove_button, self.confirm_remove):
            button.setEnabled(False)
        self.status.setText(doing)
        op.run_in_background()

    def _finish(self) -> None:
        self.working = None
        for button in (self.save_button, self.remove_button, self.confirm_remove):
            button.setEnabled(True)
        self.status.setText("")

    def _added(self, member) -> None:
        self._finish()
        for edit in (self.name, self.contact, self.passphrase, self.passphrase_again):
            edit.clear()
        self.refresh()
        self.status.setText(self.tr("{name} can now unlock this laptop.").format(name=member.name))
        self.saved.emit(member)

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        if not isinstance(exc, ClinicError):
            exc = ClinicError(self.tr("it stopped with an error ({error})").format(
                error=type(exc).__name__))
        self.show_error(exc)

    # --- removing (two steps: the button, then a confirmation naming the person) ------
    def remove_selected(self) -> None:
        member = self.selected()
        if member is None:
            self.show_error(ValidationError(self.tr("staff member"),
                                            self.tr("select someone in the list first")))
            return
        self.clear_error()
        self.to_remove = member
        self.confirm_remove.setText(self.tr("Yes, remove {name}").format(name=member.name))
        self.confirm_remove.show()
        self.status.setText(self.tr(
            "Removing {name} re-keys the vault: their passphrase, and every passphrase replaced "
            "before now, stop opening it with any copy of the key file. Backups made before now "
            "still open with the passphrases of their day.").format(name=member.name))
        self.confirm_remove.setFocus()

    def confirm_removal(self) -> None:
        """Re-key on the runner (seconds on a large vault); the list refreshes after."""
        if self.working is not None or self.to_remove is None:
            return
        self.clear_error()
        self.confirm_remove.hide()
        vault, member = self.vault, self.to_remove
        self._start(Op(self, lambda progress: remove_staff(vault, member.id, progress))
                    .success(lambda _: self._removed(member)), self.tr("Re-keying the vault…"))

    def _removed(self, member) -> None:
        self._finish()
        self.to_remove = None
        self.refresh()
        self.status.setText(self.tr("{name} was removed.").format(name=member.name))
