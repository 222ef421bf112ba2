"""Re-exporting an unchanged week gives the same files, byte for byte, summary PDF included;
only the manifest's time (and signature) change, and its audit head and anchors, because the
first export is itself history (an entry in the audit log, an earlier export to anchor)."""
import json
import subprocess
import sys
from pathlib import Path

from weekdata import WEEK, coordinator, week_vault  # noqa: F401 (fixtures)

from helpers import open_bundle
from records.export.bundle import Header
from reports import weekly
from flows.export import build, export_week

# The manifest's fields that differ between two exports of one unchanged week: its time, and
# the audit head and anchors (the first export is in the log, and is an earlier export). The
# signature is a member of its own, manifest.sig, which `members` leaves out.
TIME = {"created_at"}
HISTORY = {"audit_head", "audit_anchors"}


def members(files: dict[str, bytes]) -> dict[str, bytes]:
    return {name: body for name, body in files.items()
            if name not in ("manifest.json", "manifest.sig")}


def manifest_without(files: dict[str, bytes], fields: set[str]) -> dict:
    return {k: v for k, v in json.loads(files["manifest.json"]).items() if k not in fields}


def test_exporting_an_unchanged_week_twice_gives_the_same_files(week_vault, coordinator,
                                                                 tmp_path):
    first = export_week(week_vault, WEEK, tmp_path / "first.age")
    second = export_week(week_vault, WEEK, tmp_path / "second.age")
    one = open_bundle(first.path.read_bytes(), coordinator)
    two = open_bundle(second.path.read_bytes(), coordinator)
    assert set(one) == set(two) and "summary.pdf" in members(one)
    for name in members(one):
        assert one[name] == two[name], name
    assert manifest_without(one, TIME | HISTORY) == \
        manifest_without(two, TIME | HISTORY)
    assert json.loads(one["manifest.json"])["files"] == json.loads(two["manifest.json"])["files"]
    head = json.loads(one["manifest.json"])["audit_head"]
    assert json.loads(two["manifest.json"])["audit_anchors"] == [
        {"seq": head["seq"], "hash": head["hash"], "week": WEEK}]


def test_two_builds_differ_only_in_the_manifests_time(week_vault, coordinator):
    one = open_bundle(build(week_vault, WEEK).payload, coordinator)
    two = open_bundle(build(week_vault, WEEK).payload, coordinator)
    assert members(one) == members(two)
    assert manifest_without(one, TIME) == manifest_without(two, TIME)


def test_the_summary_pdf_is_the_same_in_another_process(tmp_path):
    """No creation date, document id or per-process font subset name in the PDF."""
    script = (
        "import sys, datetime\n"
        "from records.export.bundle import Header\n"
        "from reports import weekly\n"
        "days = tuple(datetime.date(2026, 3, d) for d in range(2, 9))\n"
        "sys.stdout.buffer.write(weekly.render(Header('PAR', 'VAN1', '2026-W10', "
        "'America/Toronto', days, ('VAN1',)), {'contacts.total': 12}))\n")
    root = Path(__file__).resolve().parents[2]
    runs = [subprocess.run([sys.executable, "-c", script], capture_output=True, cwd=root,
                           check=True).stdout for _ in range(2)]
    import datetime
    days = tuple(datetime.date(2026, 3, d) for d in range(2, 9))
    here = weekly.render(Header("PAR", "VAN1", "2026-W10", "America/Toronto", days, ("VAN1",)),
                         {"contacts.total": 12})
    assert runs[0].startswith(b"%PDF") and runs[0] == runs[1] == here
