"""A form kept as a draft at lock is in no export and on no printout."""
from weekdata import WEEK, coordinator, week_vault  # noqa: F401 (fixtures)

from helpers import open_bundle, pdf_text
from records import drafts, visits
from records.printing import PrintJob
from flows.export import build
from flows.documents import job_pdf

MARK = "Qzdraftonly"


def test_a_draft_reaches_no_export_and_no_printout(week_vault, coordinator):
    [visit_id] = week_vault.db.execute(
        "SELECT id FROM visits WHERE client_id IS NOT NULL AND quick = 0 LIMIT 1").fetchone()
    visit = visits.get(week_vault, visit_id)
    page = {"form": "visit", "context": {"visit_id": visit.id},
            "fields": {"note": MARK, "reason": MARK, "occurred_at": visit.occurred_at}}
    drafts.keep(week_vault, visit.client_id, [page])
    files = open_bundle(build(week_vault, WEEK).payload, coordinator)
    text = "\n".join(body.decode("latin-1") for body in files.values())
    text += pdf_text(files["summary.pdf"])
    assert MARK.lower() not in text.lower()
    for copy in ("client", "clinical"):
        assert MARK not in pdf_text(job_pdf(week_vault, PrintJob("visit", visit.id, copy)))
    assert drafts.waiting(week_vault)  # still kept, only never shown
