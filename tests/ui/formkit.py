"""Helpers for the data-entry form tests: show a form as the nurse sees it, press keys,
take screenshots (into the test's tmp dir, and CLINIC_SCREENSHOTS when set)."""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox,
                               QApplication,
                               QComboBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget)

SCREEN = (1280, 660)  # a 1280x720 laptop less the window frame and the shell's bar
INPUTS = (QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit,
          QAbstractItemView)


def show(qtbot, widget):
    qtbot.addWidget(widget)
    widget.resize(*SCREEN)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)
    return widget


def save_keys(qtbot, widget):
    """Ctrl+S wherever the focus is, as the nurse presses it."""
    target = widget.focusWidget() or widget
    qtbot.keyClick(target, Qt.Key_S, Qt.ControlModifier)


def escape(qtbot, widget):
    qtbot.keyClick(widget.focusWidget() or widget, Qt.Key_Escape)


def type_into(qtbot, field, text: str):
    field.setFocus(Qt.TabFocusReason)
    qtbot.keyClicks(field, text)


def shoot(widget, name: str, tmp_path: Path) -> Path:
    """Save what the widget looks like; returns the tmp-dir copy."""
    QApplication.processEvents()  # let pending layout changes settle first
    image = widget.grab()
    path = tmp_path / f"{name}.png"
    assert image.save(str(path))
    extra = os.environ.get("CLINIC_SCREENSHOTS")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        image.save(str(Path(extra) / f"{name}.png"))
    return path


def unnamed_controls(widget) -> list[str]:
    """Visible input controls without an accessible name (should be none)."""
    missing = []
    for child in widget.findChildren(QWidget):
        if not isinstance(child, INPUTS) or not child.isVisibleTo(widget) or \
                child.accessibleName():
            continue
        if isinstance(child, QLineEdit) and isinstance(child.parent(), (QComboBox,
                                                                        QAbstractSpinBox)):
            continue  # the editor inside a combo box or spin box
        if type(child).__name__ in ("QScrollBar",) or child.objectName().startswith("qt_"):
            continue
        missing.append(f"{type(child).__name__} {child.text() if hasattr(child, 'text') else ''}")
    return missing


def tick(qtbot, button):
    """Check or uncheck with the space bar, as from the keyboard."""
    button.setFocus(Qt.TabFocusReason)
    qtbot.keyClick(button, Qt.Key_Space)
