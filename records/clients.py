"""Clients: registered with one field, the name they give; everything else optional."""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from . import clock, uic, validate
from .errors import NotFound, ValidationError, msg
from .models import GENDERS, LANGUAGES, Client

if TYPE_CHECKING:
    from .vault import Vault

HIDDEN_FIELDS = ("legal_name", "birth_date", "phone", "problems", "medications", "allergies")
_TEXT_FIELDS = {  # field -> (max length, multiline)
    "name": (validate.SHORT, False), "legal_name": (validate.SHORT, False),
    "pronouns": (40, False), "phone": (40, False), "contact_notes": (validate.LONG, True),
    "problems": (validate.LONG, True), "medications": (validate.LONG, True),
    "allergies": (validate.LONG, True), "ref": (80, False),
    "uic_first": (validate.SHORT, False), "uic_last": (validate.SHORT, False),
}
FIELDS = tuple(_TEXT_FIELDS) + ("aliases", "flags", "gender", "birth_year", "birth_date",
                                "uic_chosen", "language")


def clean(fields: dict) -> dict:
    validate.known_fields(fields, FIELDS, msg("a client"))
    out = {}
    for name, value in fields.items():
        if name in _TEXT_FIELDS:
            max_len, multiline = _TEXT_FIELDS[name]
            out[name] = validate.text(name, value, max_len=max_len, multiline=multiline,
                                      required=name == "name")
        elif name in ("aliases", "flags"):
            if isinstance(value, str):
                value = value.split(";")
            out[name] = validate.text_list(name, value)
        elif name == "gender":
            out[name] = validate.choice("gender", value, GENDERS, empty_ok=True)
        elif name == "birth_year":
            out[name] = validate.birth_year("birth_year", value)
        elif name == "birth_date":
            out[name] = validate.past_date("birth_date", value)
        elif name == "language":
            out[name] = validate.choice("language", value or "en", LANGUAGES)
        elif name == "uic_chosen":
            out[name] = uic.check_chosen(value)[0] if value else ""
    if "birth_date" in out and out["birth_date"] and not out.get("birth_year"):
        out["birth_year"] = out["birth_date"].year
    return out


def code_for(fields: dict) -> tuple[str, bool]:
    """The UIC a client's fields give: the chosen code if any, else the recipe."""
    if fields.get("uic_chosen"):
        return uic.check_chosen(fields["uic_chosen"])
    first = fields.get("uic_first") or ""
    last = fields.get("uic_last") or ""
    if not first and not last:
        parts = (fields.get("legal_name") or "").split()
        first, last = (parts[0], parts[-1]) if len(parts) >= 2 else ("", "")
    return uic.compute(fields.get("gender", ""), first, last, fields.get("birth_year"))


def search_terms(row: dict) -> str:
    """The search text of the index before migration 0008 (migration 0007 still writes it)."""
    names = [row["name"], row["legal_name"], *row["aliases"], row["uic"], row["ref"] or ""]
    return " ".join(n for n in names if n)


def _to_db(fields: dict) -> dict:
    out = dict(fields)
    for name in ("aliases", "flags"):
        if name in out:
            out[name] = json.dumps(list(out[name]), ensure_ascii=False)
    if "birth_date" in out:
        out["birth_date"] = out["birth_date"].isoformat() if out["birth_date"] else None
    if "ref" in out:
        out["ref"] = out["ref"] or None
    return out


def row_to_client(row: dict) -> Client:
    from datetime import date
    return Client(
        id=row["id"], name=row["name"], legal_name=row["legal_name"],
        aliases=tuple(json.loads(row["aliases"])), pronouns=row["pronouns"],
        gender=row["gender"], birth_year=row["birth_year"],
        birth_date=date.fromisoformat(row["birth_date"]) if row["birth_date"] else None,
        phone=row["phone"], contact_notes=row["contact_notes"],
        flags=tuple(json.loads(row["flags"])), problems=row["problems"],
        medications=row["medications"], allergies=row["allergies"], ref=row["ref"] or "",
        uic_first=row["uic_first"], uic_last=row["uic_last"], uic_chosen=row["uic_chosen"],
        uic=row["uic"], uic_complete=bool(row["uic_complete"]), language=row["language"],
        created_at=clock.from_db(row["created_at"]), deleted=row["deleted_at"] is not None)


def _check_ref_free(vault: "Vault", ref: str, client_id: int | None = None) -> None:
    if not ref:
        return
    row = vault.db.execute("SELECT id FROM clients WHERE ref = ?", [ref]).fetchone()
    if row and row[0] != client_id:
        raise ValidationError("ref", "is already used by another client")


def _index(vault: "Vault", client_id: int) -> None:
    from . import search
    search.reindex(vault.db, client_id)


def db_row(fields: dict, created_at: datetime | None = None) -> dict:
    """The clients-table row (UIC computed) for validated fields; no id. The demo generator
    inserts these in bulk."""
    code, complete = code_for(fields)
    return _to_db(fields) | {"uic": code, "uic_complete": int(complete),
                             "created_at": clock.to_db(created_at or clock.now_utc())}


def insert_row(vault: "Vault", fields: dict) -> int:
    """Insert a validated client inside the caller's transaction (used by import too)."""
    _check_ref_free(vault, fields.get("ref", ""))
    row = db_row(fields)
    client_id = vault.insert("clients", row)
    _index(vault, client_id)
    return client_id


def register(vault: "Vault", name: str, **fields) -> Client:
    """A new client. Only `name` (the name the client gives) is required."""
    vault.require_clinical()
    cleaned = clean({"name": name, **fields})
    with vault.write("create", "client") as box:
        box["entity_id"] = insert_row(vault, cleaned)
    return get(vault, box["entity_id"])


def update(vault: "Vault", client_id: int, **fields) -> Client:
    vault.require_clinical()
    current = get(vault, client_id)
    cleaned = clean(fields)
    merged = {f: getattr(current, f) for f in FIELDS} | cleaned
    code, complete = code_for(merged)
    _check_ref_free(vault, merged.get("ref", ""), client_id)
    row = _to_db(cleaned) | {"uic": code, "uic_complete": int(complete)}
    with vault.write("update", "client", client_id, detail=",".join(sorted(cleaned))):
        vault.update("clients", client_id, row)
        _index(vault, client_id)
    return get(vault, client_id)


def require_live(vault: "Vault", client_id) -> None:
    """A visit or referral may only name a client who exists, not deleted or merged."""
    validate.record_id("client", client_id)
    row = vault.db.execute("SELECT deleted_at, merged_into FROM clients WHERE id = ?",
                           [client_id]).fetchone()
    if row is None or row[0] or row[1]:
        raise ValidationError("client", "no such client")


def get(vault: "Vault", client_id: int) -> Client:
    vault.require_clinical()
    row = next(vault.db.query("SELECT * FROM clients WHERE id = ?", [client_id]), None)
    if row is None or row["merged_into"] is not None:
        raise NotFound(msg("no client with id {client_id}", client_id=client_id))
    return row_to_client(row)


def reveal_hidden(vault: "Vault", client_id: int) -> dict:
    """Legal name, date of birth, phone and health summary: shown on request, audited."""
    client = get(vault, client_id)
    vault.record("view_hidden", "client", client_id)
    return {f: getattr(client, f) for f in HIDDEN_FIELDS}


def by_ref(vault: "Vault", ref: str) -> Client | None:
    row = vault.db.execute("SELECT id FROM clients WHERE ref = ? AND merged_into IS NULL",
                           [ref]).fetchone()
    return get(vault, row[0]) if row else None


@dataclass(frozen=True)
class Duplicate:
    id: int
    name: str
    uic: str
    why: str


def likely_duplicates(vault: "Vault", name: str, code: str = "", complete: bool = False,
                      exclude_id: int | None = None) -> list[Duplicate]:
    """Clients with the same complete UIC or a very similar name (a warning, never a block)."""
    from . import search
    found: dict[int, Duplicate] = {}
    if complete and code:
        for r in vault.db.query("SELECT id, name, uic FROM clients WHERE uic = ? AND uic_complete = 1"
                                " AND deleted_at IS NULL AND merged_into IS NULL", [code]):
            found[r["id"]] = Duplicate(r["id"], r["name"], r["uic"], "same code")
    wanted = search.normalise(name)
    if wanted:
        for hit in search.search(vault, name, limit=20):
            if hit.id not in found and search.normalise(hit.name) == wanted:
                found[hit.id] = Duplicate(hit.id, hit.name, hit.uic, "same name")
    found.pop(exclude_id, None)
    return list(found.values())


def merge(vault: "Vault", keep_id: int, merge_id: int) -> Client:
    """Move everything of `merge_id` onto `keep_id`; the merged record points at the kept one."""
    if keep_id == merge_id:
        raise ValidationError("merge", "a client cannot be merged with itself")
    keep, other = get(vault, keep_id), get(vault, merge_id)
    aliases = tuple(dict.fromkeys((*keep.aliases, other.name, *other.aliases)))
    aliases = tuple(a for a in aliases if a != keep.name)
    with vault.write("merge", "client", keep_id, detail=f"merged client {merge_id}"):
        for table in ("visits", "referrals", "incidents", "drafts"):
            vault.db.execute(f"UPDATE {table} SET client_id = ? WHERE client_id = ?",
                             [keep_id, merge_id])
        vault.db.execute("UPDATE clients SET aliases = ? WHERE id = ?",
                         [json.dumps(list(aliases), ensure_ascii=False), keep_id])
        vault.db.execute("UPDATE clients SET merged_into = ? WHERE id = ?", [keep_id, merge_id])
        _index(vault, keep_id)
        _index(vault, merge_id)
    return get(vault, keep_id)


def delete_at_request(vault: "Vault", client_id: int) -> None:
    """Remove a client's personal data at their request. Visits, supplies and referral
    outcomes stay as anonymous structure so past counts do not change; the complete code is
    kept only as its keyed hash (for unique counts); free text and unsaved drafts are wiped."""
    client = get(vault, client_id)
    secret = vault.settings.uic_secret
    count_key = uic.keyed_hash(client.uic, secret) if client.uic_complete and secret else ""
    blank = {f: "" for f in ("legal_name", "pronouns", "phone", "contact_notes", "problems",
                             "medications", "allergies", "uic_first", "uic_last", "uic_chosen",
                             "uic")}
    with vault.write("delete", "client", client_id, detail="personal data removed at request"):
        sets = ", ".join(f"{c} = ?" for c in blank)
        vault.db.execute(
            f"UPDATE clients SET {sets}, name = '', aliases = '[]', flags = '[]', ref = NULL,"
            " birth_date = NULL, birth_year = NULL, gender = '', uic_hash = ?, deleted_at = ?"
            " WHERE id = ?", [*blank.values(), count_key, clock.to_db(clock.now_utc()), client_id])
        vault.db.execute("UPDATE visits SET note = '', reason = '', follow_up = '' WHERE client_id = ?",
                         [client_id])
        vault.db.execute("UPDATE referrals SET reason = '', request = '', client_told = '', notes = ''"
                         " WHERE client_id = ?", [client_id])
        vault.db.execute("UPDATE incidents SET client_id = NULL WHERE client_id = ?", [client_id])
        vault.db.execute("DELETE FROM drafts WHERE client_id = ?", [client_id])
        for entity, table in (("visit", "visits"), ("referral", "referrals")):
            vault.db.execute(f"DELETE FROM revisions WHERE entity = ? AND entity_id IN"
                             f" (SELECT id FROM {table} WHERE client_id = ?)", [entity, client_id])
        _index(vault, client_id)
