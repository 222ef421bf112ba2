"""Windows sized for the laptop they open on. The smallest screen the app must fit is
1280x720 (and 1366x768 is common): a window's frame and title bar must stay on screen with
its buttons, so a preferred size is only a wish, bounded by the screen's free area.
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QRect, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room kept for what the desktop draws around a window: borders, a title bar (about 32-40 px)
# and, where the desktop does not report it, a panel.
DECORATION = QSize(16, 64)
MAIN_SIZE = QSize(1280, 720)  # the main window's size on a screen with room for it


def free_area(widget: QWidget) -> QRect:
    """The free area of the screen the widget (or its parent window) is on."""
    window = widget.parentWidget().window() if widget.parentWidget() else widget
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry()


def room(widget: QWidget) -> QSize:
    """The largest size the widget may take on its screen, decoration left out."""
    return free_area(widget).size() - DECORATION


def fit_size(widget: QWidget, preferred: QSize) -> None:
    """Resize to `preferred`, smaller where the screen has no room for it."""
    widget.resize(preferred.boundedTo(room(widget)))


def place_main(window: QWidget, saved: QByteArray | None) -> None:
    """The main window: as it was left (`saved`, from saveGeometry) if that fits this
    screen, else MAIN_SIZE centred where there is room for it, else maximised."""
    if saved is not None and window.restoreGeometry(saved):
        if window.isMaximized() or window.isFullScreen():
            return
        size = window.size() + DECORATION
        area = free_area(window)
        if size.width() <= area.width() and size.height() <= area.height():
            frame = QRect(window.pos(), size)
            if not area.contains(frame):
                window.move(area.topLeft())
            return
    if MAIN_SIZE.width() <= room(window).width() and MAIN_SIZE.height() <= room(window).height():
        area = free_area(window)
        window.resize(MAIN_SIZE)
        window.move(area.center() - QRect(0, 0, MAIN_SIZE.width(), MAIN_SIZE.height()).center())
    else:
        window.setWindowState(Qt.WindowState.WindowMaximized)
