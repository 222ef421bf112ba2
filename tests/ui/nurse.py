"""The nurse at the keyboard: every key goes to whatever has the focus, as at the van.

`press` counts keys (a key or a chord is 1), `type` counts typed characters apart. Typing
while no field has the focus fails the test: on screen that text would be lost."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication


class Nurse:
    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.keys = 0
        self.typed = 0

    def _target(self, typing: bool):
        widget = QApplication.focusWidget()
        if widget is None:
            assert not typing, "no field has the focus: what is typed here is lost"
            widget = QApplication.activeModalWidget() or QApplication.activeWindow()
        assert widget is not None, "no window is active"
        return widget

    def press(self, *keys: str) -> None:
        for key in keys:
            combo = QKeySequence(key)[0]
            assert combo.key() != Qt.Key.Key_unknown, f"not a key: {key}"
            QApplication.processEvents()  # what happens between two keystrokes (layouts)
            self.qtbot.keyClick(self._target(False), combo.key(), combo.keyboardModifiers())
            self.keys += 1

    def type(self, text: str) -> None:
        QApplication.processEvents()
        self.qtbot.keyClicks(self._target(True), text)
        self.typed += len(text)

    def focus(self):
        return QApplication.focusWidget()
