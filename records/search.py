"""Find a client as the nurse types: ranked by how the typed words match what the list shows.

Order: first how the words match (`RANKS`: all in the name before needing an alias, before
needing the code or ref, before the legal name; within each, every word whole before a
prefix), then last contact, most recent first, then the higher client id. Only what a row
shows is searched: the legal name only when the caller shows it (`hidden=True`), and that
search is audited (without the typed text).

How it stays fast at 100k clients: one FTS5 column holds each client's words tagged with
their field ("n_rose", "a_red", "c_fmasm1990", "h_..."), so a field has its own doclists and
prefix indexes; and the row id of a client's entry is its *search key*, last contact (Unix
seconds) shifted left by `SHIFT` bits with the client id in the low bits. FTS5 walks a doclist
in row id order, so each rank is one MATCH expression read newest contact first that stops
after `limit` rows, whatever the number of matches. The schema's triggers (records/schema.py,
migration 0010) re-key a client's entry when a visit changes its last contact;
`reindex` rewrites it when the client's fields change.
"""
from __future__ import annotations

import json
import re
from datetime import datetime, timezone
from typing import TYPE_CHECKING, NamedTuple

from . import clock, validate

if TYPE_CHECKING:
    from .vault import Vault

# Words as the index stores them: letters and digits, never "_" (it joins the field tag).
_WORD = re.compile(r"[^\W_]+")
SHIFT = 28                # client ids below 2**28; last contact in seconds above them
_ID_MASK = (1 << SHIFT) - 1
VISIBLE = ("n", "a", "c")  # name, aliases, code (complete UIC) and ref: what a row shows
HIDDEN = "h"               # the legal name, searchable only while shown
# Rank numbers in result order, for `SearchHit.rank`: 2 * field + (0 whole words, 1 prefix).
RANKS = ("name, whole words", "name", "alias, whole words", "alias", "code or ref, whole words",
         "code or ref", "legal name, whole words", "legal name")


class SearchHit(NamedTuple):
    """One row of the result list (a tuple: a page of them is built per keystroke)."""
    id: int
    name: str
    uic: str                 # complete code, else ""
    ref: str
    aliases: tuple[str, ...]
    pronouns: str
    last_contact: datetime   # UTC: the latest visit, or registration if none
    rank: int                # index into RANKS
    on_ref: bool = False     # a typed word matched the ref (the row then shows it)
    legal_name: str = ""     # only when hidden fields are shown


def normalise(text: str) -> str:
    """Case- and accent-insensitive form, as the index stores words."""
    return " ".join(validate.plain(text).casefold().split())


def words(text: str) -> list[str]:
    return _WORD.findall(normalise(text))


def _term(fields: str | tuple[str, ...], word: str, prefix: bool) -> str:
    star = "*" if prefix else ""
    return "(" + " OR ".join(f'"{f}_{word}"{star}' for f in fields) + ")"


def fts_query(text: str) -> str:
    """Every typed word as a prefix of a word the list shows, all required:
    'ro 12' -> '("n_ro"* OR "a_ro"* OR "c_ro"*) AND ("n_12"* OR ...)'. The unranked match."""
    return " AND ".join(_term(VISIBLE, word, True) for word in words(text))


def rank_queries(text: str, hidden: bool = False) -> list[str]:
    """One MATCH expression per rank, in order; each holds only the rows of that rank.

    Rank (f, w): every word within the first f+1 fields, whole words if w == 0; minus rows
    of an earlier rank: those matching every word within fields before f (prefix), and for
    w == 1 those matching as whole words within the first f+1 fields."""
    typed = words(text)
    fields = VISIBLE + (HIDDEN,) if hidden else VISIBLE

    def within(count: int, prefix: bool) -> str:
        return " AND ".join(_term(fields[:count], word, prefix) for word in typed)

    out = []
    for f in range(len(fields)):
        for prefix in (False, True):
            if len(typed) == 1:  # the same rows, without walking the earlier fields' lists
                expr = _term(fields[f], typed[0], prefix)
                if prefix:
                    expr += f" NOT {_term(fields[f], typed[0], False)}"
                if f:
                    expr += f" NOT {_term(fields[:f], typed[0], True)}"
            else:
                expr = f"({within(f + 1, prefix)})"
                if prefix:
                    expr += f" NOT ({within(f + 1, False)})"
                if f:
                    expr += f" NOT ({within(f, True)})"
            out.append(expr)
    return out


# --- the index -----------------------------------------------------------------------------

def index_text(name: str, aliases, uic: str, uic_complete: bool, ref: str,
               legal_name: str) -> str:
    """The words of one client's entry, each tagged with its field."""
    parts = [("n", name), *(("a", alias) for alias in aliases),
             ("c", uic if uic_complete else ""), ("c", ref or ""), (HIDDEN, legal_name)]
    return " ".join(f"{tag}_{word}" for tag, text in parts for word in words(text))


def key_for(moment: str, client_id: int) -> int:
    """The search key: a stored UTC time (clock.to_db) and the client id. The triggers of
    migration 0010 compute the same in SQL."""
    seconds = max(0, int(clock.from_db(moment).timestamp()))
    return seconds << SHIFT | client_id


_CLIENT = ("SELECT id, name, aliases, uic, uic_complete, ref, legal_name, created_at,"
           " deleted_at IS NULL AND merged_into IS NULL FROM clients")


def _entry(row, last_visit: str | None) -> tuple[int, str | None]:
    """(key, text or None when the client is not live) for a row of _CLIENT."""
    client_id, name, aliases, code, complete, ref, legal, created, live = row
    key = key_for(max(created, last_visit or ""), client_id)
    text = index_text(name, json.loads(aliases), code, complete, ref, legal) if live else None
    return key, text


def reindex(db, client_id: int) -> None:
    """Rewrite one client's entry after their row changed (inside the caller's transaction);
    a deleted or merged client has none."""
    old = db.execute("SELECT search_key FROM client_seen WHERE client_id = ?",
                     [client_id]).fetchone()
    if old:
        db.execute("DELETE FROM client_fts WHERE rowid = ?", [old[0]])
    row = db.execute(f"{_CLIENT} WHERE id = ?", [client_id]).fetchone()
    last = db.execute("SELECT max(occurred_at) FROM visits WHERE client_id = ? AND voided = 0",
                      [client_id]).fetchone()[0]
    key, text = _entry(row, last)
    db.execute("INSERT INTO client_seen (client_id, search_key) VALUES (?, ?)"
               " ON CONFLICT (client_id) DO UPDATE SET search_key = excluded.search_key",
               [client_id, key])
    if text is not None:
        db.execute("INSERT INTO client_fts (rowid, terms) VALUES (?, ?)", [key, text])


def rebuild(db) -> None:
    """Every client's entry from scratch (the migration, and the demo generator once its
    visits are in)."""
    db.execute("DELETE FROM client_fts")
    db.execute("DELETE FROM client_seen")
    last = dict(db.execute("SELECT client_id, max(occurred_at) FROM visits"
                           " WHERE voided = 0 AND client_id IS NOT NULL GROUP BY client_id"))
    seen, entries = [], []
    for row in db.execute(_CLIENT):
        key, text = _entry(row, last.get(row[0]))
        seen.append((row[0], key))
        if text is not None:
            entries.append((key, text))
    db.conn.executemany("INSERT INTO client_seen (client_id, search_key) VALUES (?, ?)", seen)
    db.conn.executemany("INSERT INTO client_fts (rowid, terms) VALUES (?, ?)", entries)


# --- searching -----------------------------------------------------------------------------

_SELECT = ("SELECT f.rowid, c.id, c.name, c.uic, c.uic_complete, c.ref, c.pronouns, c.legal_name,"
           " (SELECT group_concat(value, char(31)) FROM json_each(c.aliases))"
           " FROM client_fts f JOIN clients c ON c.id = f.rowid & " + str(_ID_MASK))
# Aliases come joined by U+001F, a control character no validated text holds: SQLite
# unpacks the JSON list in C, which costs far less than json.loads per row in Python.
_SEP = "\x1f"


def _hit(row, rank: int, typed: list[str], hidden: bool) -> SearchHit:
    key, client_id, name, code, complete, ref, pronouns, legal, aliases = row
    return SearchHit(
        client_id, name, code if complete else "", ref or "",
        tuple(aliases.split(_SEP)) if aliases else (), pronouns,
        datetime.fromtimestamp(key >> SHIFT, timezone.utc), rank,
        on_ref=bool(ref) and any(r.startswith(w) for w in typed for r in words(ref)),
        legal_name=legal if hidden else "")


def _key(db, client_id: int) -> int | None:
    found = db.execute("SELECT search_key FROM client_seen WHERE client_id = ?",
                       [client_id]).fetchone()
    return found[0] if found else None


def _cursor(db, queries: list[str | None], client_id: int) -> tuple[int, int] | None:
    """(rank, key) of a client in this result order, or None if it no longer matches."""
    key = _key(db, client_id)
    if key is not None:
        for rank, query in enumerate(queries):
            if query is None or db.execute(
                    "SELECT 1 FROM client_fts WHERE client_fts MATCH ? AND rowid = ?",
                    [query, key]).fetchone():
                return rank, key
    return None


def search(vault: "Vault", text: str, *, limit: int = 50, before_id: int | None = None,
           hidden: bool = False) -> list[SearchHit]:
    """One page of matches, best first; pass the last hit's id as `before_id` for the next
    page. `hidden=True` also searches (and returns) the legal name: the caller shows it, and
    the search is audited. No words typed: everyone, most recent contact first."""
    vault.require_clinical()
    db = vault.db
    typed = words(text)
    queries: list[str | None] = rank_queries(text, hidden) if typed else [None]
    start, before = 0, 1 << 62
    if before_id is not None:
        cursor = _cursor(db, queries, before_id)
        if cursor is None:  # gone or changed since the last page
            return []
        start, before = cursor
    hits: list[SearchHit] = []
    for rank in range(start, len(queries)):
        if len(hits) >= limit:
            break
        query = queries[rank]
        match, args = ("client_fts MATCH ? AND", [query]) if query else ("", [])
        rows = db.execute(f"{_SELECT} WHERE {match} f.rowid < ? ORDER BY f.rowid DESC LIMIT ?",
                          [*args, before, limit - len(hits)]).fetchall()
        hits += [_hit(row, rank, typed, hidden) for row in rows]
        before = 1 << 62
    if hidden:
        shown = [str(hit.id) for hit in hits if hit.legal_name]
        vault.record("search_hidden", "client", "",
                     detail=f"legal names shown: {len(shown)} ({','.join(shown)})")
    return hits
