"""Unsaved forms kept when the app locks, offered back after the next unlock.

Locking never asks: whatever forms were open and changed are kept here, encrypted with the
rest of the vault, as one draft (the forms in the order they were stacked, each with what was
typed). Only the staff member who typed a draft is offered it; taking a draft back into its
forms, or discarding it, deletes it. No export, printout or search reads this table; merging
clients moves a client's drafts and deleting a client at their request deletes them.

What a form typed is stored as JSON; dates and times keep their type (an aware datetime
comes back as one), sets come back as lists.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from . import clock
from .errors import NotFound

if TYPE_CHECKING:
    from .vault import Vault

_MOMENT = "$moment"


@dataclass(frozen=True)
class Draft:
    id: int
    client_id: int | None
    pages: tuple[dict, ...]  # {"form": name, "context": {...}, "fields": {...}} per form
    kept_at: datetime


def _encode(value):
    if isinstance(value, datetime):
        return {_MOMENT: clock.to_db(value)}
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if hasattr(value, "__dataclass_fields__"):
        return [getattr(value, name) for name in value.__dataclass_fields__]
    raise TypeError(f"cannot keep a {type(value).__name__} in a draft")


def _decode(obj: dict):
    if set(obj) == {_MOMENT}:
        return clock.from_db(obj[_MOMENT])
    return obj


def keep(vault: "Vault", client_id: int | None, pages: list[dict]) -> int:
    """Keep the unsaved forms (one transaction, audited without their content)."""
    row = {"staff_id": vault.staff.id, "client_id": client_id,
           "pages": json.dumps(pages, default=_encode, ensure_ascii=False),
           "kept_at": clock.to_db(clock.now_utc())}
    forms = ",".join(page["form"] for page in pages)
    with vault.write("keep", "draft", detail=f"forms={forms}") as box:
        box["entity_id"] = vault.insert("drafts", row)
    return box["entity_id"]


def _draft(row: dict) -> Draft:
    return Draft(id=row["id"], client_id=row["client_id"], kept_at=clock.from_db(row["kept_at"]),
                 pages=tuple(json.loads(row["pages"], object_hook=_decode)))


def waiting(vault: "Vault") -> list[Draft]:
    """The signed-in staff member's drafts, oldest first."""
    return [_draft(r) for r in vault.db.query(
        "SELECT * FROM drafts WHERE staff_id = ? ORDER BY id", [vault.staff.id])]


def _mine(vault: "Vault", draft_id: int) -> Draft:
    row = next(vault.db.query("SELECT * FROM drafts WHERE id = ? AND staff_id = ?",
                              [draft_id, vault.staff.id]), None)
    if row is None:
        raise NotFound("no such draft")
    return _draft(row)


def take(vault: "Vault", draft_id: int) -> Draft:
    """The draft, deleted from the vault: its forms hold it now (and a lock keeps it again)."""
    draft = _mine(vault, draft_id)
    with vault.write("restore", "draft", draft_id):
        vault.db.execute("DELETE FROM drafts WHERE id = ?", [draft_id])
    return draft


def discard(vault: "Vault", draft_id: int) -> None:
    _mine(vault, draft_id)
    with vault.write("discard", "draft", draft_id):
        vault.db.execute("DELETE FROM drafts WHERE id = ?", [draft_id])
