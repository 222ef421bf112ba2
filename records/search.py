"""Find a client as the nurse types: FTS5 prefix search over names, aliases, UIC and ref.

Results come newest client first, in rowid order, never ranked: FTS5 then stops after
`limit` matches, so a one-letter prefix over 100k clients costs the same as a long one.
Pages continue with `before_id` (keyset paging) so scrolling never re-reads earlier rows.
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

from . import validate

if TYPE_CHECKING:
    from .vault import Vault

_WORD = re.compile(r"\w+")


class SearchHit(NamedTuple):
    """One row of the result list (a tuple: a page of them is built per keystroke)."""
    id: int
    name: str
    uic: str
    ref: str
    aliases: tuple[str, ...]
    pronouns: str


def normalise(text: str) -> str:
    """Case- and accent-insensitive form, as the FTS tokenizer sees it."""
    return " ".join(validate.plain(text).casefold().split())


def fts_query(text: str) -> str:
    """Every typed word as a prefix term, all required: 'ro ma' -> '"ro"* AND "ma"*'."""
    return " AND ".join(f'"{word}"*' for word in _WORD.findall(normalise(text)))


# Aliases come joined by U+001F, a control character no validated text holds: SQLite
# unpacks the JSON list in C, which costs far less than json.loads per row in Python.
_SEP = "\x1f"
_COLUMNS = ("c.id, c.name, c.uic, c.ref, c.pronouns,"
            " (SELECT group_concat(value, char(31)) FROM json_each(c.aliases))")


def _hits(rows) -> list[SearchHit]:
    return [SearchHit(i, name, uic, ref or "", tuple(aliases.split(_SEP)) if aliases else (),
                      pronouns) for i, name, uic, ref, pronouns, aliases in rows]


def search(vault: "Vault", text: str, *, limit: int = 50,
           before_id: int | None = None) -> list[SearchHit]:
    """One page of matches; pass the last hit's id as `before_id` for the next page."""
    vault.require_clinical()
    before = before_id if before_id is not None else 1 << 62
    query = fts_query(text)
    db = vault.db
    if not query:
        rows = db.execute(
            f"SELECT {_COLUMNS} FROM clients c WHERE id < ? AND deleted_at IS NULL"
            " AND merged_into IS NULL ORDER BY id DESC LIMIT ?", [before, limit]).fetchall()
    else:
        # FTS5 walks its index in rowid order and stops at `limit`; each hit is then one
        # primary-key lookup (the index holds live clients only: clients.py keeps it so).
        rows = db.execute(
            f"SELECT {_COLUMNS} FROM client_fts f JOIN clients c ON c.id = f.rowid"
            " WHERE client_fts MATCH ? AND f.rowid < ? ORDER BY f.rowid DESC LIMIT ?",
            [query, before, limit]).fetchall()
    return _hits(rows)
