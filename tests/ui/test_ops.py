"""Ops on the app's one runner: work off the GUI thread, answers on it and only to a page
still there; lock waits for the running op, and what an op started writes before the close
or not at all."""
import threading

import shiboken6
from conftest import PASSPHRASE
from PySide6.QtWidgets import QWidget
from shellkit import ready_app  # noqa: F401 (fixture)

from records import clients, staff
from records.errors import ClinicError
from records.keyfile import KeyFile
from records.vault import Vault
from ui.ops import Op
from ui.runner import shared


def on_gui() -> bool:
    return threading.current_thread() is threading.main_thread()


def test_an_op_works_on_the_runner_and_answers_on_the_gui_thread(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    seen = {}

    def work(progress):
        seen["worked_on_runner"] = shared().on_worker()
        progress(1, 2, "half way")
        return 42
    op = Op(page, work).on_progress(lambda *step: seen.setdefault("step", (step, on_gui())))
    op.success(lambda value: seen.update(value=value, answered_on_gui=on_gui()))
    op.run_in_background()
    assert op.running
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen == {"worked_on_runner": True, "step": ((1, 2, "half way"), True),
                    "value": 42, "answered_on_gui": True}
    assert not op.running


def test_failure_goes_to_the_failure_callback(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    failed = []
    Op(page, lambda _progress: 1 / 0).success(lambda _: failed.append("success?")) \
        .failure(failed.append).run_in_background()
    qtbot.waitUntil(lambda: bool(failed))
    assert len(failed) == 1 and isinstance(failed[0], ZeroDivisionError)


def test_a_page_closed_meanwhile_hears_nothing(qtbot):
    page = QWidget()
    gate, heard = threading.Event(), []
    Op(page, lambda _progress: gate.wait(10)).success(heard.append).failure(heard.append) \
        .run_in_background()
    Op(None, lambda _progress: "after").success(heard.append).run_in_background()
    shiboken6.delete(page)
    gate.set()
    qtbot.waitUntil(lambda: heard == ["after"])


def test_cancel_reaches_the_work_and_stops_its_steps(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    started, go, steps, outcome = threading.Event(), threading.Event(), [], []

    def work(progress):
        started.set()
        go.wait(10)
        progress(1, 1, "after the cancel")  # not reported
        progress.check()
    op = Op(page, work).on_progress(lambda *step: steps.append(step)) \
        .success(outcome.append).failure(outcome.append).run_in_background()
    assert started.wait(10)
    shared().cancel_all()  # what the app does on lock
    go.set()
    qtbot.waitUntil(lambda: bool(outcome))
    assert isinstance(outcome[0], ClinicError) and op.progress.cancelled and steps == []


def test_lock_waits_for_the_running_op(qtbot, ready_app):
    app = ready_app
    vault, inside, go = app.vault, threading.Event(), threading.Event()

    def work(_progress):
        inside.set()
        go.wait(10)
        return clients.register(vault, "Written by the op")
    Op(app.main, work).run_in_background()
    assert inside.wait(10)
    with qtbot.waitSignal(app.closed, timeout=20_000):
        app.lock()
        assert app.main is None and app.unlock_window.isVisible()  # the screen clears at once
        assert vault.is_open  # the vault waits for the op
        go.set()
    assert not vault.is_open
    again = Vault.open(app.data_dir, None, PASSPHRASE)
    try:
        assert [r["name"] for r in again.db.query("SELECT name FROM clients")] == [
            "Written by the op"]
    finally:
        again.lock()


def test_staff_add_started_then_lock_is_written_before_the_close(qtbot, ready_app,
                                                                  monkeypatch):
    """The key derivation is still running when the nurse locks: the staff member is added
    whole (row and key slot) before the vault closes, never half or after."""
    app = ready_app
    deriving, go, used = threading.Event(), threading.Event(), []
    add_slot = KeyFile.add_slot

    def slow_add_slot(self, *args, **kwargs):
        used.append(shared().on_worker())
        deriving.set()
        go.wait(10)
        return add_slot(self, *args, **kwargs)
    monkeypatch.setattr(KeyFile, "add_slot", slow_add_slot)
    app.main.open_form("staff")
    editor = app.main.current_page()
    editor.name.setText("Omar Outreach")
    editor.role.setCurrentIndex(editor.role.findData("outreach"))
    editor.passphrase.setText(PASSPHRASE)
    editor.passphrase_again.setText(PASSPHRASE)
    editor.save()
    assert deriving.wait(10)
    vault = app.vault
    with qtbot.waitSignal(app.closed, timeout=20_000):
        app.lock()
        assert vault.is_open
        go.set()
    assert used == [True] and not vault.is_open
    omar = Vault.open(app.data_dir, "Omar Outreach", PASSPHRASE)  # row and slot both there
    try:
        assert [m.name for m in staff.all_staff(omar)] == ["Nora Nurse", "Omar Outreach"]
    finally:
        omar.lock()
