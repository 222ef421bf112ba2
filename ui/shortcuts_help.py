"""F1: every key of the app on one screen, no scrolling. The main window's actions are listed
from its registered actions (their menus and shortcuts); the keys that work only on one page,
form or dialog are listed in PAGE_KEYS, which tests/ui/test_shortcuts_help.py checks against
every shortcut registered anywhere in the app.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout,
                               QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from ui import screenfit

# (where, what, keys): keys as QKeySequence text; several keys separated by ", ".
PAGE_KEYS = (
    ("Search", "Into the results", "Down, Up"),
    ("Search", "Open the highlighted client", "Return"),
    ("Client page", "Show or hide the hidden details", "Ctrl+Shift+H"),
    ("Client page", "Back to search", "Esc"),
    ("Client page", "Open the visit, referral or incident to correct it", "Return"),
    ("New client", "More details", "Alt+M"),
    ("Forms", "Save", "Ctrl+S, Ctrl+Return, Ctrl+Enter"),
    ("Forms", "Close (asks first if anything changed)", "Esc"),
    ("Quick contact", "Save", "Return, Enter"),
    ("New visit", "Save it with a referral", "Ctrl+Shift+R"),
    ("New visit", "Tick the service found (type in Find)", "Return"),
    ("New visit", "Needles, pipes, condoms, naloxone inj./nasal, sharps",
     "Alt+N, Alt+P, Alt+O, Alt+J, Alt+S, Alt+T"),
    ("Referral", "Save and print", "Ctrl+P"),
    ("Service directory", "New service", "Ctrl+N"),
    ("Print preview", "Print", "Ctrl+P"),
    ("Print preview", "Next / previous page", "PgDown, PgUp"),
    ("Export", "Open the calendar in the week box", "F4, Alt+Down"),
    ("Any dialog", "Close", "Esc"),
)


def key_text(keys: str) -> str:
    """'Ctrl+Shift+H, Esc' as this system writes keys."""
    return ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                     for k in keys.split(", "))


def _table(name: str, rows: list[tuple[str, str]]) -> QTableWidget:
    """A read-only two-column table as tall as its rows (no scroll bar)."""
    table = QTableWidget(len(rows), 2)
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels([name, "Keys"])
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    for row, (what, keys) in enumerate(rows):
        table.setItem(row, 0, QTableWidgetItem(what))
        table.setItem(row, 1, QTableWidgetItem(key_text(keys)))
    table.resizeColumnsToContents()
    table.resizeRowsToContents()
    table.setMinimumWidth(sum(table.columnWidth(c) for c in range(2)) + 2 * table.frameWidth())
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    height = table.horizontalHeader().sizeHint().height() + 2 * table.frameWidth() + sum(
        table.rowHeight(row) for row in range(len(rows)))
    table.setFixedHeight(height)
    return table


class ShortcutsDialog(QDialog):
    """`menus`: the main window's menus by name ({menu: [QAction, ...]}); the actions with a
    shortcut are listed, the Clinic menu in a column of its own."""

    def __init__(self, menus: dict[str, list[QAction]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        columns = QHBoxLayout()
        self.tables = []
        by_menu = {menu: [(a.text().replace("&", ""), a.shortcut().toString()) for a in items
                          if not a.shortcut().isEmpty()] for menu, items in menus.items()}
        clinic = by_menu.pop("Clinic", [])
        first = [row for rows in by_menu.values() for row in rows]
        pages = [(f"{where}: {what}", keys) for where, what, keys in PAGE_KEYS]
        for name, rows in (("Client and view", first), ("Clinic", clinic),
                           ("On a page, form or dialog", pages)):
            table = _table(name, rows)
            self.tables.append(table)
            box = QVBoxLayout()
            box.addWidget(table)
            box.addStretch(1)
            columns.addLayout(box, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(buttons)
        screenfit.fit_size(self, self.sizeHint())

    def listed_keys(self) -> set[str]:
        """Every key sequence the dialog lists (portable text, one per key)."""
        keys = {k for _, _, text in PAGE_KEYS for k in text.split(", ")}
        for table in self.tables:
            for row in range(table.rowCount()):
                text = table.item(row, 1).text()
                keys |= {QKeySequence(k, QKeySequence.SequenceFormat.NativeText).toString()
                         for k in text.split(", ")}
        return {QKeySequence(k).toString() for k in keys if k}
