"""Peak RSS of a process that shows the client search and scrolls its list to the very last
client (the lazy model fetches page by page as the view reaches the bottom), against a bare
PySide6 window process. The vault is opened with its data key (passed on stdin) rather than
the passphrase, so the peak is the list's, not the KDF's (Argon2id's memory, 64 MiB here, is
freed as soon as the unlock ends and is measured by its own cost in the unlock row)."""
from __future__ import annotations

from benchmarks.bench_startup import probe
from benchmarks.report import Row

LIMIT_MB = 150


def run(ctx) -> list[Row]:
    _, scrolled = probe("scroll", str(ctx.bench.path), stdin=ctx.vault.data_key.hex() + "\n",
                        timeout=1800)
    bare = min(probe("bare")[1]["peak_rss_kib"] for _ in range(3))
    return [Row(key="memory", label="peak RSS after scrolling the whole client list",
                size=ctx.size, ours=scrolled["peak_rss_kib"] / 1024, baseline=bare / 1024,
                unit="MB", compare="delta", limit=LIMIT_MB, target=f"≤ +{LIMIT_MB} MB",
                detail={"rows": scrolled["rows"], "scroll_seconds": scrolled["scroll_seconds"]})]
