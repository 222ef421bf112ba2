"""Save a visit with services, supplies and a referral, as the visit form's "Save and refer"
does (records.visits.record and records.referrals.make in one vault.together() block:
validation, the running shift, the audit chain, re-reading what was saved), against one bare
INSERT transaction of the same rows on the same connection (same journal and synchronous
settings: a rollback journal with synchronous=FULL, so each commit syncs the journal twice
and the database once; records/vault.py connect)."""
from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone

from benchmarks.report import Row
from benchmarks.timing import interleaved, summary
from records import clients, directory, referrals, visits

SERVICES = [("hiv_test", "pending"), "counselling", "wound_care"]
SUPPLIES = {"needles": 20, "condoms": 12, "naloxone_nasal": 1}
START = datetime(2026, 11, 21, 2, 0, tzinfo=timezone.utc)


def run(ctx) -> list[Row]:
    vault = ctx.vault
    conn = vault.db.conn
    client = clients.register(vault, "Bench Saver")
    destination = next(e for e in directory.entries(vault) if e.kind == "sexual_health")
    staff_id = vault.staff.id
    minutes = itertools.count()

    def ours() -> None:
        at = START + timedelta(minutes=next(minutes))
        with vault.together():
            visit = visits.record(vault, client_id=client.id, occurred_at=at,
                                  site="King & Main", reason="check-in", services=SERVICES,
                                  supplies=SUPPLIES)
            referrals.make(vault, client.id, destination.id, visit_id=visit.id, made_at=at,
                           reason="test follow-up", request="please see this week",
                           urgency="soon", client_told="open Monday to Friday")

    def bare() -> None:
        at = (START + timedelta(minutes=next(minutes))).strftime("%Y-%m-%dT%H:%M:%SZ")
        conn.execute("BEGIN")
        visit_id = conn.execute(
            "INSERT INTO visits (client_id, staff_id, occurred_at, local_date, iso_week, tz,"
            " site, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [client.id, staff_id, at, at[:10], "2026-W47", "America/Toronto", "King & Main",
             "check-in"]).lastrowid
        conn.executemany("INSERT INTO visit_services (visit_id, kind, result) VALUES (?, ?, ?)",
                         [(visit_id, "hiv_test", "pending"), (visit_id, "counselling", ""),
                          (visit_id, "wound_care", "")])
        conn.executemany("INSERT INTO visit_supplies (visit_id, kind, quantity) VALUES (?, ?, ?)",
                         [(visit_id, k, q) for k, q in SUPPLIES.items()])
        conn.execute(
            "INSERT INTO referrals (client_id, visit_id, destination_id, staff_id, made_at,"
            " reason, request, urgency, client_told) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [client.id, visit_id, destination.id, staff_id, at, "test follow-up",
             "please see this week", "soon", "open Monday to Friday"])
        conn.execute("COMMIT")

    mine, base = interleaved(ours, bare, repeat=8 if ctx.quick else 40)
    o, b = summary(mine), summary(base)
    saved = len(visits.for_client(vault, client.id))
    return [Row(key="save_visit", label="save a visit with services, supplies and a referral (p50)",
                size=ctx.size, ours=o["p50"], baseline=b["p50"], limit=2.0, target="≤ 2x",
                detail={"ours_p95": o["p95"], "baseline_p95": b["p95"], "n": o["n"],
                        "visits_saved": saved,
                        "journal_mode": conn.execute("PRAGMA journal_mode").fetchone()[0]})]
