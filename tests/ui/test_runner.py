"""The background runner: work off the GUI thread, results on it, one job at a time."""
import threading

import pytest

from ui.runner import Runner


@pytest.fixture
def runner(qapp):
    r = Runner()
    yield r
    r.shutdown()


def test_runs_off_the_gui_thread_and_delivers_on_it(qtbot, runner):
    gui = threading.get_ident()
    seen = {}

    def job():
        seen["job_thread"] = threading.get_ident()
        return 42

    def done(value):
        seen["value"] = value
        seen["callback_thread"] = threading.get_ident()

    runner.run(job, done)
    qtbot.waitUntil(lambda: "value" in seen)
    assert seen["value"] == 42
    assert seen["job_thread"] != gui
    assert seen["callback_thread"] == gui


def test_errors_reach_on_error_and_jobs_run_in_order(qtbot, runner):
    order, errors = [], []
    runner.run(lambda: order.append(1))
    runner.run(lambda: 1 / 0, on_error=errors.append)
    runner.run(lambda: order.append(3), lambda _: order.append("done"))
    qtbot.waitUntil(lambda: "done" in order)
    assert order == [1, 3, "done"]
    assert len(errors) == 1 and isinstance(errors[0], ZeroDivisionError)


def test_busy_signal_and_forget_drops_late_results(qtbot, runner):
    gate = threading.Event()
    results, busy = [], []
    runner.busy_changed.connect(busy.append)
    runner.run(lambda: gate.wait(5) and "late", results.append)
    assert runner.busy
    runner.forget()
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert results == []
    assert busy == [True, False]
    runner.run(lambda: "fresh", results.append)
    qtbot.waitUntil(lambda: results == ["fresh"])
