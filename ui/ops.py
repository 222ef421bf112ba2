"""Background operations on the vault, after Anki's CollectionOp / QueryOp.

    Op(self, lambda progress: staff.add(vault, ...)).success(self._added)
        .failure(self._failed).with_progress("Adding…").run_in_background()

`work(progress)` runs on the app's one runner (ui/runner.py), never on the GUI thread, and
must not touch a widget. `success(result)` or `failure(exception)` then runs on the GUI
thread, only while `parent` still exists: a page closed meanwhile hears nothing, and nobody
hears of work the lock stopped (Locked). Work that can stop early checks
`progress.cancelled` between its steps (the app cancels on lock); `progress(n, total, what)`
reaches `on_progress` on the GUI thread. `with_progress(label)` shows a dialog when the work
takes more than a second: busy until the first step, then its bar shows `n` of `total`.
"""
from __future__ import annotations

import threading
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QProgressBar, QProgressDialog, QWidget

from records.errors import ClinicError, Locked
from ui import runner as runner_module

SHOW_AFTER_MS = 1000


class Cancelled(ClinicError):
    """The work stopped early (the app locked) before it had changed anything."""

    def __init__(self):
        super().__init__(QCoreApplication.translate(
            "Cancelled", "stopped before it was done; nothing was changed"))


class Progress(QObject):
    """Handed to the work: report steps, and see whether it was asked to stop."""

    step = Signal(int, int, str)

    def __init__(self):
        super().__init__()
        self._cancel = threading.Event()
        self._gate = threading.Lock()  # no step is reported once cancel() has returned

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        with self._gate:
            self._cancel.set()

    def check(self) -> None:
        """Stop here (Cancelled) if the work was asked to."""
        if self.cancelled:
            raise Cancelled()

    def __call__(self, n: int, total: int, what: str = "") -> None:
        with self._gate:
            if not self._cancel.is_set():
                self.step.emit(n, total, what)


class Op:
    """One piece of vault work for the runner; see the module docstring."""

    def __init__(self, parent: QObject | None, work: Callable[[Progress], object]):
        self.parent = parent
        self.work = work
        self.progress = Progress()
        self.running = False
        self._on_success: Callable[[object], None] | None = None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._label = ""
        self._dialog: QProgressDialog | None = None
        self._bar: QProgressBar | None = None

    def success(self, fn: Callable[[object], None]) -> "Op":
        self._on_success = fn
        return self

    def failure(self, fn: Callable[[BaseException], None]) -> "Op":
        self._on_failure = fn
        return self

    def on_progress(self, fn: Callable[[int, int, str], None]) -> "Op":
        self.progress.step.connect(fn)
        return self

    def with_progress(self, label: str) -> "Op":
        self._label = label
        return self

    def cancel(self) -> None:
        self.progress.cancel()

    def run_in_background(self, runner=None) -> "Op":
        runner = runner or runner_module.shared()
        self.running = True
        if self._label:
            self._show_busy()
        progress, work = self.progress, self.work
        runner.run(lambda: work(progress), self._succeeded, self._failed, cancel=self.cancel)
        return self

    def _show_busy(self) -> None:
        parent = self.parent if isinstance(self.parent, QWidget) else None
        dialog = QProgressDialog(self._label, "", 0, 0, parent)
        dialog.setCancelButton(None)  # the work cannot be stopped half-way by hand
        dialog.setWindowTitle(QCoreApplication.translate("Op", "Please wait"))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(SHOW_AFTER_MS)
        # The steps move this bar directly: the dialog's setValue() would run a nested event
        # loop (and could deliver the result inside it).
        self._bar = QProgressBar(dialog)
        self._bar.setRange(0, 0)
        dialog.setBar(self._bar)
        self.progress.step.connect(self._show_step)
        self._dialog = dialog

    def _show_step(self, n: int, total: int, _what: str) -> None:
        if self._dialog is not None and shiboken6.isValid(self._bar):
            self._bar.setRange(0, max(total, 1))
            self._bar.setValue(min(n, total))

    def _parent_alive(self) -> bool:
        return self.parent is None or shiboken6.isValid(self.parent)

    def _done(self) -> bool:
        self.running = False
        if self._dialog is not None and shiboken6.isValid(self._dialog):
            self._dialog.reset()
            self._dialog.deleteLater()
        self._dialog = None
        return self._parent_alive()

    def _succeeded(self, result) -> None:
        if self._done() and self._on_success is not None:
            self._on_success(result)

    def _failed(self, exc: BaseException) -> None:
        if not self._done() or isinstance(exc, Locked):  # the vault locked under it: no news
            return
        if self._on_failure is None:
            raise exc
        self._on_failure(exc)
