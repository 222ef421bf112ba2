"""Where the vault lives, without importing the database and crypto libraries.

The desktop app decides between first-run setup and the unlock window before anything else;
importing records.vault (SQLCipher, sqlite-utils, age, Argon2) first would delay the first
window by about 0.3 s. records.vault takes its file names from here.
"""
from __future__ import annotations

import os
from pathlib import Path

DB_NAME = "vault.db"
KEY_NAME = "vault.keys"
# Written before a re-key (staff removal) and renamed over KEY_NAME after it; see Vault.open.
NEXT_KEY_NAME = "vault.keys.next"


def default_data_dir() -> Path:
    env = os.environ.get("CLINIC_DATA_DIR")
    if env:
        return Path(env)
    import platformdirs
    return Path(platformdirs.user_data_dir("van-clinic", appauthor=False))


def vault_exists(path: Path) -> bool:
    path = Path(path)
    return (path / KEY_NAME).exists() or (path / DB_NAME).exists()


def default_state_dir() -> Path:
    """Where the app keeps state beside the vault: the unlock guard's counts and the folders
    the vault was backed up to."""
    import platformdirs
    return Path(platformdirs.user_state_dir("van-clinic", appauthor=False))
