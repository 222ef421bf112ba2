"""The local service directory that referrals point to."""
from __future__ import annotations

from typing import TYPE_CHECKING

from . import validate
from .errors import NotFound, msg
from .models import DIRECTORY_KINDS, DirectoryEntry

if TYPE_CHECKING:
    from .vault import Vault

FIELDS = ("name", "kind", "paper_name", "address", "phone", "hours", "notes")


def clean(fields: dict) -> dict:
    out = {}
    for name, value in fields.items():
        if name == "kind":
            out[name] = validate.choice("kind", value, DIRECTORY_KINDS)
        elif name in FIELDS:
            multiline = name in ("notes", "address", "hours")
            out[name] = validate.text(name, value, required=name == "name",
                                      multiline=multiline, max_len=2000 if multiline else 200)
        else:
            from .errors import ValidationError
            raise ValidationError(name, "is not a directory field")
    return out


def _entry(row: dict) -> DirectoryEntry:
    return DirectoryEntry(**{k: row[k] for k in ("id", *FIELDS)})


def insert_row(vault: "Vault", fields: dict) -> int:
    """Insert validated fields inside the caller's transaction (used by import too)."""
    return vault.insert("directory", fields)


def add(vault: "Vault", name: str, kind: str, **fields) -> DirectoryEntry:
    data = clean({"name": name, "kind": kind, **fields})
    with vault.write("create", "directory") as box:
        box["entity_id"] = insert_row(vault, data)
    return get(vault, box["entity_id"])


def update(vault: "Vault", entry_id: int, **fields) -> DirectoryEntry:
    get(vault, entry_id)
    data = clean(fields)
    with vault.write("update", "directory", entry_id, detail=",".join(sorted(data))):
        vault.update("directory", entry_id, data)
    return get(vault, entry_id)


def retire(vault: "Vault", entry_id: int) -> None:
    """Hide from pickers; past referrals keep pointing at it."""
    with vault.write("retire", "directory", entry_id):
        vault.db.execute("UPDATE directory SET active = 0 WHERE id = ?", [entry_id])


def get(vault: "Vault", entry_id: int) -> DirectoryEntry:
    row = next(vault.db.query("SELECT * FROM directory WHERE id = ?", [entry_id]), None)
    if row is None:
        raise NotFound(msg("no service with id {entry_id} in the directory", entry_id=entry_id))
    return _entry(row)


def entries(vault: "Vault", text: str = "", kind: str | None = None) -> list[DirectoryEntry]:
    """Active entries, filtered by a substring of name / name on paper and by kind."""
    sql, args = "SELECT * FROM directory WHERE active = 1", []
    if kind:
        sql, args = sql + " AND kind = ?", [kind]
    if text:
        sql += " AND (name LIKE ? OR paper_name LIKE ?)"
        args += [f"%{text}%"] * 2
    return [_entry(r) for r in vault.db.query(sql + " ORDER BY name", args)]


def get_many(vault: "Vault", entry_ids) -> dict[int, DirectoryEntry]:
    """Entries by id, in one query (retired ones included: past referrals point at them)."""
    ids = sorted(set(entry_ids))
    if not ids:
        return {}
    marks = ",".join("?" * len(ids))
    return {r["id"]: _entry(r) for r in vault.db.query(
        f"SELECT * FROM directory WHERE id IN ({marks})", ids)}
