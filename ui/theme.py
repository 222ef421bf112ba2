"""Day (the system's own look) and night (dark, low glare) themes.

The night palette avoids pure white on black so the screen does not dazzle in a dark van, but
meets WCAG AA (tests/ui/test_theme_contrast.py): text, muted text included, 4.5:1 against
every background it sits on; input borders, the focus ring and the selection 3:1. Fusion draws
input frames a shade darker than the window (invisible at night), so at night `FramedStyle`
draws them in NIGHT_FRAME colours; dialog buttons carry no icons at night (the desktop's are
drawn dark). The small stylesheet sizes the few elements styled by object name.
"""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPalette, QPen
from PySide6.QtWidgets import (QAbstractScrollArea, QApplication, QProxyStyle, QStyle,
                               QStyleOptionComboBox)

_BASE_STYLE = """
QLineEdit#search { font-size: 15pt; padding: 6px 8px; }
QLabel#pageTitle { font-size: 16pt; font-weight: 600; }
QLabel#clientName { font-size: 18pt; font-weight: 600; }
QLabel#muted { color: palette(placeholder-text); }
QFrame#followUp { border: 2px solid %(accent)s; border-radius: 6px; padding: 6px; }
QLabel#followUpText { font-weight: 600; }
QLabel#error { color: %(error)s; font-weight: 600; }
QLabel#warning { color: %(warning)s; font-weight: 600; }
QListView#results::item { padding: 4px 2px; }
QListWidget::item { padding: 3px 2px; }
"""

# Fusion draws check box and radio outlines darker than the window: invisible on a dark one.
_NIGHT_STYLE = """
QCheckBox::indicator, QRadioButton::indicator {
    width: 13px; height: 13px; border: 1px solid #8a9099; background: #16181c; }
QRadioButton::indicator { border-radius: 7px; }
QCheckBox::indicator { border-radius: 2px; }
QCheckBox::indicator:checked, QRadioButton::indicator:checked {
    background: #8fb3de; border-color: #8fb3de; }
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled { border-color: #3a3f47; }
QDialogButtonBox { dialogbuttonbox-buttons-have-icons: 0; }
"""

# Input frames at night: (normal, focused, disabled); the focus ring is 2 px.
NIGHT_FRAME = ("#7d838d", "#8fb3de", "#3a3f47")

_NIGHT = {
    QPalette.ColorRole.Window: "#1e2126",
    QPalette.ColorRole.WindowText: "#c9ccd1",
    QPalette.ColorRole.Base: "#16181c",
    QPalette.ColorRole.AlternateBase: "#23262c",
    QPalette.ColorRole.ToolTipBase: "#2b2f36",
    QPalette.ColorRole.ToolTipText: "#c9ccd1",
    QPalette.ColorRole.PlaceholderText: "#9097a0",
    QPalette.ColorRole.Text: "#c9ccd1",
    QPalette.ColorRole.Button: "#2a2e35",
    QPalette.ColorRole.ButtonText: "#c9ccd1",
    QPalette.ColorRole.BrightText: "#e8a0a0",
    QPalette.ColorRole.Highlight: "#6b8fbf",
    QPalette.ColorRole.HighlightedText: "#0b0c0e",
    QPalette.ColorRole.Link: "#8fb3de",
    QPalette.ColorRole.Light: "#3a3f47",
    QPalette.ColorRole.Midlight: "#30343b",
    QPalette.ColorRole.Mid: "#262a30",
    QPalette.ColorRole.Dark: "#121417",
    QPalette.ColorRole.Shadow: "#0b0c0e",
}

_DISABLED_TEXT = "#6b7079"
_system_palette: QPalette | None = None
_night = False


class FramedStyle(QProxyStyle):
    """Fusion, with input frames (line edits, spin boxes, combo boxes, text boxes, lists)
    drawn in NIGHT_FRAME colours while the night theme is on."""

    def drawPrimitive(self, element, option, painter, widget=None):  # noqa: N802 (Qt)
        super().drawPrimitive(element, option, painter, widget)
        if _night and (element == QStyle.PrimitiveElement.PE_FrameLineEdit or (
                element == QStyle.PrimitiveElement.PE_Frame
                and isinstance(widget, QAbstractScrollArea))):
            _frame(option, painter)

    def drawComplexControl(self, control, option, painter, widget=None):  # noqa: N802 (Qt)
        super().drawComplexControl(control, option, painter, widget)
        framed = control == QStyle.ComplexControl.CC_SpinBox or (
            control == QStyle.ComplexControl.CC_ComboBox
            and isinstance(option, QStyleOptionComboBox))
        if _night and framed and option.frame:
            _frame(option, painter)


def _frame(option, painter) -> None:
    normal, focused, disabled = NIGHT_FRAME
    state = option.state
    if not state & QStyle.StateFlag.State_Enabled:
        color, width = disabled, 1
    elif state & QStyle.StateFlag.State_HasFocus:
        color, width = focused, 2
    else:
        color, width = normal, 1
    painter.save()
    painter.setRenderHint(painter.RenderHint.Antialiasing, False)
    painter.setPen(QPen(QColor(color), width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.SquareCap,
                        Qt.PenJoinStyle.MiterJoin))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = width / 2
    painter.drawRect(QRectF(option.rect).adjusted(inset, inset, -inset, -inset))
    painter.restore()


def night_palette() -> QPalette:
    palette = QPalette()
    for role, color in _NIGHT.items():
        palette.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(_DISABLED_TEXT))
    return palette


def apply(app: QApplication, night: bool) -> None:
    """Switch the whole app to night or back to the system's look."""
    global _system_palette, _night
    if _system_palette is None:
        app.setStyle(FramedStyle("Fusion"))  # the same widgets in both themes
        _system_palette = QPalette(app.palette())
    _night = night
    app.setPalette(night_palette() if night else _system_palette)
    colors = ({"accent": "#b48a3c", "error": "#e39a9a", "warning": "#d9b26a"} if night else
              {"accent": "#c08a1e", "error": "#b00020", "warning": "#8a5a00"})
    app.setStyleSheet(_BASE_STYLE % colors + (_NIGHT_STYLE if night else ""))


def is_night() -> bool:
    return _night
