"""The one background worker for slow work (key derivation, re-keys, exports, printing).

Jobs run one at a time, in order, on a single worker thread (like Anki's taskman): every use
of the vault outside the GUI thread goes through it, so two jobs never use the database at
once (the vault's connection also serialises each statement against the GUI thread's short
reads: records/serial.py). `fn` must not touch any widget: it gets no arguments and
returns a value; `on_success(value)` or `on_error(exception)` then runs on the GUI thread.

Python's cyclic garbage collector runs on whichever thread happens to allocate: on the
worker it would destroy Qt objects (a closed dialog's wrapper) off the GUI thread, and Qt
crashes. While a runner lives, automatic collection is off and the GUI thread collects on a
timer instead (Anki does the same).

`shared()` is the app's runner (ui/ops.py's op factories use it). On lock the app calls
`cancel_all()` (jobs that can stop early do so at their next step), `forget()` (a late
result cannot bring client data back on screen) and queues the vault's close behind the
running job: the close waits for it, and nothing is written after it.
"""
from __future__ import annotations

import gc
import itertools
import queue
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal, Slot

_STOP = object()
GC_MS = 1000  # young objects every second, everything every FULL_GC_EVERY ticks
FULL_GC_EVERY = 60
_live: set["Runner"] = set()  # runners whose worker may run: automatic collection stays off


class Runner(QObject):
    """`run(fn, on_success, on_error, cancel=)`; `busy` tells whether jobs are pending."""

    busy_changed = Signal(bool)
    _finished_job = Signal(int, bool, object)  # worker -> GUI thread (queued)

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._jobs: queue.Queue = queue.Queue()
        self._callbacks: dict[int, tuple[Callable | None, Callable | None]] = {}
        self._cancels: dict[int, Callable[[], None]] = {}
        self._pending = 0
        self._ids = itertools.count(1)
        self._finished_job.connect(self._deliver)
        self._gc_ticks = 0
        self._gc_timer = QTimer(self, interval=GC_MS, timeout=self._collect)
        self._gc_timer.start()
        _live.add(self)
        gc.disable()
        # A plain daemon thread: unlike a QThread, one still running at interpreter exit
        # does not abort the program.
        self._thread = threading.Thread(target=self._work, name="clinic-runner", daemon=True)
        self._thread.start()

    def _work(self) -> None:
        while True:
            item = self._jobs.get()
            if item is _STOP:
                return
            job_id, fn = item
            try:
                result, ok = fn(), True
            except BaseException as exc:  # delivered to on_error on the GUI thread
                result, ok = exc, False
            del item, fn  # the job's objects (Qt ones too) are let go of on the GUI thread
            self._finished_job.emit(job_id, ok, result)
            del result

    @Slot()
    def _collect(self) -> None:
        self._gc_ticks += 1
        gc.collect(2 if self._gc_ticks % FULL_GC_EVERY == 0 else 1)

    @property
    def busy(self) -> bool:
        return self._pending > 0

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def on_worker(self) -> bool:
        """True when called from this runner's worker thread."""
        return threading.current_thread() is self._thread

    def run(self, fn: Callable[[], object], on_success: Callable[[object], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None, *,
            cancel: Callable[[], None] | None = None) -> int:
        """Queue `fn`; `cancel` (optional) asks it to stop early, see cancel_all()."""
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_success, on_error)
        if cancel is not None:
            self._cancels[job_id] = cancel
        self._pending += 1
        if self._pending == 1:
            self.busy_changed.emit(True)
        self._jobs.put((job_id, fn))
        return job_id

    def cancel_all(self) -> None:
        """Ask every queued or running job that can stop early to stop (on lock)."""
        for cancel in list(self._cancels.values()):
            cancel()

    def forget(self) -> None:
        """Results of jobs already queued or running are thrown away when they arrive (their
        errors too: a job stopped by the lock is no news to anyone)."""
        self._callbacks.clear()

    @Slot(int, bool, object)
    def _deliver(self, job_id: int, ok: bool, result: object) -> None:
        self._pending -= 1
        self._cancels.pop(job_id, None)
        callbacks = self._callbacks.pop(job_id, None)
        try:
            if callbacks is None:  # forgotten (on lock): the result, or error, is dropped
                return
            on_success, on_error = callbacks
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
        self.cancel_all()
        self.forget()
        while True:
            try:
                self._jobs.get_nowait()
            except queue.Empty:
                break
        self._jobs.put(_STOP)
        self._thread.join()
        self._gc_timer.stop()
        _live.discard(self)
        if not _live:
            gc.enable()


_shared: Runner | None = None


def shared() -> Runner:
    """The app's one runner, made on first use (on the GUI thread); a new one after the
    previous one was shut down."""
    global _shared
    if _shared is None or not _shared.alive:
        _shared = Runner()
    return _shared
