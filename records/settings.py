"""Clinic settings, one JSON document in the `meta` table."""
from __future__ import annotations

import dataclasses
import json
from typing import TYPE_CHECKING

from sqlite_utils import Database

from . import uic, validate
from .clock import zone
from .errors import ValidationError, msg
from .models import PAPER_SIZES, ScheduleEntry, Settings

if TYPE_CHECKING:
    from .vault import Vault

_KEY = "settings"


def load(db: Database) -> Settings:
    row = db.execute("SELECT value FROM meta WHERE key = ?", [_KEY]).fetchone()
    data = json.loads(row[0]) if row else {}
    known = {f.name for f in dataclasses.fields(Settings)}
    data = {k: v for k, v in data.items() if k in known}
    data["letterhead"] = tuple(data.get("letterhead", ()))
    data["schedule"] = tuple(ScheduleEntry(**s) for s in data.get("schedule", ()))
    return Settings(**data)


def save_raw(db: Database, settings: Settings) -> None:
    db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
               [_KEY, json.dumps(dataclasses.asdict(settings), ensure_ascii=False)])


def check(settings: Settings, before: Settings | None = None) -> Settings:
    """Validate every field; returns the cleaned settings. Given the settings `before` a
    change, a program secret that changed must be strong (uic.SECRET_RULE); one already in
    the vault is only warned about (weak_secret_warning), so old vaults still open and save.
    Likewise a van code kept from `before` (a vault made before van codes had to be safe
    names) passes until it is changed; exporting refuses it (records.export.bundle)."""
    s = settings
    if before is not None and s.van_code == before.van_code:
        van_code = validate.text("van_code", s.van_code, required=True, max_len=40)
    else:
        van_code = validate.van_code("van_code", s.van_code)
    zone(s.timezone)
    schedule = tuple(
        ScheduleEntry(validate.text("schedule", e.when, required=True),
                      validate.text("schedule", e.site, required=True))
        for e in s.schedule)
    for field, value in (("export_recipient", s.export_recipient),
                         ("recovery_recipient", s.recovery_recipient)):
        if value and (not isinstance(value, str) or not value.startswith("age1")):
            raise ValidationError(field, "must be an age public key (age1...)")
    return dataclasses.replace(
        s,
        clinic_name=validate.text("clinic_name", s.clinic_name, required=True),
        program=validate.text("program", s.program, required=True, max_len=40),
        van_name=validate.text("van_name", s.van_name, required=True),
        van_code=van_code,
        letterhead=validate.text_list("letterhead", s.letterhead, max_items=8),
        paper_size=validate.choice("paper_size", s.paper_size, PAPER_SIZES),
        schedule=schedule,
        idle_lock_minutes=validate.quantity("idle_lock_minutes", s.idle_lock_minutes, maximum=240),
        backup_folder=validate.text("backup_folder", s.backup_folder, max_len=1000),
        backup_keep=validate.quantity("backup_keep", s.backup_keep, maximum=365),
        uic_secret=_secret(s.uic_secret, before.uic_secret if before else None),
    )


def _secret(value, old: str | None) -> str:
    value = validate.text("uic_secret", value, max_len=500)
    return value if old is None or value == old else uic.check_secret(value)


def weak_secret_warning(settings: Settings) -> str:
    """A warning for a vault that holds a weak program secret ('' if it is strong or unset).
    Not rotated automatically: a new secret breaks matching clients across weeks."""
    if not settings.uic_secret or uic.strong_secret(settings.uic_secret):
        return ""
    return msg("the program code secret is weak (it should be {rule}): exported client hashes "
               "can be traced back to codes; ask the coordinator for a new one for every van "
               "(python main.py coordinator secret --out FILE) and set it the same week in all "
               "vans", rule=uic.SECRET_RULE)


def _entry(value) -> ScheduleEntry:
    if isinstance(value, ScheduleEntry):
        return value
    if not isinstance(value, dict) or set(value) != {"when", "site"}:
        raise ValidationError("schedule", "each entry has a 'when' and a 'site'")
    return ScheduleEntry(value["when"], value["site"])


def update(vault: "Vault", **changes) -> Settings:
    """Change some settings (audited; nurses only); unknown names are an error."""
    from .staff import require_nurse
    require_nurse(vault)
    known = {f.name for f in dataclasses.fields(Settings)}
    for name in changes:
        if name not in known:
            raise ValidationError(name, "is not a setting")
    if "schedule" in changes:
        changes["schedule"] = tuple(_entry(e) for e in validate.items("schedule", changes["schedule"]))
    new = check(dataclasses.replace(vault.settings, **changes), before=vault.settings)
    if "backup_folder" in changes and new.backup_folder:
        from .outputs import OutputRefused, check_place
        try:
            check_place(new.backup_folder)
        except OutputRefused as exc:
            raise ValidationError("backup_folder", exc.args[0]) from None
    with vault.write("update", "settings", detail=",".join(sorted(changes))):
        save_raw(vault.db, new)
    vault.forget_settings()
    return new
