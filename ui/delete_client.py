"""Delete a client's personal data at their request. The form says what goes and what stays
(with counts) and asks the nurse to type DELETE before anything happens."""
from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QLineEdit, QVBoxLayout

from records import clients, incidents, referrals, visits
from records.errors import ValidationError
from ui.form_base import FormBase
from ui.widgets import hint, named

CONFIRM_WORD = "DELETE"


class DeleteClientForm(FormBase):
    heading = "Delete a client's record at their request"
    save_label = "Delete"

    def __init__(self, vault, parent=None, *, client_id: int):
        super().__init__(vault, parent)
        self.client = clients.get(vault, client_id)
        n_visits = len(visits.for_client(vault, client_id))
        n_referrals = len(referrals.for_client(vault, client_id))
        n_incidents = len(incidents.find(vault, client_id=client_id, include_voided=True))

        removed = QGroupBox("Removed for good")
        removed_text = QLabel(
            "• The name, aliases, legal name, pronouns, date of birth, phone and contact notes\n"
            "• Health problems, medications and allergies\n"
            "• The code (UIC) and its parts; only a keyed fingerprint stays, so past\n"
            "   unique-client counts do not change\n"
            f"• Reason, notes and follow-up of the {n_visits} visit(s), and the reason, request,\n"
            f"   what the client was told and notes of the {n_referrals} referral(s)\n"
            "• Earlier versions kept by corrections of those visits and referrals")
        QVBoxLayout(removed).addWidget(removed_text)
        stays = QGroupBox("Stays, with no name attached")
        stays_text = QLabel(
            f"• {n_visits} visit(s): date, site, services, supplies (for the weekly counts)\n"
            f"• {n_referrals} referral(s): destination, urgency and outcome\n"
            f"• {n_incidents} incident report(s), no longer linked to this person\n"
            "• The audit log entry saying a record was deleted at the client's request")
        QVBoxLayout(stays).addWidget(stays_text)

        self.confirm = self.field("confirmation", named(QLineEdit(), "Type DELETE to confirm"),
                                  "Confirmation")
        self.confirm.setPlaceholderText(CONFIRM_WORD)
        self.confirm.setMaximumWidth(240)
        self.confirm.textChanged.connect(self._update_button)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(hint("Use this only when the client asks for their record to be "
                              "deleted. It cannot be undone."))
        layout.addWidget(removed)
        layout.addWidget(stays)
        layout.addWidget(QLabel(f"Type {CONFIRM_WORD} to confirm:"))
        layout.addWidget(self.confirm)
        layout.addStretch(1)
        self.save_button.setDefault(False)
        self._update_button()
        self.setFocusProxy(self.confirm)

    def _update_button(self) -> None:
        self.save_button.setEnabled(self.confirm.text().strip() == CONFIRM_WORD)

    def commit(self):
        if self.confirm.text().strip() != CONFIRM_WORD:
            raise ValidationError("confirmation", f"type {CONFIRM_WORD} to confirm")
        clients.delete_at_request(self.vault, self.client.id)
        return clients.get(self.vault, self.client.id)
