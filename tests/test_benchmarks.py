"""The benchmark command end to end at a tiny size: every measure runs and reports sane
figures, the table prints, the JSON is written where asked and the committed results file
is left alone. Correctness only: no figure here is a timing assertion."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
COMMITTED = ROOT / "benchmarks" / "results" / "latest.json"
KEYS = {f"search_{n}_{stat}" for n in (1, 2, 3, 4) for stat in ("p50", "p95")} | {
    "client_page", "save_visit", "referral_letter", "weekly_export", "session_p99",
    "session_worst", "unlock", "startup", "memory"} | {f"merge_pdf_{pdf}{m}" for pdf in ("none", "combined") for m in ("", "_memory")}


@pytest.mark.slow
def test_benchmark_command_end_to_end_at_a_tiny_size(tmp_path):
    before = COMMITTED.read_bytes() if COMMITTED.exists() else None
    out = tmp_path / "results.json"
    env = os.environ | {"PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--out", str(out),
         "--cache", str(tmp_path / "cache")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    assert (COMMITTED.read_bytes() if COMMITTED.exists() else None) == before

    result = json.loads(out.read_text())
    rows = {r["key"]: r for r in result["rows"]}
    assert set(rows) == KEYS and result["sizes"] == [200]
    for row in rows.values():
        assert row["ours"] > 0 and row["baseline"] > 0, row
        assert row["size"] == 200 and row["target"] and isinstance(row["ok"], bool)
        assert row["label"] in done.stdout
    assert rows["client_page"]["detail"]["visits"] == 300
    assert rows["referral_letter"]["detail"]["pages"] == rows["referral_letter"]["detail"]["bare_pages"]
    assert rows["weekly_export"]["detail"]["contacts"] > 0
    session = rows["session_p99"]["detail"]
    assert session["session"]["ticks"] > 50 and session["idle"]["ticks"] > 50  # the monitor ran
    steps = session["steps"]  # every step of the nurse's session did its work
    assert steps["search_rows"] >= 1 and steps["client_visits"] >= 300
    assert steps["preview_pages"] >= 1 and steps["printed_bytes"] > 1000
    assert steps["export_contacts"] > 0 and steps["export_bytes"] > 0
    assert set(rows["session_worst"]["detail"]["worst_by_step"]) == {
        "search", "open busy client", "save a visit", "save and refer", "print preview",
        "print to a PDF printer", "export"}
    memory = rows["memory"]["detail"]
    assert memory["rows"] == memory["matches"] > 50  # scrolled past the first page to the end
    assert rows["unlock"]["detail"]["kdf"]["time_cost"] >= 1
    # The program-scale merge at a tiny size: 3 vans x 2 weeks, every bundle merged.
    merged = rows["merge_pdf_combined"]["detail"]
    assert (merged["bundles"], merged["vans"], merged["weeks"], merged["pdfs"]) == (6, 3, 2, 2)
    assert rows["merge_pdf_none"]["detail"]["pdfs"] == 0
    assert rows["merge_pdf_none_memory"]["unit"] == "MB"
    assert result["machine"]["cores"] >= 1
    # The cache is reused: a second run builds nothing.
    again = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick", "--only", "bench_client_page",
         "--out", str(tmp_path / "again.json"), "--cache", str(tmp_path / "cache")],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr[-3000:]
    assert "building" not in again.stderr
    assert [r["key"] for r in json.loads((tmp_path / "again.json").read_text())["rows"]] == [
        "client_page"]
