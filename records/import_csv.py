"""Reading an import file strictly: UTF-8 text, RFC 4180 CSV, one header line, every row as
wide as the header. Anything a spreadsheet program would not write is an error naming the file,
line and column, never the cell's text (it can be a name or something a client said):

- a quote that opens a value and never closes (it would swallow the rows after it);
- text after a closing quote, or a quote inside a value that does not start with one;
- a row with more or fewer values than the header has columns;
- NUL bytes, text that is not UTF-8, a file over MAX_BYTES.

A quoted value may hold commas, doubled quotes and line breaks (a line break is kept as "\\n");
a row is numbered by the line it starts on. Lines that are empty or only commas are skipped.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from . import vocab
from .errors import ValidationError

MAX_PROBLEMS = 100
MAX_BYTES = 64 * 2**20

_QUOTED = re.compile(r'"([^"]*+(?:""[^"]*+)*+)"')
_PLAIN = re.compile(r'[^,"\n]*+')


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


class TooMany(Exception):
    """MAX_PROBLEMS were found: stop looking."""


@dataclass
class Problems:
    found: list[Problem] = field(default_factory=list)

    def add(self, file: str, line: int, column: str, problem: str) -> None:
        self.found.append(Problem(file, line, column, problem))
        if len(self.found) >= MAX_PROBLEMS:
            raise TooMany()


class _Syntax(Exception):
    def __init__(self, line: int, index: int, problem: str):
        super().__init__(problem)
        self.line, self.index, self.problem = line, index, problem


def _records(text: str) -> Iterator[tuple[int, list[str]]]:
    """(first line, values) for each record of `text` (line breaks already "\\n")."""
    pos, line, end = 0, 1, len(text)
    while pos < end:
        first, values = line, []
        while True:
            if text.startswith('"', pos):
                found = _QUOTED.match(text, pos)
                if found is None:
                    raise _Syntax(line, len(values), "a quote opens a value here and is never "
                                                     "closed")
                value = found.group(1).replace('""', '"')
                line += value.count("\n")
                pos = found.end()
                if pos < end and text[pos] not in ",\n":
                    raise _Syntax(line, len(values), "text follows the closing quote of a "
                                                     "value (a quote inside a value is doubled)")
            else:
                found = _PLAIN.match(text, pos)
                value, pos = found.group(), found.end()
                if pos < end and text[pos] == '"':
                    raise _Syntax(line, len(values), "a quote inside a value that does not "
                                                     "start with one")
            values.append(value)
            if pos < end and text[pos] == ",":
                pos += 1
                continue
            break
        if pos < end:  # the line break ending the record
            pos += 1
            line += 1
        yield first, values


def column_name(text: str) -> str:
    return "_".join(text.strip().lower().replace("-", " ").split())


def _decode(path: Path, problems: Problems) -> str | None:
    name = path.name
    try:
        if path.stat().st_size > MAX_BYTES:
            problems.add(name, 0, "", f"is larger than {MAX_BYTES // 2**20} MB; split it into "
                                      "smaller files")
            return None
        data = path.read_bytes()
    except OSError as exc:
        problems.add(name, 0, "", f"cannot read the file: {exc.strerror}")
        return None
    nul = data.find(b"\x00")
    if nul >= 0:
        problems.add(name, data.count(b"\n", 0, nul) + 1, "", "contains a NUL byte: this is "
                     "not a text CSV file; save the spreadsheet as 'CSV UTF-8' and import again")
        return None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.add(name, data.count(b"\n", 0, exc.start) + 1, "",
                     f"is not UTF-8 text (byte 0x{data[exc.start]:02X}); save the spreadsheet "
                     "as 'CSV UTF-8' and import again")
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _header(name: str, line: int, cells: list[str], columns, kind: str, required,
            problems: Problems) -> list[str]:
    """The column of each position ('' for none, '?' for an unknown one, '-' for a repeated
    one), problems reported. An unknown column is named by its position: in a file without
    a header line, its text would be a cell."""
    header = [column_name(c) for c in cells]
    seen: set[str] = set()
    for position, column in enumerate(header):
        if not column:
            continue
        if column not in columns:
            problems.add(name, line, f"#{position + 1}", f"is not a {kind} column; known "
                                                         f"columns: {', '.join(columns)}")
            header[position] = "?"
        elif column in seen:
            problems.add(name, line, column, "appears twice in the header")
            header[position] = "-"  # keep the first one
        seen.add(column)
    for column in required:
        if column not in seen:
            problems.add(name, line, column, "is required but missing from the header")
    return header


def _where(header: list[str], index: int) -> str:
    return header[index] if index < len(header) and header[index] not in ("", "?", "-") \
        else f"#{index + 1}"


def read(path: Path, columns, kind: str, required, problems: Problems,
         ) -> list[tuple[int, dict[str, str]]]:
    """(line, {column: value}) for each row, known columns only. Header problems are
    reported and the rows still checked, so one run lists everything; a syntax error stops
    the file (what follows it cannot be trusted)."""
    name = path.name
    text = _decode(path, problems)
    if text is None:
        return []
    header: list[str] | None = None
    out = []
    try:
        for line, cells in _records(text):
            if not any(cell.strip() for cell in cells):
                continue
            if header is None:
                header = _header(name, line, cells, columns, kind, required, problems)
                continue
            if len(cells) != len(header):
                problems.add(name, line, _where(header, min(len(cells), len(header))),
                             f"the row has {len(cells)} values, the header has "
                             f"{len(header)} columns")
                continue
            values = {}
            for position, cell in enumerate(cells):
                if header[position] in columns:
                    values[header[position]] = cell
                elif not header[position] and cell.strip():
                    problems.add(name, line, f"#{position + 1}",
                                 "has a value but the header names no column here")
            out.append((line, values))
    except _Syntax as exc:
        problems.add(name, exc.line, _where(header or [], exc.index), exc.problem)
        return []
    if header is None:
        problems.add(name, 0, "", "is empty: a header line naming the columns is needed")
    return out


def code_of(kind: str, value: str, codes) -> str:
    """A code typed as itself or as its English label (any case); unknown text is returned
    as typed for the validator to reject."""
    text = value.strip()
    for code in codes:
        if text.casefold() in (code.casefold(), vocab.label(kind, code).casefold()):
            return code
    return text


def check_fields(problems: Problems, name: str, line: int, values: dict, columns: dict,
                 clean) -> dict | None:
    """Run `clean` on each field alone (to report every bad cell), then on the whole row;
    the cleaned row, or None when it has a problem."""
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
