"""The background runner: work off the GUI thread, results on it, one job at a time."""
import gc
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
    runner.run(lambda: 1 / 0, results.append)  # a forgotten error is not raised either
    assert runner.busy
    runner.forget()
    gate.set()
    qtbot.waitUntil(lambda: not runner.busy)
    assert results == []
    assert busy == [True, False]
    runner.run(lambda: "fresh", results.append)
    qtbot.waitUntil(lambda: results == ["fresh"])


def test_garbage_is_collected_on_the_gui_thread_not_the_workers(qtbot, runner):
    """A cycle holding a Qt object, collected on the worker, would destroy it off the GUI
    thread (Qt crashes): while a runner lives the GUI thread does every collection."""
    assert not gc.isenabled()
    freed_on_gui = []

    class Cycle:
        def __del__(self):
            freed_on_gui.append(threading.current_thread() is threading.main_thread())

    def job():
        garbage = Cycle()
        garbage.me = garbage
        del garbage
        return len([[n] for n in range(200_000)])  # allocations enough to trigger collections
    runner.run(job)
    qtbot.waitUntil(lambda: bool(freed_on_gui), timeout=10_000)
    assert freed_on_gui == [True]
