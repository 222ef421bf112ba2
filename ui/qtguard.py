"""Work around a PySide6 6.12.0 bug on Python 3.11.

Every call of a Qt method that returns void drops one reference to None that it never took;
after a few thousand calls (`setText`, `QTimer.stop`, model resets...) the interpreter aborts
with "Fatal Python error: none_dealloc" - minutes into a night shift. A signal's `emit()`
drops one reference to True the same way ("bool_dealloc"): the background runner emits for
every job and every progress step. Python 3.12+ makes None, True and False immortal, so there
the bug is harmless. On 3.11 we raise their reference counts once, by a billion, and never
give those references back: the same thing 3.12 does by design. (PySide6
6.11 does not have the bug, but its QtPdf module only ships in the much larger Addons wheel.)
Call `hold()` before the first Qt call of a process.

Still needed (checked 2026-12): 6.12.0 is the newest PySide6-Essentials on PyPI; no report
of this bug was found in the searchable trackers (PySide's own is bugreports.qt.io, project
PYSIDE), and the only supported ways around it are Python 3.12+ or PySide6 6.11 with the
Addons wheel. tests/test_qtguard.py counts the references a release loses without the guard
and fails once one stops losing them: then delete this module.
"""
from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1_000_000_000
_held = False


def hold() -> None:
    global _held
    if _held or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return
    for singleton in (None, True, False):  # ob_refcnt: the first field of every object
        ctypes.c_ssize_t.from_address(id(singleton)).value += _HEADROOM
    _held = True
