"""dhis2.json: a DHIS2 `dataValueSets` payload.

Period is the ISO week in DHIS2's form (`2026W48`), the org unit is the van's code, and each
indicator has a data element code `HR_` + its code in capitals with `.` as `_` (e.g.
`contacts.total` -> `HR_CONTACTS_TOTAL`); the full list is in docs/export-format.md,
which tests/test_docs.py keeps in step. Import with `POST /api/dataValueSets?idScheme=CODE`
so codes, not DHIS2 uids, are matched.
"""
from __future__ import annotations

DATA_SET = "HR_WEEKLY"


def period(week: str) -> str:
    """'2026-W48' -> '2026W48'; weeks 1-9 keep DHIS2's unpadded form ('2026W5')."""
    year, number = week.split("-W")
    return f"{year}W{int(number)}"


def element(code: str) -> str:
    return "HR_" + code.upper().replace(".", "_")


def _value(value) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.2f}"


def payload(van: str, week: str, indicators: dict) -> dict:
    """One van, one week: period and org unit at the top."""
    return {"dataSet": DATA_SET, "period": period(week), "orgUnit": van,
            "dataValues": [{"dataElement": element(code), "value": _value(value)}
                           for code, value in indicators.items()]}


def combined(items: list[tuple[str, str, dict]]) -> dict:
    """Several (van, week, indicators): period and org unit on every value."""
    return {"dataSet": DATA_SET, "dataValues": [
        {"dataElement": element(code), "period": period(week), "orgUnit": van,
         "value": _value(value)}
        for van, week, indicators in items for code, value in indicators.items()]}
