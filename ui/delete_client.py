"""Delete a client's personal data at their request. The form says what goes and what stays
(with counts) and asks the nurse to type DELETE (SUPPRIMER in French) before anything happens."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit, QVBoxLayout

from records import clients, incidents, referrals, visits
from records.errors import ValidationError
from ui.form_base import FormBase
from ui.widgets import hint, named

CONFIRM_WORD = QT_TRANSLATE_NOOP("DeleteClientForm", "DELETE")  # typed in the UI's language


class DeleteClientForm(FormBase):
    heading = QT_TRANSLATE_NOOP("DeleteClientForm", "Delete a client's record at their request")
    save_label = QT_TRANSLATE_NOOP("DeleteClientForm", "Delete")

    def __init__(self, vault, parent=None, *, client_id: int):
        super().__init__(vault, parent)
        self.client = clients.get(vault, client_id)
        n_visits = len(visits.for_client(vault, client_id))
        n_referrals = len(referrals.for_client(vault, client_id))
        n_incidents = len(incidents.find(vault, client_id=client_id, include_voided=True))

        self.word = self.tr(CONFIRM_WORD)
        self.set_heading(self.tr("Delete a client's record at their request"))
        self.save_button.setText(self.tr("Delete"))
        self.save_button.setAccessibleName(self.tr("Delete"))
        removed = QGroupBox(self.tr("Removed for good"))
        removed_text = QLabel("\n".join((
            self.tr("• The name, aliases, legal name, pronouns, date of birth, phone and "
                    "contact notes"),
            self.tr("• Health problems, medications and allergies"),
            self.tr("• The code (UIC) and its parts; only a keyed fingerprint stays, so past\n"
                    "   unique-client counts do not change"),
            self.tr("• Reason, notes and follow-up of the %n visit(s), and", "", n_visits),
            self.tr("   the reason, request, what the client was told and notes of the "
                    "%n referral(s)", "", n_referrals),
            self.tr("• Earlier versions kept by corrections of those visits and referrals"))))
        QVBoxLayout(removed).addWidget(removed_text)
        stays = QGroupBox(self.tr("Stays, with no name attached"))
        stays_text = QLabel("\n".join((
            self.tr("• %n visit(s): date, site, services, supplies (for the weekly counts)", "",
                    n_visits),
            self.tr("• %n referral(s): destination, urgency and outcome", "", n_referrals),
            self.tr("• %n incident report(s), no longer linked to this person", "",
                    n_incidents),
            self.tr("• The audit log entry saying a record was deleted at the client's "
                    "request"))))
        QVBoxLayout(stays).addWidget(stays_text)

        self.confirm = self.field("confirmation",
                                  named(QLineEdit(), self.tr("Type {word} to confirm").format(
                                      word=self.word)),
                                  self.tr("Confirmation"))
        self.confirm.setPlaceholderText(self.word)
        self.confirm.setMaximumWidth(240)
        self.confirm.textChanged.connect(self._update_button)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint(self.tr("Use this only when the client asks for their record to "
                                      "be deleted. It cannot be undone.")))
        layout.addWidget(removed)
        layout.addWidget(stays)
        layout.addWidget(QLabel(self.tr("Type {word} to confirm:").format(word=self.word)))
        layout.addWidget(self.confirm)
        layout.addStretch(1)
        self.save_button.setDefault(False)
        self._update_button()
        self.setFocusProxy(self.confirm)

    def _update_button(self) -> None:
        self.save_button.setEnabled(self.confirm.text().strip() == self.word)

    def commit(self):
        if self.confirm.text().strip() != self.word:
            raise ValidationError("confirmation",
                                  self.tr("type {word} to confirm").format(word=self.word))
        clients.delete_at_request(self.vault, self.client.id)
        return clients.get(self.vault, self.client.id)
