"""Names screen readers hear. On Linux Qt exposes a combo box's current value as its name
(QAccessibleComboBox), so `setAccessibleName` is lost there: a control is named by a label
that has it as buddy (QLabel.setBuddy, or a QFormLayout row made from text), which Qt
exposes as the "labelled by" relation, and which also gives Alt+letter when the text has
an ampersand.
"""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def buddy(text: str, widget: QWidget, name: str = "") -> QLabel:
    """A visible label for `widget`. `name`: what the label says to a screen reader when the
    text alone is too short out of context ("result" beside a test's check box)."""
    label = QLabel(text)
    label.setBuddy(widget)
    if name:
        label.setAccessibleName(name)
    return label
