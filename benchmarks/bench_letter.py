"""Referral letter PDF (the service copy, with the history of two ticked topics and recent
test results) against a bare reportlab letter of the same size: as many pages and characters,
in paragraphs of the same registered font (DejaVu Sans regular, bold headings, so both embed
font subsets), on the same paper, built with SimpleDocTemplate and no page template."""
from __future__ import annotations

import io

from benchmarks.report import Row
from benchmarks.timing import interleaved, summary
from records import client_page, directory, referrals
from records.models import TEST_SERVICES

FILLER = ("The client asked to be seen this week at a time that suits the clinic; they prefer "
          "afternoons and can be reached through the outreach van. ")


def _text_of(pdf: bytes) -> tuple[str, int]:
    from pypdf import PdfReader
    reader = PdfReader(io.BytesIO(pdf))
    return "".join(page.extract_text() or "" for page in reader.pages), len(reader.pages)


def bare_letter(characters: int, pages: int, paper) -> bytes:
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate
    from reportlab.lib.styles import ParagraphStyle

    from reports import fonts
    body = ParagraphStyle("body", fontName=fonts.register(), fontSize=10, leading=13)
    heading = ParagraphStyle("heading", fontName=fonts.BOLD, fontSize=12, leading=16)
    story, written = [], 0
    per_page = -(-characters // pages)
    for page in range(pages):
        if page:
            story.append(PageBreak())
        story.append(Paragraph(f"Referral, page {page + 1}", heading))
        on_page = 0
        while on_page < per_page and written < characters:
            chunk = FILLER[: min(per_page - on_page, characters - written)]
            story.append(Paragraph(chunk, body))
            on_page += len(chunk)
            written += len(chunk)
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=paper).build(story)
    return out.getvalue()


def run(ctx) -> list[Row]:
    from reportlab.lib.pagesizes import A4, letter

    from reports.referral import referral_letter
    vault = ctx.vault
    page = client_page.load(vault, ctx.bench.heavy_client_id)
    destination = next(e for e in directory.entries(vault) if e.kind == "sexual_health")
    referral = referrals.make(
        vault, page.client.id, destination.id, urgency="soon",
        reason="Follow-up of a reactive rapid test", request="Confirmatory testing and care",
        client_told="They will call you within two days; bring your health card if you have it",
        disclose={"hiv_sti_hep", "clinical_history"})
    tests = [(v.occurred_at.date(), s) for v in page.visits for s in v.services
             if s.kind in TEST_SERVICES][:6]
    settings = vault.settings

    def ours() -> bytes:
        return referral_letter(referral, page.client, destination, vault.staff, settings,
                               copy="service", recent_tests=tests)

    text, pages = _text_of(ours())
    paper = A4 if settings.paper_size == "A4" else letter
    _, bare_pages = _text_of(bare_letter(len(text), pages, paper))
    mine, base = interleaved(ours, lambda: bare_letter(len(text), pages, paper),
                             repeat=5 if ctx.quick else 60)
    o, b = summary(mine), summary(base)
    return [Row(key="referral_letter", label="referral letter PDF (p50)", size=ctx.size,
                ours=o["p50"], baseline=b["p50"], limit=2.0, target="≤ 2x",
                detail={"characters": len(text), "pages": pages, "bare_pages": bare_pages,
                        "ours_p95": o["p95"], "baseline_p95": b["p95"], "n": o["n"]})]
