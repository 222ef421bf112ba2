"""Register a client: only the name they give is required; the rest is behind "More".

The code (UIC) is shown live as the parts are typed. A likely duplicate (same complete code
or same name) is a warning with a button to open that client instead, never a block.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPlainTextEdit, QPushButton, QScrollArea, QToolButton,
                               QVBoxLayout, QWidget)

from records import clients
from records.errors import ClinicError, ValidationError
from ui.a11y import buddy
from ui.form_base import ask_unsaved
from ui.i18n import error_text, field_text

# The texts are translated where shown (ClientRegister context); QT_TRANSLATE_NOOP marks them.
_GENDERS = (("", QT_TRANSLATE_NOOP("ClientRegister", "Not given")),
            ("F", QT_TRANSLATE_NOOP("ClientRegister", "F: female")),
            ("M", QT_TRANSLATE_NOOP("ClientRegister", "M: male")),
            ("X", QT_TRANSLATE_NOOP("ClientRegister", "X: another gender")))
_LABELS = {
    "name": QT_TRANSLATE_NOOP("ClientRegister", "Name"),
    "pronouns": QT_TRANSLATE_NOOP("ClientRegister", "Pronouns"),
    "aliases": QT_TRANSLATE_NOOP("ClientRegister", "Also known as"),
    "gender": QT_TRANSLATE_NOOP("ClientRegister", "Gender (code)"),
    "uic_first": QT_TRANSLATE_NOOP("ClientRegister", "First name (code)"),
    "uic_last": QT_TRANSLATE_NOOP("ClientRegister", "Last name (code)"),
    "birth_year": QT_TRANSLATE_NOOP("ClientRegister", "Birth year"),
    "uic_chosen": QT_TRANSLATE_NOOP("ClientRegister", "Code chosen by the client"),
    "legal_name": QT_TRANSLATE_NOOP("ClientRegister", "Legal name"),
    "birth_date": QT_TRANSLATE_NOOP("ClientRegister", "Date of birth"),
    "phone": QT_TRANSLATE_NOOP("ClientRegister", "Phone"),
    "contact_notes": QT_TRANSLATE_NOOP("ClientRegister", "How to reach them"),
    "flags": QT_TRANSLATE_NOOP("ClientRegister", "Flags"),
    "ref": QT_TRANSLATE_NOOP("ClientRegister", "Reference"),
    "language": QT_TRANSLATE_NOOP("ClientRegister", "Language"),
    "uic": QT_TRANSLATE_NOOP("ClientRegister", "Code"),
}


def _line(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(placeholderText=placeholder)
    edit.setAccessibleName(name)
    return edit


class ClientRegister(QWidget):
    saved = Signal(object)       # the new Client
    draft_name = "new_client"
    cancelled = Signal()
    open_existing = Signal(int)  # the nurse chose a likely duplicate instead

    def __init__(self, vault, parent=None, name: str = ""):
        super().__init__(parent)
        self._vault = vault
        title = QLabel(self.tr("New client"), objectName="pageTitle")
        label = self.label
        self.name = _line(label("name"),
                          self.tr("The name the client gives (street name is fine)"))
        self.name.setText(name)
        self.pronouns = _line(label("pronouns"), self.tr("e.g. she/her"))
        self.more_button = QToolButton(text=self.tr("More details"), checkable=True)
        self.more_button.setArrowType(Qt.ArrowType.RightArrow)
        self.more_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more_button.setAccessibleName(self.tr("More details"))
        self.more_button.setShortcut(QKeySequence("Alt+M"))

        self.aliases = _line(label("aliases"), self.tr("Other names, separated by ;"))
        self.gender = QComboBox()
        self.gender.setAccessibleName(self.tr("Gender for the code"))
        for code, text in _GENDERS:
            self.gender.addItem(self.tr(text), code)
        self.uic_first = _line(self.tr("First name for the code"))
        self.uic_last = _line(self.tr("Last name for the code"))
        self.birth_year = _line(label("birth_year"), self.tr("YYYY"))
        self.birth_year.setMaxLength(4)
        self.uic_chosen = _line(label("uic_chosen"),
                                self.tr("instead of the recipe, e.g. FMASM1990"))
        self.legal_name = _line(label("legal_name"))
        self.birth_date = _line(label("birth_date"), self.tr("YYYY-MM-DD"))
        self.phone = _line(label("phone"))
        self.contact_notes = QPlainTextEdit(placeholderText=self.tr("Where and how to reach them"))
        self.contact_notes.setAccessibleName(label("contact_notes"))
        self.contact_notes.setFixedHeight(60)
        self.flags = _line(label("flags"), self.tr("Short notes for staff, separated by ;"))
        self.ref = _line(label("ref"), self.tr("A file number from another service, if any"))
        self.language = QComboBox()
        self.language.setAccessibleName(label("language"))
        self.language.addItem("English", "en")
        self.language.addItem("Français", "fr")

        self.code = QLabel(objectName="muted")
        self.code.setAccessibleName(label("uic"))
        self.error = QLabel(objectName="error", wordWrap=True)
        self.error.setAccessibleName(self.tr("Problem"))
        self.duplicates = QWidget()
        self._dup_layout = QVBoxLayout(self.duplicates)
        self._dup_layout.setContentsMargins(0, 0, 0, 0)

        self.more = QWidget()
        more_form = QFormLayout(self.more)
        more_form.setContentsMargins(0, 0, 0, 0)
        more_form.addRow(label("aliases"), self.aliases)
        code_parts = QHBoxLayout()
        for widget in (self.gender, self.uic_first, self.uic_last, self.birth_year):
            code_parts.addWidget(widget)
        self.uic_first.setPlaceholderText(self.tr("first name"))
        self.uic_last.setPlaceholderText(self.tr("last name"))
        more_form.addRow(buddy(self.tr("Parts of the code"), self.gender,
                               self.tr("Gender for the code")),
                         code_parts)
        for field in ("uic_chosen", "legal_name", "birth_date", "phone", "contact_notes",
                      "flags", "ref", "language"):
            more_form.addRow(label(field), getattr(self, field))
        self.more.hide()

        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.setAccessibleName(self.tr("Save"))
        self.save_button.setDefault(True)
        cancel = QPushButton(self.tr("Cancel (Esc)"))
        cancel.setAccessibleName(self.tr("Cancel"))

        form = QFormLayout()
        form.addRow(self.tr("{label} *").format(label=label("name")), self.name)
        form.addRow(label("pronouns"), self.pronouns)
        form.addRow(label("uic"), self.code)
        body = QWidget()
        body.setMaximumWidth(880)  # long lines of empty fields are hard to scan
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(title)
        body_layout.addLayout(form)
        body_layout.addWidget(self.duplicates)
        body_layout.addWidget(self.more_button, alignment=Qt.AlignmentFlag.AlignLeft)
        body_layout.addWidget(self.more)
        body_layout.addStretch(1)
        scroll = QScrollArea(widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame)
        holder = QWidget()
        holder_layout = QHBoxLayout(holder)
        holder_layout.setContentsMargins(0, 0, 0, 0)
        holder_layout.addWidget(body)
        holder_layout.addStretch(1)
        scroll.setWidget(holder)
        buttons = QHBoxLayout()
        buttons.addWidget(self.error, 1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

        self.more_button.toggled.connect(self._toggle_more)
        self.save_button.clicked.connect(self.save)
        cancel.clicked.connect(self.cancel)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.cancel)
        self.name.returnPressed.connect(self.save)
        self._dup_timer = QTimer(self, singleShot=True, interval=250)
        self._dup_timer.timeout.connect(self._check_duplicates)
        for edit in (self.name, self.uic_first, self.uic_last, self.birth_year, self.uic_chosen,
                     self.legal_name):
            edit.textChanged.connect(self._changed)
        self.gender.currentIndexChanged.connect(self._changed)
        self._changed()
        self.setFocusProxy(self.name)
        self._clean = None  # values() when first shown
        self.question = None

    def label(self, field: str) -> str:
        """A field's caption, translated."""
        return self.tr(_LABELS[field])

    # --- changes (asked about on Esc, kept as a draft at lock) ------------------------
    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._clean is None:
            self._clean = self.values()

    def values(self) -> dict:
        return {"name": self.name.text(), **self.fields()}

    def has_changes(self) -> bool:
        return self._clean is not None and self.values() != self._clean

    def fill(self, values: dict) -> None:
        """Show what a draft kept (the fields of `values()`)."""
        for key, value in values.items():
            widget = getattr(self, key, None)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(value)))
            elif isinstance(widget, QPlainTextEdit):
                widget.setPlainText(value)
            elif isinstance(widget, QLineEdit):
                widget.setText(value)
        self.more_button.setChecked(bool(set(values) - {"name", "pronouns", "language"}))

    def draft_context(self) -> dict:
        return {}

    def cancel(self) -> None:
        if not self.has_changes():
            self.cancelled.emit()
        elif self.question is None:
            self.question = ask_unsaved(self, self.tr("New client"), self.save,
                                        self.cancelled.emit)
            self.question.finished.connect(lambda: setattr(self, "question", None))

    def _toggle_more(self, shown: bool) -> None:
        self.more.setVisible(shown)
        self.more_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        if shown:
            self.aliases.setFocus()

    def fields(self) -> dict:
        """Everything typed, as records.clients.register takes it (empty fields left out)."""
        raw = {
            "pronouns": self.pronouns.text(), "aliases": self.aliases.text(),
            "gender": self.gender.currentData(), "uic_first": self.uic_first.text(),
            "uic_last": self.uic_last.text(), "birth_year": self.birth_year.text().strip(),
            "uic_chosen": self.uic_chosen.text().strip(), "legal_name": self.legal_name.text(),
            "birth_date": self.birth_date.text().strip(), "phone": self.phone.text(),
            "contact_notes": self.contact_notes.toPlainText(), "flags": self.flags.text(),
            "ref": self.ref.text().strip(), "language": self.language.currentData(),
        }
        return {k: v for k, v in raw.items() if v not in ("", None)}

    def _live_code(self) -> tuple[str, bool, str]:
        fields = self.fields()
        year = fields.get("birth_year", "")
        fields["birth_year"] = int(year) if year.isdigit() and len(year) == 4 else None
        try:
            code, complete = clients.code_for(fields)
        except ValidationError as exc:
            return "", False, error_text(exc.problem)
        return code, complete, ""

    def _changed(self) -> None:
        code, complete, problem = self._live_code()
        if problem:
            self.code.setText(self.tr("Chosen code not valid yet: {problem}").format(
                problem=problem))
        elif complete:
            self.code.setText(self.tr("{code}  (complete)").format(code=code))
        else:
            self.code.setText(self.tr("{code}  (incomplete: not counted as a unique person until "
                                      "the missing parts are known)").format(code=code))
        self._dup_timer.start()

    def _check_duplicates(self) -> None:
        if not self._vault.is_open:  # locked since the last key: the form is going away
            return
        while self._dup_layout.count():
            self._dup_layout.takeAt(0).widget().deleteLater()
        code, complete, _ = self._live_code()
        name = self.name.text().strip()
        if not name and not complete:
            return
        for dup in clients.likely_duplicates(self._vault, name, code, complete)[:3]:
            row = QWidget()
            row_layout = QHBoxLayout(row)
            row_layout.setContentsMargins(0, 0, 0, 0)
            why = (self.tr("A client with the same code is already registered: {name}")
                   if dup.why == "same code"
                   else self.tr("A client with the same name is already registered: {name}"))
            warning = QLabel(why.format(name=dup.name), objectName="warning")
            button = QPushButton(self.tr("Open {name} instead").format(name=dup.name))
            button.setAccessibleName(self.tr("Open the existing client"))
            button.clicked.connect(lambda _=False, i=dup.id: self.open_existing.emit(i))
            row_layout.addWidget(warning)
            row_layout.addWidget(button)
            row_layout.addStretch(1)
            self._dup_layout.addWidget(row)

    def save(self) -> None:
        try:
            client = clients.register(self._vault, self.name.text(), **self.fields())
        except ValidationError as exc:
            self._show_problem(exc)
            return
        except ClinicError as exc:
            self.error.setText(error_text(exc))
            return
        self._clean = None
        self.saved.emit(client)

    def _show_problem(self, exc: ValidationError) -> None:
        label = (self.label(exc.field) if exc.field in _LABELS
                 else field_text(exc.field).replace("_", " ").capitalize())
        self.error.setText(self.tr("{label}: {problem}").format(
            label=label, problem=error_text(exc.problem)))
        widget = getattr(self, exc.field, None)
        if exc.field == "uic":
            widget = self.uic_chosen
        if isinstance(widget, QWidget):
            if not widget.isVisible() and widget is not self.name:
                self.more_button.setChecked(True)
            widget.setFocus()
