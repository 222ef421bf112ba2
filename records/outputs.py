"""Outputs that never clobber: every file or folder a command writes goes through here.

- A file output refuses an existing file unless `force`, and is written atomically (a crash
  leaves no half file); without `force` the final step is a hard link, which fails if the
  name appeared meanwhile, so nothing is overwritten even by a race.
- A folder output must not exist or be empty (unless `force`); it is built in a hidden
  temporary sibling and renamed into place at the end; a failure removes the partial folder.
- No output may land inside a vault folder or a backup folder (a plaintext PDF where the
  database was, an export over the key file).
"""
from __future__ import annotations

import contextlib
import os
import secrets
import shutil
from collections.abc import Iterator
from pathlib import Path

from .errors import ClinicError
from .fsutil import atomic_write, fsync_dir

# Names that mark a vault folder (records.vault) or a backup folder (records.backup).
_VAULT_MARKS = ("vault.keys", "vault.db")
_BACKUP_MARK = "manifest.json"
_BACKUP_PREFIX = "van-clinic-backup-"


class OutputRefused(ClinicError):
    """The output path is taken or not a safe place; nothing was written."""


def _protected_folder(folder: Path) -> str:
    """'a vault folder' / 'a backup folder' when `folder` is one, else ''."""
    if any((folder / mark).exists() for mark in _VAULT_MARKS):
        return "a vault folder"
    if folder.name.startswith(_BACKUP_PREFIX) and (folder / _BACKUP_MARK).exists():
        return "a backup folder"
    if folder.name.startswith("." + _BACKUP_PREFIX):  # a backup being written
        return "a backup folder"
    return ""


def refuse_protected(path) -> Path:
    """The absolute, resolved path, unless it lies inside a vault or backup folder."""
    target = Path(path).expanduser().absolute()
    resolved = target.parent.resolve() / target.name
    for folder in (resolved.parent, *resolved.parent.parents):
        what = _protected_folder(folder)
        if what:
            raise OutputRefused(f"{path} is inside {what} ({folder}); choose another place "
                                "for the output")
    return resolved


def check_file(path, *, force: bool = False) -> Path:
    """Refuse a taken or protected file output before any work is done."""
    target = refuse_protected(path)
    if target.is_dir():
        raise OutputRefused(f"{path} is a folder; give a file name")
    if target.exists() and not force:
        raise OutputRefused(f"{path} already exists; nothing was written (use --force to "
                            "replace it)")
    if not target.parent.is_dir():
        raise OutputRefused(f"the folder {target.parent} does not exist")
    return target


def write_file(path, data: bytes, *, force: bool = False) -> Path:
    """Write a file output atomically (0600), never over an existing file without force."""
    target = check_file(path, force=force)
    if force:
        atomic_write(target, data)
        return target
    staged = target.with_name(f".{target.name}.partial-{secrets.token_hex(4)}")
    try:
        atomic_write(staged, data)
        try:
            os.link(staged, target)
        except FileExistsError:
            raise OutputRefused(f"{path} already exists; nothing was written (use --force "
                                "to replace it)") from None
        except OSError:  # a file system without hard links: the exclusive-create check above
            if target.exists():
                raise OutputRefused(f"{path} already exists; nothing was written") from None
            os.rename(staged, target)
        fsync_dir(target.parent)
    finally:
        with contextlib.suppress(FileNotFoundError):
            staged.unlink()
    return target


def check_folder(path, *, force: bool = False) -> Path:
    """Refuse a folder output that exists with something in it (unless force)."""
    target = refuse_protected(path)
    if target.exists():
        if not target.is_dir():
            raise OutputRefused(f"{path} exists and is not a folder")
        if any(target.iterdir()) and not force:
            raise OutputRefused(f"{path} already exists and is not empty; nothing was written "
                                "(use --force to replace it)")
        if _protected_folder(target):
            raise OutputRefused(f"{path} is {_protected_folder(target)}; choose another place")
    return target


@contextlib.contextmanager
def folder(path, *, force: bool = False) -> Iterator[Path]:
    """Yield a private staging folder; on success it replaces `path` (checked as in
    check_folder); on any failure it is removed and `path` is left as it was."""
    target = check_folder(path, force=force)
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = target.with_name(f".{target.name}.partial-{secrets.token_hex(4)}")
    os.mkdir(staging, 0o700)
    try:
        yield staging
        if target.exists():
            check_folder(target, force=force)  # nothing appeared meanwhile
            old = target.with_name(f".{target.name}.old-{secrets.token_hex(4)}")
            os.rename(target, old)
            os.rename(staging, target)
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.rename(staging, target)
        fsync_dir(target.parent)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
