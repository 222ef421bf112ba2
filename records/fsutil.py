"""Small file-system helpers: crash-safe writes and private (owner-only) files and folders.

A file written with `atomic_write` is, after any crash, either the old complete file or the new
complete file, never a mix and never missing (if it existed before).
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from typing import Callable, Iterator

from records.errors import DiskFull

#: Test hook: when set, called with a stage name ("after_temp_write", "after_fsync",
#: "after_rename", "after_dir_fsync"; records.rekey adds "after_rekey" and
#: "after_staff_update") so a test can raise (or exit) at that point.
crash_hook: Callable[[str], None] | None = None

TEMP_MARKER = ".tmp-"


def stage(name: str) -> None:
    if crash_hook is not None:
        crash_hook(name)


def fsync_dir(directory) -> None:
    fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path, data: bytes) -> None:
    """Replace `path` with `data` so that a crash leaves the old or the new file, complete.

    The temporary file lives in the same folder (so the rename is atomic), is created 0600
    with O_EXCL, and is removed again if anything fails before the rename. The target ends up
    0600. A full disk raises `DiskFull`; the old file is then untouched.
    """
    path = os.path.abspath(os.fspath(path))
    directory, name = os.path.split(path)
    tmp = os.path.join(directory, f".{name}{TEMP_MARKER}{secrets.token_hex(6)}")
    renamed = False
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0), 0o600)
        try:
            os.fchmod(fd, 0o600)  # exact mode, whatever the umask
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            stage("after_temp_write")
            os.fsync(fd)
        finally:
            os.close(fd)
        stage("after_fsync")
        os.replace(tmp, path)
        renamed = True
        stage("after_rename")
        fsync_dir(directory)
        stage("after_dir_fsync")
    except BaseException as exc:
        if not renamed:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
        if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG):
            raise DiskFull() from exc
        raise


def ensure_private_dir(path) -> None:
    """Create `path` (and parents) if needed and make it 0700, also when it already existed."""
    os.makedirs(path, mode=0o700, exist_ok=True)
    os.chmod(path, 0o700)


@contextlib.contextmanager
def private_umask() -> Iterator[None]:
    """Within the block, new files are created owner-only (umask 077).

    The umask is process-wide: use this around file creation that does not go through
    `atomic_write` (for instance the SQLCipher database and its journal), not around long work
    on other threads.
    """
    old = os.umask(0o077)
    try:
        yield
    finally:
        os.umask(old)
