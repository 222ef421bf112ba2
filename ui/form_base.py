"""The save/cancel plumbing every data-entry form shares (FormBase), its inline error banner,
and the question asked before a form with changes closes.

A form never clears what was typed when saving fails: the banner names the field, the field
is marked and focused, and everything stays as it was. A form never throws typed work away
unasked: Esc or Cancel on a form with changes asks (Save / Discard / Keep editing); locking
keeps it as a draft instead (ui/form_host.py, records/drafts.py).

The heading names the client the form writes to ("New visit — Krystal F."), and so does the
form's accessible name; its window title stays neutral (a window title shows in task bars).
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (QAbstractSpinBox, QComboBox, QFrame, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QListWidget, QMessageBox, QPlainTextEdit,
                               QPushButton, QScrollArea, QTableWidget, QVBoxLayout, QWidget)

from records import clients
from records.errors import ClinicError, ValidationError
from ui.widgets import named
from ui.i18n import error_text, field_text

INVALID_TINT = "#ffd7d7"  # background of a field that was refused (dark text on it)


def mark_invalid(widget: QWidget, invalid: bool) -> None:
    """Show that a field was refused: entry fields get a red tint (a style sheet would
    hide a spin box's text), groups a red frame."""
    entry = isinstance(widget, (QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit,
                                QListWidget, QTableWidget))
    if entry:
        palette = widget.palette() if invalid else QPalette()
        if invalid:
            palette.setColor(QPalette.Base, QColor(INVALID_TINT))
            palette.setColor(QPalette.Text, QColor("#000000"))
        widget.setPalette(palette)
        return
    if invalid:
        name = widget.objectName() or "invalid_field"
        widget.setObjectName(name)
        widget.setAttribute(Qt.WA_StyledBackground, True)
        frame = f"#{name} {{ border: 2px solid #d32f2f; border-radius: 4px; }}"
        if isinstance(widget, QGroupBox):  # keep the title clear of the frame
            frame = (f"QGroupBox#{name} {{ border: 2px solid #d32f2f; border-radius: 4px;"
                     f" margin-top: 1.2em; padding-top: 4px; }}"
                     f" QGroupBox#{name}::title {{ subcontrol-origin: margin; left: 8px;"
                     f" color: #d32f2f; }}")
        widget.setStyleSheet(frame)
    else:
        widget.setStyleSheet("")


class ErrorBanner(QLabel):
    """One clear line above the form; hidden until something goes wrong."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.setAccessibleName(self.tr("Error message"))
        self.setStyleSheet("QLabel { background: rgba(211, 47, 47, 0.14); color: palette(text);"
                           " border-left: 4px solid #d32f2f; padding: 6px 10px; }")
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()


def key_text(key) -> str:
    """A key as the app's language names it ("Esc", "Échap")."""
    return QKeySequence(key).toString(QKeySequence.NativeText)


def ask(parent: QWidget, title: str, text: str, answers: tuple[tuple[str, object], ...],
        default: int, escape: int, on_answer: Callable[[int], None]) -> QMessageBox:
    """A question that does not wait for its answer (the window stays live: Ctrl+L still
    locks). `answers` are (button text, role); `on_answer(index)` runs once, for a button
    pressed (not when a lock closes the question)."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    buttons = [box.addButton(label, role) for label, role in answers]
    box.setDefaultButton(buttons[default])
    box.setEscapeButton(buttons[escape])

    def answered() -> None:
        clicked = box.clickedButton()
        box.deleteLater()
        if clicked in buttons:
            parent.activateWindow()  # back where the cursor was (some window managers do not)
            on_answer(buttons.index(clicked))

    box.finished.connect(answered, Qt.ConnectionType.SingleShotConnection)  # once only
    box.open()
    return box


def ask_unsaved(parent: QWidget, what: str, on_save: Callable, on_discard: Callable
                ) -> QMessageBox:
    """Save / Discard / Keep editing about a form with changes. Keep editing is the default
    and what Esc answers; the text names the form, never the client (the screen may be
    seen)."""
    role = QMessageBox.ButtonRole
    answers = ((QCoreApplication.translate("FormBase", "&Save"), role.AcceptRole),
               (QCoreApplication.translate("FormBase", "&Discard"), role.DestructiveRole),
               (QCoreApplication.translate("FormBase", "&Keep editing"), role.RejectRole))
    return ask(parent, QCoreApplication.translate("FormBase", "Unsaved changes"),
               QCoreApplication.translate("FormBase", "{form}: the changes are not saved."
                                          ).format(form=what), answers, default=2, escape=2,
               on_answer=lambda i: (on_save, on_discard, lambda: None)[i]())


class FormBase(QWidget):
    """Save/cancel plumbing: Ctrl+S (and Ctrl+Enter) saves, Esc cancels; a ClinicError shows
    in the banner naming the field, marks and focuses it, and keeps everything typed.

    Subclasses build their fields into `self.body` in reading order, register each records
    field name with `field()`, set their first useful field as the focus proxy (the form
    opens with the cursor there), and implement `commit()` returning the saved record.
    Buttons come after the fields in the Tab order. A form that sets `draft_name` (its name
    in ui.forms) asks before closing with changes and is kept as a draft at lock: it
    implements `values()`, `fill(values)` and `draft_context()`.

    `heading` and `save_label` are English source texts, marked in the class that sets them
    with QT_TRANSLATE_NOOP("ThatClass", "...") and shown translated (`own_text`)."""

    saved = Signal(object)
    cancelled = Signal()

    heading = ""
    save_label = QT_TRANSLATE_NOOP("FormBase", "Save")
    enter_saves = False  # Enter in any field saves (forms without multi-line text)
    draft_name = ""

    def __init__(self, vault, parent: QWidget | None = None):
        super().__init__(parent)
        self.vault = vault
        self._fields: dict[str, tuple[QWidget, str]] = {}
        self._marked: list[QWidget] = []
        self.client_name = ""
        self._clean = None  # values() when the form was first shown
        self._shown = False
        self.question: QMessageBox | None = None

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 10)
        outer.setSpacing(8)
        heading = self.own_text("heading")
        self.title_label = QLabel(heading)
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title_label.setFont(font)
        outer.addWidget(self.title_label)
        self.banner = ErrorBanner()
        outer.addWidget(self.banner)

        self.body = QWidget()
        scroll = QScrollArea()
        scroll.setWidget(self.body)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        outer.addWidget(scroll, 1)

        self.button_row = QHBoxLayout()
        self.button_row.addStretch(1)
        cancel = self.tr("Cancel")
        self.cancel_button = named(QPushButton(cancel), cancel)
        self.cancel_button.setToolTip(key_text(Qt.Key_Escape))
        self.cancel_button.clicked.connect(self.cancel)
        save = self.own_text("save_label")
        self.save_button = named(QPushButton(save), save)
        self.save_button.setToolTip(key_text(QKeySequence.Save))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.button_row.addWidget(self.cancel_button)
        self.button_row.addWidget(self.save_button)
        outer.addLayout(self.button_row)
        self.set_heading(heading)

        keys = [QKeySequence.Save, QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")]
        if self.enter_saves:
            keys += [QKeySequence(Qt.Key_Return), QKeySequence(Qt.Key_Enter)]
        for key in keys:
            self.shortcut(key, self.save)
        self.shortcut(QKeySequence(Qt.Key_Escape), self.cancel)

    # --- building -------------------------------------------------------------------
    def own_text(self, attribute: str) -> str:
        """A class attribute's text (`heading`, `save_label`), translated in the context of
        the class that set it."""
        owner = next(k for k in type(self).__mro__ if attribute in vars(k))
        text = getattr(self, attribute)
        return QCoreApplication.translate(owner.__name__, text) if text else text

    def shortcut(self, key, slot: Callable) -> QShortcut:
        """A key that works anywhere inside this form (and only there)."""
        return QShortcut(QKeySequence(key), self, slot, context=Qt.WidgetWithChildrenShortcut)

    def set_heading(self, text: str) -> None:
        """The heading (and accessible name) names the client; the window title does not."""
        self._heading = text
        shown = f"{text} — {self.client_name}" if self.client_name else text
        self.title_label.setText(shown)
        self.setAccessibleName(shown)
        self.setWindowTitle(text)

    def name_client(self, client_id: int | None) -> None:
        """Name in the heading the client this form writes to."""
        if client_id is None:
            return
        try:
            self.client_name = clients.get(self.vault, client_id).name
        except ClinicError:  # gone (merged, deleted): the form itself will say so on save
            return
        self.set_heading(self._heading)

    def field(self, name: str, widget: QWidget, label: str) -> QWidget:
        """Register a records field name (as ValidationError names it) with its widget."""
        self._fields[name] = (widget, label)
        if not widget.accessibleName():
            widget.setAccessibleName(label)
        return widget

    def add_button(self, text: str, slot: Callable, key=None) -> QPushButton:
        """A button left of Save. `key` (a key sequence or a standard key) presses it from
        anywhere in the form and shows as its tooltip."""
        button = named(QPushButton(text), text)
        if key is not None:
            self.shortcut(key, slot)
            button.setToolTip(key_text(key))
        button.clicked.connect(slot)
        self.button_row.insertWidget(self.button_row.count() - 1, button)
        return button

    def showEvent(self, event):  # noqa: N802 (Qt naming)
        super().showEvent(event)
        if not self._shown:
            self._shown = True
            self._buttons_after_fields()
            self.mark_clean()
            if self.focusProxy() is not None:  # the cursor in the first useful field
                self.setFocus(Qt.OtherFocusReason)

    def _buttons_after_fields(self) -> None:
        """The button row was made before the fields: move it after them in the Tab order."""
        last, widget = None, self.nextInFocusChain()
        while widget is not None and widget is not self:
            if self.body.isAncestorOf(widget) and widget.focusPolicy() & Qt.TabFocus:
                last = widget
            widget = widget.nextInFocusChain()
        buttons = [self.button_row.itemAt(i).widget() for i in range(self.button_row.count())]
        for button in (b for b in buttons if b is not None):
            if last is not None:
                QWidget.setTabOrder(last, button)
            last = button

    # --- changes --------------------------------------------------------------------
    def values(self) -> dict | None:
        """What the form holds, as records takes it (forms that keep drafts override)."""
        return None

    def mark_clean(self) -> None:
        """What the form holds now counts as unchanged."""
        self._clean = self.values() if self.draft_name else None

    def has_changes(self) -> bool:
        return self._clean is not None and self.values() != self._clean

    # --- saving ---------------------------------------------------------------------
    def commit(self):
        raise NotImplementedError

    def save(self):
        """Validate and write through records; on failure keep everything and say why."""
        result = self.attempt(self.commit)
        if result is not None:
            self._clean = None  # saved: nothing left to lose
            self.saved.emit(result)
        return result

    def attempt(self, action: Callable):
        """Run a records call; a ClinicError goes to the banner and gives None."""
        self.clear_error()
        try:
            return action()
        except ClinicError as exc:
            self.show_error(exc)
            return None

    def cancel(self) -> None:
        """Close; with changes, ask first (Keep editing is the default, and Esc)."""
        if not self.has_changes():
            self.cancelled.emit()
        elif self.question is None:
            self.question = ask_unsaved(self, self._heading, self.save, self.cancelled.emit)
            self.question.finished.connect(self._answered)

    def _answered(self) -> None:
        self.question = None

    def clear_error(self) -> None:
        self.banner.clear_message()
        for widget in self._marked:
            mark_invalid(widget, False)
        self._marked.clear()

    def show_error(self, exc: ClinicError) -> None:
        if isinstance(exc, ValidationError):
            widget, label = self._lookup(exc.field)
            self.banner.show_message(self.tr("Not saved. {field}: {problem}").format(
                field=label or field_text(exc.field), problem=error_text(exc.problem)))
            if widget is not None:
                mark_invalid(widget, True)
                self._marked.append(widget)
                widget.setFocus(Qt.OtherFocusReason)
                if isinstance(widget, (QAbstractSpinBox, QLineEdit)):
                    widget.selectAll()  # typing the right value replaces the refused one
        else:
            self.banner.show_message(self.tr("Not saved. {problem}").format(
                problem=error_text(exc)))

    def _lookup(self, field: str) -> tuple[QWidget | None, str]:
        if field in self._fields:
            return self._fields[field]
        for name, entry in self._fields.items():  # "supplies.needles" -> "supplies"
            if field.startswith(name + ".") or name.startswith(field + "."):
                return entry
        return None, ""
