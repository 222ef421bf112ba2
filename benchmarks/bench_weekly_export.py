"""Weekly export of a busy week, encrypted (flows.export.build: the week's data,
indicators, line list, FHIR, DHIS2, summary PDF, zip, age encryption, all in memory) against
reading the week's rows raw (benchmarks.bench_export's raw read) plus age-encrypting as many
random bytes as the export's encrypted bundle holds. The week is the one whose contact count
is closest to 2,000 (at the smaller sizes, simply the busiest)."""
from __future__ import annotations

import os

import pyrage

from benchmarks.bench_export import _raw_read
from benchmarks.report import Row
from benchmarks.timing import interleaved, summary

CONTACTS = 2000


def busiest_week(db) -> tuple[str, int]:
    counts = db.execute("SELECT iso_week, count(*) FROM visits WHERE voided = 0"
                        " GROUP BY iso_week").fetchall()
    return min(counts, key=lambda wc: (abs(wc[1] - CONTACTS), wc[0]))


def run(ctx) -> list[Row]:
    from flows.export import build
    vault = ctx.vault
    week, contacts = busiest_week(vault.db)
    recipient = vault.settings.export_recipient
    size = len(build(vault, week, recipient).payload)
    parsed = pyrage.x25519.Recipient.from_str(recipient)
    noise = os.urandom(size)

    def baseline() -> None:
        _raw_read(vault, week)
        pyrage.encrypt(noise, [parsed])

    mine, base = interleaved(lambda: build(vault, week, recipient), baseline,
                             repeat=3 if ctx.quick else 10, warmup=1)
    o, b = summary(mine), summary(base)
    return [Row(key="weekly_export", label="weekly export of a busy week, encrypted (p50)",
                size=ctx.size, ours=o["p50"], baseline=b["p50"], limit=3.0, target="≤ 3x",
                detail={"week": week, "contacts": contacts, "bundle_bytes": size,
                        "ours_p95": o["p95"], "baseline_p95": b["p95"], "n": o["n"]})]
