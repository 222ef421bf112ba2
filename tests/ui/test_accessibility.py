"""Every control of every window and dialog has a name a screen reader really gets, read
back through QAccessible as assistive technology reads it.

On Linux a combo box's accessible Name is its current value (Qt's QAccessibleComboBox), so
`setAccessibleName` is not heard there: its name is the label that has it as buddy (the
"labelled by" relation). Other controls expose their accessible name or buddy label."""
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QAbstractSpinBox, QComboBox,
                               QDialog, QFormLayout, QGroupBox, QHeaderView, QLabel, QLineEdit, QPlainTextEdit,
                               QTextEdit, QVBoxLayout, QWidget)

from shellkit import make_app
from tour import tour

CONTROLS = (QAbstractButton, QLineEdit, QAbstractSpinBox, QComboBox, QPlainTextEdit, QTextEdit,
            QAbstractItemView)


def exposed_name(widget: QWidget) -> str:
    """The name assistive technology reads for the widget."""
    iface = QAccessible.queryAccessibleInterface(widget)
    if iface.role() == QAccessible.Role.ComboBox:  # its Name is its value: only a label names it
        return " ".join(other.text(QAccessible.Text.Name)
                        for other, _ in iface.relations(QAccessible.RelationFlag.Label)
                        if isinstance(other.object(), QLabel)).strip()
    return iface.text(QAccessible.Text.Name).strip()


def _internal(widget: QWidget) -> bool:
    """Parts Qt builds inside other controls (the editor of a spin box or combo box, the
    header and corner of a table, a toolbar's overflow arrow)."""
    if widget.objectName().startswith("qt_") or isinstance(widget, QHeaderView) or \
            type(widget).__name__ == "QTableCornerButton":
        return True
    return isinstance(widget, QLineEdit) and isinstance(widget.parentWidget(),
                                                        (QComboBox, QAbstractSpinBox))


def unnamed(window: QWidget) -> list[str]:
    missing = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or not widget.isVisibleTo(window) or \
                _internal(widget):
            continue
        if not exposed_name(widget).strip(" :*"):
            text = widget.text() if isinstance(widget, (QAbstractButton, QLineEdit)) else ""
            missing.append(" ".join(filter(None, (type(widget).__name__, widget.objectName(),
                                                  widget.accessibleName(), text))))
    return missing


def test_the_check_hears_what_linux_screen_readers_hear(qtbot):
    """A combo box named only by setAccessibleName is heard by its value; one with a buddy
    label by the label; one in a group box is not named by the group's title."""
    dialog = QDialog()
    qtbot.addWidget(dialog)
    layout = QVBoxLayout(dialog)
    named_only = QComboBox(accessibleName="Copy")
    named_only.addItems(["Service copy"])
    layout.addWidget(named_only)
    form = QFormLayout()
    labelled = QComboBox()
    labelled.addItems(["English"])
    form.addRow("Language", labelled)
    layout.addLayout(form)
    box = QGroupBox("Services")
    QVBoxLayout(box).addWidget(QComboBox())
    layout.addWidget(box)
    assert exposed_name(named_only) == ""
    assert exposed_name(labelled) == "Language"
    assert unnamed(dialog) == ["QComboBox Copy", "QComboBox"]


def test_every_control_in_every_window_has_a_name(qtbot, tmp_path):
    app = make_app(tmp_path / "vault")
    problems = {}
    try:
        for name, window in tour(qtbot, app):
            missing = unnamed(window)
            if missing:
                problems[name] = missing
    finally:
        app.shutdown()
    assert not problems, "\n".join(f"{name}: {found}" for name, found in problems.items())
