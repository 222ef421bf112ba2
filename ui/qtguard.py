"""Work around a PySide6 6.12.0 bug on Python 3.11.

Every call of a Qt method that returns void drops one reference to None that it never took;
after a few thousand calls (`setText`, `QTimer.stop`, model resets...) the interpreter aborts
with "Fatal Python error: none_dealloc" - minutes into a night shift. Python 3.12+ makes None
immortal, so there the bug is harmless. On 3.11 we raise None's reference count once, by a
billion, and never give those references back: the same thing 3.12 does by design. (PySide6
6.11 does not have the bug, but its QtPdf module only ships in the much larger Addons wheel.)
Call `hold()` before the first Qt call of a process; tests/test_qtguard.py shows the crash
without it.
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
    # ob_refcnt is the first field of every CPython object.
    ctypes.c_ssize_t.from_address(id(None)).value += _HEADROOM
    _held = True
