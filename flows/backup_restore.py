"""Back up the open vault, and restore a backup over the vault folder (no vault open then).

The work itself is records.backup (a verified encrypted copy, the rolling backups) and
records.restore (who may restore, the staged copy, the swap); these are what the command
line (`backup`, `restore`) and the app (the rolling backup at lock) call. `progress(done,
total, what)` hears each step as it starts and, at the end, `done == total`.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from records import backup, restore as restoring

if TYPE_CHECKING:
    from records.vault import Vault

Progress = Callable[[int, int, str], None]


def back_up(vault: "Vault", folder: Path | None = None,
            progress: Progress | None = None) -> Path | None:
    """A new verified backup in `folder`; without one, the rolling backup into the settings'
    backup folder: None when no folder is set or nothing changed since the newest backup
    there (records.backup.auto_backup). Returns the backup folder made."""
    if folder is not None:
        made = backup.write_backup(vault, Path(folder), progress=progress)
    else:
        made = backup.auto_backup(vault, progress=progress)
    if progress is not None:
        total = len(backup.STEPS)
        progress(total, total, "backup written and verified" if made else "nothing to do")
    return made


def restore(backup_dir: Path, data_dir: Path, staff_name: str | None = None,
            passphrase: str | None = None, *, backup_passphrase: str | None = None,
            identity: str | None = None, different_vault: bool = False,
            progress: Progress | None = None) -> restoring.Restored:
    """Replace the vault in `data_dir` with the checked backup `backup_dir`, keeping the
    vault it replaces (records.restore.restore_backup says who may, and what is kept)."""
    result = restoring.restore_backup(Path(backup_dir), Path(data_dir), staff_name, passphrase,
                                      backup_passphrase=backup_passphrase, identity=identity,
                                      different_vault=different_vault, progress=progress)
    if progress is not None:
        total = len(restoring.STEPS)
        progress(total, total, "restored")
    return result
