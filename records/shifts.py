"""Shifts: one outing of the van, giving the weekly sessions and hours."""
from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING

from . import clock, validate
from .errors import NotFound, ValidationError, msg
from .models import Shift

if TYPE_CHECKING:
    from .vault import Vault


def _shift(row: dict) -> Shift:
    return Shift(row["id"], row["staff_id"], clock.from_db(row["started_at"]),
                 clock.from_db(row["ended_at"]), tuple(json.loads(row["sites"])))


def start(vault: "Vault", sites, at: datetime | None = None) -> Shift:
    sites = validate.text_list("sites", sites, max_items=20)
    at = validate.moment("start", at or clock.now_utc())
    if current(vault):
        raise ValidationError("shift", "a shift is already running; end it first")
    with vault.write("start", "shift") as box:
        box["entity_id"] = vault.db.execute(
            "INSERT INTO shifts (staff_id, started_at, sites) VALUES (?, ?, ?)",
            [vault.staff.id, clock.to_db(at), json.dumps(list(sites), ensure_ascii=False)]).lastrowid
    return get(vault, box["entity_id"])


def end(vault: "Vault", shift_id: int, at: datetime | None = None) -> Shift:
    shift = get(vault, shift_id)
    at = validate.moment("end", at or clock.now_utc())
    if at < shift.started_at:
        raise ValidationError("end", "a shift cannot end before it started")
    with vault.write("end", "shift", shift_id):
        vault.db.execute("UPDATE shifts SET ended_at = ? WHERE id = ?", [clock.to_db(at), shift_id])
    return get(vault, shift_id)


def get(vault: "Vault", shift_id: int) -> Shift:
    row = next(vault.db.query("SELECT * FROM shifts WHERE id = ?", [shift_id]), None)
    if row is None:
        raise NotFound(msg("no shift with id {shift_id}", shift_id=shift_id))
    return _shift(row)


def current(vault: "Vault") -> Shift | None:
    """The signed-in staff member's running shift (kept across locks: it lives in the vault)."""
    row = next(vault.db.query("SELECT * FROM shifts WHERE staff_id = ? AND ended_at IS NULL"
                              " ORDER BY started_at DESC LIMIT 1", [vault.staff.id]), None)
    return _shift(row) if row else None


def between(vault: "Vault", start_utc: datetime, end_utc: datetime) -> list[Shift]:
    """Shifts that started in [start, end)."""
    return [_shift(r) for r in vault.db.query(
        "SELECT * FROM shifts WHERE started_at >= ? AND started_at < ? ORDER BY started_at",
        [clock.to_db(start_utc), clock.to_db(end_utc)])]
