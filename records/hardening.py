"""Process hardening, called first thing by main.py.

The running process holds decrypted records and the data key in memory. A core dump, or
another process of the same user attaching a debugger, would copy that memory to disk or
to someone else: both are switched off here. New files are created owner-only.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import os
import sys

PR_SET_DUMPABLE = 4
PR_GET_DUMPABLE = 3


def _libc():
    return ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)


def harden_process() -> None:
    """No core dumps (RLIMIT_CORE 0, and on Linux not dumpable, which also stops ptrace by
    other processes of the same user), and umask 077."""
    os.umask(0o077)
    try:
        import resource
    except ImportError:  # Windows: no core dumps to switch off this way
        return
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if sys.platform.startswith("linux"):
        if _libc().prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_DUMPABLE, 0) failed")


def is_dumpable() -> bool:
    """Linux only: whether the process may still be dumped or traced (False once hardened)."""
    return bool(_libc().prctl(PR_GET_DUMPABLE, 0, 0, 0, 0))
