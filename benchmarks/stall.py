"""An event-loop stall monitor for the GUI thread, and ways to wait that keep the loop running.

A precise QTimer asks to tick every TICK_MS; each tick records how late it came (the time
since the previous tick, less TICK_MS). A late tick is an event the GUI thread could not
answer in time: a keystroke, a repaint. The monitor files each lateness under the step of
the session that was running, so a stall can be traced to what caused it."""
from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer

from benchmarks.timing import percentile

TICK_MS = 4
STALL_MS = 100


class StallMonitor(QObject):
    def __init__(self):
        super().__init__()
        self.step = "start"
        self.late: list[tuple[str, float]] = []  # (step, lateness in ms) per tick
        self._last = 0.0
        self._timer = QTimer(self, interval=TICK_MS)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(self._tick)

    def start(self, step: str) -> None:
        self.step = step
        self.late.clear()
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> None:
        self._timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.late.append((self.step, max(0.0, (now - self._last) * 1000 - TICK_MS)))
        self._last = now

    def figures(self) -> dict:
        values = [late for _step, late in self.late] or [0.0]
        steps: dict[str, float] = {}
        for step, late in self.late:
            steps[step] = max(steps.get(step, 0.0), late)
        return {"ticks": len(self.late), "p50": round(percentile(values, 50), 3),
                "p99": round(percentile(values, 99), 3), "worst": round(max(values), 3),
                "stalls": sum(late > STALL_MS for late in values),
                "worst_by_step": {step: round(late, 1) for step, late in steps.items()}}


def spin(ms: float) -> None:
    """Run the event loop for `ms` (a nurse's pause between keys)."""
    loop = QEventLoop()
    QTimer.singleShot(max(1, int(ms)), loop.quit)
    loop.exec()


def wait_until(done: Callable[[], bool], timeout_s: float = 120.0) -> None:
    """Run the event loop until `done()`; TimeoutError past `timeout_s`."""
    deadline = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the session step did not finish")
        spin(5)
