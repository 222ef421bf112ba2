"""Where the vault lives, without importing the database and crypto libraries.

The desktop app decides between first-run setup and the unlock window before anything else;
importing records.vault (SQLCipher, sqlite-utils, age, Argon2) first would delay the first
window by about 0.3 s. These must agree with records.vault (tests/ui/test_app_start.py checks).
"""
from __future__ import annotations

import os
from pathlib import Path

DB_NAME = "vault.db"
KEY_NAME = "vault.keys"


def default_data_dir() -> Path:
    env = os.environ.get("CLINIC_DATA_DIR")
    if env:
        return Path(env)
    import platformdirs
    return Path(platformdirs.user_data_dir("van-clinic", appauthor=False))


def vault_exists(path: Path) -> bool:
    path = Path(path)
    return (path / KEY_NAME).exists() or (path / DB_NAME).exists()
