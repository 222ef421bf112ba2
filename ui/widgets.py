"""Small pieces the forms share: quantity fields, multi-line boxes that Tab through, a
type-to-filter checklist, a client picker and a folder picker that keeps no history. The
save/cancel plumbing is ui/form_base.py; date and time fields in the clinic's zone are
ui/clinic_time.py; background work goes through the app's runner (ui/ops.py).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDir, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (QAbstractItemView, QAbstractSpinBox, QButtonGroup, QCheckBox,
                               QDialog, QDialogButtonBox, QFileSystemModel,
                               QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton,
                               QRadioButton, QSpinBox, QTableWidget, QTreeView, QVBoxLayout,
                               QWidget)

from records import search as client_search

# Above any sensible count on purpose: records validates the real limit and says so by name.
QUANTITY_MAX = 99_999


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
        self.yes = named(QRadioButton(self.tr("Yes")), self.tr("{question}: yes").format(
            question=name))
        self.no = named(QRadioButton(self.tr("No")), self.tr("{question}: no").format(
            question=name))
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
    """Up, Down, PageUp and PageDown typed in a search box move the current row of the list
    under it, so the nurse can type, arrow to the right match and go on without touching the
    mouse."""

    def __init__(self, line_edit: QLineEdit, list_widget: QListWidget):
        super().__init__(line_edit)
        self.list = list_widget
        line_edit.installEventFilter(self)

    def eventFilter(self, obj, event):  # noqa: N802 (Qt naming)
        steps = {Qt.Key_Up: -1, Qt.Key_Down: 1, Qt.Key_PageUp: -10, Qt.Key_PageDown: 10}
        if event.type() == QEvent.KeyPress and event.key() in steps and self.list.count():
            row = self.list.currentRow() + steps[event.key()]
            self.list.setCurrentRow(max(0, min(self.list.count() - 1, row)))
            return True
        return super().eventFilter(obj, event)


def mnemonic(text: str, letter: str) -> str:
    """`text` with Alt+`letter` marked on the first such letter ("C&ondoms")."""
    at = text.lower().find(letter.lower())
    return text if at < 0 else f"{text[:at]}&{text[at:]}"


class ChecklistFilter(QLineEdit):
    """Type a few letters to narrow a list of check boxes to the ones whose text contains
    them; Enter ticks (or unticks) the first one shown and clears the box for the next;
    Down goes to the first one shown. Empty, every box is shown."""

    def __init__(self, name: str, checks: list[QCheckBox],
                 partners: dict[QCheckBox, tuple[QWidget, ...]] | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.checks = checks
        self.partners = partners or {}  # shown and hidden with their box (a test's result)
        named(self, name)
        self.setPlaceholderText(self.tr("Type to find, Enter ticks"))
        self.textChanged.connect(self._narrow)
        self.returnPressed.connect(self.toggle_first)

    def shown(self) -> list[QCheckBox]:
        text = self.text().strip().casefold()
        return [c for c in self.checks if text in c.text().replace("&", "").casefold()]

    def _narrow(self) -> None:
        shown = self.shown()
        for check in self.checks:
            check.setVisible(check in shown)
            for partner in self.partners.get(check, ()):
                partner.setVisible(check in shown)

    def toggle_first(self) -> None:
        shown = self.shown()
        if self.text().strip() and shown:
            shown[0].toggle()
            self.clear()

    def keyPressEvent(self, event):  # noqa: N802 (Qt naming)
        if event.key() == Qt.Key_Down and self.shown():
            self.shown()[0].setFocus(Qt.TabFocusReason)
            return
        super().keyPressEvent(event)


class ClientPicker(QWidget):
    """Type part of a name, alias or code; pick one match. Shows names only as typed for."""

    picked = Signal(object)  # records.search.SearchHit or None

    def __init__(self, vault, name: str = "", exclude_id: int | None = None,
                 parent: QWidget | None = None):
        super().__init__(parent)
        name = name or self.tr("Find client")
        self.vault = vault
        self.exclude_id = exclude_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.query = named(QLineEdit(), name)
        self.query.setPlaceholderText(self.tr("Type a name, alias or code"))
        self.results = named(QListWidget(), self.tr("{field}: matches").format(field=name))
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
        self.setWindowTitle(self.tr("Choose a folder"))
        self.model = QFileSystemModel(self)
        self.model.setFilter(QDir.AllDirs | QDir.NoDotAndDotDot | QDir.Drives)
        self.model.setRootPath("")
        self.tree = named(QTreeView(), self.tr("Folders"))
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


def check_box(text: str) -> QCheckBox:
    return named(QCheckBox(text), text)


def dialog_buttons(actions, close_slot) -> QHBoxLayout:
    """Action buttons on the left, Close on the right: the row every dialog ends with."""
    row = QHBoxLayout()
    for button in actions:
        row.addWidget(button)
    row.addStretch(1)
    close = QPushButton(QCoreApplication.translate("dialog_buttons", "Close"), clicked=close_slot)
    row.addWidget(close)
    return row
