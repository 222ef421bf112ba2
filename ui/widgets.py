"""Small pieces every data-entry form shares: the save/cancel plumbing (FormBase), an inline
error banner, quantity fields, multi-line boxes that Tab through, a date-time field in the
clinic's zone, a client picker, a folder picker that keeps no history, and a background call.

A form never clears what was typed when saving fails: the banner names the field, the field
is marked and focused, and everything stays as it was.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QDateTime, QDir, QEvent, QObject, Qt, QThread, Signal
from PySide6.QtGui import QColor, QKeySequence, QPalette, QShortcut
from PySide6.QtWidgets import (QAbstractItemView, QAbstractSpinBox, QButtonGroup, QCheckBox,
                               QComboBox, QDateTimeEdit, QDialog,
                               QDialogButtonBox, QFileSystemModel, QFormLayout, QFrame, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QPlainTextEdit, QPushButton, QScrollArea, QSpinBox, QTableWidget,
                               QRadioButton, QTreeView, QVBoxLayout, QWidget)

from records import clock
from records import search as client_search
from records.errors import ClinicError, ValidationError

# Above any sensible count on purpose: records validates the real limit and says so by name.
QUANTITY_MAX = 99_999
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


def named(widget: QWidget, name: str) -> QWidget:
    """Set the accessible name (screen readers, tests) and return the widget."""
    widget.setAccessibleName(name)
    return widget


def record_table(columns: tuple[str, ...], name: str) -> QTableWidget:
    """A read-only list of records: one row selected at a time, columns fitted to their text,
    the last one taking the rest of the width."""
    table = named(QTableWidget(0, len(columns)), name)
    table.setHorizontalHeaderLabels(columns)
    table.setSelectionBehavior(QAbstractItemView.SelectRows)
    table.setSelectionMode(QAbstractItemView.SingleSelection)
    table.setEditTriggers(QAbstractItemView.NoEditTriggers)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ErrorBanner(QLabel):
    """One clear line above the form; hidden until something goes wrong."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.setAccessibleName("Error message")
        self.setStyleSheet("QLabel { background: rgba(211, 47, 47, 0.14); color: palette(text);"
                           " border-left: 4px solid #d32f2f; padding: 6px 10px; }")
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.show()

    def clear_message(self) -> None:
        self.clear()
        self.hide()


class QuantitySpin(QSpinBox):
    """A whole number typed straight in: no arrows, the text selected on focus so typing
    replaces the 0, Tab moves on."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setRange(0, QUANTITY_MAX)
        self.setButtonSymbols(QAbstractSpinBox.NoButtons)
        self.setAlignment(Qt.AlignRight)
        self.setMaximumWidth(90)
        self.setCorrectionMode(QAbstractSpinBox.CorrectToNearestValue)
        named(self, name)

    def focusInEvent(self, event):
        super().focusInEvent(event)
        self.selectAll()

    def keyPressEvent(self, event):
        if self.value() == 0 and event.text().isdigit():
            self.lineEdit().clear()  # typing into a 0 replaces it, wherever the cursor is
        super().keyPressEvent(event)


class TextBox(QPlainTextEdit):
    """Multi-line text where Tab moves to the next field instead of typing a tab."""

    def __init__(self, name: str, lines: int = 3, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        named(self, name)
        height = self.fontMetrics().lineSpacing() * lines + 14
        self.setMinimumHeight(height)
        self.setMaximumHeight(height + self.fontMetrics().lineSpacing() * 3)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)


class MomentEdit(QDateTimeEdit):
    """A date and time typed in the clinic's local time; reads back as an aware UTC datetime."""

    def __init__(self, name: str, tz: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.tz = tz
        self.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.setCalendarPopup(True)
        named(self, name)
        self.set_moment(clock.now_utc())

    def set_moment(self, moment: datetime) -> None:
        local = moment.astimezone(clock.zone(self.tz)).replace(tzinfo=None, second=0)
        self.setDateTime(QDateTime(local))

    def moment(self) -> datetime:
        local = self.dateTime().toPython().replace(second=0, microsecond=0)
        return local.replace(tzinfo=clock.zone(self.tz)).astimezone(timezone.utc)


class FormBase(QWidget):
    """Save/cancel plumbing: Ctrl+S (and Ctrl+Enter) saves, Esc cancels; a ClinicError shows
    in the banner naming the field, marks and focuses it, and keeps everything typed.

    Subclasses build their fields into `self.body`, register each records field name with
    `field()`, and implement `commit()` returning the saved record."""

    saved = Signal(object)
    cancelled = Signal()

    heading = ""
    save_label = "Save"
    enter_saves = False  # Enter in any field saves (forms without multi-line text)

    def __init__(self, vault, parent: QWidget | None = None):
        super().__init__(parent)
        self.vault = vault
        self.setWindowTitle(self.heading)
        self._fields: dict[str, tuple[QWidget, str]] = {}
        self._marked: list[QWidget] = []

        outer = QVBoxLayout(self)
        outer.setContentsMargins(12, 10, 12, 10)
        outer.setSpacing(8)
        self.title_label = QLabel(self.heading)
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
        self.cancel_button = named(QPushButton("Cancel"), "Cancel")
        self.cancel_button.setToolTip("Esc")
        self.cancel_button.clicked.connect(self.cancel)
        self.save_button = named(QPushButton(self.save_label), self.save_label)
        self.save_button.setToolTip("Ctrl+S")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.button_row.addWidget(self.cancel_button)
        self.button_row.addWidget(self.save_button)
        outer.addLayout(self.button_row)

        keys = [QKeySequence.Save, QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")]
        if self.enter_saves:
            keys += [QKeySequence(Qt.Key_Return), QKeySequence(Qt.Key_Enter)]
        for key in keys:
            self.shortcut(key, self.save)
        self.shortcut(QKeySequence(Qt.Key_Escape), self.cancel)

    # --- building -------------------------------------------------------------------
    def shortcut(self, key, slot: Callable) -> QShortcut:
        """A key that works anywhere inside this form (and only there)."""
        return QShortcut(QKeySequence(key), self, slot, context=Qt.WidgetWithChildrenShortcut)

    def set_heading(self, text: str) -> None:
        self.title_label.setText(text)
        self.setWindowTitle(text)

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
            button.setToolTip(QKeySequence(key).toString(QKeySequence.NativeText))
        button.clicked.connect(slot)
        self.button_row.insertWidget(self.button_row.count() - 1, button)
        return button

    # --- saving ---------------------------------------------------------------------
    def commit(self):
        raise NotImplementedError

    def save(self):
        """Validate and write through records; on failure keep everything and say why."""
        result = self.attempt(self.commit)
        if result is not None:
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
        self.cancelled.emit()

    def clear_error(self) -> None:
        self.banner.clear_message()
        for widget in self._marked:
            mark_invalid(widget, False)
        self._marked.clear()

    def show_error(self, exc: ClinicError) -> None:
        if isinstance(exc, ValidationError):
            widget, label = self._lookup(exc.field)
            self.banner.show_message(f"Not saved. {label or exc.field}: {exc.problem}")
            if widget is not None:
                mark_invalid(widget, True)
                self._marked.append(widget)
                widget.setFocus(Qt.OtherFocusReason)
                if isinstance(widget, (QAbstractSpinBox, QLineEdit)):
                    widget.selectAll()  # typing the right value replaces the refused one
        else:
            self.banner.show_message(f"Not saved. {exc}")

    def _lookup(self, field: str) -> tuple[QWidget | None, str]:
        if field in self._fields:
            return self._fields[field]
        for name, entry in self._fields.items():  # "supplies.needles" -> "supplies"
            if field.startswith(name + ".") or name.startswith(field + "."):
                return entry
        return None, ""


def form_layout() -> QFormLayout:
    layout = QFormLayout()
    layout.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
    layout.setFieldGrowthPolicy(QFormLayout.ExpandingFieldsGrow)
    return layout


def hint(text: str, wrap: bool = False) -> QLabel:
    """A secondary line (explanations under a control). Wrapping labels inside form
    layouts get squeezed tall, so only narrow fixed places (topic help) wrap."""
    label = QLabel(text)
    label.setWordWrap(wrap)
    label.setStyleSheet("color: palette(placeholder-text);")
    return label


def strong(text: str) -> QLabel:
    """A bold caption (a question the nurse must ask)."""
    caption = QLabel(text)
    caption.setWordWrap(True)
    font = caption.font()
    font.setBold(True)
    caption.setFont(font)
    return caption


class YesNo(QWidget):
    """Two radio buttons with nothing chosen: `value()` is None until the person chooses."""

    changed = Signal()

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 3, 6, 3)
        self.yes = named(QRadioButton("Yes"), f"{name}: yes")
        self.no = named(QRadioButton("No"), f"{name}: no")
        self.group = QButtonGroup(self)
        for button in (self.yes, self.no):
            self.group.addButton(button)
            layout.addWidget(button)
            button.toggled.connect(self.changed)
        layout.addStretch(1)
        named(self, name)

    def value(self) -> bool | None:
        if self.yes.isChecked():
            return True
        if self.no.isChecked():
            return False
        return None

    def set_value(self, value: bool) -> None:
        (self.yes if value else self.no).setChecked(True)

    def setFocus(self, reason=Qt.OtherFocusReason):  # noqa: N802 (Qt naming)
        self.yes.setFocus(reason)


class ArrowsMoveList(QObject):
    """Up and Down typed in a search box move the current row of the list under it, so
    the nurse can type, arrow to the right match and go on without touching the mouse."""

    def __init__(self, line_edit: QLineEdit, list_widget: QListWidget):
        super().__init__(line_edit)
        self.list = list_widget
        line_edit.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 (Qt naming)
        if event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Up, Qt.Key_Down) \
                and self.list.count():
            step = 1 if event.key() == Qt.Key_Down else -1
            row = max(0, min(self.list.count() - 1, self.list.currentRow() + step))
            self.list.setCurrentRow(row)
            return True
        return super().eventFilter(obj, event)


class ClientPicker(QWidget):
    """Type part of a name, alias or code; pick one match. Shows names only as typed for."""

    picked = Signal(object)  # records.search.SearchHit or None

    def __init__(self, vault, name: str = "Find client", exclude_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.vault = vault
        self.exclude_id = exclude_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.query = named(QLineEdit(), name)
        self.query.setPlaceholderText("Type a name, alias or code")
        self.results = named(QListWidget(), f"{name}: matches")
        self.results.setMaximumHeight(140)
        layout.addWidget(self.query)
        layout.addWidget(self.results)
        self.query.textChanged.connect(self.refresh)
        ArrowsMoveList(self.query, self.results)
        self.results.currentItemChanged.connect(self._current_changed)

    def refresh(self) -> None:
        self.results.clear()
        text = self.query.text().strip()
        if not text:
            self.picked.emit(None)
            return
        for hit in client_search.search(self.vault, text, limit=20):
            if hit.id == self.exclude_id:
                continue
            code = f"  ({hit.uic})" if hit.uic.strip("?") else ""
            item = QListWidgetItem(f"{hit.name}{code}")
            item.setData(Qt.UserRole, hit)
            self.results.addItem(item)
        if self.results.count():
            self.results.setCurrentRow(0)
        else:
            self.picked.emit(None)

    def current(self):
        item = self.results.currentItem()
        return item.data(Qt.UserRole) if item else None

    def _current_changed(self, item, _previous) -> None:
        self.picked.emit(item.data(Qt.UserRole) if item else None)


class FolderDialog(QDialog):
    """Choose a folder from a plain tree. Unlike QFileDialog (native or not), this remembers
    nothing: no recent places, no history, nothing written to Qt's settings file."""

    def __init__(self, start: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Choose a folder")
        self.model = QFileSystemModel(self)
        self.model.setFilter(QDir.AllDirs | QDir.NoDotAndDotDot | QDir.Drives)
        self.model.setRootPath("")
        self.tree = named(QTreeView(), "Folders")
        self.tree.setModel(self.model)
        for column in range(1, self.model.columnCount()):
            self.tree.hideColumn(column)
        self.tree.setHeaderHidden(True)
        start_path = start if start and Path(start).is_dir() else QDir.homePath()
        index = self.model.index(start_path)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        self.tree.expand(index)
        buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)
        self.resize(520, 420)

    def selected(self) -> str:
        return self.model.filePath(self.tree.currentIndex())


class BackgroundCall(QThread):
    """Run one slow records call (a key derivation) off the UI thread; `done` or `failed`
    arrives on the UI thread. A running call keeps itself alive even if the widget that
    started it is closed (a QThread destroyed while running aborts the program)."""

    done = Signal(object)
    failed = Signal(object)
    _running: set = set()

    def __init__(self, fn: Callable):
        super().__init__()
        self._fn = fn
        self.finished.connect(lambda: BackgroundCall._running.discard(self))

    def start(self) -> None:
        BackgroundCall._running.add(self)
        super().start()

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # noqa: BLE001 - handed to the UI thread, never lost
            self.failed.emit(exc if isinstance(exc, ClinicError) else ClinicError(str(exc)))
            return
        self.done.emit(result)


def check_box(text: str) -> QCheckBox:
    return named(QCheckBox(text), text)


def dialog_buttons(actions, close_slot) -> QHBoxLayout:
    """Action buttons on the left, Close on the right: the row every dialog ends with."""
    row = QHBoxLayout()
    for button in actions:
        row.addWidget(button)
    row.addStretch(1)
    close = QPushButton("Close", clicked=close_slot)
    row.addWidget(close)
    return row
