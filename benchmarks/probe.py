"""Run in a fresh process by bench_startup, bench_memory and bench_merge (Qt offscreen).
Prints one JSON line: `shown_at` (time.monotonic(), comparable with the parent's clock on
Linux) when the first window has been shown and its events processed (or the work done), and
`peak_rss_kib` at that point (Linux only: read from /proc).

    python -m benchmarks.probe bare                 # a bare PySide6 window
    python -m benchmarks.probe app DATA_DIR         # main.py gui: the app up to its first window
    python -m benchmarks.probe scroll DATA_DIR TEXT # search list for TEXT, scrolled to its
                                                    # end (data key on stdin, hex)
    python -m benchmarks.probe merge ARGS...        # coordinator merge ARGS (seconds, peak)
    python -m benchmarks.probe decrypt KEYFILE FILE...  # age-decrypt each file (baseline)
"""
from __future__ import annotations

import json
import os
import sys
import time


def _peak_rss_kib() -> int:
    """VmHWM: this program's own peak (ru_maxrss can carry the forking parent's)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise RuntimeError("no VmHWM in /proc/self/status")


def _report(**extra) -> None:
    peak = _peak_rss_kib()
    sys.stdout.write(json.dumps({"shown_at": time.monotonic(), "peak_rss_kib": peak} | extra)
                     + "\n")
    sys.stdout.flush()
    os._exit(0)


def _after_show(window) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def done() -> None:
        QApplication.processEvents()
        _report(window=type(window).__name__, title=window.windowTitle())
    QTimer.singleShot(0, done)


def bare() -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QVBoxLayout, QWidget
    app = QApplication(sys.argv)
    window = QWidget()
    window.setWindowTitle("bare")
    layout = QVBoxLayout(window)
    layout.addWidget(QLabel("Name"))
    layout.addWidget(QLineEdit())
    window.show()
    _after_show(window)
    app.exec()


def app(data_dir: str) -> None:
    """main.py exactly as a nurse starts it, until the unlock window is shown."""
    import main
    from ui.unlock import UnlockWindow
    original = UnlockWindow.show

    def show(self):
        original(self)
        _after_show(self)
    UnlockWindow.show = show
    main.main(["gui", "--data-dir", data_dir])


def scroll(data_dir: str, text: str) -> None:
    from ui import qtguard
    qtguard.hold()
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from benchmarks import vaults
    from records.keyfile import KeyFile
    from records.vault import KEY_NAME, Vault
    from ui.client_search import ClientSearch
    application = QApplication(sys.argv)
    key = bytes.fromhex(sys.stdin.readline().strip())
    keyfile = KeyFile.load(Path(data_dir) / KEY_NAME)
    vault = Vault.open_with_key(Path(data_dir), keyfile, key, keyfile.slot_for(vaults.STAFF))
    widget = ClientSearch(vault)
    widget.resize(800, 600)
    widget.show()
    widget.box.setText(text)
    widget.refresh()
    application.processEvents()
    started = time.perf_counter()
    model = widget.model
    while model.canFetchMore():
        widget.list.scrollToBottom()
        application.processEvents()
    widget.list.scrollToBottom()
    application.processEvents()
    _report(rows=model.rowCount(), scroll_seconds=round(time.perf_counter() - started, 2))


def merge(*argv: str) -> None:
    """`main.py coordinator merge ARGS...`: its seconds and the process's peak."""
    import main
    started = time.perf_counter()
    code = main.main(["coordinator", "merge", *argv])
    if code:
        sys.exit(code)
    _report(seconds=round(time.perf_counter() - started, 6), cpu_seconds=_cpu_seconds())


def _cpu_seconds() -> float:
    """User + system time of this process: on a shared machine, wall time includes waiting."""
    import resource
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return round(usage.ru_utime + usage.ru_stime, 3)


def decrypt(key_file: str, *paths: str) -> None:
    """The merge's raw baseline: read and age-decrypt the same files, one at a time."""
    import pyrage
    from records.export import coordinator_key
    with open(key_file, "rb") as f:
        identities = coordinator_key.load(f.read(), key_file)
    started = time.perf_counter()
    for path in paths:
        with open(path, "rb") as f:
            pyrage.decrypt(f.read(), identities)
    _report(seconds=round(time.perf_counter() - started, 6))


if __name__ == "__main__":
    mode, *rest = sys.argv[1:]
    {"bare": bare, "app": app, "scroll": scroll, "merge": merge, "decrypt": decrypt}[mode](*rest)
