"""F1 lists every key the app registers, anywhere, on one screen with no scrolling."""
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QApplication, QTableWidget

from shellkit import make_app
from test_screen_fit import fit_problems
from tour import tour


def registered_keys(window) -> dict[str, str]:
    """Every key sequence registered in a window: actions, shortcuts, button shortcuts."""
    keys = {}
    for action in window.findChildren(QAction):
        for sequence in action.shortcuts():
            keys[sequence.toString()] = action.text().replace("&", "")
    for shortcut in window.findChildren(QShortcut):
        if shortcut.isEnabled():
            keys[shortcut.key().toString()] = type(shortcut.parent()).__name__
    for button in window.findChildren(QAbstractButton):
        if not button.shortcut().isEmpty() and not button.text().count("&"):
            keys[button.shortcut().toString()] = button.text()
    return {k: v for k, v in keys.items() if k}


def test_f1_lists_every_registered_key_on_one_screen(qtbot, tmp_path):
    app = make_app(tmp_path / "vault")
    registered = {}
    try:
        for name, window in tour(qtbot, app):
            for sequence, owner in registered_keys(window).items():
                registered.setdefault(sequence, f"{name}: {owner}")
            if name == "client":
                main = window
                main.activateWindow()
                qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
                qtbot.keyClick(main, Qt.Key.Key_F1)
                dialog = main.shortcuts_dialog
                qtbot.waitUntil(dialog.isVisible)
                listed = dialog.listed_keys()
                assert fit_problems(dialog) == []
                for table in dialog.findChildren(QTableWidget):
                    assert not table.verticalScrollBar().isVisible(), table.accessibleName()
                    assert table.viewport().height() >= sum(
                        table.rowHeight(r) for r in range(table.rowCount()))
                texts = [t.item(r, 1).text() for t in dialog.findChildren(QTableWidget)
                         for r in range(t.rowCount())]
                dialog.reject()
    finally:
        app.shutdown()
    assert QKeySequence("Ctrl+Shift+H").toString(QKeySequence.SequenceFormat.NativeText) in texts
    assert "Esc" in texts
    assert len(registered) > 25
    assert {k: v for k, v in registered.items() if k not in listed} == {}
