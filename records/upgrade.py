"""The backup made before an update's migrations change a vault (issue 16).

An update of the app replaces the program, never the vault folder; the first open by the new
version runs the pending migrations (records/schema.py), and before the first one the vault is
backed up, as it is, by records.backup.write_backup: an ordinary, verified backup that
`restore --from` accepts, named by date like every other.

Where: in a folder beside the vault folder, `<vault folder>-before-upgrades` (for the default
vault, ~/.local/share/van-clinic-before-upgrades). Beside, because it is always there (an
update must not wait for the USB stick that holds the rolling backups), on the same disk as
the vault (so under the same full-disk encryption), and outside the vault folder, which a
restore replaces whole. It is remembered as a backup location, so a damaged vault names it.
Nothing deletes these backups: the rolling backups' pruning only looks in the backup folder
set in settings. docs/deployment.md says when to delete them by hand.

If the backup cannot be written (disk full, folder not writable, the vault fails its
integrity check) the open is refused and no migration runs.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from .backup import write_backup
from .errors import DiskFull, NotFound, VaultDamaged, msg

if TYPE_CHECKING:
    from .vault import Vault

SUFFIX = "-before-upgrades"


def folder_for(vault_path) -> Path:
    path = Path(vault_path).absolute()
    return path.parent / f"{path.name}{SUFFIX}"


def backup_before_migrating(vault: "Vault", pending: list[str]) -> Path:
    """Back the vault up before `pending` migrations run; raise (the same kind of error,
    saying that nothing was changed) if that fails."""
    try:
        return write_backup(vault, folder_for(vault.path))
    except (DiskFull, NotFound, VaultDamaged) as exc:
        raise type(exc)(msg("this vault needs an upgrade ({count} change(s)), and the backup "
                            "made before it failed, so nothing was changed: {error}",
                            count=len(pending), error=exc)) from None
