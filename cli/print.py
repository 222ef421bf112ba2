"""`python main.py print {referral,visit-summary,alert-sheet}`: a client's latest referral
letter or visit summary, or the alert sheet for a period, saved with --out or printed with
--printer. Qt is imported only for --printer, so --out works headless and starts fast."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from records import outputs, printing
from .common import CliError, open_vault, vault_options

DOCUMENTS = {"referral": "referral", "visit-summary": "visit", "alert-sheet": "alert_sheet"}
DEFAULT_COPY = {"referral": "service", "visit": "client"}


def _day(text: str, option: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise CliError(f"{option}: {text!r} is not a date like 2026-11-25") from None


def _check_options(args, kind: str) -> None:
    """Mistakes caught before asking for the passphrase."""
    if kind == "alert_sheet":
        if args.client:
            raise CliError("the alert sheet names no client: leave out --client")
        if args.copy:
            raise CliError("the alert sheet has a single copy: leave out --copy")
        if bool(args.date_from) != bool(args.date_to):
            raise CliError("give both --from and --to (or neither, for the last 7 days)")
        return
    if not args.client:
        raise CliError(f"print {args.document} needs --client NAME, CODE or REF")
    if args.date_from or args.date_to:
        raise CliError("--from and --to are for the alert sheet only")
    if args.copy and args.copy not in printing.COPIES[kind]:
        raise CliError(f"a {printing.DOCUMENT_NAMES[kind]} has no {args.copy} copy "
                       f"(choose {' or '.join(printing.COPIES[kind])})")


def _job(vault, args, kind: str) -> printing.PrintJob:
    if kind == "alert_sheet":
        if args.date_from:
            first, last = _day(args.date_from, "--from"), _day(args.date_to, "--to")
        else:
            first, last = printing.last_days(vault)
        return printing.check(printing.PrintJob("alert_sheet", language=args.language or "en",
                                                date_from=first, date_to=last))
    client = printing.find_client(vault, args.client)
    record = (printing.latest_referral if kind == "referral" else printing.latest_visit)(
        vault, client.id)
    return printing.check(printing.PrintJob(kind, record.id, args.copy or DEFAULT_COPY[kind],
                                            language=args.language))


def cmd_print(args) -> int:
    kind = DOCUMENTS[args.document]
    _check_options(args, kind)
    if args.out:
        outputs.check_file(args.out, force=args.force)  # before the passphrase and any work
    elif args.force:
        raise CliError("--force goes with --out")
    vault = open_vault(args)
    try:
        job = _job(vault, args, kind)
        from flows import documents
        if args.out:
            documents.save(vault, job, Path(args.out), force=args.force)
            print(f"saved the {job.title} to {args.out}: this file is outside the encrypted "
                  "vault, delete it when it is no longer needed")
        else:
            pages = _print(documents.job_pdf(vault, job), args.printer, printing.job_name(vault))
            printing.record_print(vault, job, "printer")
            print(f"sent the {job.title} ({pages} page{'s' * (pages > 1)}) to {args.printer}")
    finally:
        vault.lock()
    return 0


def _print(pdf: bytes, printer: str, title: str) -> int:
    from PySide6.QtGui import QGuiApplication

    from ui import qtguard
    qtguard.hold()
    from ui.printing import print_to
    # Printing needs no screen: the offscreen platform works on a console or over ssh.
    app = QGuiApplication.instance() or QGuiApplication(["main.py", "-platform", "offscreen"])
    try:
        return print_to(pdf, printer, title)
    finally:
        app.processEvents()


def add_commands(sub) -> None:
    p = sub.add_parser("print",
                       help="print or save a referral letter, visit summary or alert sheet",
                       description="Print a client's latest referral letter or visit summary, "
                                   "or the alert sheet for a period (default: the last 7 days).")
    p.add_argument("document", choices=tuple(DOCUMENTS))
    vault_options(p)
    p.add_argument("--client", metavar="NAME|UIC|REF",
                   help="the client: exact ref, exact code (UIC) or exact name")
    p.add_argument("--copy", choices=("client", "service", "clinical"),
                   help="referral: service (default) or client; "
                        "visit-summary: client (default) or clinical")
    p.add_argument("--from", dest="date_from", metavar="DATE", help="alert sheet: first day")
    p.add_argument("--to", dest="date_to", metavar="DATE", help="alert sheet: last day")
    p.add_argument("--language", choices=("en", "fr"),
                   help="default: the client's language (English for the alert sheet)")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", metavar="FILE.pdf", help="save as PDF (created owner-only)")
    where.add_argument("--printer", metavar="NAME", help="print on this printer, leaving no file")
    p.add_argument("--force", action="store_true", help="replace FILE.pdf if it exists")
    p.set_defaults(func=cmd_print)

