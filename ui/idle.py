"""When to lock by itself: no keyboard or mouse input for a while, system sleep, screen lock.

`IdleWatcher` filters every input event of the application and compares an injectable clock
(a callable returning seconds, `time.monotonic` by default) with the last input; tests give
it a fake clock and call `check()`. `watch_system_lock` connects to logind's PrepareForSleep
and the freedesktop screen saver's ActiveChanged over D-Bus when they exist, and does nothing
when there is no bus (offscreen tests, other platforms).
"""
from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
          QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.ShortcutOverride}


class IdleWatcher(QObject):
    """Emits `idle` once when no input arrived for `timeout` seconds."""

    idle = Signal()

    def __init__(self, timeout: float, clock: Callable[[], float] = time.monotonic,
                 parent: QObject | None = None, poll_ms: int = 1000):
        super().__init__(parent)
        self._timeout = timeout
        self._clock = clock
        self._last = clock()
        self._fired = False
        QApplication.instance().installEventFilter(self)
        self._timer = QTimer(self, interval=poll_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt name)
        if event.type() in _INPUT:
            self._last = self._clock()
        return False

    def check(self) -> None:
        if not self._fired and self._clock() - self._last >= self._timeout:
            self._fired = True
            self.idle.emit()

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class SystemLockWatcher(QObject):
    """Emits `lock_now` when the system goes to sleep or the screen locks (if D-Bus says so).

    Signals are accepted from any sender (the screen saver's bus name differs between
    desktops); a stray signal can only lock the app, which is always safe. The buses can be
    given (tests use a private one); by default the system and session buses are used."""

    lock_now = Signal()

    def __init__(self, parent: QObject | None = None, *, system_bus=None, session_bus=None):
        super().__init__(parent)
        self.connected: list[str] = []
        try:
            from PySide6.QtDBus import QDBusConnection
        except ImportError:
            return
        system = system_bus or QDBusConnection.systemBus()
        session = session_bus or QDBusConnection.sessionBus()
        hooks = (
            (system, "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep"),
            (session, "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver", "ActiveChanged"),
            (session, "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver", "ActiveChanged"),
        )
        for bus, path, interface, name in hooks:
            if bus.isConnected() and bus.connect("", path, interface, name, self,
                                                 "1_on_signal(bool)"):
                self.connected.append(f"{interface}.{name}")

    @Slot(bool)
    def _on_signal(self, starting: bool) -> None:
        if starting:  # going to sleep / screen saver turned on
            self.lock_now.emit()
