"""Visits and quick contacts. A visit without a client is an anonymous contact."""
from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from . import clients, clock, revisions, validate
from .errors import NotFound, ValidationError, msg
from .models import (SERVICES, SUPPLIES, TEST_RESULTS, TEST_SERVICES, ServiceItem, Visit,
                     from_db_fields)

if TYPE_CHECKING:
    from .vault import Vault

_EDITABLE = ("client_id", "occurred_at", "site", "shift_id", "reason", "note", "services",
             "supplies", "needles_returned", "secondary", "overdose_reversals", "follow_up")


def clean_services(items: Iterable) -> tuple[ServiceItem, ...]:
    """Accepts ServiceItem, 'kind' or (kind, result); one entry per kind."""
    out: dict[str, ServiceItem] = {}
    for item in validate.items("services", items):
        if isinstance(item, str):
            item = ServiceItem(item)
        elif isinstance(item, tuple) and len(item) in (1, 2):
            item = ServiceItem(*item)
        elif not isinstance(item, ServiceItem):
            raise ValidationError("services", "each service is a kind, or a kind and a result")
        validate.choice("services", item.kind, SERVICES)
        if item.result:
            if item.kind not in TEST_SERVICES:
                raise ValidationError("services", msg("{kind} is not a test and has no result",
                                                      kind=item.kind))
            validate.choice("test result", item.result, TEST_RESULTS)
        out[item.kind] = item
    return tuple(out.values())


def clean_supplies(supplies: dict | None) -> dict[str, int]:
    if supplies is not None and not isinstance(supplies, dict):
        raise ValidationError("supplies", "must be quantities by supply type")
    out = {}
    for kind, qty in (supplies or {}).items():
        validate.choice("supplies", kind, SUPPLIES)
        qty = validate.quantity(f"supplies.{kind}", qty)
        if qty:
            out[kind] = qty
    return out


def clean(vault: "Vault", fields: dict) -> dict:
    validate.known_fields(fields, _EDITABLE, msg("a visit"))
    out = dict(fields)
    if "occurred_at" in out:
        out["occurred_at"] = validate.moment("when", out["occurred_at"])
        if out["occurred_at"] > clock.now_utc() + timedelta(days=366):
            raise ValidationError("when", "is more than a year in the future")
    validate.text_fields(out, {"site": False, "reason": False, "note": True, "follow_up": True})
    if "services" in out:
        out["services"] = clean_services(out["services"])
    if "supplies" in out:
        out["supplies"] = clean_supplies(out["supplies"])
    for name in ("needles_returned", "overdose_reversals"):
        if name in out:
            out[name] = validate.quantity(name, out[name])
    if "secondary" in out:
        out["secondary"] = bool(out["secondary"])
    if out.get("shift_id") is not None:
        validate.existing(vault.db, "shift", "shifts", out["shift_id"])
    if out.get("client_id") is not None:
        clients.require_live(vault, out["client_id"])
    return out


def db_row(data: dict, tz: str) -> dict:
    """The visits-table row (local day and ISO week in zone `tz`) for cleaned data; no id.
    The demo generator inserts these in bulk."""
    day = clock.local_date(data["occurred_at"], tz)
    return {
        "client_id": data.get("client_id"), "staff_id": data["staff_id"],
        "shift_id": data.get("shift_id"), "occurred_at": clock.to_db(data["occurred_at"]),
        "local_date": day.isoformat(), "iso_week": clock.iso_week(day), "tz": tz,
        "site": data.get("site", ""), "reason": data.get("reason", ""),
        "note": data.get("note", ""), "needles_returned": data.get("needles_returned", 0),
        "secondary": int(data.get("secondary", False)),
        "overdose_reversals": data.get("overdose_reversals", 0),
        "follow_up": data.get("follow_up", ""), "quick": int(data.get("quick", False)),
        "version": data.get("version", 1),
    }


def write_row(vault: "Vault", visit_id: int | None, data: dict) -> int:
    """Insert or update the visit row and replace its services and supplies."""
    row = db_row(data, vault.settings.timezone)
    if visit_id is None:
        visit_id = vault.insert("visits", row)
    else:
        vault.update("visits", visit_id, row)
        vault.db.execute("DELETE FROM visit_services WHERE visit_id = ?", [visit_id])
        vault.db.execute("DELETE FROM visit_supplies WHERE visit_id = ?", [visit_id])
    _write_children(vault, visit_id, data)
    return visit_id


def _write_children(vault: "Vault", visit_id: int, data: dict) -> None:
    conn = vault.db.conn
    conn.executemany("INSERT INTO visit_services (visit_id, kind, result) VALUES (?, ?, ?)",
                     [(visit_id, s.kind, s.result) for s in data.get("services", ())])
    conn.executemany("INSERT INTO visit_supplies (visit_id, kind, quantity) VALUES (?, ?, ?)",
                     [(visit_id, k, q) for k, q in data.get("supplies", {}).items()])


def record(vault: "Vault", *, client_id: int | None = None, occurred_at: datetime | None = None,
           quick: bool = False, **fields) -> Visit:
    """Save a visit (or, with quick=True, a supplies-only contact). Defaults to now and the
    signed-in staff member; the shift is the running one unless given."""
    vault.require_clinical()
    from . import shifts
    data = clean(vault, {"client_id": client_id,
                          "occurred_at": occurred_at or clock.now_utc(), **fields})
    if "shift_id" not in data:
        running = shifts.current(vault)
        data["shift_id"] = running.id if running else None
        if running and not data.get("site") and running.sites:
            data["site"] = running.sites[0]
    data |= {"staff_id": vault.staff.id, "quick": quick}
    with vault.write("create", "visit") as box:
        stored = vault.insert("visits", db_row(data, vault.settings.timezone), _COLUMNS)
        box["entity_id"] = stored["id"]
        _write_children(vault, stored["id"], data)
    # What was stored, built as a read builds it, without reading it back.
    return _visit(tuple(stored.values()), tuple(data.get("services", ())),
                  dict(data.get("supplies", {})))


def quick_contact(vault: "Vault", client_id: int | None = None, *, supplies: dict,
                  needles_returned: int = 0, secondary: bool = False, **fields) -> Visit:
    if not clean_supplies(supplies) and not validate.quantity("needles_returned", needles_returned):
        raise ValidationError("supplies", "a quick contact needs at least one supply or needles returned")
    return record(vault, client_id=client_id, quick=True, supplies=supplies,
                  needles_returned=needles_returned, secondary=secondary, **fields)


def _children(vault: "Vault", ids: list[int], scope: tuple[str, list] | None = None
              ) -> tuple[dict, dict]:
    """Services and supplies of the visits `ids`. `scope` is a subquery selecting (at least)
    those visits' ids with its arguments: cheaper than binding hundreds of ids one by one."""
    services: dict[int, list[ServiceItem]] = {i: [] for i in ids}
    supplies: dict[int, dict[str, int]] = {i: {} for i in ids}
    if not ids:
        return services, supplies
    subquery, args = scope or (",".join("?" * len(ids)), ids)
    items: dict[tuple[str, str], ServiceItem] = {}  # one immutable item per kind and result
    for vid, kind, result in vault.db.execute(
            f"SELECT visit_id, kind, result FROM visit_services WHERE visit_id IN ({subquery})",
            args):
        if vid in services:
            item = items.get((kind, result)) or items.setdefault((kind, result),
                                                                 ServiceItem(kind, result))
            services[vid].append(item)
    for vid, kind, qty in vault.db.execute(
            f"SELECT visit_id, kind, quantity FROM visit_supplies WHERE visit_id IN ({subquery})",
            args):
        if vid in supplies:
            supplies[vid][kind] = qty
    return services, supplies


# The columns a Visit is read from, in order: rows come back as tuples (no per-row dict).
_COLUMNS = ("id, client_id, staff_id, occurred_at, site, shift_id, reason, note,"
            " needles_returned, secondary, overdose_reversals, follow_up, quick, version, voided")
_SELECT = f"SELECT {_COLUMNS} FROM visits"


def _visit(row: tuple, services: tuple[ServiceItem, ...], supplies: dict[str, int]) -> Visit:
    (vid, client_id, staff_id, occurred_at, site, shift_id, reason, note, needles_returned,
     secondary, overdose_reversals, follow_up, quick, version, voided) = row
    return from_db_fields(Visit, {
        "id": vid, "client_id": client_id, "staff_id": staff_id,
        "occurred_at": clock.from_db(occurred_at), "site": site, "shift_id": shift_id,
        "reason": reason, "note": note, "services": services, "supplies": supplies,
        "needles_returned": needles_returned, "secondary": bool(secondary),
        "overdose_reversals": overdose_reversals, "follow_up": follow_up,
        "quick": bool(quick), "version": version, "voided": bool(voided)})


def _visits(vault: "Vault", sql: str, args: list, scope: tuple[str, list] | None = None
            ) -> list[Visit]:
    """Visits for `_SELECT + sql`, with their services and supplies."""
    rows = vault.db.execute(_SELECT + sql, args).fetchall()
    services, supplies = _children(vault, [r[0] for r in rows], scope)
    return [_visit(r, tuple(services[r[0]]), supplies[r[0]]) for r in rows]


def get(vault: "Vault", visit_id: int) -> Visit:
    vault.require_clinical()
    found = _visits(vault, " WHERE id = ?", [visit_id])
    if not found:
        raise NotFound(msg("no visit with id {visit_id}", visit_id=visit_id))
    return found[0]


def for_client(vault: "Vault", client_id: int, *, limit: int | None = None,
               include_voided: bool = True) -> list[Visit]:
    """Newest first; three queries whatever the number of visits."""
    vault.require_clinical()
    sql = " WHERE client_id = ?"
    if not include_voided:
        sql += " AND voided = 0"
    sql += " ORDER BY occurred_at DESC, id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    scope = None if limit else ("SELECT id FROM visits WHERE client_id = ?", [client_id])
    return _visits(vault, sql, [client_id], scope)


def between(vault: "Vault", start_utc: datetime, end_utc: datetime) -> list[Visit]:
    """Visits that are not voided, in [start, end)."""
    where = "occurred_at >= ? AND occurred_at < ? AND voided = 0"
    args = [clock.to_db(start_utc), clock.to_db(end_utc)]
    return _visits(vault, f" WHERE {where} ORDER BY occurred_at, id", args,
                   (f"SELECT id FROM visits WHERE {where}", args))


def _as_data(visit: Visit) -> dict:
    data = dataclasses.asdict(visit)
    data["occurred_at"] = visit.occurred_at
    data["services"] = visit.services
    return data


def correct(vault: "Vault", visit_id: int, **changes) -> Visit:
    """Edit a visit; the earlier version stays in its history."""
    current = get(vault, visit_id)
    if current.voided:
        raise ValidationError("visit", "a voided visit cannot be corrected")
    cleaned = clean(vault, changes)
    data = _as_data(current) | cleaned | {"version": current.version + 1}
    with vault.write("correct", "visit", visit_id, detail=",".join(sorted(cleaned))):
        revisions.keep(vault, "visit", visit_id, current.version, dataclasses.asdict(current))
        write_row(vault, visit_id, data)
    return get(vault, visit_id)


def void(vault: "Vault", visit_id: int, reason: str) -> Visit:
    """Mark a visit as entered in error: it stops counting but stays in the history."""
    current = get(vault, visit_id)
    revisions.void(vault, "visit", "visits", current, dataclasses.asdict(current), reason)
    return get(vault, visit_id)
