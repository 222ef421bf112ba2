"""Work around a PySide6 6.12.0 bug on Python 3.11: every call of a Qt method returning void
drops one reference to None that it never took (20,000 `QTimer.stop()` calls abort the
interpreter with "none_dealloc"). Python 3.12+ makes None immortal, so there it is harmless.
The benchmark processes raise None's reference count once, by a billion, and never give the
references back (so interpreter shutdown cannot hit zero either)."""
from __future__ import annotations

import ctypes
import sys

_HEADROOM = 1_000_000_000


def hold() -> None:
    if sys.version_info < (3, 12) and sys.implementation.name == "cpython":
        # ob_refcnt is the first field of every CPython object.
        ctypes.c_ssize_t.from_address(id(None)).value += _HEADROOM
