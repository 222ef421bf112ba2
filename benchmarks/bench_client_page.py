"""Open a client with 300 visits: records.client_page.load (everything the client page
shows, as dataclasses) against the same rows read by one plain SQL query per table."""
from __future__ import annotations

from benchmarks.report import Row
from benchmarks.timing import interleaved, summary
from records import client_page

PLAIN = (
    "SELECT * FROM clients WHERE id = :id",
    "SELECT * FROM visits WHERE client_id = :id ORDER BY occurred_at DESC, id DESC",
    "SELECT * FROM visit_services WHERE visit_id IN (SELECT id FROM visits WHERE client_id = :id)",
    "SELECT * FROM visit_supplies WHERE visit_id IN (SELECT id FROM visits WHERE client_id = :id)",
    "SELECT * FROM referrals WHERE client_id = :id ORDER BY made_at DESC, id DESC",
    "SELECT * FROM directory WHERE id IN (SELECT destination_id FROM referrals WHERE client_id = :id)",
    "SELECT * FROM incidents WHERE client_id = :id AND voided = 0 ORDER BY occurred_at DESC",
)


def run(ctx) -> list[Row]:
    vault, client_id = ctx.vault, ctx.bench.heavy_client_id
    conn = vault.db.conn

    def plain() -> None:
        for sql in PLAIN:
            conn.execute(sql, {"id": client_id}).fetchall()

    data = client_page.load(vault, client_id)
    mine, base = interleaved(lambda: client_page.load(vault, client_id), plain,
                             repeat=10 if ctx.quick else 60)
    ours, baseline = summary(mine), summary(base)
    return [Row(key="client_page", label="open a client with 300 visits (p50)", size=ctx.size,
                ours=ours["p50"], baseline=baseline["p50"], limit=2.0, target="≤ 2x",
                detail={"visits": len(data.visits), "referrals": len(data.referrals),
                        "incidents": len(data.incidents), "ours_p95": ours["p95"],
                        "baseline_p95": baseline["p95"], "n": ours["n"]})]
