"""Peak RSS of a process that shows the client search for the one-letter prefix matching
the most clients (the search lists nothing until something is typed; at 100k clients "m"
matches about 46k of them) and scrolls the list to its very end (the lazy model fetches page
by page as the view reaches the bottom), against a bare PySide6 window process. The vault is opened with its data key (passed on stdin) rather than
the passphrase, so the peak is the list's, not the KDF's (Argon2id's memory, 64 MiB here, is
freed as soon as the unlock ends and is measured by its own cost in the unlock row)."""
from __future__ import annotations

from benchmarks.bench_startup import probe
from benchmarks.report import Row
from records.search import fts_query

LIMIT_MB = 150


def widest_letter(db) -> tuple[str, int]:
    counts = [(letter, db.execute("SELECT count(*) FROM client_fts WHERE client_fts MATCH ?",
                                  [fts_query(letter)]).fetchone()[0])
              for letter in "abcdefghijklmnopqrstuvwxyz"]
    return max(counts, key=lambda lc: lc[1])


def run(ctx) -> list[Row]:
    letter, matches = widest_letter(ctx.vault.db)
    key = ctx.vault.data_key.hex()
    with ctx.released() as path:
        _, scrolled = probe("scroll", str(path), letter, stdin=key + "\n", timeout=1800)
    bare = min(probe("bare")[1]["peak_rss_kib"] for _ in range(3))
    return [Row(key="memory", label="peak RSS after scrolling the longest client list to its end",
                size=ctx.size, ours=scrolled["peak_rss_kib"] / 1024, baseline=bare / 1024,
                unit="MB", compare="delta", limit=LIMIT_MB, target=f"≤ +{LIMIT_MB} MB",
                detail={"prefix": letter, "matches": matches, "rows": scrolled["rows"],
                        "scroll_seconds": scrolled["scroll_seconds"]})]
