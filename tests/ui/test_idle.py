"""Locking by itself: idle time on an injected clock, and screen lock / sleep over D-Bus."""
import os
import shutil
import subprocess

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from shellkit import FakeClock
from ui.idle import IdleWatcher, SystemLockWatcher


def test_idle_fires_once_after_the_timeout_and_input_resets_it(qtbot):
    clock = FakeClock()
    watcher = IdleWatcher(300, clock)
    fired = []
    watcher.idle.connect(lambda: fired.append(clock.now))
    edit = QLineEdit()
    qtbot.addWidget(edit)
    clock.advance(299)
    watcher.check()
    qtbot.keyClick(edit, Qt.Key.Key_A)  # typing counts as activity
    clock.advance(299)
    watcher.check()
    assert fired == []
    clock.advance(2)
    watcher.check()
    watcher.check()
    assert fired == [1000 + 600]
    watcher.stop()


@pytest.fixture
def private_bus():
    """A throwaway D-Bus session daemon (dbus-daemon is in .ci/system-packages)."""
    daemon = shutil.which("dbus-daemon")
    assert daemon, "dbus-daemon is needed (Debian package dbus-daemon)"
    proc = subprocess.Popen([daemon, "--session", "--nofork", "--print-address=1"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env={**os.environ, "DBUS_VERBOSE": "0"})
    address = proc.stdout.readline().strip()
    yield address
    proc.terminate()
    proc.wait(5)


def test_screen_lock_signal_locks(qtbot, private_bus):
    from PySide6.QtDBus import QDBusConnection
    bus = QDBusConnection.connectToBus(private_bus, "clinic-test-bus")
    assert bus.isConnected()
    watcher = SystemLockWatcher(system_bus=bus, session_bus=bus)
    assert "org.freedesktop.login1.Manager.PrepareForSleep" in watcher.connected
    hits = []
    watcher.lock_now.connect(lambda: hits.append(1))

    def send(path, member, value):
        subprocess.run(["dbus-send", f"--bus={private_bus}", "--type=signal", path, member,
                        f"boolean:{value}"], check=True)

    send("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged", "false")
    send("/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver.ActiveChanged", "true")
    qtbot.waitUntil(lambda: len(hits) == 1)
    send("/org/freedesktop/login1", "org.freedesktop.login1.Manager.PrepareForSleep", "true")
    qtbot.waitUntil(lambda: len(hits) == 2)
    qtbot.wait(100)
    assert len(hits) == 2  # "screen saver off" (false) never locked
    QDBusConnection.disconnectFromBus("clinic-test-bus")
