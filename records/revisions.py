"""Corrections keep history: the version being replaced is stored whole before an edit or void."""
from __future__ import annotations

import json
from typing import TYPE_CHECKING

from . import clock, validate
from .models import Revision

if TYPE_CHECKING:
    from .vault import Vault


def keep(vault: "Vault", entity: str, entity_id: int, version: int, data: dict) -> None:
    """Store the replaced version; call inside the write's transaction."""
    vault.db.execute(
        "INSERT INTO revisions (entity, entity_id, version, data, replaced_at, staff_id)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [entity, entity_id, version, json.dumps(data, ensure_ascii=False, default=str),
         clock.to_db(clock.now_utc()), vault.staff.id])


def void(vault: "Vault", entity: str, table: str, current, data: dict, reason: str) -> None:
    """Mark a record as entered in error: it stops counting, its last version is kept."""
    reason = validate.text("reason for voiding", reason, required=True)
    with vault.write("void", entity, current.id, detail=reason):
        keep(vault, entity, current.id, current.version, data)
        vault.db.execute(f"UPDATE {table} SET voided = 1, version = version + 1 WHERE id = ?",
                         [current.id])


def revisions(vault: "Vault", entity: str, entity_id: int) -> list[Revision]:
    """Earlier versions, oldest first."""
    return [Revision(r["entity"], r["entity_id"], r["version"], json.loads(r["data"]),
                     clock.from_db(r["replaced_at"]), r["staff_id"])
            for r in vault.db.query("SELECT * FROM revisions WHERE entity = ? AND entity_id = ?"
                                    " ORDER BY version", [entity, entity_id])]
