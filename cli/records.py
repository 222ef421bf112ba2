"""Record commands: `import` (clients, visits and the directory from CSV files) and `demo` (a
new vault full of synthetic records)."""
from __future__ import annotations

import sys
from pathlib import Path

from .common import CliError, data_dir, open_vault, read_secret, vault_options


def cmd_import(args) -> int:
    from flows.import_files import ImportFailed, import_files
    if not (args.clients or args.visits or args.directory):
        raise CliError("nothing to import: give --clients, --visits and/or --directory CSV files")
    vault = open_vault(args)
    try:
        counts = import_files(vault, clients_csv=args.clients, visits_csv=args.visits,
                              directory_csv=args.directory, dry_run=args.dry_run)
    except ImportFailed as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        raise CliError(str(exc)) from None
    finally:
        vault.lock()
    verb = "would import" if args.dry_run else "imported"
    anonymous = f" ({counts.anonymous} anonymous quick contacts)" if counts.anonymous else ""
    print(f"{verb} {counts.clients} clients, {counts.visits} visits{anonymous}, "
          f"{counts.directory} directory entries"
          + (" (dry run: nothing was written)" if args.dry_run else ""))
    return 0


def add_import(sub) -> None:
    p = sub.add_parser("import", help="import clients, visits and the directory from CSV files",
                       description="Import CSV files (UTF-8, comma-separated, header line). "
                                   "Every problem is listed as 'file, line, column: problem' "
                                   "and then nothing is imported.")
    vault_options(p)
    p.add_argument("--clients", metavar="CSV", type=Path,
                   help="columns: ref, name, legal_name, aliases, pronouns, gender, birth_year, "
                        "birth_date, phone, notes, uic_first, uic_last, uic, language")
    p.add_argument("--visits", metavar="CSV", type=Path,
                   help="columns: date, client_ref (none: an anonymous quick contact), site, "
                        "reason, services, note, supplies, needles_returned, secondary")
    p.add_argument("--directory", metavar="CSV", type=Path,
                   help="columns: name, paper_name, kind, address, phone, hours, notes")
    p.add_argument("--dry-run", action="store_true",
                   help="check the files and report counts without writing anything")
    p.set_defaults(func=cmd_import)


def cmd_demo(args) -> int:
    from flows.demo import create
    from records.vault import Vault
    path = data_dir(args)
    if Vault.exists(path):
        raise CliError(f"a vault already exists in {path}; the demo needs a new folder")
    passphrase = read_secret(args.passphrase_file)

    def show(stage: str, done: int, total: int) -> None:
        print(f"{stage}: {done}/{total}", file=sys.stderr, flush=True)

    vault, identity, counts = create(path, args.staff, passphrase, clients=args.clients,
                                     weeks=args.weeks, seed=args.seed,
                                     progress=show if sys.stderr.isatty() else None)
    vault.lock()
    print(f"created a demo vault in {path}: {counts.clients} clients, {counts.visits} contacts "
          f"({counts.anonymous} anonymous), {counts.shifts} shifts, {counts.referrals} "
          f"referrals, {counts.incidents} incidents in {counts.seconds:.1f} s")
    print(f"the coordinator's key for this demo's exports (demo only, keep it with the "
          f"exports): {identity}")
    return 0


def add_demo(sub) -> None:
    p = sub.add_parser("demo", help="create a new vault filled with synthetic demo data",
                       description="Create a NEW vault (refused if one exists) with realistic "
                                   "synthetic clients, shifts, visits, referrals and incidents. "
                                   "The same seed gives the same records.")
    vault_options(p)
    p.set_defaults(staff="Demo Nurse")
    p.add_argument("--clients", type=int, default=200, metavar="N",
                   help="number of clients (default 200)")
    p.add_argument("--weeks", type=int, default=8, metavar="W",
                   help="weeks of shifts, ending with the last complete week (default 8)")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    p.set_defaults(func=cmd_demo)


def add_commands(sub) -> None:
    add_import(sub)
    add_demo(sub)
