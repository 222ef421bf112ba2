"""Search as you type: each keystroke of 1 to 4 characters as the UI issues it (the search
box's text, the refresh its debounce timer calls, which fills the lazy list model with
records.search's ranked page, then the text of the rows a list view shows), against the naive
ranked FTS5 prefix query on the same index (the same rows matched: `fts_query`, every typed
word as a prefix of a visible field; ranked with ORDER BY rank; the list's first page)."""
from __future__ import annotations

import json
import random

from benchmarks.report import Row
from benchmarks.timing import interleaved, summary
from records.search import SHIFT, fts_query
from ui.client_search import PAGE, ClientSearch

VISIBLE_ROWS = 20  # rows a list view paints on a laptop screen
FRAME_MS = 16.0    # one 60 Hz frame
RATIO = 1.5        # at most this times the ranked FTS5 query
RANKED = ("SELECT c.id, c.name, c.uic, c.ref, c.aliases, c.pronouns FROM client_fts"
          f" JOIN clients c ON c.id = client_fts.rowid & {(1 << SHIFT) - 1}"
          f" WHERE client_fts MATCH ? ORDER BY client_fts.rank LIMIT {PAGE}")


def typed_words(db, count: int, seed: int) -> list[str]:
    """First words of names and aliases of clients picked at random: what nurses type."""
    rng = random.Random(seed)
    top = db.execute("SELECT max(id) FROM clients").fetchone()[0]
    words: list[str] = []
    while len(words) < count:
        row = db.execute("SELECT name, aliases FROM clients WHERE id = ? AND deleted_at IS NULL",
                         [rng.randint(1, top)]).fetchone()
        if row is None:
            continue
        names = [row[0], *json.loads(row[1])]
        word = rng.choice(names).split()[0] if rng.random() < 0.25 else names[0].split()[0]
        if len(word) >= 4:
            words.append(word)
    return words


def run(ctx) -> list[Row]:
    widget = ClientSearch(ctx.vault)
    widget.resize(800, 600)
    widget.show()
    model = widget.model
    db = ctx.vault.db

    def keystroke(text: str) -> None:
        widget.box.setText(text)
        widget.refresh()
        for row in range(min(VISIBLE_ROWS, model.rowCount())):
            model.data(model.index(row))

    def ranked(text: str) -> None:
        db.execute(RANKED, [fts_query(text)]).fetchall()

    words = typed_words(db, 12 if ctx.quick else 120, seed=ctx.size)
    rows = []
    for length in (1, 2, 3, 4):
        mine, base = [], []
        for word in words:
            prefix = word[:length]
            m, b = interleaved(lambda: keystroke(prefix), lambda: ranked(prefix),
                               repeat=3, warmup=1)
            mine += m
            base += b
        ours_s, base_s = summary(mine), summary(base)
        hits = {w[:length]: len(db.execute(
            "SELECT rowid FROM client_fts WHERE client_fts MATCH ? LIMIT 100000",
            [fts_query(w[:length])]).fetchall()) for w in words[:5]}
        for stat in ("p50", "p95"):
            rows.append(Row(
                key=f"search_{length}_{stat}",
                label=f"search as you type, {length} char{'s' if length > 1 else ''} ({stat})",
                size=ctx.size, ours=ours_s[stat], baseline=base_s[stat], limit=RATIO,
                abs_limit=FRAME_MS if stat == "p95" else None,
                target=f"≤ {RATIO}x" + (f", ≤ {FRAME_MS:.0f} ms" if stat == "p95" else ""),
                detail={"keystrokes": ours_s["n"], "matches_for_some_prefixes": hits}))
    widget.close()
    widget.deleteLater()
    return rows
