"""F1: every key of the app on one screen, no scrolling. The main window's actions are listed
from its registered actions (their menus and shortcuts); the keys that work only on one page,
form or dialog are listed in PAGE_KEYS, which tests/ui/test_shortcuts_help.py checks against
every shortcut registered anywhere in the app.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout,
                               QHeaderView, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from ui import i18n, screenfit

# (where, what, keys): keys as QKeySequence text; several keys separated by ", ". The texts
# are translated where shown (ShortcutsDialog context); QT_TRANSLATE_NOOP marks them.
PAGE_KEYS = (
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Search"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Into the results"), "Down, Up"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Search"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Open the highlighted client"), "Return"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Client page"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Show or hide the hidden details"), "Ctrl+Shift+H"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Client page"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Back to search"), "Esc"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Client page"),
     QT_TRANSLATE_NOOP("ShortcutsDialog",
         "Open the visit, referral or incident to correct it"),
     "Return"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "New client"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "More details"), "Alt+M"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Forms"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Save"), "Ctrl+S, Ctrl+Return, Ctrl+Enter"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Forms"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Close (asks first if anything changed)"), "Esc"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Quick contact"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Save"), "Return, Enter"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "New visit"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Save it with a referral"), "Ctrl+Shift+R"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "New visit"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Tick the service found (type in Find)"), "Return"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "New visit"),
     QT_TRANSLATE_NOOP("ShortcutsDialog",
         "Needles, pipes, condoms, naloxone inj./nasal, sharps"),
     "Alt+N, Alt+P, Alt+O, Alt+J, Alt+S, Alt+T"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Referral"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Save and print"), "Ctrl+P"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Service directory"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "New service"), "Ctrl+N"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Print preview"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Print"), "Ctrl+P"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Print preview"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Next / previous page"), "PgDown, PgUp"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Export"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Open the calendar in the week box"), "F4, Alt+Down"),
    (QT_TRANSLATE_NOOP("ShortcutsDialog", "Any dialog"),
     QT_TRANSLATE_NOOP("ShortcutsDialog", "Close"), "Esc"),
)


def supply_keys(language: str = "") -> str:
    """The visit form's Alt keys for the supplies, in the UI's language (or `language`): the
    letters differ in French (Alt+G for « Aiguilles »)."""
    from ui.visit_form import SUPPLY_KEYS
    letters = SUPPLY_KEYS[language or i18n.current()].values()
    return ", ".join(f"Alt+{letter.upper()}" for letter in letters)


def key_text(keys: str) -> str:
    """'Ctrl+Shift+H, Esc' as this system writes keys."""
    return ", ".join(QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText)
                     for k in keys.split(", "))


def _table(name: str, rows: list[tuple[str, str]]) -> QTableWidget:
    """A read-only two-column table as tall as its rows (no scroll bar)."""
    table = QTableWidget(len(rows), 2)
    table.setAccessibleName(name)
    table.setHorizontalHeaderLabels([name, QCoreApplication.translate("ShortcutsDialog", "Keys")])
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
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        columns = QHBoxLayout()
        self.tables = []
        by_menu = {menu: [(a.text().replace("&", ""), a.shortcut().toString()) for a in items
                          if not a.shortcut().isEmpty()] for menu, items in menus.items()}
        clinic = by_menu.pop("Clinic", [])
        first = [row for rows in by_menu.values() for row in rows]
        pages = [(self.tr("{where}: {what}").format(where=self.tr(where), what=self.tr(what)),
                  supply_keys() if keys == supply_keys("en") else keys)
                 for where, what, keys in PAGE_KEYS]
        for name, rows in ((self.tr("Client and view"), first), (self.tr("Clinic"), clinic),
                           (self.tr("On a page, form or dialog"), pages)):
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
