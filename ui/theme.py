"""Day (the system's own look) and night (dark, low glare) themes.

The night palette keeps contrast moderate (no pure white on black) so the screen does not
dazzle in a dark van; the small stylesheet only sizes the few elements styled by object name.
"""
from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

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
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled { border-color: #4a4f57; }
"""

_NIGHT = {
    QPalette.ColorRole.Window: "#1e2126",
    QPalette.ColorRole.WindowText: "#c9ccd1",
    QPalette.ColorRole.Base: "#16181c",
    QPalette.ColorRole.AlternateBase: "#23262c",
    QPalette.ColorRole.ToolTipBase: "#2b2f36",
    QPalette.ColorRole.ToolTipText: "#c9ccd1",
    QPalette.ColorRole.PlaceholderText: "#7b818b",
    QPalette.ColorRole.Text: "#c9ccd1",
    QPalette.ColorRole.Button: "#2a2e35",
    QPalette.ColorRole.ButtonText: "#c9ccd1",
    QPalette.ColorRole.BrightText: "#e8a0a0",
    QPalette.ColorRole.Highlight: "#3d5a80",
    QPalette.ColorRole.HighlightedText: "#e6e8eb",
    QPalette.ColorRole.Link: "#8fb3de",
    QPalette.ColorRole.Light: "#3a3f47",
    QPalette.ColorRole.Midlight: "#30343b",
    QPalette.ColorRole.Mid: "#262a30",
    QPalette.ColorRole.Dark: "#121417",
    QPalette.ColorRole.Shadow: "#0b0c0e",
}

_system_palette: QPalette | None = None
_night = False


def night_palette() -> QPalette:
    palette = QPalette()
    for role, color in _NIGHT.items():
        palette.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText,
                 QPalette.ColorRole.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor("#6b7079"))
    return palette


def apply(app: QApplication, night: bool) -> None:
    """Switch the whole app to night or back to the system's look."""
    global _system_palette, _night
    if _system_palette is None:
        app.setStyle("Fusion")  # the same widgets in both themes; follows the system palette
        _system_palette = QPalette(app.palette())
    _night = night
    app.setPalette(night_palette() if night else _system_palette)
    colors = ({"accent": "#b48a3c", "error": "#e39a9a", "warning": "#d9b26a"} if night else
              {"accent": "#c08a1e", "error": "#b00020", "warning": "#8a5a00"})
    app.setStyleSheet(_BASE_STYLE % colors + (_NIGHT_STYLE if night else ""))


def is_night() -> bool:
    return _night
