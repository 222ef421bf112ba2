"""Every window and dialog fits a 1280x720 laptop (and a 1366x768 one), frame and title bar
included, with its buttons on screen; the main window opens maximised or inside the screen.

The offscreen screens are set up in tests/conftest.py; offscreen window frames are only 2 px,
so a real desktop's title bar and panel (DESKTOP, 56 px) are added on top of them."""
from PySide6.QtCore import QByteArray, QRect
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QMainWindow

from conftest import SCREENS
from shellkit import make_app
from tour import tour
from ui import prefs
from ui.main_window import MainWindow

DESKTOP = 56  # a title bar (about 32 px) and a top panel (about 24 px)


def _room(screen) -> QRect:
    """What a window's frame may take: the screen less the title bar and panel."""
    area = screen.availableGeometry()
    return area.adjusted(0, DESKTOP, 0, 0)


def _buttons_off_window(window) -> list[str]:
    """Visible buttons not wholly inside the window (scrolled content excepted)."""
    off = []
    for button in window.findChildren(QAbstractButton):
        if not button.isVisibleTo(window) or button.objectName().startswith("qt_"):
            continue
        parent = button.parentWidget()
        while parent is not None and parent is not window:
            if isinstance(parent, QAbstractScrollArea):
                break
            parent = parent.parentWidget()
        if parent is not window:
            continue  # inside a scroll area: reached by scrolling
        rect = QRect(button.mapTo(window, button.rect().topLeft()), button.size())
        if not window.rect().contains(rect):
            off.append(button.text() or button.accessibleName())
    return off


def fit_problems(window) -> list[str]:
    problems = []
    frame = window.frameGeometry()
    smallest = window.minimumSize().expandedTo(window.minimumSizeHint())
    for screen in QGuiApplication.screens():
        room = _room(screen)
        if smallest.width() > room.width() or smallest.height() > room.height():
            problems.append(f"cannot shrink to {room.width()}x{room.height()} "
                            f"(needs {smallest.width()}x{smallest.height()})")
        if not window.isMaximized() and (frame.width() > room.width()
                                         or frame.height() > room.height()):
            problems.append(f"opens {frame.width()}x{frame.height()}, more than "
                            f"{room.width()}x{room.height()} on {screen.name()}")
    primary = QGuiApplication.primaryScreen().availableGeometry()
    if not window.isMaximized() and not primary.contains(frame):
        problems.append(f"frame {frame} not inside the screen {primary}")
    off = _buttons_off_window(window)
    if off:
        problems.append(f"buttons off the window: {off}")
    return problems


def test_the_offscreen_screens_are_the_small_laptops(qapp):
    sizes = [(s.geometry().width(), s.geometry().height()) for s in QGuiApplication.screens()]
    assert sizes == list(SCREENS)


def test_every_window_and_dialog_fits_the_screen(qtbot, tmp_path):
    app = make_app(tmp_path / "vault")
    problems = {}
    seen = []
    try:
        for name, window in tour(qtbot, app):
            seen.append(name)
            found = fit_problems(window)
            if found:
                problems[name] = found
    finally:
        app.shutdown()
    assert len(seen) >= 25 and "preview: referral" in seen and "unlock" in seen
    assert not problems, "\n".join(f"{name}: {found}" for name, found in problems.items())


def test_the_check_catches_a_dialog_taller_than_the_screen(qtbot):
    """The check itself: the print preview's old 720x860 does not pass."""
    from PySide6.QtWidgets import QDialog, QPushButton, QVBoxLayout
    dialog = QDialog()
    qtbot.addWidget(dialog)
    QVBoxLayout(dialog).addWidget(QPushButton("Close"))
    dialog.resize(720, 860)
    dialog.show()
    assert any("opens 7" in p for p in fit_problems(dialog))
    dialog.resize(720, 600)
    assert fit_problems(dialog) == []


def test_main_window_opens_inside_the_screen_even_from_a_bigger_one(qtbot, vault):
    """First start, and a size saved on a big external monitor: either way the window is
    maximised or wholly inside the laptop's screen; a size that fits is kept."""
    for saved in (None, QRect(100, 100, 1800, 1000), QRect(40, 30, 1100, 600)):
        before = MainWindow(vault)
        qtbot.addWidget(before)
        if saved:
            before.setGeometry(saved)
        prefs.save_geometry("main", before.saveGeometry() if saved else QByteArray())
        window = MainWindow(vault)
        qtbot.addWidget(window)
        window.show()
        QApplication.processEvents()
        assert fit_problems(window) == [], saved
        assert window.isMaximized() == (saved is None or saved.width() > 1280), saved
        if saved and not window.isMaximized():
            assert window.geometry() == saved
    prefs.save_geometry("main", QByteArray())
