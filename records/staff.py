"""Staff members: one key slot each in the key file, one row in the database."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from . import validate
from .errors import AccessDenied, NotFound, ValidationError, msg
from .keyfile import KdfParams
from .models import MIN_PASSPHRASE, ROLES, Staff

if TYPE_CHECKING:
    from .vault import Vault


def row_to_staff(row: dict) -> Staff:
    return Staff(id=row["id"], name=row["name"], role=row["role"],
                 contact_line=row["contact_line"], slot_id=row["slot_id"],
                 active=bool(row["active"]))


def validate_new(name: str, role: str, contact_line: str, passphrase: str) -> None:
    validate.text("staff name", name, required=True, max_len=80)
    validate.choice("role", role, ROLES)
    validate.text("contact line", contact_line, max_len=300)
    if not isinstance(passphrase, str) or len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError("passphrase", msg("must be at least {minimum} characters",
                                                minimum=MIN_PASSPHRASE))


def all_staff(vault: "Vault", *, include_removed: bool = False) -> list[Staff]:
    where = "" if include_removed else "WHERE active = 1"
    return [row_to_staff(r) for r in vault.db.query(f"SELECT * FROM staff {where} ORDER BY name")]


def get(vault: "Vault", staff_id: int) -> Staff:
    row = next(vault.db.query("SELECT * FROM staff WHERE id = ?", [staff_id]), None)
    if row is None:
        raise NotFound(msg("no staff member with id {staff_id}", staff_id=staff_id))
    return row_to_staff(row)


def require_nurse(vault: "Vault") -> None:
    if vault.staff.role != "nurse":
        raise AccessDenied("only a nurse account can manage staff and settings")


def add(vault: "Vault", name: str, role: str, passphrase: str, *, contact_line: str = "",
        kdf: KdfParams | None = None) -> Staff:
    """Add a staff member with their own key slot. The key file is saved after the row
    commits; a crash in between leaves a staff row without a slot, which simply cannot log in."""
    require_nurse(vault)
    validate_new(name, role, contact_line, passphrase)
    name = validate.text("staff name", name, required=True, max_len=80)
    if vault.keyfile.has_slot_for(name):
        raise ValidationError("staff name", "already has a key slot in this vault")
    slot_id = vault.keyfile.add_slot(name, passphrase, vault.data_key, kdf=kdf)
    with vault.write("create", "staff") as box:
        cursor = vault.db.execute(
            "INSERT INTO staff (name, role, contact_line, slot_id) VALUES (?, ?, ?, ?)",
            [name, role, contact_line.strip(), slot_id])
        box["entity_id"] = cursor.lastrowid
    vault.keyfile.save(vault.path / "vault.keys")
    return get(vault, box["entity_id"])


def prefs(vault: "Vault") -> dict:
    row = vault.db.execute("SELECT prefs FROM staff WHERE id = ?", [vault.staff.id]).fetchone()
    return json.loads(row[0]) if row else {}


def set_pref(vault: "Vault", key: str, value) -> None:
    """Per-staff preferences (night theme and the like); not audited."""
    data = prefs(vault)
    data[key] = value
    vault.db.execute("UPDATE staff SET prefs = ? WHERE id = ?", [json.dumps(data), vault.staff.id])
