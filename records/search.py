"""Find a client as the nurse types: FTS5 prefix search over names, aliases, UIC and ref.

Results come newest client first, in rowid order, never ranked: FTS5 then stops after
`limit` matches, so a one-letter prefix over 100k clients costs the same as a long one.
Pages continue with `before_id` (keyset paging) so scrolling never re-reads earlier rows.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .vault import Vault

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class SearchHit:
    id: int
    name: str
    uic: str
    ref: str
    aliases: tuple[str, ...]
    pronouns: str


def normalise(text: str) -> str:
    """Case- and accent-insensitive form, as the FTS tokenizer sees it."""
    plain = unicodedata.normalize("NFKD", text or "")
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


def fts_query(text: str) -> str:
    """Every typed word as a prefix term, all required: 'ro ma' -> '"ro"* AND "ma"*'."""
    return " AND ".join(f'"{word}"*' for word in _WORD.findall(normalise(text)))


_COLUMNS = "id, name, uic, ref, aliases, pronouns"


def _hits(rows) -> list[SearchHit]:
    return [SearchHit(r[0], r[1], r[2], r[3] or "", tuple(json.loads(r[4])), r[5]) for r in rows]


def search(vault: "Vault", text: str, *, limit: int = 50,
           before_id: int | None = None) -> list[SearchHit]:
    """One page of matches; pass the last hit's id as `before_id` for the next page."""
    vault.require_clinical()
    before = before_id if before_id is not None else 1 << 62
    query = fts_query(text)
    db = vault.db
    if not query:
        rows = db.execute(
            f"SELECT {_COLUMNS} FROM clients WHERE id < ? AND deleted_at IS NULL"
            " AND merged_into IS NULL ORDER BY id DESC LIMIT ?", [before, limit]).fetchall()
        return _hits(rows)
    ids = [r[0] for r in db.execute(
        "SELECT rowid FROM client_fts WHERE client_fts MATCH ? AND rowid < ?"
        " ORDER BY rowid DESC LIMIT ?", [query, before, limit])]
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = db.execute(f"SELECT {_COLUMNS} FROM clients WHERE id IN ({marks})"
                      " ORDER BY id DESC", ids).fetchall()
    return _hits(rows)
