"""Input checks shared by every write. Each raises ValidationError naming the field.

Messages name the field and the rule, never the value typed: a value can be a legal name, a
date of birth or something a client said, and messages end up on screens and in stderr."""
from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from .errors import ValidationError, msg

SHORT = 200     # names, sites, phone numbers
LONG = 20_000   # notes and free text
# Bidirectional embeddings, overrides and isolates: they make text display in another order
# than it is stored (a name, a plate or an amount that reads differently on screen and paper).
BIDI_CONTROLS = frozenset(map(chr, (*range(0x202A, 0x202F), *range(0x2066, 0x206A))))
#: A van code: it names files and org units at the coordinator, so a safe name only.
VAN_CODE = re.compile(r"[A-Z0-9][A-Z0-9_-]{0,15}")
RESERVED_VAN_CODES = ("ALL", "ALL-VANS")
VAN_CODE_RULE = msg("1 to 16 capital letters, digits, - or _, starting with a letter or digit "
                 "(e.g. VAN1)")


def text(field: str, value, *, required: bool = False, max_len: int = SHORT,
         multiline: bool = False) -> str:
    """A clean string: NFC, trimmed, no control characters (newlines and tabs only when
    multiline) nor bidirectional controls, within max_len."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(field, "must be text")
    value = unicodedata.normalize("NFC", value).strip()
    allowed = "\n\t" if multiline else ""
    for ch in value:
        if ch in BIDI_CONTROLS:
            raise ValidationError(field, msg("contains a bidirectional control character "
                                             "(U+{code}) that would reorder the text",
                                             code=format(ord(ch), "04X")))
        if unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") and ch not in allowed:
            raise ValidationError(field, msg("contains a control or invalid character (U+{code})",
                                             code=format(ord(ch), "04X")))
    if required and not value:
        raise ValidationError(field, "is required")
    if len(value) > max_len:
        raise ValidationError(field, msg("is too long ({length} characters, at most {max_len})",
                                         length=len(value), max_len=max_len))
    return value


def plain(text: str) -> str:
    """Compatibility-decomposed with accents (combining marks) removed: "É" -> "E",
    full-width "Ａ" -> "A". Search and the UIC compare names in this form."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def van_code(field: str, value) -> str:
    """A van code as the export and the coordinator's merge require it (VAN_CODE)."""
    if not isinstance(value, str) or not VAN_CODE.fullmatch(value.strip()):
        raise ValidationError(field, msg("must be {rule}", rule=VAN_CODE_RULE))
    if value.strip() in RESERVED_VAN_CODES:
        raise ValidationError(field, "ALL and ALL-VANS name the coordinator's combined "
                                     "report; choose another code")
    return value.strip()


def choice(field: str, value, allowed, *, empty_ok: bool = False) -> str:
    if empty_ok and value in ("", None):
        return ""
    if value not in allowed:
        # The value itself is never echoed: it may be something a client said.
        raise ValidationError(field, msg("must be one of: {codes}", codes=", ".join(allowed)))
    return value


def quantity(field: str, value, *, maximum: int = 10_000) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            value = int(str(value).strip())
        except ValueError:
            raise ValidationError(field, "is not a whole number") from None
    if value < 0:
        raise ValidationError(field, "cannot be negative")
    if value > maximum:
        raise ValidationError(field, msg("is more than {maximum}", maximum=maximum))
    return value


def birth_year(field: str, value, today: date | None = None) -> int | None:
    if value in (None, ""):
        return None
    year = quantity(field, value, maximum=9999)
    this_year = (today or date.today()).year
    if not 1900 <= year <= this_year:
        raise ValidationError(field, msg("is not a birth year between 1900 and {year}",
                                         year=this_year))
    return year


def past_date(field: str, value, today: date | None = None) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise ValidationError(field, "is not a date (YYYY-MM-DD)") from None
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValidationError(field, "must be a date")
    if not date(1900, 1, 1) <= value <= (today or date.today()):
        raise ValidationError(field, "is not a possible date")
    return value


def moment(field: str, value) -> datetime:
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ValidationError(field, "must be a date and time with a time zone")
    if not 1900 <= value.year <= 2200:
        raise ValidationError(field, "is out of range (years 1900 to 2200)")
    return value


def record_id(field: str, value) -> int:
    """The id of a record picked from a list: a positive whole number."""
    if isinstance(value, bool) or not isinstance(value, int) or not 0 < value < 2**63:
        raise ValidationError(field, "is not a record of this vault")
    return value


def existing(db, field: str, table: str, value) -> int:
    """The id of a record that must be in `table` (a name from code, never from input)."""
    record_id(field, value)
    if not db.execute(f"SELECT 1 FROM {table} WHERE id = ?", [value]).fetchone():
        raise ValidationError(field, "is not a record of this vault")
    return value


def items(field: str, values) -> list:
    """A list, tuple or set as a list (None is empty); anything else is a ValidationError."""
    if values is None:
        return []
    if not isinstance(values, (list, tuple, set, frozenset)):
        raise ValidationError(field, "must be a list")
    return list(values)


def text_list(field: str, values, *, max_items: int = 50) -> tuple[str, ...]:
    if isinstance(values, str):
        values = [values]
    values = items(field, values)
    cleaned = tuple(v for v in (text(field, v) for v in values) if v)
    if len(cleaned) > max_items:
        raise ValidationError(field, msg("has {count} entries, at most {max_items}",
                                         count=len(cleaned), max_items=max_items))
    return cleaned


def known_fields(fields: dict, allowed, what: str) -> None:
    """Refuse a field name the record does not have (a programming or import mistake)."""
    unknown = set(fields) - set(allowed)
    if unknown:
        raise ValidationError(sorted(unknown)[0], msg("is not {what} field", what=what))


def text_fields(values: dict, spec: dict[str, bool], *, short_max: int = SHORT) -> None:
    """Clean, in place, the free-text entries of `values` named in `spec` (name -> multiline):
    multi-line text may be long, one-line text at most `short_max`."""
    for name, multiline in spec.items():
        if name in values:
            values[name] = text(name, values[name], multiline=multiline,
                                max_len=LONG if multiline else short_max)
