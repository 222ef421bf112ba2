"""A walk through every window of the app, the way a nurse opens them: the search, then each
menu action on a client's page (forms, print preview, print queue, export, directory, staff,
settings, F1 help, language...), then the unlock window. `see(name, window)` is called once
per window, after the runner has filled it."""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from shellkit import finish_setup, make_app, populate, settle
from ui.main_window import ACTIONS

# Not windows: they lock, quit, switch the theme or move the cursor to the search box.
NOT_WINDOWS = {"lock", "quit", "night", "find"}


def _new_windows(before: set[int]) -> list[QWidget]:
    """Windows and dialogs shown since `before` (not tool tips or pop-up lists)."""
    return [w for w in QApplication.topLevelWidgets()
            if w.isVisible() and id(w) not in before
            and not w.windowFlags() & Qt.WindowType.ToolTip & ~Qt.WindowType.Window
            and w.windowType() != Qt.WindowType.Popup]


def _answer_question(before: set[int], asked: list, name: str, see, timer: QTimer) -> None:
    question = QApplication.activeModalWidget()
    if question is None or id(question) in before or question in asked:
        return
    settle()
    see(name, question)
    asked.append(question)
    timer.stop()
    question.reject()


def walk(qtbot, data_dir, see: Callable[[str, QWidget], None]) -> None:
    app = make_app(data_dir)
    try:
        see("setup", app.wizard)
        finish_setup(qtbot, app)
        rosa = populate(app.vault)
        main = app.main
        main.resize(1280, 720)
        main.show()
        settle()
        see("search", main)
        for name in ACTIONS:
            if name in NOT_WINDOWS:
                continue
            main.open_client(rosa)
            qtbot.waitUntil(lambda: not main.current_page().loading, timeout=20_000)
            page = main.current_page()
            if name == "history":  # a visit chosen first: its history and corrections
                page.visits.setCurrentRow(0)
            before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
            asked: list[QWidget] = []  # a question asked with exec(): seen, then answered No
            timer = QTimer(interval=50)
            timer.timeout.connect(lambda: _answer_question(before, asked, name, see, timer))
            timer.start()
            main.actions_by_name[name].trigger()
            timer.stop()
            settle()
            windows = [w for w in _new_windows(before) if w not in asked]
            for window in windows:
                see(name, window)
            if main.current_page() is not page:
                see(name, main)
            for window in windows:
                window.close()
            settle()
            if main.current_page() is not page and hasattr(main.current_page(), "cancelled"):
                main.current_page().cancelled.emit()
                settle()
        see("client", main)
        main.actions_by_name["lock"].trigger()
        qtbot.waitUntil(lambda: app.unlock_window is not None and app.unlock_window.isVisible(),
                        timeout=20_000)
        see("unlock", app.unlock_window)
    finally:
        app.shutdown()
