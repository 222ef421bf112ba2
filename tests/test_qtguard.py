"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every void Qt call; without
ui.qtguard a few thousand calls abort the interpreter with "none_dealloc". The first test is
the canary: it counts the references lost without the guard, and fails once a PySide6
release no longer loses them (then ui/qtguard.py can go). The second shows the guard works."""
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

CALLS = 1000
COUNT_LOSS = textwrap.dedent(f"""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    timer = QTimer()
    timer.stop()
    before = sys.getrefcount(None)
    for _ in range({CALLS}):
        timer.stop()
    print(before - sys.getrefcount(None), flush=True)
    os._exit(0)  # the lost references would abort a normal interpreter exit
""")

WITH_GUARD = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from ui import qtguard
    qtguard.hold()
    from PySide6.QtCore import QObject, QTimer, Signal
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    timer = QTimer()
    for _ in range(200_000):
        timer.stop()
    class Relay(QObject):
        step = Signal(int)
    relay = Relay()
    for n in range(200_000):  # emit() drops a reference to True ("bool_dealloc")
        relay.step.emit(n)
    print("survived")
""")


def run(program):
    return subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          timeout=120, cwd=Path(__file__).parents[1])


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_the_pyside_bug_is_still_there_without_the_guard():
    result = run(COUNT_LOSS)
    assert result.returncode == 0, result.stderr[-500:]
    lost = int(result.stdout.split()[-1])
    assert lost >= CALLS, (
        f"{CALLS} void Qt calls lost {lost} references to None: this PySide6 no longer has "
        "the bug, so remove ui/qtguard.py (and its hold() calls) and this test")


def test_many_void_qt_calls_survive_with_the_guard():
    result = run(WITH_GUARD)
    assert result.returncode == 0 and "survived" in result.stdout, result.stderr[-500:]
