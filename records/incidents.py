"""Incident ("bad date") reports, kept only with the reporting worker's consent.

Two further consents are independent and must be chosen explicitly: the anonymised alert
sheet, and sharing with the police liaison. A police-liaison account sees only the latter.
"""
from __future__ import annotations

import dataclasses
import re
from datetime import datetime
from typing import TYPE_CHECKING

from . import clock, revisions, validate
from .errors import NotFound, ValidationError, msg
from .models import Incident

if TYPE_CHECKING:
    from .vault import Vault

_TEXT = {"area": False, "person_description": True, "vehicle_description": True,
         "plate_partial": False, "phone": False, "what_happened": True}
_EDITABLE = (*_TEXT, "occurred_at", "client_id", "consent_sheet", "consent_police")


def clean(vault: "Vault", fields: dict) -> dict:
    validate.known_fields(fields, _EDITABLE, msg("an incident"))
    out = dict(fields)
    validate.text_fields(out, _TEXT)
    if "plate_partial" in out:
        out["plate_partial"] = out["plate_partial"].upper()
    if "occurred_at" in out:
        out["occurred_at"] = validate.moment("when", out["occurred_at"])
    for flag in ("consent_sheet", "consent_police"):
        if flag in out and not isinstance(out[flag], bool):
            raise ValidationError(flag, "must be chosen explicitly: yes or no")
    if out.get("client_id") is not None:
        validate.record_id("client", out["client_id"])
        from . import clients
        clients.get(vault, out["client_id"])
    return out


def row_for(data: dict) -> dict:
    row = {name: data.get(name, "") for name in _TEXT}
    row |= {"occurred_at": clock.to_db(data["occurred_at"]), "client_id": data.get("client_id"),
            "consent_sheet": int(data["consent_sheet"]),
            "consent_police": int(data["consent_police"]), "version": data.get("version", 1)}
    return row


def report(vault: "Vault", *, occurred_at: datetime, consent_sheet: bool, consent_police: bool,
           **fields) -> Incident:
    """Record a report. Both consent flags have no default: the worker chooses each."""
    vault.require_clinical()
    data = clean(vault, {"occurred_at": occurred_at, "consent_sheet": consent_sheet,
                          "consent_police": consent_police, **fields})
    row = row_for(data) | {"staff_id": vault.staff.id,
                        "recorded_at": clock.to_db(clock.now_utc())}
    with vault.write("create", "incident") as box:
        box["entity_id"] = vault.insert("incidents", row)
    return get(vault, box["entity_id"])


def _incident(r: dict) -> Incident:
    return Incident(
        id=r["id"], staff_id=r["staff_id"], occurred_at=clock.from_db(r["occurred_at"]),
        area=r["area"], person_description=r["person_description"],
        vehicle_description=r["vehicle_description"], plate_partial=r["plate_partial"],
        phone=r["phone"], what_happened=r["what_happened"], client_id=r["client_id"],
        consent_sheet=bool(r["consent_sheet"]), consent_police=bool(r["consent_police"]),
        recorded_at=clock.from_db(r["recorded_at"]), version=r["version"],
        voided=bool(r["voided"]))


def _visible(vault: "Vault") -> str:
    return " AND consent_police = 1" if vault.is_police_liaison else ""


def get(vault: "Vault", incident_id: int) -> Incident:
    row = next(vault.db.query(f"SELECT * FROM incidents WHERE id = ?{_visible(vault)}",
                              [incident_id]), None)
    if row is None:
        raise NotFound(msg("no incident with id {incident_id}", incident_id=incident_id))
    incident = _incident(row)
    if vault.is_police_liaison:  # the liaison is not told who reported it
        incident = dataclasses.replace(incident, client_id=None)
    return incident


def find(vault: "Vault", *, text: str = "", start: datetime | None = None,
         end: datetime | None = None, client_id: int | None = None,
         for_sheet: bool = False, include_voided: bool = False) -> list[Incident]:
    """Newest first. `text` matches a partial plate or phone ignoring spaces and dashes, or
    words of the area and descriptions."""
    sql, args = f"SELECT * FROM incidents WHERE 1 = 1{_visible(vault)}", []
    if not include_voided:
        sql += " AND voided = 0"
    if for_sheet:
        sql += " AND consent_sheet = 1"
    if client_id is not None:
        vault.require_clinical()
        sql, args = sql + " AND client_id = ?", args + [client_id]
    if start:
        sql, args = sql + " AND occurred_at >= ?", args + [clock.to_db(start)]
    if end:
        sql, args = sql + " AND occurred_at < ?", args + [clock.to_db(end)]
    if text.strip():
        compact = re.sub(r"[\s\-]", "", text).upper()
        sql += (" AND (replace(replace(upper(plate_partial), ' ', ''), '-', '') LIKE ?"
                " OR replace(replace(replace(phone, ' ', ''), '-', ''), '.', '') LIKE ?"
                " OR area LIKE ? OR person_description LIKE ? OR vehicle_description LIKE ?)")
        args += [f"%{compact}%", f"%{compact}%"] + [f"%{text.strip()}%"] * 3
    found = [_incident(r) for r in vault.db.query(sql + " ORDER BY occurred_at DESC", args)]
    if vault.is_police_liaison:
        found = [dataclasses.replace(i, client_id=None) for i in found]
    return found


def correct(vault: "Vault", incident_id: int, **changes) -> Incident:
    vault.require_clinical()
    current = get(vault, incident_id)
    cleaned = clean(vault, changes)
    data = dataclasses.asdict(current) | cleaned | {"version": current.version + 1}
    data["occurred_at"] = cleaned.get("occurred_at", current.occurred_at)
    with vault.write("correct", "incident", incident_id, detail=",".join(sorted(cleaned))):
        revisions.keep(vault, "incident", incident_id, current.version, dataclasses.asdict(current))
        vault.update("incidents", incident_id, row_for(data))
    return get(vault, incident_id)


def void(vault: "Vault", incident_id: int, reason: str) -> Incident:
    vault.require_clinical()
    current = get(vault, incident_id)
    revisions.void(vault, "incident", "incidents", current, dataclasses.asdict(current), reason)
    return get(vault, incident_id)
