"""Checks for a window shown in French: what it says (to the eye and to a screen reader), what
it still says in English, and what text does not fit."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QGroupBox, QLabel, QLineEdit,
                               QListWidget, QTableWidget, QWidget)

from ui import i18n

# Not words to translate: names and codes of the test data, a language's own name, key names
# and a key's prefix (and numbers).
ALLOWED = {"Français", "Rosalind Quill", "Rosie Red", "FMASM1990", "FRORE1990", "age1…",
           "Ctrl+N", "Ctrl+S", "OK", "—"}


def shown(window: QWidget) -> set[str]:
    """Every text the window shows or names for a screen reader: its title, labels, buttons,
    group titles, column headings, choices, list rows, placeholders and tool tips (what was
    typed into a field is data, not counted)."""
    texts = {window.windowTitle()}
    for widget in (window, *window.findChildren(QWidget)):
        if widget is not window and not widget.isVisibleTo(window):
            continue
        texts |= {widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()}
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.add(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.add(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.add(widget.placeholderText())
        elif isinstance(widget, QComboBox) and not widget.isEditable():  # time zones are data
            texts |= {widget.itemText(i) for i in range(widget.count())}
        elif isinstance(widget, QTableWidget):
            texts |= {widget.horizontalHeaderItem(i).text() for i in range(widget.columnCount())}
        elif isinstance(widget, QListWidget):
            texts |= {widget.item(i).text() for i in range(widget.count())}
    texts.discard("")
    return texts


def in_english(make: Callable[[], QWidget]) -> set[str]:
    """What the window made by `make` shows in English; French is installed again after."""
    i18n.install("en")
    try:
        window = make()
        texts = shown(window)
        window.close()
    finally:
        i18n.install("fr")
    return texts


def still_english(window: QWidget, english: set[str]) -> list[str]:
    """Texts of the French window identical to the same window's English ones."""
    return sorted(text for text in (shown(window) & english) - ALLOWED
                  if not text.isdigit())


def cut_off(window: QWidget) -> list[str]:
    """Visible labels and buttons too small for their text (once the layouts have settled)."""
    QApplication.processEvents()
    cut = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, (QLabel, QAbstractButton)) or not widget.isVisibleTo(window) \
                or not widget.text():
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            short = widget.height() < widget.heightForWidth(widget.width())
        else:
            short = widget.width() < widget.sizeHint().width()
        if short:
            cut.append(widget.text())
    return cut
