"""One client: who they are, what to follow up, what was done before.

Open referrals come first ("Ask about the referral to X on <date>") with one-click outcome
buttons. Legal name, date of birth, phone and health summary stay hidden until "Show" is
pressed (records.clients.reveal_hidden audits each view). Buttons ask the main window to open
the other forms; the page refreshes only the section a change concerns.

The client's name and flags are shown at once (one short read); the visits (hundreds for a
client seen for years), referrals and incidents are read and their lines written on the
app's runner, then filled in (`loading` until then, `loaded` once shown), and the visits
again after each change to them: the window never waits for them.
"""
from __future__ import annotations

from PySide6.QtCore import (QT_TRANSLATE_NOOP, QCoreApplication, QItemSelectionModel, Qt,
                            Signal)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QFormLayout, QFrame, QGridLayout, QHBoxLayout, QLabel,
                               QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget)

from records import client_page, clients, directory, incidents, referrals, visits, vocab
from records.errors import ClinicError
from ui import clinic_time, i18n
from ui.ops import Op

# (form name, button text, accessible name); the shortcuts belong to the main window's actions.
# The texts are translated where shown (ClientPage context); QT_TRANSLATE_NOOP marks them.
ACTIONS = (
    ("visit", QT_TRANSLATE_NOOP("ClientPage", "Record visit (Ctrl+R)"),
     QT_TRANSLATE_NOOP("ClientPage", "Record visit")),
    ("quick_contact", QT_TRANSLATE_NOOP("ClientPage", "Quick contact (Ctrl+K)"),
     QT_TRANSLATE_NOOP("ClientPage", "Quick contact")),
    ("referral", QT_TRANSLATE_NOOP("ClientPage", "Referral (Ctrl+Shift+R)"),
     QT_TRANSLATE_NOOP("ClientPage", "Referral")),
    ("incident", QT_TRANSLATE_NOOP("ClientPage", "Incident (Ctrl+I)"),
     QT_TRANSLATE_NOOP("ClientPage", "Incident")),
    ("history", QT_TRANSLATE_NOOP("ClientPage", "History / correct (Ctrl+H)"),
     QT_TRANSLATE_NOOP("ClientPage", "History and corrections")),
    ("print", QT_TRANSLATE_NOOP("ClientPage", "Print (Ctrl+P)"),
     QT_TRANSLATE_NOOP("ClientPage", "Print the selected visit or referral")),
    ("merge", QT_TRANSLATE_NOOP("ClientPage", "Merge..."),
     QT_TRANSLATE_NOOP("ClientPage", "Merge with another client")),
    ("delete_client", QT_TRANSLATE_NOOP("ClientPage", "Delete at request..."),
     QT_TRANSLATE_NOOP("ClientPage", "Delete at the client's request")),
)
_HIDDEN_LABELS = (("legal_name", QT_TRANSLATE_NOOP("ClientPage", "Legal name")),
                  ("birth_date", QT_TRANSLATE_NOOP("ClientPage", "Date of birth")),
                  ("phone", QT_TRANSLATE_NOOP("ClientPage", "Phone")),
                  ("problems", QT_TRANSLATE_NOOP("ClientPage", "Health problems")),
                  ("medications", QT_TRANSLATE_NOOP("ClientPage", "Medications")),
                  ("allergies", QT_TRANSLATE_NOOP("ClientPage", "Allergies")))
HIDDEN_NOTE = QT_TRANSLATE_NOOP(
    "ClientPage", "Legal name, date of birth, phone and health summary are hidden.")
_OUTCOMES = (("attended", QT_TRANSLATE_NOOP("ClientPage", "Attended")),
             ("not_attended", QT_TRANSLATE_NOOP("ClientPage", "Did not attend")),
             ("declined", QT_TRANSLATE_NOOP("ClientPage", "Declined")))


def visit_line(visit, tz: str) -> str:
    lang = i18n.current()
    when = clinic_time.text(visit.occurred_at, tz)
    parts = [when, QCoreApplication.translate("ClientPage", "Quick contact") if visit.quick
             else (visit.reason or QCoreApplication.translate("ClientPage", "Visit"))]
    if visit.site:
        parts.append(visit.site)
    services = [vocab.label("service", s.kind, lang)
                + (f" ({vocab.label('test_result', s.result, lang)})" if s.result else "")
                for s in visit.services]
    if services:
        parts.append(", ".join(services))
    if visit.supplies:
        each = QCoreApplication.translate("ClientPage", "{count} x {supply}")
        parts.append(", ".join(each.format(count=q, supply=vocab.label("supply", k, lang))
                               for k, q in visit.supplies.items()))
    line = " · ".join(parts)
    return (QCoreApplication.translate("ClientPage", "[entered in error] {line}").format(
        line=line) if visit.voided else line)


def visit_lines(client_visits, tz: str) -> list[tuple[int, str]]:
    """(visit id, line) newest first: written on the runner, shown on the GUI thread."""
    return [(visit.id, visit_line(visit, tz)) for visit in client_visits]


class ClientPage(QWidget):
    action = Signal(str, dict)   # form name, context for the form
    back = Signal()
    loaded = Signal()  # the visits, referrals and incidents are shown

    def __init__(self, vault, client_id: int, changes=None, parent=None):
        super().__init__(parent)
        self._vault = vault
        self.client_id = client_id
        self._tz = vault.settings.timezone

        self.name = QLabel(objectName="clientName", textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name.setAccessibleName(self.tr("Client name"))
        self.details = QLabel(objectName="muted", wordWrap=True)
        self.flags = QLabel(objectName="warning", wordWrap=True)

        buttons = QHBoxLayout()
        self.buttons: dict[str, QPushButton] = {}
        for form, text, accessible in ACTIONS:
            button = QPushButton(self.tr(text))
            button.setAccessibleName(self.tr(accessible))
            button.clicked.connect(lambda _=False, f=form: self.request(f))
            buttons.addWidget(button)
            self.buttons[form] = button
        buttons.addStretch(1)
        back = QPushButton(self.tr("Back to search (Esc)"))
        back.setAccessibleName(self.tr("Back to search"))
        back.clicked.connect(self.back.emit)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.back.emit)
        buttons.addWidget(back)

        self.follow_up = QFrame(objectName="followUp")
        self._follow_layout = QVBoxLayout(self.follow_up)

        self.hidden_box = QFrame(frameShape=QFrame.Shape.StyledPanel)
        hidden_layout = QVBoxLayout(self.hidden_box)
        row = QHBoxLayout()
        self.hidden_note = QLabel(self.tr(HIDDEN_NOTE), objectName="muted")
        self.show_button = QPushButton(self.tr("Show (Ctrl+Shift+H)"))
        self.show_button.setAccessibleName(self.tr("Show hidden details"))
        self.show_button.setShortcut("Ctrl+Shift+H")
        self.show_button.clicked.connect(self.toggle_hidden)
        row.addWidget(self.hidden_note, 1)
        row.addWidget(self.show_button)
        hidden_layout.addLayout(row)
        self.hidden_values = QWidget()
        self._hidden_form = QFormLayout(self.hidden_values)
        self._hidden_form.setContentsMargins(0, 0, 0, 0)
        self.hidden_values.hide()
        hidden_layout.addWidget(self.hidden_values)

        self.visits = QListWidget(wordWrap=True)
        self.visits.setAccessibleName(self.tr("Visits, newest first"))
        self.visits.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.referrals = QListWidget(wordWrap=True)
        self.referrals.setAccessibleName(self.tr("Referrals"))
        self.incidents = QListWidget(wordWrap=True)
        self.incidents.setAccessibleName(self.tr("Incidents"))
        self._lists = {"visit": self.visits, "referral": self.referrals,
                       "incident": self.incidents}
        self._ids: dict[str, list[int]] = {entity: [] for entity in self._lists}  # by row
        for entity, widget in self._lists.items():
            widget.itemActivated.connect(lambda item, e=entity: self._open_entry(e, item))
        self.setFocusProxy(self.visits)  # opens in the visits: arrows, PageDown, Enter

        lists = QGridLayout()
        lists.addWidget(QLabel(self.tr("Visits (newest first; Enter opens one to correct it)")),
                        0, 0)
        lists.addWidget(self.visits, 1, 0, 3, 1)
        lists.addWidget(QLabel(self.tr("Referrals (Enter opens one to correct it)")), 0, 1)
        lists.addWidget(self.referrals, 1, 1)
        lists.addWidget(QLabel(self.tr("Incidents reported")), 2, 1)
        lists.addWidget(self.incidents, 3, 1)
        lists.setColumnStretch(0, 3)
        lists.setColumnStretch(1, 2)

        layout = QVBoxLayout(self)
        header = QHBoxLayout()
        header.addWidget(self.name)
        header.addWidget(self.details, 1)
        layout.addLayout(header)
        layout.addWidget(self.flags)
        layout.addLayout(buttons)
        layout.addWidget(self.follow_up)
        layout.addWidget(self.hidden_box)
        layout.addLayout(lists, 1)

        self._show_client(clients.get(vault, client_id))  # NotFound: no page
        self.loading = True
        self.visits.addItem(QListWidgetItem(self.tr("Loading…")))
        tz = self._tz
        Op(self, lambda _progress: self._read(vault, client_id, tz)) \
            .success(self._show_loaded).failure(self._gone).run_in_background()
        if changes is not None:
            changes.changed.connect(self._on_change)

    @staticmethod
    def _read(vault, client_id: int, tz: str):
        """On the runner: everything below the name, and the visits' lines."""
        data = client_page.load(vault, client_id)  # a few queries, whatever the history
        return data, visit_lines(data.visits, tz)

    def _show_loaded(self, read) -> None:
        data, lines = read
        self._show_visits(lines)
        self._show_referrals(data.referrals, data.destinations)
        self._show_incidents(data.incidents)
        self.loading = False
        self.loaded.emit()

    def _gone(self, exc: BaseException) -> None:
        if not isinstance(exc, ClinicError):
            raise exc
        self.back.emit()  # merged or deleted meanwhile

    # --- refreshing -------------------------------------------------------------------
    def _on_change(self, change) -> None:
        if change.entity == "client" and change.entity_id == self.client_id:
            self.refresh_client()
        elif change.entity == "visit":
            self.refresh_visits()
        elif change.entity == "referral":
            self.refresh_referrals()
        elif change.entity == "incident":
            self.refresh_incidents()

    def refresh_client(self) -> None:
        try:
            client = clients.get(self._vault, self.client_id)
        except ClinicError:
            self.back.emit()  # merged or gone
            return
        self._show_client(client)

    def _show_client(self, client) -> None:
        self.name.setText(client.name)
        bits = [client.pronouns] if client.pronouns else []
        if client.aliases:
            bits.append(self.tr("also {aliases}").format(aliases=", ".join(client.aliases)))
        bits.append(self.tr("code {code}").format(code=client.uic) if client.uic_complete
                    else self.tr("code {code} (incomplete)").format(code=client.uic))
        if client.ref:
            bits.append(self.tr("ref {ref}").format(ref=client.ref))
        self.details.setText("  ·  ".join(bits))
        self.flags.setText("  ".join(f"⚑ {f}" for f in client.flags))
        self.flags.setVisible(bool(client.flags))
        if self.hidden_values.isVisible():
            self.toggle_hidden()

    def refresh_visits(self) -> None:
        """Read the visits again on the runner; shown once read."""
        vault, client_id, tz = self._vault, self.client_id, self._tz
        Op(self, lambda _progress: visit_lines(visits.for_client(vault, client_id), tz)) \
            .success(self._show_visits).failure(self._gone).run_in_background()

    def _show_visits(self, lines: list[tuple[int, str]]) -> None:
        self.visits.clear()
        self.visits.addItems([line for _visit_id, line in lines])  # one call for all
        self._ids["visit"] = [visit_id for visit_id, _line in lines]
        if not self.visits.count():
            self.visits.addItem(QListWidgetItem(self.tr("No visits yet.")))
        # The newest visit is where the arrows start, not selected: Ctrl+P still prints the
        # latest referral until the nurse picks a visit.
        self.visits.setCurrentRow(0, QItemSelectionModel.SelectionFlag.NoUpdate)

    def refresh_referrals(self) -> None:
        client_referrals = referrals.for_client(self._vault, self.client_id)
        self._show_referrals(client_referrals, directory.get_many(
            self._vault, {r.destination_id for r in client_referrals}))

    def _show_referrals(self, client_referrals, destinations) -> None:
        while self._follow_layout.count():
            item = self._follow_layout.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.referrals.clear()
        self._ids["referral"] = [ref.id for ref in client_referrals]
        names = {entry_id: entry.name for entry_id, entry in destinations.items()}
        for ref in client_referrals:
            made = clinic_time.day(ref.made_at, self._tz)
            status = vocab.label("referral_status", ref.status, i18n.current())
            text = f"{made} · {names[ref.destination_id]} · {status}"
            self.referrals.addItem(self.tr("[voided] {referral}").format(referral=text)
                                   if ref.voided else text)
            if ref.status == "made" and not ref.voided:
                self._follow_layout.addWidget(self._follow_row(ref, names[ref.destination_id], made))
        self.follow_up.setVisible(self._follow_layout.count() > 0)

    def _follow_row(self, ref, destination: str, made: str) -> QWidget:
        row = QWidget()
        layout = QHBoxLayout(row)
        layout.setContentsMargins(0, 0, 0, 0)
        text = QLabel(self.tr("Ask about the referral to {destination} on {day}").format(
            destination=destination, day=made), objectName="followUpText")
        layout.addWidget(text, 1)
        for status, label in _OUTCOMES:
            button = QPushButton(self.tr(label))
            button.setAccessibleName(self.tr("{outcome}: referral to {destination}").format(
                outcome=self.tr(label), destination=destination))
            button.clicked.connect(lambda _=False, r=ref.id, s=status: self.set_outcome(r, s))
            layout.addWidget(button)
        return row

    def set_outcome(self, referral_id: int, status: str) -> None:
        referrals.set_outcome(self._vault, referral_id, status)

    def refresh_incidents(self) -> None:
        self._show_incidents(incidents.find(self._vault, client_id=self.client_id))

    def _show_incidents(self, reported) -> None:
        self.incidents.clear()
        self._ids["incident"] = [incident.id for incident in reported]
        for incident in reported:
            when = clinic_time.day(incident.occurred_at, self._tz)
            self.incidents.addItem(f"{when} · {incident.area or self.tr('place not given')}")
        if not self.incidents.count():
            self.incidents.addItem(QListWidgetItem(self.tr("None reported.")))

    # --- hidden details ---------------------------------------------------------------
    def toggle_hidden(self) -> None:
        while self._hidden_form.rowCount():
            self._hidden_form.removeRow(0)
        if self.hidden_values.isVisible():
            self.hidden_values.hide()
            self.hidden_note.setText(self.tr(HIDDEN_NOTE))
            self.show_button.setText(self.tr("Show (Ctrl+Shift+H)"))
            return
        values = clients.reveal_hidden(self._vault, self.client_id)
        for field, label in _HIDDEN_LABELS:
            value = values[field]
            shown = value.isoformat() if hasattr(value, "isoformat") else (value or "")
            text = QLabel(shown or self.tr("not given"), wordWrap=True,
                          textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
            text.setAccessibleName(self.tr(label))
            self._hidden_form.addRow(self.tr(label), text)
        self.hidden_values.show()
        self.hidden_note.setText(
            self.tr("Shown on request; each view is recorded in the audit log."))
        self.show_button.setText(self.tr("Hide (Ctrl+Shift+H)"))

    # --- opening forms ----------------------------------------------------------------
    def selected(self) -> tuple[str, int] | None:
        """The visit, referral or incident selected in one of the lists, if any."""
        for entity, widget in self._lists.items():
            item = widget.currentItem()
            if item is not None and item.isSelected() and self.entry_id(entity, item):
                return entity, self.entry_id(entity, item)
        return None

    def entry_id(self, entity: str, item: QListWidgetItem) -> int | None:
        """The id of the visit, referral or incident a line shows (None: "Loading…", "No
        visits yet.")."""
        row = self._lists[entity].row(item)
        ids = self._ids[entity]
        return ids[row] if 0 <= row < len(ids) else None

    def request(self, form: str) -> None:
        context: dict = {"client_id": self.client_id}
        if form == "history":
            entity, entity_id = self.selected() or ("client", self.client_id)
            context = {"entity": entity, "entity_id": entity_id}
        self.action.emit(form, context)

    def _open_entry(self, entity: str, item: QListWidgetItem) -> None:
        entry_id = self.entry_id(entity, item)
        if entry_id:
            self.action.emit(entity, {"client_id": self.client_id, f"{entity}_id": entry_id})
