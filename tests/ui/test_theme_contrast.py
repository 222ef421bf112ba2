"""The night theme meets WCAG AA, measured on the colours the app really uses: the applied
palette and stylesheet for text (4.5:1, muted text included) and the selection (3:1), and the
pixels Qt draws for input borders and the focus ring (3:1 against the window). Disabled boxes
are never brighter than active ones, and dialog buttons show no dark-on-dark icons."""
import re

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (QApplication, QComboBox, QDateTimeEdit, QDialogButtonBox,
                               QGridLayout, QLineEdit, QListWidget, QPlainTextEdit, QProxyStyle,
                               QPushButton,
                               QSpinBox, QStyle, QWidget)

from ui import theme

R = QPalette.ColorRole
TEXT_ON = ((R.Text, R.Base), (R.Text, R.AlternateBase), (R.WindowText, R.Window),
           (R.ButtonText, R.Button), (R.PlaceholderText, R.Window), (R.PlaceholderText, R.Base),
           (R.PlaceholderText, R.AlternateBase), (R.PlaceholderText, R.Button),
           (R.HighlightedText, R.Highlight), (R.ToolTipText, R.ToolTipBase), (R.Link, R.Window),
           (R.Link, R.Base))


def contrast(a: QColor, b: QColor) -> float:
    """WCAG 2 contrast ratio of two opaque colours."""
    def luminance(color: QColor) -> float:
        def channel(c: float) -> float:
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
        return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
                + 0.0722 * channel(color.blueF()))
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.fixture
def night(qapp):
    theme.apply(qapp, True)
    yield qapp
    theme.apply(qapp, False)


def test_contrast_is_the_wcag_formula():
    assert round(contrast(QColor("#ffffff"), QColor("#000000")), 2) == 21.0
    assert round(contrast(QColor("#767676"), QColor("#ffffff")), 2) == 4.54
    assert round(contrast(QColor("#7b818b"), QColor("#1e2126")), 2) == 4.12  # muted text before


def test_text_and_muted_text_reach_4_5_to_1(night):
    palette = night.palette()
    low = {f"{fg.name} on {bg.name}": round(contrast(palette.color(fg), palette.color(bg)), 2)
           for fg, bg in TEXT_ON}
    window = palette.color(R.Window)
    for name in ("error", "warning"):  # QLabel#error / #warning in the applied stylesheet
        color = re.search(rf"QLabel#{name} {{ color: (#[0-9a-f]{{6}})", night.styleSheet())[1]
        low[f"{name} text"] = round(contrast(QColor(color), window), 2)
    assert {k: v for k, v in low.items() if v < 4.5} == {}


def test_the_selection_reaches_3_to_1(night):
    palette = night.palette()
    for background in (R.Base, R.AlternateBase, R.Window):
        ratio = contrast(palette.color(R.Highlight), palette.color(background))
        assert ratio >= 3, (background.name, round(ratio, 2))


def _inputs():
    editable = QComboBox(editable=True)
    combo = QComboBox()
    for box in (combo, editable):
        box.addItems(["Needles", "Condoms"])
    return {"line edit": QLineEdit("text"), "spin box": QSpinBox(), "combo box": combo,
            "editable combo box": editable, "date box": QDateTimeEdit(calendarPopup=True),
            "text box": QPlainTextEdit("note"), "list": QListWidget()}


def _shown(qtbot, widgets):
    page = QWidget()
    qtbot.addWidget(page)
    grid = QGridLayout(page)
    for row, widget in enumerate(widgets):
        grid.addWidget(widget, row, 0)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def _edge(widget, x: int) -> QColor:
    QApplication.processEvents()
    image = widget.grab().toImage()
    return image.pixelColor(x, image.height() // 2)


def _lightness(widget) -> float:
    image = widget.grab().toImage()
    return sum(image.pixelColor(x, y).lightnessF() for x in range(image.width())
               for y in range(image.height())) / (image.width() * image.height())


def test_input_borders_and_the_focus_ring_reach_3_to_1(qtbot, night):
    inputs = _inputs()
    elsewhere = QPushButton("Elsewhere")
    page = _shown(qtbot, [*inputs.values(), elsewhere])  # noqa: F841 (kept alive)
    window = night.palette().color(R.Window)
    low = {}
    for name, widget in inputs.items():
        elsewhere.setFocus()
        qtbot.waitUntil(elsewhere.hasFocus)
        border = _edge(widget, 0)
        widget.setFocus()
        qtbot.waitUntil(widget.hasFocus)
        focused = _edge(widget, 0)
        for what, ratio in (("border", contrast(border, window)),
                            ("focus ring", contrast(focused, window))):
            if ratio < 3:
                low[f"{name} {what}"] = round(ratio, 2)
        if focused == border:
            low[f"{name} focus"] = "not shown"
    assert low == {}


def test_disabled_boxes_are_not_brighter_than_active_ones(qtbot, night):
    active, disabled = _inputs(), _inputs()
    for widget in disabled.values():
        widget.setEnabled(False)
    page = _shown(qtbot, [*active.values(), *disabled.values()])  # noqa: F841
    brighter = {name: (round(_lightness(active[name]), 3), round(_lightness(widget), 3))
                for name, widget in disabled.items()
                if _lightness(widget) > _lightness(active[name])}
    assert brighter == {}


class _IconsOnButtons(QProxyStyle):
    """A desktop that puts icons on dialog buttons (GNOME and KDE do; offscreen does not)."""

    def styleHint(self, hint, option=None, widget=None, data=None):  # noqa: N802 (Qt)
        if hint == QStyle.StyleHint.SH_DialogButtonBox_ButtonsHaveIcons:
            return 1
        return super().styleHint(hint, option, widget, data)


def test_the_close_button_has_no_dark_icon_at_night(qtbot, qapp):
    theme.apply(qapp, False)
    app_style = type(qapp.style())  # the theme's own, restored afterwards
    qapp.setStyle(_IconsOnButtons(app_style("Fusion") if issubclass(app_style, QProxyStyle)
                                  else "Fusion"))
    try:
        theme.apply(qapp, True)
        button = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        qtbot.addWidget(button)
        close = button.button(QDialogButtonBox.StandardButton.Close)
        icon = qapp.style().standardIcon(QStyle.StandardPixmap.SP_DialogCloseButton)
        image = icon.pixmap(16, 16).toImage()
        ink = [image.pixelColor(x, y) for x in range(16) for y in range(16)
               if image.pixelColor(x, y).alpha() > 200]
        background = qapp.palette().color(R.Button)
        assert ink and max(contrast(c, background) for c in ink) < 3  # Qt's own: dark on dark
        assert close.icon().isNull()
    finally:
        qapp.setStyle(app_style("Fusion") if issubclass(app_style, QProxyStyle) else "Fusion")
        theme.apply(qapp, False)
