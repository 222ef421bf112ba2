"""The app's only use of QSettings: the remembered staff name and window geometry.

Nothing about clients is ever stored here (it is plain text in the user's config folder).
Per-staff preferences such as the night theme live in the vault (records.staff.set_pref).
"""
from __future__ import annotations

from PySide6.QtCore import QByteArray, QSettings

_ORG, _APP = "van-clinic", "van-clinic"


def _settings() -> QSettings:
    return QSettings(_ORG, _APP)


def remembered_name() -> str:
    value = _settings().value("unlock/staff_name", "")
    return value if isinstance(value, str) else ""


def remember_name(name: str | None) -> None:
    """Store the name, or forget it with None/empty."""
    s = _settings()
    if name:
        s.setValue("unlock/staff_name", name)
    else:
        s.remove("unlock/staff_name")


def geometry(key: str) -> QByteArray | None:
    value = _settings().value(f"geometry/{key}")
    return value if isinstance(value, QByteArray) else None


def save_geometry(key: str, data: QByteArray) -> None:
    _settings().setValue(f"geometry/{key}", data)
