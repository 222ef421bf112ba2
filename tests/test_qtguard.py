"""PySide6 6.12.0 on Python 3.11 drops a reference to None on every void Qt call; without
ui.qtguard a few thousand calls abort the interpreter with "none_dealloc" (seen here: the same
program without `hold()` dies before 20,000 calls)."""
import subprocess
import sys
import textwrap
from pathlib import Path

PROGRAM = textwrap.dedent("""
    import os, sys
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from ui import qtguard
    qtguard.hold()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    timer = QTimer()
    for _ in range(200_000):
        timer.stop()
    print("survived")
""")


def run():
    return subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True,
                          timeout=120, cwd=Path(__file__).parents[1])


def test_many_void_qt_calls_survive_with_the_guard():
    result = run()
    assert result.returncode == 0 and "survived" in result.stdout, result.stderr[-500:]

