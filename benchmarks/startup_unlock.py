"""How long until the unlock window is on screen, against a bare PySide6 window process.

Runs each as a fresh process (offscreen), which shows its window and quits from the event
loop's first turn; prints the median wall time of several runs and the ratio (budget: 3x).
Usage: python benchmarks/startup_unlock.py [runs]
"""
from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
w = QWidget(); w.show()
QTimer.singleShot(0, app.quit)
app.exec()
"""

UNLOCK = """
import sys
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from ui.app import App
clinic = App(Path(sys.argv[1]))
clinic.start()
assert clinic.unlock_window.isVisible()
QTimer.singleShot(0, app.quit)
app.exec()
clinic.runner.shutdown()
"""


def _time(code: str, *args: str) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code, *args], check=True, env=env, cwd=ROOT)
    return time.perf_counter() - start


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    sys.path.insert(0, str(ROOT))
    from records.keyfile import KdfParams
    from records.vault import Vault
    with tempfile.TemporaryDirectory() as tmp:
        vault = Vault.create(Path(tmp) / "v", "Nora", "correct horse battery",
                             kdf=KdfParams(1, 8192, 1))
        vault.lock()
        bare = statistics.median(_time(BARE) for _ in range(runs))
        unlock = statistics.median(_time(UNLOCK, str(Path(tmp) / "v")) for _ in range(runs))
    print(f"bare PySide6 window: {bare * 1000:.0f} ms; unlock window: {unlock * 1000:.0f} ms; "
          f"ratio {unlock / bare:.2f}x (budget 3x)")


if __name__ == "__main__":
    main()
