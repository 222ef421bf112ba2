"""Import clients, visits and the service directory from spreadsheets saved as CSV.

Files are comma-separated, UTF-8 (a byte-order mark is fine; Excel's "CSV UTF-8"), one header
line naming the columns in any order (case and spaces ignored), every row as wide as the
header; read strictly by records.import_csv (a stray quote is an error, not rows swallowed).

- clients: `name` (required: the name the client gives), `ref` (the spreadsheet's id for the
  client, unique), `legal_name`, `aliases` (separated by ';'), `pronouns`, `gender` (F, M, X or
  Female / Male / Another gender), `birth_year`, `birth_date` (YYYY-MM-DD), `phone`, `notes`,
  `uic_first`, `uic_last` (the names the client gives for the code), `uic` (a code the client
  chose, e.g. FMASM1990), `language` (en, fr).
- visits (records.import_visits): `date` (required), `client_ref`, `site`, `reason`,
  `services`, `note`, `supplies`, `needles_returned`, `secondary`. `client_ref` is a `ref` of
  the clients file or of a client already in the vault; a row without one is an anonymous
  quick contact. `date` is an ISO 8601 date or date-time in the clinic's local time
  (`2026-03-14`, `2026-03-14 22:30`); a bare date means noon. A time the spring change
  skips is an error; one the autumn change shows twice needs its UTC offset
  (`2026-11-01T01:30-05:00`).
- directory: `name` and `kind` (required; a code such as `shelter` or its English label),
  `paper_name` (the neutral name printed on client copies), `address`, `phone`, `hours`, `notes`.

Everything is checked before anything is written: an unknown or missing column, a duplicate
`ref`, an unknown `client_ref` or any bad value is reported as `file, line N, column C: problem`
(never quoting the cell), all of them (up to MAX_PROBLEMS), and then nothing is imported.
Otherwise everything goes in one transaction. Audit: one entry per imported file (entity
client / visit / directory, the range of new ids, the count), plus one entry closing the
import. Visits are recorded as made by the signed-in staff member.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from . import clients, directory, import_visits
from .errors import ClinicError
from .import_csv import (MAX_BYTES, MAX_PROBLEMS, Problem, Problems, TooMany, check_fields,
                         code_of, read)
from .models import DIRECTORY_KINDS, GENDERS

if TYPE_CHECKING:
    from .vault import Vault

__all__ = ["MAX_BYTES", "MAX_PROBLEMS", "Counts", "ImportFailed", "Problem", "check", "run"]
Progress = Callable[[int, int, str], None]  # (done, total, what)

# column -> record field
CLIENT_COLUMNS = {
    "ref": "ref", "name": "name", "legal_name": "legal_name", "aliases": "aliases",
    "pronouns": "pronouns", "gender": "gender", "birth_year": "birth_year",
    "birth_date": "birth_date", "phone": "phone", "notes": "contact_notes",
    "uic_first": "uic_first", "uic_last": "uic_last", "uic": "uic_chosen",
    "language": "language",
}
DIRECTORY_COLUMNS = {c: c for c in ("name", "paper_name", "kind", "address", "phone", "hours",
                                    "notes")}


class ImportFailed(ClinicError):
    """The files have problems; nothing was imported. `problems` lists them all."""

    def __init__(self, problems: list[Problem], truncated: bool = False):
        self.problems = problems
        self.truncated = truncated
        more = f" (stopped after {len(problems)})" if truncated else ""
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__(f"nothing was imported: {len(problems)} {noun} in the files{more}")


@dataclass(frozen=True)
class Counts:
    clients: int = 0
    visits: int = 0  # anonymous quick contacts included
    directory: int = 0
    anonymous: int = 0


@dataclass
class Plan:
    """Cleaned rows, ready to insert."""
    clients: list[dict] = field(default_factory=list)
    visits: list[tuple[str, dict]] = field(default_factory=list)  # (client ref or '', data)
    directory: list[dict] = field(default_factory=list)
    names: dict[str, str] = field(default_factory=dict)  # kind -> file name

    def counts(self) -> Counts:
        return Counts(len(self.clients), len(self.visits), len(self.directory),
                      sum(1 for ref, _ in self.visits if not ref))


# --- checking --------------------------------------------------------------------------

def _check_directory(path: Path, problems: Problems, plan: Plan) -> None:
    name = path.name
    for line, values in read(path, DIRECTORY_COLUMNS, "directory", ("name", "kind"), problems):
        if "kind" in values:
            values["kind"] = code_of("directory_kind", values["kind"], DIRECTORY_KINDS)
        fields = check_fields(problems, name, line, values, DIRECTORY_COLUMNS, directory.clean)
        if fields is not None:
            plan.directory.append(fields)


def _vault_refs(vault: "Vault") -> dict[str, int | None]:
    """Every ref in use -> the client to attach visits to (None: deleted or merged)."""
    return {r[0]: (r[1] if r[2] is None and r[3] is None else None) for r in vault.db.execute(
        "SELECT ref, id, deleted_at, merged_into FROM clients WHERE ref IS NOT NULL")}


def _check_clients(path: Path, problems: Problems, plan: Plan, vault_refs: dict,
                   file_refs: set) -> None:
    name = path.name
    first_line: dict[str, int] = {}
    for line, values in read(path, CLIENT_COLUMNS, "clients", ("name",), problems):
        if "gender" in values:
            values["gender"] = code_of("gender", values["gender"], GENDERS)
        ref = values.get("ref", "").strip()
        if ref:
            file_refs.add(ref)
            if ref in first_line:
                problems.add(name, line, "ref", f"this ref is already used on line "
                                                f"{first_line[ref]}")
            elif ref in vault_refs:
                problems.add(name, line, "ref", "this ref is already used by a client in the "
                                                "vault")
            first_line.setdefault(ref, line)
        fields = check_fields(problems, name, line, values, CLIENT_COLUMNS, clients.clean)
        if fields is not None:
            plan.clients.append(fields)


def steps(clients_csv=None, visits_csv=None, directory_csv=None) -> list[str]:
    """What run() reports as it goes: checking each file given, then writing."""
    return [f"checking {Path(p).name}" for p in (directory_csv, clients_csv, visits_csv)
            if p] + ["importing"]


def check(vault: "Vault", *, clients_csv: Path | None = None, visits_csv: Path | None = None,
          directory_csv: Path | None = None, progress: Progress | None = None) -> Plan:
    """Read and validate everything; raises ImportFailed listing every problem. `progress`
    hears each file's check as it starts (steps())."""
    vault.require_clinical()
    problems, plan = Problems(), Plan()
    vault_refs = _vault_refs(vault)
    file_refs: set[str] = set()
    said, done = steps(clients_csv, visits_csv, directory_csv), 0

    def step() -> None:
        nonlocal done
        if progress is not None:
            progress(done, len(said), said[done])
        done += 1
    try:
        if directory_csv:
            step()
            plan.names["directory"] = Path(directory_csv).name
            _check_directory(Path(directory_csv), problems, plan)
        if clients_csv:
            step()
            plan.names["clients"] = Path(clients_csv).name
            _check_clients(Path(clients_csv), problems, plan, vault_refs, file_refs)
        if visits_csv:
            step()
            plan.names["visits"] = Path(visits_csv).name
            import_visits.check(vault, Path(visits_csv), problems, plan.visits, vault_refs,
                                file_refs)
    except TooMany:
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
                box["entity_id"] = _id_range(import_visits.write(vault, plan.visits, ref_ids))


def run(vault: "Vault", *, clients_csv: Path | None = None, visits_csv: Path | None = None,
        directory_csv: Path | None = None, dry_run: bool = False,
        progress: Progress | None = None) -> Counts:
    """Check the files and, unless dry_run, import them in one transaction. Raises
    ImportFailed (nothing written) when any file has a problem. `progress` hears each of
    steps() as it starts (flows.import_files reports the end)."""
    plan = check(vault, clients_csv=clients_csv, visits_csv=visits_csv,
                 directory_csv=directory_csv, progress=progress)
    if not dry_run:
        if progress is not None:
            said = steps(clients_csv, visits_csv, directory_csv)
            progress(len(said) - 1, len(said), said[-1])
        _write(vault, plan)
    return plan.counts()
