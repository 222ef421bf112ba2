"""The unique identifier code (UIC): counting people without names.

Recipe (one function, documented in README): gender code (F, M or X) + the first two letters
of the first name + the first two letters of the last name + the 4-digit birth year, from the
parts the client gives for the code, e.g. F + MA + SM + 1990 -> "FMASM1990". Letters are
upper-cased with accents removed. A client may instead choose a code of the same shape.
Any unknown part is written "?" and the code is incomplete: incomplete codes are left out of
duplicate detection, unique counts and cross-van matching.
"""
from __future__ import annotations

import re
import unicodedata

from .errors import ValidationError
from .models import GENDERS

UNKNOWN = "?"
_SHAPE = re.compile(r"^[FMX?][^\W\d_?]{0,2}\?*[^\W\d_?]{0,2}\?*(\d{4}|\?{4})$")


def _letters(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name or "")
    letters = [c for c in plain if c.isalpha()]
    two = "".join(letters[:2]).upper()
    return two if len(two) == 2 else UNKNOWN * 2


def compute(gender: str, first: str, last: str, birth_year: int | None) -> tuple[str, bool]:
    """(code, complete) from the parts the client gives."""
    code = (
        (gender if gender in GENDERS else UNKNOWN)
        + _letters(first)
        + _letters(last)
        + (f"{birth_year:04d}" if birth_year else UNKNOWN * 4)
    )
    return code, UNKNOWN not in code


def check_chosen(code: str) -> tuple[str, bool]:
    """Validate a code the client chose; (normalised code, complete)."""
    if not isinstance(code, str):
        code = ""
    value = unicodedata.normalize("NFC", code.strip().upper())
    if len(value) != 9 or not _SHAPE.match(value):
        raise ValidationError(
            "uic", "must be a gender letter (F, M, X), four letters and a 4-digit year, e.g. FMASM1990")
    return value, UNKNOWN not in value


def keyed_hash(code: str, secret: str) -> str:
    """HMAC-SHA256 of a complete code with the program-wide secret: what leaves the van
    instead of the code, so the coordinator can count people across vans without it."""
    import hashlib
    import hmac
    if not secret:
        raise ValidationError("uic_secret", "the program's UIC secret is not set in settings")
    return hmac.new(secret.encode(), code.encode(), hashlib.sha256).hexdigest()
