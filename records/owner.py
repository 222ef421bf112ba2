"""One owner at a time: an OS-level exclusive lock on `<data-dir>.lock`, beside the vault folder.

Whoever holds it (the app, or one command) is the only process that may open, re-key,
back up, restore or tidy the vault. The lock is `filelock`'s native lock (flock on Unix,
msvcrt on Windows): it belongs to the open file, so the OS frees it when the holder dies,
even by kill -9. There is no soft PID-file fallback: on a file system without OS locks the
vault is not opened at all. The lock file sits outside the folder so that restore can swap
folders while holding it (Windows cannot rename a folder with an open handle inside).

Who holds it (pid, host, since) is written to a separate hint file, `<data-dir>.lock-owner`,
only to name the holder in the refusal; the lock itself never depends on it.
"""
from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import time
from pathlib import Path

from filelock import FileLock, Timeout

from .errors import ClinicError, DiskFull, msg
from .fsutil import atomic_write

LOCK_SUFFIX = ".lock"
HINT_SUFFIX = ".lock-owner"
# What flock/msvcrt say on a file system that has no OS locks (some network and FUSE mounts).
_NO_LOCKS = {errno.ENOSYS, errno.ENOLCK, errno.EOPNOTSUPP,
             getattr(errno, "ENOTSUP", errno.EOPNOTSUPP)}


class VaultBusy(ClinicError):
    """Another window or command holds the vault."""


def _base(data_dir) -> Path:
    """The vault folder as the OS sees it: two names for one folder share one lock."""
    path = Path(data_dir).absolute()
    return path.parent.resolve() / path.name if not path.exists() else path.resolve()


def lock_path(data_dir) -> Path:
    base = _base(data_dir)
    return base.with_name(base.name + LOCK_SUFFIX)


def hint_path(data_dir) -> Path:
    base = _base(data_dir)
    return base.with_name(base.name + HINT_SUFFIX)


def holder(data_dir) -> str:
    """'pid N on HOST since HH:MM' from the hint file, or '' when it cannot be read."""
    try:
        hint = json.loads(hint_path(data_dir).read_text(encoding="utf-8"))
        since = time.strftime("%H:%M", time.localtime(float(hint["since"])))
        host = "".join(c for c in str(hint["host"])[:64] if c.isprintable())
        return msg("pid {pid} on {host} since {since}", pid=int(hint["pid"]), host=host,
                   since=since)
    except (OSError, ValueError, KeyError, TypeError, OverflowError):
        return ""


class OwnerLock:
    """The held lock of one vault folder; `release()` (or leaving the `with`) frees it."""

    def __init__(self, data_dir, lock: FileLock):
        self.data_dir = Path(data_dir)
        self._lock = lock
        self._hint = hint_path(data_dir)

    @property
    def held(self) -> bool:
        return self._lock.is_locked

    def release(self) -> None:
        if not self._lock.is_locked:
            return
        with contextlib.suppress(OSError):
            self._hint.unlink()
        self._lock.release(force=True)

    def __enter__(self) -> "OwnerLock":
        return self

    def __exit__(self, *exc) -> None:
        self.release()


def acquire(data_dir) -> OwnerLock:
    """Take the vault's lock now or raise VaultBusy naming the holder; never waits."""
    path = lock_path(data_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(path, timeout=0, mode=0o600, thread_local=False, is_singleton=False,
                    fallback_to_soft=False, preserve_lock_file=True)
    try:
        lock.acquire()
    except Timeout:
        who = holder(data_dir)
        raise VaultBusy(msg("the vault is open in another window or command ({who})", who=who)
                        if who else msg("the vault is open in another window or command")
                        ) from None
    except (NotImplementedError, OSError) as exc:
        if isinstance(exc, OSError) and exc.errno not in _NO_LOCKS:
            raise VaultBusy(msg("cannot lock the vault folder {folder}: cannot use the lock file "
                                "{path} ({reason})", folder=data_dir, path=path,
                                reason=exc.strerror or exc)) from None
        raise VaultBusy(msg("cannot lock the vault folder {folder}: its file system offers no "
                            "OS file locks; refusing to open it without one",
                            folder=data_dir)) from None
    owner = OwnerLock(data_dir, lock)
    try:
        hint = {"pid": os.getpid(), "host": socket.gethostname(), "since": time.time()}
        atomic_write(owner._hint, json.dumps(hint).encode("utf-8"))
    except (OSError, DiskFull):
        # The hint only names the holder; the lock is what protects the vault. A dead
        # holder's hint must not be shown as this one.
        with contextlib.suppress(OSError):
            owner._hint.unlink()
    return owner
