"""The visits file of an import: visits of named clients and anonymous quick contacts.

Columns: `client_ref`, `date` (required), `site`, `reason`, `services`, `note`, `supplies`,
`needles_returned`, `secondary`. A row with a `client_ref` is a visit of that client. A row
without one is an anonymous quick contact, as the app's quick-contact form records it
(records.visits.quick_contact): supplies and needles returned (at least one of them), whether
they were collected for someone else, a date and a site; no services, reason or note.

Cells that list items, `services` (`hiv_test: negative; wound_care`) and `supplies`
(`needles: 10; condoms: 5`), take codes or their English labels, any case; an item listed twice
is an error (it used to be the last one silently). Messages name the item by its position or
its code, never by the text typed.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import clock, validate, visits
from .errors import ValidationError, msg
from .import_csv import Problems, check_fields, code_of, read
from .models import SERVICES, SUPPLIES, TEST_RESULTS, ServiceItem

if TYPE_CHECKING:
    from .vault import Vault

# column -> record field
COLUMNS = {"client_ref": "client_id", "date": "occurred_at", "site": "site",
           "reason": "reason", "services": "services", "note": "note", "supplies": "supplies",
           "needles_returned": "needles_returned", "secondary": "secondary"}
REQUIRED = ("date",)
NOT_ANONYMOUS = ("services", "reason", "note")  # a quick contact has no chart
_YES, _NO = ("yes", "y", "true", "1"), ("no", "n", "false", "0", "")


def _items(text: str) -> list[tuple[int, str, str]]:
    """(position, name, text after ':') of each ';'-separated item."""
    out = []
    for token in text.split(";"):
        if token.strip():
            name, _, after = token.partition(":")
            out.append((len(out) + 1, name, after.strip()))
    return out


def _code(field: str, kind: str, codes, n: int, name: str, found: dict) -> str:
    """The code of item `n` of a `field` cell; new in that cell."""
    code = code_of(kind, name, codes)
    if code not in codes:
        raise ValidationError(field, msg("item {n} is not a {kind}; use one of: {codes}", n=n,
                                         kind=kind, codes=", ".join(codes)))
    if code in found:
        raise ValidationError(field, msg("{code} is listed twice", code=code))
    return code


def services(text: str) -> list[ServiceItem]:
    found: dict[str, ServiceItem] = {}
    for n, name, result in _items(text):
        code = _code("services", "service", SERVICES, n, name, found)
        result = code_of("test_result", result, TEST_RESULTS) if result else ""
        if result and result not in TEST_RESULTS:
            raise ValidationError("services", msg("item {n} has an unknown test result; use one "
                                                  "of: {codes}", n=n,
                                                  codes=", ".join(TEST_RESULTS)))
        found[code] = ServiceItem(code, result)
    return list(found.values())


def supplies(text: str) -> dict[str, int]:
    found: dict[str, int] = {}
    for n, name, quantity in _items(text):
        code = _code("supplies", "supply", SUPPLIES, n, name, found)
        if not quantity:
            raise ValidationError("supplies", msg("item {n} has no quantity (write it as "
                                                  "{code}: 10)", n=n, code=code))
        try:
            found[code] = validate.quantity("supplies", quantity)
        except ValidationError as exc:
            raise ValidationError("supplies", msg("item {n}: the quantity {problem}", n=n,
                                                  problem=exc.problem)) from None
    return found


def yes_no(field: str, text: str) -> bool:
    answer = text.strip().casefold()
    if answer in _YES or answer in _NO:
        return answer in _YES
    raise ValidationError(field, "must be yes or no")


def check(vault: "Vault", path: Path, problems: Problems, rows: list, vault_refs: dict,
          file_refs: set) -> None:
    """Append (client ref or '' for an anonymous contact, cleaned visit data) to `rows`."""
    name = path.name
    tz = vault.settings.timezone

    def clean(fields: dict) -> dict:
        fields = dict(fields)
        fields.pop("client_id", None)  # checked below, against the refs
        if "occurred_at" in fields:
            fields["occurred_at"] = clock.parse_local(fields["occurred_at"], tz, "date")
        for field, parse in (("services", services), ("supplies", supplies)):
            if field in fields:
                fields[field] = parse(fields[field])
        if "secondary" in fields:
            fields["secondary"] = yes_no("secondary", fields["secondary"])
        if "needles_returned" in fields and not fields["needles_returned"].strip():
            fields["needles_returned"] = 0
        return visits.clean(vault, fields)

    for line, values in read(path, COLUMNS, "visits", REQUIRED, problems):
        ref = values.get("client_ref", "").strip()
        usable = _check_ref(problems, name, line, ref, vault_refs, file_refs)
        if not ref:
            for column in NOT_ANONYMOUS:
                if values.get(column, "").strip():
                    usable = False
                    problems.add(name, line, column, "has a value, but a row without "
                                 "client_ref is an anonymous quick contact (supplies only)")
        if "date" in values and not values["date"].strip():
            problems.add(name, line, "date", "is required")
            del values["date"]
        data = check_fields(problems, name, line, values, COLUMNS, clean)
        if data is None or not usable:
            continue
        if not ref and not data.get("supplies") and not data.get("needles_returned"):
            problems.add(name, line, "supplies", "a row without client_ref is an anonymous "
                         "quick contact: it needs supplies or needles_returned")
            continue
        rows.append((ref, data))


def _check_ref(problems: Problems, name: str, line: int, ref: str, vault_refs: dict,
               file_refs: set) -> bool:
    if not ref or ref in file_refs:
        return True
    if ref not in vault_refs:
        problems.add(name, line, "client_ref",
                     "is not the ref of a client in the clients file or the vault")
    elif vault_refs[ref] is None:
        problems.add(name, line, "client_ref", "this client was deleted or merged")
    else:
        return True
    return False


def write(vault: "Vault", rows: list, ref_ids: dict[str, int]) -> list[int]:
    """Insert the checked rows as made by the signed-in staff member; their new ids."""
    staff = {"staff_id": vault.staff.id, "shift_id": None}
    return [visits.write_row(vault, None, data | staff | {
        "client_id": ref_ids[ref] if ref else None, "quick": not ref}) for ref, data in rows]
