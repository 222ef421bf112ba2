"""Referrals: destination from the directory, disclosure per topic, outcome followed up."""
from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from typing import TYPE_CHECKING

from . import clock, directory, revisions, validate
from .errors import NotFound, ValidationError, msg
from .models import (NAME_ON_PAPER, REFERRAL_STATUSES, TOPICS, URGENCIES, DirectoryEntry,
                     Referral)

if TYPE_CHECKING:
    from .vault import Vault

_TEXT = {"reason": False, "request": True, "client_told": True, "notes": True}
_EDITABLE = ("destination_id", "visit_id", "reason", "request", "urgency", "client_told",
             "name_on_paper", "disclose", "include_notes", "notes")


def clean(vault: "Vault", fields: dict) -> dict:
    validate.known_fields(fields, _EDITABLE, msg("a referral"))
    out = dict(fields)
    validate.text_fields(out, _TEXT, short_max=500)
    if "urgency" in out:
        out["urgency"] = validate.choice("urgency", out["urgency"], URGENCIES)
    if "name_on_paper" in out:
        out["name_on_paper"] = validate.choice("name on paper", out["name_on_paper"], NAME_ON_PAPER)
    if "disclose" in out:
        topics = validate.items("disclosure", out["disclose"])
        for topic in topics:
            validate.choice("disclosure", topic, TOPICS)
        out["disclose"] = frozenset(topics)
    if "include_notes" in out:
        out["include_notes"] = bool(out["include_notes"])
    if out.get("visit_id") is not None:
        validate.existing(vault.db, "visit", "visits", out["visit_id"])
    if "destination_id" in out:
        validate.record_id("destination", out["destination_id"])
        try:
            out["_destination"] = directory.get(vault, out["destination_id"])
        except NotFound:
            raise ValidationError("destination", "is not in the service directory") from None
    return out


def check_consent(destination: DirectoryEntry, disclose: frozenset) -> None:
    if destination.kind == "police_liaison" and "violence_police" not in disclose:
        raise ValidationError("consent", "a referral to the police liaison needs the client's "
                                         "consent to share 'violence and police contact'")


def row_for(data: dict) -> dict:
    return {
        "destination_id": data["destination_id"], "visit_id": data.get("visit_id"),
        "reason": data.get("reason", ""), "request": data.get("request", ""),
        "urgency": data.get("urgency", "routine"), "client_told": data.get("client_told", ""),
        "name_on_paper": data.get("name_on_paper", "chosen"),
        "disclose": json.dumps(sorted(data.get("disclose", ()))),
        "include_notes": int(data.get("include_notes", False)), "notes": data.get("notes", ""),
        "version": data.get("version", 1),
    }


def make(vault: "Vault", client_id: int, destination_id: int, *,
         made_at: datetime | None = None, **fields) -> Referral:
    """A new referral, status 'made'. Nothing is disclosed unless listed in `disclose`."""
    vault.require_clinical()
    from . import clients
    clients.require_live(vault, client_id)
    data = clean(vault, {"destination_id": destination_id, **fields})
    check_consent(data.pop("_destination"), data.get("disclose", frozenset()))
    made_at = validate.moment("made at", made_at or clock.now_utc())
    row = row_for(data) | {"client_id": client_id, "staff_id": vault.staff.id,
                        "made_at": clock.to_db(made_at)}
    with vault.write("create", "referral") as box:
        stored = vault.insert("referrals", row, "*")
        box["entity_id"] = stored["id"]
    return _referral(stored)


def _referral(r: dict) -> Referral:
    return Referral(
        id=r["id"], client_id=r["client_id"], destination_id=r["destination_id"],
        staff_id=r["staff_id"], made_at=clock.from_db(r["made_at"]), visit_id=r["visit_id"],
        reason=r["reason"], request=r["request"], urgency=r["urgency"],
        client_told=r["client_told"], name_on_paper=r["name_on_paper"],
        disclose=frozenset(json.loads(r["disclose"])), include_notes=bool(r["include_notes"]),
        notes=r["notes"], status=r["status"],
        status_date=date.fromisoformat(r["status_date"]) if r["status_date"] else None,
        version=r["version"], voided=bool(r["voided"]))


_POLICE_ONLY = ("destination_id IN (SELECT id FROM directory WHERE kind = 'police_liaison')")


def _visible(vault: "Vault") -> str:
    """The role rule: a police-liaison account sees only referrals to the police liaison."""
    return f" AND {_POLICE_ONLY}" if vault.is_police_liaison else ""


def get(vault: "Vault", referral_id: int) -> Referral:
    row = next(vault.db.query(f"SELECT * FROM referrals WHERE id = ?{_visible(vault)}",
                              [referral_id]), None)
    if row is None:
        raise NotFound(msg("no referral with id {referral_id}", referral_id=referral_id))
    return _referral(row)


def for_client(vault: "Vault", client_id: int, *, open_only: bool = False) -> list[Referral]:
    """Newest first. open_only: status 'made' and not voided (to ask about at next contact)."""
    sql = f"SELECT * FROM referrals WHERE client_id = ?{_visible(vault)}"
    if open_only:
        sql += " AND status = 'made' AND voided = 0"
    return [_referral(r) for r in vault.db.query(sql + " ORDER BY made_at DESC, id DESC",
                                                 [client_id])]


def shared_with_police(vault: "Vault") -> list[Referral]:
    """What a police-liaison account may see: referrals to the police liaison."""
    return [_referral(r) for r in vault.db.query(
        f"SELECT * FROM referrals WHERE {_POLICE_ONLY} AND voided = 0 ORDER BY made_at DESC")]


def made_between(vault: "Vault", start: datetime, end: datetime) -> list[Referral]:
    return [_referral(r) for r in vault.db.query(
        "SELECT * FROM referrals WHERE made_at >= ? AND made_at < ? AND voided = 0 ORDER BY id",
        [clock.to_db(start), clock.to_db(end)])]


def outcomes_between(vault: "Vault", start: datetime, end: datetime) -> list[Referral]:
    """Referrals whose outcome was recorded in [start, end), whenever they were made."""
    return [_referral(r) for r in vault.db.query(
        "SELECT * FROM referrals WHERE status_recorded_at >= ? AND status_recorded_at < ?"
        " AND voided = 0 ORDER BY id", [clock.to_db(start), clock.to_db(end)])]


def set_outcome(vault: "Vault", referral_id: int, status: str, on: date | None = None,
                recorded_at: datetime | None = None) -> Referral:
    """Follow-up at the next contact: attended / not attended / declined, with a date."""
    vault.require_clinical()
    current = get(vault, referral_id)
    status = validate.choice("status", status, REFERRAL_STATUSES)
    today = clock.local_date(clock.now_utc(), vault.settings.timezone)  # the clinic's day
    on = validate.past_date("outcome date", on or today, today=today)
    recorded = validate.moment("recorded at", recorded_at or clock.now_utc())
    with vault.write("outcome", "referral", referral_id, detail=status):
        revisions.keep(vault, "referral", referral_id, current.version, _as_dict(current))
        vault.db.execute(
            "UPDATE referrals SET status = ?, status_date = ?, status_recorded_at = ?,"
            " version = version + 1 WHERE id = ?",
            [status, on.isoformat(), clock.to_db(recorded), referral_id])
    return get(vault, referral_id)


def _as_dict(referral: Referral) -> dict:
    data = dataclasses.asdict(referral)
    data["disclose"] = sorted(referral.disclose)
    return data


def correct(vault: "Vault", referral_id: int, **changes) -> Referral:
    vault.require_clinical()
    current = get(vault, referral_id)
    if current.voided:
        raise ValidationError("referral", "a voided referral cannot be corrected")
    cleaned = clean(vault, changes)
    destination = cleaned.pop("_destination", None) or directory.get(vault, current.destination_id)
    data = _as_dict(current) | cleaned | {"version": current.version + 1}
    check_consent(destination, frozenset(data["disclose"]))
    row = row_for(data)
    with vault.write("correct", "referral", referral_id, detail=",".join(sorted(cleaned))):
        revisions.keep(vault, "referral", referral_id, current.version, _as_dict(current))
        vault.update("referrals", referral_id, row)
    return get(vault, referral_id)


def void(vault: "Vault", referral_id: int, reason: str) -> Referral:
    vault.require_clinical()
    current = get(vault, referral_id)
    revisions.void(vault, "referral", "referrals", current, _as_dict(current), reason)
    return get(vault, referral_id)

