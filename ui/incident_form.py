"""Record (or correct) an incident report. The two consents, the printed alert sheet and
sharing with the police liaison, start unanswered and must each be chosen. The form says what
the sheet prints (reports.alerts): everything typed here but who reported it, "what happened"
included, so it asks for that account without names."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout

from records import clients, incidents
from records.errors import AccessDenied, ClinicError, ValidationError
from ui.form_base import FormBase
from ui.a11y import buddy
from ui.clinic_time import MomentEdit
from ui.widgets import (ClientPicker, TextBox, YesNo, check_box, form_layout, hint, named,
                        strong)

# English sources, shown through IncidentForm.tr().
CONSENT_SHEET = QT_TRANSLATE_NOOP("IncidentForm",
                                  "Include it, anonymised, on the printed alert sheet?")
CONSENT_POLICE = QT_TRANSLATE_NOOP("IncidentForm", "Share it with the police liaison?")
ON_THE_SHEET = QT_TRANSLATE_NOOP(
    "IncidentForm", "On the sheet: when, area, person, vehicle, partial plate, phone and what "
    "happened, as typed here. Never who reported it: leave names out.")
WHAT_HAPPENED_HINT = QT_TRANSLATE_NOOP(
    "IncidentForm", "What was done, without names: it goes on the alert sheet if they agree.")
FIELDS = ("occurred_at", "area", "person_description", "vehicle_description", "plate_partial",
          "phone", "what_happened", "client_id", "consent_sheet", "consent_police")


class IncidentForm(FormBase):
    """Opens in Area; when it happened comes after the account (Alt+W reaches it)."""

    heading = QT_TRANSLATE_NOOP("IncidentForm", "New incident report")
    draft_name = "incident"

    def __init__(self, vault, parent=None, *, client_id: int | None = None,
                 incident_id: int | None = None):
        if vault.is_police_liaison:
            raise AccessDenied(QCoreApplication.translate(
                "IncidentForm", "a police-liaison account cannot record or correct incidents"))
        super().__init__(vault, parent)
        self.incident = incidents.get(vault, incident_id) if incident_id is not None else None
        self.client_id = self.incident.client_id if self.incident else client_id
        self._build()
        if self.incident:
            self.set_heading(self.tr("Correct incident report (version {version})").format(
                version=self.incident.version))
            self.fill({name: getattr(self.incident, name) for name in FIELDS})
        self.name_client(self.client_id)
        self.setFocusProxy(self.area)

    def _build(self) -> None:
        left = form_layout()
        when, area, plate = self.tr("When it happened"), self.tr("Area"), self.tr("Partial plate")
        phone, person, vehicle = self.tr("Phone"), self.tr("Person"), self.tr("Vehicle")
        what = self.tr("What happened")
        self.when = self.field("when", MomentEdit(when, self.vault.settings.timezone), when)
        self.area = self.field("area", named(QLineEdit(), area), area)
        self.plate = self.field("plate_partial", named(QLineEdit(), plate), plate)
        self.phone = self.field("phone", named(QLineEdit(), phone), phone)
        self.person = self.field("person_description", TextBox(person, lines=3),
                                 self.tr("Description of the person"))
        self.vehicle = self.field("vehicle_description", TextBox(vehicle, lines=2),
                                  self.tr("Description of the vehicle"))
        self.what = self.field("what_happened", TextBox(what, lines=4), what)
        self.what.setPlaceholderText(self.tr(WHAT_HAPPENED_HINT))
        left.addRow(area, self.area)
        left.addRow(person, self.person)
        left.addRow(vehicle, self.vehicle)
        plate_phone = QHBoxLayout()
        plate_phone.addWidget(self.plate)
        phone_caption = QLabel(phone)
        phone_caption.setBuddy(self.phone)
        plate_phone.addWidget(phone_caption)
        plate_phone.addWidget(self.phone)
        left.addRow(plate, plate_phone)
        left.addRow(what, self.what)
        when_row = QHBoxLayout()
        when_row.addWidget(self.when)
        when_row.addWidget(self.when.note, 1)  # the zone, or which of a repeated hour
        left.addRow(buddy(self.tr("&When"), self.when), when_row)

        right = QVBoxLayout()
        consent = QGroupBox(self.tr("The person reporting chooses"))
        consent_form = QVBoxLayout(consent)
        sheet, police = self.tr(CONSENT_SHEET), self.tr(CONSENT_POLICE)
        self.consent_sheet = self.field("consent_sheet", YesNo(sheet),
                                        self.tr("Alert sheet consent"))
        self.consent_police = self.field("consent_police", YesNo(police),
                                         self.tr("Police liaison consent"))
        consent_form.addWidget(hint(self.tr(
            "Ask both questions. Nothing is chosen until they answer.")))
        for text, widget in ((sheet, self.consent_sheet), (police, self.consent_police)):
            consent_form.addWidget(strong(text))
            consent_form.addWidget(widget)
        self.sheet_note = hint(self.tr(ON_THE_SHEET), wrap=True)
        consent_form.addWidget(self.sheet_note)
        right.addWidget(consent)

        reporter = QGroupBox(self.tr("Reported by (optional)"))
        reporter_box = QVBoxLayout(reporter)
        self.link_client = None
        self.picker = None
        if self.client_id is not None:
            self.link_client = check_box(self.tr("Reported by {name}").format(
                name=self._client_name()))
            self.link_client.setChecked(True)
            reporter_box.addWidget(self.link_client)
        else:
            self.picker = ClientPicker(self.vault, self.tr("Reporting client"))
            reporter_box.addWidget(self.picker)
        self.field("client", reporter, self.tr("Reporting client"))
        right.addWidget(reporter)
        right.addStretch(1)

        columns = QHBoxLayout(self.body)
        columns.setContentsMargins(0, 0, 0, 0)
        left_column = QVBoxLayout()
        left_column.addLayout(left)
        left_column.addStretch(1)
        columns.addLayout(left_column, 3)
        columns.addLayout(right, 2)

    def _client_name(self) -> str:
        try:
            return clients.get(self.vault, self.client_id).name
        except ClinicError:
            return self.tr("this client")

    def fill(self, values: dict) -> None:
        """Show these values (a report being corrected, or a draft kept at lock)."""
        if "occurred_at" in values:
            self.when.set_moment(values["occurred_at"])
        for edit, name in ((self.area, "area"), (self.person, "person_description"),
                           (self.vehicle, "vehicle_description"), (self.plate, "plate_partial"),
                           (self.phone, "phone"), (self.what, "what_happened")):
            edit.setText(values.get(name, ""))
        for choice, name in ((self.consent_sheet, "consent_sheet"),
                             (self.consent_police, "consent_police")):
            if values.get(name) is not None:
                choice.set_value(values[name])
        if self.link_client is not None:
            self.link_client.setChecked(values.get("client_id") == self.client_id)

    def draft_context(self) -> dict:
        return {"incident_id": self.incident.id} if self.incident else {}

    def reporting_client(self) -> int | None:
        if self.link_client is not None:
            return self.client_id if self.link_client.isChecked() else None
        hit = self.picker.current() if self.picker.query.text().strip() else None
        return hit.id if hit else None

    def values(self) -> dict:
        return {
            "occurred_at": self.when.moment(), "area": self.area.text(),
            "person_description": self.person.text(),
            "vehicle_description": self.vehicle.text(), "plate_partial": self.plate.text(),
            "phone": self.phone.text(), "what_happened": self.what.text(),
            "client_id": self.reporting_client(),
            "consent_sheet": self.consent_sheet.value(),
            "consent_police": self.consent_police.value(),
        }

    def commit(self):
        self.when.check()
        data = self.values()
        for name in ("consent_sheet", "consent_police"):
            if data[name] is None:
                raise ValidationError(name, self.tr("choose yes or no with the person reporting"))
        if self.incident is None:
            return incidents.report(self.vault, **data)
        old = self.incident
        if data["occurred_at"] == old.occurred_at.replace(second=0):
            data["occurred_at"] = old.occurred_at
        changes = {k: v for k, v in data.items() if v != getattr(old, k)}
        return incidents.correct(self.vault, old.id, **changes) if changes else old

