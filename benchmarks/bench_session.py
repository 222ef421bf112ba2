"""A scripted nurse session in the real main window, with a stall monitor on the GUI thread.

The session: type a name into the search box a key at a time, open the busy client (300
visits), record a visit, record a visit with a referral ("Save and refer"), preview the
referral letter, print it to a PDF printer (QPrinter in PDF mode: no print server), and
export the busiest week. Slow work goes to the app's runner as in the app; the monitor
measures how late the GUI thread answers meanwhile (benchmarks/stall.py).

Targets: no stall over 100 ms, and 99% of events answered within 16 ms (one 60 Hz frame).
The baseline is the same monitor over an idle event loop, in the same run.
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from benchmarks.bench_weekly_export import busiest_week
from benchmarks.report import Row
from benchmarks.stall import STALL_MS, TICK_MS, StallMonitor, spin, wait_until

TYPED = "Marie-Ève"
KEY_PAUSE_MS = 60  # a quick typist
P99_MS = 16.0


def _pdf_printer(path: Path):
    from PySide6.QtPrintSupport import QPrinter
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _session(ctx, main, monitor: StallMonitor, folder: Path, week: tuple[str, int]) -> dict:
    """Drive the window as a nurse would; returns what each step produced. `week`: the week
    to export and its contacts (found beforehand: the query is the benchmark's, not the
    app's, and takes seconds at 100k clients)."""
    from records.printing import PrintJob
    from ui import print_preview
    vault, client_id, out = ctx.vault, ctx.bench.heavy_client_id, {}

    monitor.step = "search"
    for n in range(1, len(TYPED) + 1):
        main.search.box.setText(TYPED[:n])
        spin(KEY_PAUSE_MS)
    wait_until(lambda: main.search.model.rowCount() > 0)
    out["search_rows"] = main.search.model.rowCount()

    monitor.step = "open busy client"
    main.open_client(client_id)
    page = main.client_page()
    wait_until(lambda: not page.loading)  # read on the runner
    spin(100)
    out["client_visits"] = page.visits.count()

    monitor.step = "save a visit"
    main.open_form("visit", client_id=client_id)
    form = main.current_page()
    form.reason.setText("check-in")
    out["visit"] = form.save().id
    spin(100)

    monitor.step = "save and refer"
    main.open_form("visit", client_id=client_id)
    form = main.current_page()
    form.reason.setText("wound care follow-up")
    form.save_and_refer()
    referral_form = main.current_page()
    referral_form.dest_filter.setText("health")
    referral_form.reason.setText("follow-up care")
    referral = referral_form.save()
    out["referral"] = referral.id
    spin(100)

    monitor.step = "print preview"
    main.preview(PrintJob("referral", referral.id, "service"))
    dialog = main.print_dialog
    wait_until(lambda: dialog.document is not None and not dialog.busy)
    out["preview_pages"] = dialog.page_count
    spin(100)

    monitor.step = "print to a PDF printer"
    folder.mkdir()
    printed = folder / "printed.pdf"
    names, ask = print_preview.printer_names, print_preview.ask_printer
    print_preview.printer_names = lambda: ["PDF"]
    print_preview.ask_printer = lambda parent, title: _pdf_printer(printed)
    try:
        dialog.print_document()
        wait_until(lambda: dialog.outcome != "")
    finally:
        print_preview.printer_names, print_preview.ask_printer = names, ask
    out["printed_bytes"] = printed.stat().st_size
    spin(100)

    monitor.step = "export"
    week, contacts = week
    main.open_export()
    export = main.export_dialog
    export.folder_edit.setText(str(folder))
    export.set_week(week)
    export.start()
    wait_until(lambda: not export.running)
    if export.exported is None:
        raise RuntimeError(f"the export failed: {export.status.text()}")
    out |= {"export_week": export.week, "export_contacts": contacts,
            "export_bytes": export.exported.path.stat().st_size}
    export.close()
    spin(100)
    return out


def _idle(monitor: StallMonitor, ms: float) -> dict:
    monitor.start("idle")
    spin(ms)
    monitor.stop()
    return monitor.figures()


def run(ctx) -> list[Row]:
    from ui.main_window import MainWindow
    from ui.runner import shared
    monitor = StallMonitor()
    week = busiest_week(ctx.vault.db)
    with tempfile.TemporaryDirectory(prefix="bench-session-") as folder:
        # A first, unmeasured pass imports each page's module and warms the caches (the
        # app's first use of a screen pays that once); the second pass is measured.
        for measured in (False, True):
            main = MainWindow(ctx.vault)
            main.show()
            spin(200)
            monitor.start("search")
            try:
                done = _session(ctx, main, monitor, Path(folder) / str(measured), week)
            finally:
                monitor.stop()
                session = monitor.figures()
                main.teardown()
                wait_until(lambda: not shared().busy)
                spin(50)
    idle = _idle(monitor, 1000 if ctx.quick else 3000)
    detail = {"session": session, "idle": idle, "steps": done, "tick_ms": TICK_MS}
    return [
        Row(key="session_p99", label="nurse session: GUI event latency (p99)", size=ctx.size,
            ours=max(session["p99"], 0.001), baseline=max(idle["p99"], 0.001), limit=P99_MS,
            target=f"≤ {P99_MS:.0f} ms", compare="abs", detail=detail),
        Row(key="session_worst", label="nurse session: longest GUI stall", size=ctx.size,
            ours=max(session["worst"], 0.001), baseline=max(idle["worst"], 0.001),
            limit=STALL_MS, target=f"0 stalls over {STALL_MS} ms", compare="abs",
            detail={"stalls": session["stalls"], "worst_by_step": session["worst_by_step"]}),
    ]
