"""Leftovers of interrupted work around a vault, named for `check` (one line each).

A process stopped part way (killed, power lost) can leave: a key-file write's temporary file
in the vault folder, a restore's staging folder beside it, the vault a restore replaced
(kept on purpose until the nurse deletes it), or a backup still under its `.partial` name in a backup folder. Finding them
only reads; nothing here deletes anything. `vault.keys.next` is not listed here: the vault's
lock holder resolves it when it opens the vault (records/vault.py, Vault.resolved).
"""
from __future__ import annotations

from pathlib import Path

from .backup import PREFIX, known_locations
from .fsutil import TEMP_MARKER
from .restore_paths import REPLACED, STAGING


def _glob(folder: Path, pattern: str) -> list[Path]:
    try:
        return sorted(folder.glob(pattern))
    except OSError:
        return []


def find(data_dir) -> list[str]:
    """'PATH: what it is and what to do', for every leftover of this vault."""
    folder = Path(data_dir).absolute()
    notes = [f"{p}: a file write that was interrupted (the file it was replacing is intact); "
             "safe to delete" for p in _glob(folder, f".*{TEMP_MARKER}*")]
    notes += [f"{p}: the staging copy of a restore that was interrupted (the vault was not "
              "replaced by it); safe to delete" for p in _glob(folder.parent,
                                                                f".{folder.name}{STAGING}*")]
    notes += [f"{p}: the vault a restore replaced, kept on purpose; delete it once the vault "
              "in use is checked and you no longer need it"
              for p in _glob(folder.parent, f"{folder.name}{REPLACED}*")]
    for backups in known_locations(folder):
        notes += [f"{p}: a backup that was interrupted before it was complete (it is not a "
                  "backup); safe to delete once no backup is being written there"
                  for p in _glob(Path(backups), f".{PREFIX}*.partial-*")]
    return notes
