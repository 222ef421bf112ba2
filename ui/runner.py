"""One background worker for slow work (key derivation, large queries, PDFs, exports).

Jobs run one at a time, in order, on a single worker thread (like Anki's taskman), so the
vault's database is never used by two jobs at once. `fn` must not touch any widget: it gets
no arguments and returns a value; `on_success(value)` or `on_error(exception)` then runs on
the GUI thread. `forget()` drops the callbacks of every job queued so far (used on lock, so
a late result cannot bring client data back on screen).
"""
from __future__ import annotations

import itertools
import queue
from collections.abc import Callable

from PySide6.QtCore import QObject, QThread, Signal, Slot

_STOP = object()


class _Worker(QThread):
    finished_job = Signal(int, bool, object)

    def __init__(self, jobs: queue.Queue):
        super().__init__()
        self._jobs = jobs

    def run(self) -> None:
        while True:
            item = self._jobs.get()
            if item is _STOP:
                return
            job_id, fn = item
            try:
                result, ok = fn(), True
            except BaseException as exc:  # delivered to on_error on the GUI thread
                result, ok = exc, False
            self.finished_job.emit(job_id, ok, result)


class Runner(QObject):
    """`run(fn, on_success, on_error)`; `busy` tells whether jobs are pending."""

    busy_changed = Signal(bool)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._jobs: queue.Queue = queue.Queue()
        self._callbacks: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._pending = 0
        self._ids = itertools.count(1)
        self._worker = _Worker(self._jobs)
        self._worker.finished_job.connect(self._deliver)  # queued: worker -> GUI thread
        self._worker.start()

    @property
    def busy(self) -> bool:
        return self._pending > 0

    def run(self, fn: Callable[[], object], on_success: Callable[[object], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None) -> int:
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_success, on_error)
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._jobs.put((job_id, fn))
        return job_id

    def forget(self) -> None:
        """Results of jobs already queued or running are thrown away when they arrive."""
        self._callbacks.clear()

    @Slot(int, bool, object)
    def _deliver(self, job_id: int, ok: bool, result: object) -> None:
        self._pending -= 1
        on_success, on_error = self._callbacks.pop(job_id, (None, None))
        try:
            if ok and on_success is not None:
                on_success(result)
            elif not ok:
                if on_error is None:
                    raise result
                on_error(result)
        finally:
            if self._pending == 0:
                self.busy_changed.emit(False)

    def shutdown(self) -> None:
        """Finish the running job, drop the rest, stop the thread."""
        self.forget()
        while True:
            try:
                self._jobs.get_nowait()
            except queue.Empty:
                break
        self._jobs.put(_STOP)
        self._worker.wait()
