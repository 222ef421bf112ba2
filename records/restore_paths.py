"""Where a restore works beside the vault folder: the hidden staging copy it builds and the
folder it moves aside (kept until the nurse deletes it), and the hint that names them when a
vault is missing. Below records.vault (Vault.open uses the hint) and records.restore."""
from __future__ import annotations

import os
import re
from pathlib import Path

from .errors import msg

STAGING = ".restore-"
REPLACED = ".replaced-"


def target_of(data_dir) -> Path:
    """The folder that is swapped: the data folder, or its target when it is a symlink."""
    path = Path(data_dir).absolute()
    return Path(os.path.realpath(path)) if path.is_symlink() else path


def staging_folders(target: Path) -> list[Path]:
    """Hidden staged copies beside the folder: a restore running, or one that was killed.
    Only the holder of the vault's owner lock may remove them."""
    if not target.parent.is_dir():
        return []
    return sorted(target.parent.glob(f".{target.name}{STAGING}*"))


def replaced_folders(target: Path) -> list[Path]:
    """Folders earlier restores moved aside, oldest first."""
    name = re.compile(re.escape(target.name + REPLACED) + r"(\d{8}T\d{6}Z)(?:-(\d+))?")
    if not target.parent.is_dir():
        return []
    found = [(m.group(1), int(m.group(2) or 1), p) for p in target.parent.iterdir()
             if (m := name.fullmatch(p.name)) and p.is_dir()]
    return [p for *_, p in sorted(found)]


def interrupted_restore(vault_path) -> str:
    """Text appended to 'no vault here' naming the folder a restore moved aside."""
    target = target_of(vault_path)
    kept = replaced_folders(target)
    if not kept:
        return ""
    if staging_folders(target):
        return msg(". A restore was interrupted: the vault it was replacing is in {kept}; "
                   "rename it back to {target} to use it, or run the restore again",
                   kept=kept[-1], target=target)
    return msg(". The vault a restore last replaced is kept in {kept}; rename it back to "
               "{target} to use it", kept=kept[-1], target=target)
