"""Import clients, visits and the service directory from spreadsheets saved as CSV.

Files are comma-separated, UTF-8 (a byte-order mark is fine; Excel's "CSV UTF-8"), one header
line naming the columns in any order (case and spaces ignored). Empty lines are skipped.

- clients: `name` (required: the name the client gives), `ref` (the spreadsheet's id for the
  client, unique), `legal_name`, `aliases` (separated by ';'), `pronouns`, `gender` (F, M, X or
  Female / Male / Another gender), `birth_year`, `birth_date` (YYYY-MM-DD), `phone`, `notes`,
  `uic_first`, `uic_last` (the names the client gives for the code), `uic` (a code the client
  chose, e.g. FMASM1990), `language` (en, fr).
- visits: `client_ref` and `date` (required), `site`, `reason`, `services`, `note`.
  `client_ref` is a `ref` of the clients file or of a client already in the vault. `date` is an
  ISO 8601 date or date-time in the clinic's local time (`2026-03-14`, `2026-03-14 22:30`); a
  bare date means noon. `services` are separated by ';', each a code or its English label
  (`hiv_test` or `HIV test`), optionally with a test result after ':' (`hiv_test: negative`).
- directory: `name` and `kind` (required; a code such as `shelter` or its English label),
  `paper_name` (the neutral name printed on client copies), `address`, `phone`, `hours`, `notes`.

Everything is checked before anything is written: an unknown or missing column, a duplicate
`ref`, an unknown `client_ref` or any bad value is reported as `file, line N, column C: problem`,
all of them (up to MAX_PROBLEMS), and then nothing is imported. Otherwise everything goes in
one transaction. Audit: one entry per imported file (entity client / visit / directory, the
range of new ids, the count), plus one entry closing the import. Visits are recorded as made
by the signed-in staff member.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import clients, clock, directory, visits, vocab
from .errors import ClinicError, ValidationError
from .models import DIRECTORY_KINDS, GENDERS, SERVICES, TEST_RESULTS, ServiceItem

if TYPE_CHECKING:
    from .vault import Vault

MAX_PROBLEMS = 100

# column -> record field
CLIENT_COLUMNS = {
    "ref": "ref", "name": "name", "legal_name": "legal_name", "aliases": "aliases",
    "pronouns": "pronouns", "gender": "gender", "birth_year": "birth_year",
    "birth_date": "birth_date", "phone": "phone", "notes": "contact_notes",
    "uic_first": "uic_first", "uic_last": "uic_last", "uic": "uic_chosen",
    "language": "language",
}
VISIT_COLUMNS = {"client_ref": "client_id", "date": "occurred_at", "site": "site",
                 "reason": "reason", "services": "services", "note": "note"}
DIRECTORY_COLUMNS = {c: c for c in ("name", "paper_name", "kind", "address", "phone", "hours",
                                    "notes")}
REQUIRED = {"clients": ("name",), "visits": ("client_ref", "date"),
            "directory": ("name", "kind")}


@dataclass(frozen=True)
class Problem:
    file: str
    line: int  # 0: the file as a whole
    column: str
    problem: str

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f", line {self.line}"
        if self.column:
            where += f", column {self.column}"
        return f"{where}: {self.problem}"


class ImportFailed(ClinicError):
    """The files have problems; nothing was imported. `problems` lists them all."""

    def __init__(self, problems: list[Problem], truncated: bool = False):
        self.problems = problems
        self.truncated = truncated
        more = f" (stopped after {len(problems)})" if truncated else ""
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__(f"nothing was imported: {len(problems)} {noun} in the files{more}")


class _TooMany(Exception):
    pass


@dataclass
class _Problems:
    found: list[Problem] = field(default_factory=list)

    def add(self, file: str, line: int, column: str, problem: str) -> None:
        self.found.append(Problem(file, line, column, problem))
        if len(self.found) >= MAX_PROBLEMS:
            raise _TooMany()


@dataclass(frozen=True)
class Counts:
    clients: int = 0
    visits: int = 0
    directory: int = 0


@dataclass
class Plan:
    """Cleaned rows, ready to insert."""
    clients: list[dict] = field(default_factory=list)
    visits: list[tuple[str, dict]] = field(default_factory=list)  # (client ref, visit data)
    directory: list[dict] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # kind -> file name

    def counts(self) -> Counts:
        return Counts(len(self.clients), len(self.visits), len(self.directory))


# --- reading ---------------------------------------------------------------------------

def _column_name(text: str) -> str:
    return "_".join(text.strip().lower().replace("-", " ").split())


def _read(path: Path, columns: dict, kind: str, problems: _Problems) -> list[tuple[int, dict]]:
    """(line number, {column: value}) for each non-empty row, known columns only; header
    problems are reported and the rows still checked, so one run lists everything."""
    name = path.name
    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.add(name, 0, "", f"cannot read the file: {exc.strerror}")
        return []
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        problems.add(name, line, "", f"is not UTF-8 text (byte 0x{data[exc.start]:02X}); save "
                                     "the spreadsheet as 'CSV UTF-8' and import again")
        return []
    reader = csv.reader(io.StringIO(text, newline=""))
    rows: list[tuple[int, list[str]]] = []
    try:
        while True:
            start = reader.line_num + 1
            try:
                row = next(reader)
            except StopIteration:
                break
            if any(cell.strip() for cell in row):
                rows.append((start, row))
    except csv.Error as exc:
        problems.add(name, reader.line_num, "", f"is not readable as CSV: {exc}")
        return []
    if not rows:
        problems.add(name, 0, "", "is empty: a header line naming the columns is needed")
        return []
    header_line, header = rows[0]
    header = [_column_name(h) for h in header]
    seen: set[str] = set()
    for position, column in enumerate(header):
        if not column:
            continue
        if column not in columns:
            problems.add(name, header_line, column, f"is not a {kind} column; known columns: "
                                                    f"{', '.join(columns)}")
        elif column in seen:
            problems.add(name, header_line, column, "appears twice in the header")
            header[position] = "-"  # keep the first one
        seen.add(column)
    for column in REQUIRED[kind]:
        if column not in seen:
            problems.add(name, header_line, column, "is required but missing from the header")
    out = []
    for line, row in rows[1:]:
        values = {}
        for position, cell in enumerate(row):
            column = header[position] if position < len(header) else ""
            if column in columns:
                values[column] = cell
            elif not column and cell.strip():
                problems.add(name, line, f"#{position + 1}",
                             "has a value but the header names no column here")
        for column in header[len(row):]:  # a short row: its missing cells are empty
            if column in columns:
                values.setdefault(column, "")
        out.append((line, values))
    return out


# --- checking --------------------------------------------------------------------------

def _check_fields(problems: _Problems, name: str, line: int, values: dict, columns: dict,
                  clean) -> dict | None:
    """Run `clean` on each field alone (to report every bad cell), then on the whole row."""
    fields = {columns[c]: v for c, v in values.items()}
    column_of = {f: c for c, f in columns.items()}
    bad = False
    for column, value in values.items():
        try:
            clean({columns[column]: value})
        except ValidationError as exc:
            bad = True
            problems.add(name, line, column, exc.problem)
    if bad:
        return None
    try:
        return clean(fields)
    except ValidationError as exc:
        problems.add(name, line, column_of.get(exc.field, ""), exc.problem)
        return None


def _code(kind: str, value: str, codes) -> str:
    """A code typed as itself or as its English label (any case); unknown text is returned
    as typed for the validator to reject."""
    text = value.strip()
    for code in codes:
        if text.casefold() in (code.casefold(), vocab.label(kind, code).casefold()):
            return code
    return text


def _services(text: str) -> list[ServiceItem]:
    items = []
    for token in text.split(";"):
        if not token.strip():
            continue
        kind, _, result = token.partition(":")
        code = _code("service", kind, SERVICES)
        if code not in SERVICES:
            raise ValidationError("services", f"{kind.strip()!r} is not a service; use one of: "
                                              f"{', '.join(SERVICES)}")
        result = _code("test_result", result, TEST_RESULTS) if result.strip() else ""
        if result and result not in TEST_RESULTS:
            raise ValidationError("services", f"{result!r} is not a test result; use one of: "
                                              f"{', '.join(TEST_RESULTS)}")
        items.append(ServiceItem(code, result))
    return items


def _check_directory(path: Path, problems: _Problems, plan: Plan) -> None:
    name = path.name
    for line, values in _read(path, DIRECTORY_COLUMNS, "directory", problems):
        if "kind" in values:
            values["kind"] = _code("directory_kind", values["kind"], DIRECTORY_KINDS)
        fields = _check_fields(problems, name, line, values, DIRECTORY_COLUMNS, directory.clean)
        if fields is not None:
            plan.directory.append(fields)


def _vault_refs(vault: "Vault") -> dict[str, int | None]:
    """Every ref in use -> the client to attach visits to (None: deleted or merged)."""
    return {r[0]: (r[1] if r[2] is None and r[3] is None else None) for r in vault.db.execute(
        "SELECT ref, id, deleted_at, merged_into FROM clients WHERE ref IS NOT NULL")}


def _check_clients(path: Path, problems: _Problems, plan: Plan, vault_refs: dict,
                   file_refs: set) -> None:
    name = path.name
    first_line: dict[str, int] = {}
    for line, values in _read(path, CLIENT_COLUMNS, "clients", problems):
        if "gender" in values:
            values["gender"] = _code("gender", values["gender"], GENDERS)
        ref = values.get("ref", "").strip()
        if ref:
            file_refs.add(ref)
            if ref in first_line:
                problems.add(name, line, "ref", f"{ref!r} is already used on line {first_line[ref]}")
            elif ref in vault_refs:
                problems.add(name, line, "ref", f"{ref!r} is already used by a client in the vault")
            first_line.setdefault(ref, line)
        fields = _check_fields(problems, name, line, values, CLIENT_COLUMNS, clients.clean)
        if fields is not None:
            plan.clients.append(fields)


def _check_visits(vault: "Vault", path: Path, problems: _Problems, plan: Plan,
                  vault_refs: dict, file_refs: set) -> None:
    name = path.name
    tz = vault.settings.timezone

    def clean(fields: dict) -> dict:
        fields = dict(fields)
        fields.pop("client_id", None)  # checked below, against the refs
        if "occurred_at" in fields:
            fields["occurred_at"] = clock.parse_local(fields["occurred_at"], tz, "date")
        if "services" in fields:
            fields["services"] = _services(fields["services"])
        return visits.clean(vault, fields)

    for line, values in _read(path, VISIT_COLUMNS, "visits", problems):
        ref = values.get("client_ref", "").strip()
        if "client_ref" not in values:
            pass  # the missing column is reported once, with the header
        elif not ref:
            problems.add(name, line, "client_ref", "is required")
        elif ref not in file_refs and ref not in vault_refs:
            problems.add(name, line, "client_ref",
                         f"{ref!r} is not the ref of a client in the clients file or the vault")
        elif ref not in file_refs and vault_refs[ref] is None:
            problems.add(name, line, "client_ref", f"the client {ref!r} was deleted or merged")
        if "date" in values and not values["date"].strip():
            problems.add(name, line, "date", "is required")
            del values["date"]
        data = _check_fields(problems, name, line, values, VISIT_COLUMNS, clean)
        if data is not None:
            plan.visits.append((ref, data))


def check(vault: "Vault", *, clients_csv: Path | None = None, visits_csv: Path | None = None,
          directory_csv: Path | None = None) -> Plan:
    """Read and validate everything; raises ImportFailed listing every problem."""
    vault.require_clinical()
    problems, plan = _Problems(), Plan()
    vault_refs = _vault_refs(vault)
    file_refs: set[str] = set()
    try:
        if directory_csv:
            plan.names["directory"] = Path(directory_csv).name
            _check_directory(Path(directory_csv), problems, plan)
        if clients_csv:
            plan.names["clients"] = Path(clients_csv).name
            _check_clients(Path(clients_csv), problems, plan, vault_refs, file_refs)
        if visits_csv:
            plan.names["visits"] = Path(visits_csv).name
            _check_visits(vault, Path(visits_csv), problems, plan, vault_refs, file_refs)
    except _TooMany:
        raise ImportFailed(problems.found, truncated=True) from None
    if problems.found:
        raise ImportFailed(problems.found)
    return plan


# --- writing ---------------------------------------------------------------------------

def _id_range(ids: list[int]) -> str:
    return f"{ids[0]}-{ids[-1]}" if ids else ""


def _write(vault: "Vault", plan: Plan) -> None:
    counts = plan.counts()
    summary = (f"{counts.clients} clients, {counts.visits} visits, "
               f"{counts.directory} directory entries")
    with vault.write("import", detail=summary):
        if plan.directory:
            with vault.write("import", "directory",
                             detail=f"{counts.directory} entries from {plan.names['directory']}") as box:
                ids = [directory.insert_row(vault, fields) for fields in plan.directory]
                box["entity_id"] = _id_range(ids)
        ref_ids = {ref: cid for ref, cid in _vault_refs(vault).items() if cid is not None}
        if plan.clients:
            with vault.write("import", "client",
                             detail=f"{counts.clients} clients from {plan.names['clients']}") as box:
                ids = []
                for fields in plan.clients:
                    ids.append(clients.insert_row(vault, fields))
                    if fields.get("ref"):
                        ref_ids[fields["ref"]] = ids[-1]
                box["entity_id"] = _id_range(ids)
        if plan.visits:
            with vault.write("import", "visit",
                             detail=f"{counts.visits} visits from {plan.names['visits']}") as box:
                staff = {"staff_id": vault.staff.id, "shift_id": None, "quick": False}
                ids = [visits.write_row(vault, None, data | staff | {"client_id": ref_ids[ref]})
                       for ref, data in plan.visits]
                box["entity_id"] = _id_range(ids)


def run(vault: "Vault", *, clients_csv: Path | None = None, visits_csv: Path | None = None,
        directory_csv: Path | None = None, dry_run: bool = False) -> Counts:
    """Check the files and, unless dry_run, import them in one transaction. Raises
    ImportFailed (nothing written) when any file has a problem."""
    plan = check(vault, clients_csv=clients_csv, visits_csv=visits_csv,
                 directory_csv=directory_csv)
    if not dry_run:
        _write(vault, plan)
    return plan.counts()


# --- command line ------------------------------------------------------------------------

def cmd_import(args) -> int:
    import sys

    from .cli import CliError, open_vault
    if not (args.clients or args.visits or args.directory):
        raise CliError("nothing to import: give --clients, --visits and/or --directory CSV files")
    vault = open_vault(args)
    try:
        counts = run(vault, clients_csv=args.clients, visits_csv=args.visits,
                     directory_csv=args.directory, dry_run=args.dry_run)
    except ImportFailed as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        raise CliError(str(exc)) from None
    finally:
        vault.lock()
    verb = "would import" if args.dry_run else "imported"
    print(f"{verb} {counts.clients} clients, {counts.visits} visits, "
          f"{counts.directory} directory entries"
          + (" (dry run: nothing was written)" if args.dry_run else ""))
    return 0


def add_commands(sub) -> None:
    from .cli import vault_options
    p = sub.add_parser("import", help="import clients, visits and the directory from CSV files",
                       description="Import CSV files (UTF-8, comma-separated, header line). "
                                   "Every problem is listed as 'file, line, column: problem' "
                                   "and then nothing is imported.")
    vault_options(p)
    p.add_argument("--clients", metavar="CSV", type=Path,
                   help="columns: ref, name, legal_name, aliases, pronouns, gender, birth_year, "
                        "birth_date, phone, notes, uic_first, uic_last, uic, language")
    p.add_argument("--visits", metavar="CSV", type=Path,
                   help="columns: client_ref, date, site, reason, services, note")
    p.add_argument("--directory", metavar="CSV", type=Path,
                   help="columns: name, paper_name, kind, address, phone, hours, notes")
    p.add_argument("--dry-run", action="store_true",
                   help="check the files and report counts without writing anything")
    p.set_defaults(func=cmd_import)
