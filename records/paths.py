"""Where a vault lives and whether one is there, without loading the database or crypto
libraries: the app asks this before showing its first window."""
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
