"""Outputs that never clobber: every file or folder a command writes goes through here.

- A file output refuses an existing file unless `force`. Without `force` the data is written
  to an unnamed file (O_TMPFILE; elsewhere a hidden sibling) and linked in at the end: the
  link fails if the name appeared meanwhile, and a crash leaves no file (with O_TMPFILE, not
  even a hidden one). With `force` it replaces the file atomically (records.fsutil).
- A folder output must not exist or be empty (unless `force`); it is built in a hidden
  temporary sibling and renamed into place at the end; a failure removes the partial folder.
  `force` never deletes: the old folder is kept as `<name>.replaced-<UTC time>`, and it must
  hold no folders (so that `--force` can never move a vault or a home folder away).
- No output may land inside a vault folder or a backup folder, or on a vault's lock files
  (a plaintext PDF where the database was, an export over the key file).
Call `check_file` / `check_folder` before any work, so nothing is computed or recorded for an
output that will be refused.
"""
from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .errors import REFUSED_ERRNOS, ClinicError, DiskFull, msg
from .fsutil import atomic_write, fsync_dir, stage
from .owner import HINT_SUFFIX, LOCK_SUFFIX

# Names that mark a vault folder (records.vault's KEY_NAME and DB_NAME) and a backup folder
# (records.backup's PREFIX and MANIFEST): kept here because records.backup imports this module.
_VAULT_MARKS = ("vault.keys", "vault.db")
_BACKUP_MARK = "manifest.json"
_BACKUP_PREFIX = "van-clinic-backup-"


class OutputRefused(ClinicError):
    """The output path is taken or not a safe place; nothing was written."""


def _protected_folder(folder: Path) -> str:
    """'a vault folder' / 'a backup folder' when `folder` is one, else ''."""
    if folder.name.startswith(_BACKUP_PREFIX) and (folder / _BACKUP_MARK).exists():
        return msg("a backup folder")
    if folder.name.startswith("." + _BACKUP_PREFIX):  # a backup being written
        return msg("a backup folder")
    if any((folder / mark).exists() for mark in _VAULT_MARKS):
        return msg("a vault folder")
    return ""


def _lock_file_of(target: Path) -> str:
    """'the lock file of a vault' when `target` is `<vault folder>.lock` or its hint file."""
    for suffix in (LOCK_SUFFIX, HINT_SUFFIX):
        if target.name.endswith(suffix) and len(target.name) > len(suffix):
            if _protected_folder(target.with_name(target.name[:-len(suffix)])) == "a vault folder":
                return "the lock file of a vault"
    return ""


def _refuse_within(shown, folder: Path) -> None:
    for above in (folder, *folder.parents):
        what = _protected_folder(above)
        if what:
            raise OutputRefused(msg("{path} is inside {what} ({folder}); choose another place "
                                    "for the output", path=shown, what=what, folder=above))


def refuse_protected(path) -> Path:
    """The absolute path (its folder resolved), unless it lies inside a vault or backup
    folder or is a vault's lock file."""
    target = Path(path).expanduser().absolute()
    resolved = target.parent.resolve() / target.name
    _refuse_within(path, resolved.parent)
    if _lock_file_of(resolved):
        raise OutputRefused(msg("{path} is the lock file of a vault; choose another place for "
                                "the output", path=path))
    return resolved


def check_place(folder) -> Path:
    """A folder that receives new dated outputs (backup --to): the resolved folder, unless
    it is, or lies inside, a vault or backup folder."""
    resolved = Path(folder).expanduser().absolute().resolve()
    what = _protected_folder(resolved)
    if what:
        raise OutputRefused(msg("{folder} is {what}; choose another place for the output",
                                folder=folder, what=what))
    _refuse_within(folder, resolved.parent)
    return resolved


def _taken(path) -> OutputRefused:
    return OutputRefused(msg("{path} already exists; nothing was written (use --force to "
                             "replace it)", path=path))


def check_file(path, *, force: bool = False) -> Path:
    """Refuse a taken or protected file output before any work is done."""
    target = refuse_protected(path)
    if target.is_dir():
        raise OutputRefused(msg("{path} is a folder; give a file name", path=path))
    if os.path.lexists(target) and not force:
        raise _taken(path)
    if not target.parent.is_dir():
        raise OutputRefused(msg("the folder {folder} does not exist", folder=target.parent))
    return target


def write_file(path, data: bytes, *, force: bool = False) -> Path:
    """Write a file output (0600), complete or not at all, never over an existing file
    without force."""
    target = check_file(path, force=force)
    try:
        if force:
            atomic_write(target, data)
        else:
            _create(target, data, path)
    except (DiskFull, OSError) as exc:
        if isinstance(exc, OSError) and exc.errno not in REFUSED_ERRNOS:
            raise
        raise DiskFull(msg("the system refused the write (file-size limit, full or failing "
                           "disk); {path} was not written", path=path)) from None
    return target


def _open_unnamed(folder: Path) -> int | None:
    """A file with no name yet in `folder` (Linux O_TMPFILE), or None where unsupported."""
    if not hasattr(os, "O_TMPFILE") or not os.path.isdir("/proc/self/fd"):
        return None
    try:
        return os.open(folder, os.O_TMPFILE | os.O_WRONLY | os.O_CLOEXEC, 0o600)
    except OSError as exc:
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
            return None
        raise


def _create(target: Path, data: bytes, shown) -> None:
    """Write `data` to a new file at `target`, named only once complete and synced."""
    fd = _open_unnamed(target.parent)
    staged = None
    if fd is None:
        staged = target.with_name(f".{target.name}.partial-{secrets.token_hex(4)}")
        fd = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0),
                     0o600)
    try:
        try:
            os.fchmod(fd, 0o600)  # exact mode, whatever the umask
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
            stage("after_temp_write")
            os.fsync(fd)
            if staged is None:
                _name_unnamed(fd, target, shown)
            else:
                _name_staged(staged, target, shown)
        finally:
            os.close(fd)
        fsync_dir(target.parent)
    finally:
        if staged is not None:
            with contextlib.suppress(FileNotFoundError):
                staged.unlink()


def _name_unnamed(fd: int, target: Path, shown) -> None:
    """linkat(/proc/self/fd/N, AT_SYMLINK_FOLLOW), which fails if the name is taken. (Python
    uses linkat, rather than link, only when given a folder fd.)"""
    folder = os.open(target.parent, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.link(f"/proc/self/fd/{fd}", target.name, dst_dir_fd=folder, follow_symlinks=True)
    except FileExistsError:
        raise _taken(shown) from None
    finally:
        os.close(folder)


def _name_staged(staged: Path, target: Path, shown) -> None:
    try:
        os.link(staged, target)  # fails if the name is taken
    except FileExistsError:
        raise _taken(shown) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.EOPNOTSUPP, errno.ENOSYS):
            raise
        # A file system without hard links (FAT on a USB stick): check, then rename.
        if os.path.lexists(target):
            raise _taken(shown) from None
        os.rename(staged, target)


def _utc_stamp() -> str:
    return time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())


def set_aside(path) -> Path:
    """Rename an existing file or folder to the visible sibling `<name>.replaced-<UTC>`
    (a suffix added on a clash) and return the new name: what --force replaces is kept."""
    path = Path(path)
    base = path.with_name(f"{path.name}.replaced-{_utc_stamp()}")
    kept, n = base, 1
    while os.path.lexists(kept):
        n += 1
        kept = base.with_name(f"{base.name}-{n}")
    os.rename(path, kept)
    fsync_dir(path.parent)
    return kept


def check_folder(path, *, force: bool = False) -> Path:
    """Refuse a folder output that exists with something in it (unless force), a vault or
    backup folder, and (with force) a folder holding folders."""
    target = refuse_protected(path)
    if not os.path.lexists(target):
        return target
    if target.is_symlink():
        raise OutputRefused(msg("{path} is a symbolic link; give the folder it points to",
                                path=path))
    if not target.is_dir():
        raise OutputRefused(msg("{path} exists and is not a folder", path=path))
    what = _protected_folder(target)
    if what:
        raise OutputRefused(msg("{path} is {what}; choose another place", path=path, what=what))
    entries = list(target.iterdir())
    if entries and not force:
        raise OutputRefused(msg("{path} already exists and is not empty; nothing was written "
                                "(use --force to replace it)", path=path))
    if any(p.is_dir() and not p.is_symlink() for p in entries):
        raise OutputRefused(msg("{path} holds folders; choose a new or empty folder", path=path))
    return target


@dataclass
class FolderOutput:
    staging: Path               # write the files here
    target: Path                # where they will be once complete
    replaced: Path | None = None  # with force: where the folder that was there is kept


@contextlib.contextmanager
def folder(path, *, force: bool = False) -> Iterator[FolderOutput]:
    """Yield a FolderOutput; write into its private `staging` folder. On success the
    staging folder becomes `path` (checked as in check_folder; a non-empty folder there is
    set aside, see `replaced`); on any failure it is removed and `path` is left as it was."""
    target = check_folder(path, force=force)
    target.parent.mkdir(parents=True, exist_ok=True)
    built = FolderOutput(target.with_name(f".{target.name}.partial-{secrets.token_hex(4)}"),
                         target)
    os.mkdir(built.staging, 0o700)
    try:
        yield built
        check_folder(target, force=force)  # nothing appeared meanwhile
        if target.exists() and any(target.iterdir()):
            built.replaced = set_aside(target)
        os.replace(built.staging, target)  # over an empty folder, or a free name
        fsync_dir(target.parent)
    except BaseException:
        shutil.rmtree(built.staging, ignore_errors=True)
        raise
