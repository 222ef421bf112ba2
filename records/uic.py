"""The unique identifier code (UIC): counting people without names.

Recipe (one function, documented in docs/nurse.md): gender code (F, M or X) + the first two letters
of the first name + the first two letters of the last name + the 4-digit birth year, from the
parts the client gives for the code, e.g. F + MA + SM + 1990 -> "FMASM1990". Letters are
upper-cased with accents removed. A client may instead choose a code of the same shape; it is
normalised the same way, so a chosen "FÉMOU1992" is the code built for Émilie Ouellet, born
1992 ("FEMOU1992").
Any unknown part is written "?" and the code is incomplete: incomplete codes are left out of
duplicate detection, unique counts and cross-van matching.
"""
from __future__ import annotations

import base64
import binascii
import re
from datetime import date

from .errors import ValidationError, msg
from .models import GENDERS
from .validate import plain

UNKNOWN = "?"
_SHAPE = re.compile(r"^[FMX?][^\W\d_?]{0,2}\?*[^\W\d_?]{0,2}\?*(\d{4}|\?{4})$")


def _letters(name: str) -> str:
    letters = [c for c in plain(name) if c.isalpha()]
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
    value = plain(code.strip()).upper()
    if len(value) != 9 or not _SHAPE.match(value):
        raise ValidationError(
            "uic", "must be a gender letter (F, M, X), four letters and a 4-digit year, e.g. FMASM1990")
    return value, UNKNOWN not in value


def birth_year(code: str, today: date | None = None) -> int | None:
    """The year a code ends with (a chosen code's year stands for the birth year), if it is
    a possible one (1900 to this year); else None."""
    tail = (code or "")[-4:]
    if not (len(tail) == 4 and tail.isascii() and tail.isdigit()):
        return None
    year = int(tail)
    return year if 1900 <= year <= (today or date.today()).year else None


def keyed_hash(code: str, secret: str) -> str:
    """HMAC-SHA256 of a complete code with the program-wide secret: what leaves the van
    instead of the code, so the coordinator can count people across vans without it."""
    import hashlib
    import hmac
    if not secret:
        raise ValidationError("uic_secret", "the program's UIC secret is not set in settings")
    return hmac.new(secret.encode(), code.encode(), hashlib.sha256).hexdigest()


# --- the program secret ---------------------------------------------------------------

SECRET_RULE = msg("at least 32 hex digits or base64 of at least 16 bytes")
SECRET_HOW = msg("the coordinator makes one with: python main.py coordinator secret --out FILE")
_HEX = re.compile(r"(?:[A-Za-z0-9_]{1,20}-)?([0-9A-Fa-f]+)")  # an optional label: demo-<hex>
_BASE64 = re.compile(r"[A-Za-z0-9+/]+={0,2}|[A-Za-z0-9_-]+={0,2}")
_MIN_BYTES = 16
_MIN_DISTINCT = 8  # a random 32-hex-digit secret has fewer with a chance of 4e-8


def _base64_bytes(text: str) -> bytes | None:
    """The bytes `text` is the canonical base64 (standard or URL-safe, padding optional) of."""
    if not _BASE64.fullmatch(text):
        return None
    body = text.rstrip("=").replace("-", "+").replace("_", "/")
    try:
        raw = base64.b64decode(body + "=" * (-len(body) % 4), validate=True)
    except binascii.Error:
        return None
    # Canonical only: typed words that happen to be base64-shaped rarely re-encode exactly.
    return raw if base64.b64encode(raw).decode().rstrip("=") == body else None


def strong_secret(secret: str) -> bool:
    """True for a program secret made by a generator (SECRET_RULE): hex digits, perhaps after
    a label ("demo-"), judged as hex; anything else as base64. The key part must not be a
    few characters repeated."""
    text = (secret or "").strip()
    labelled = _HEX.fullmatch(text)
    digits = labelled.group(1) if labelled else ""
    if len(digits) >= 2 * _MIN_BYTES and len(set(digits.lower())) >= _MIN_DISTINCT:
        return True
    if labelled and len(digits) == len(text):  # only hex digits, and too few
        return False
    raw = _base64_bytes(text)
    return raw is not None and len(raw) >= _MIN_BYTES and len(set(text)) >= _MIN_DISTINCT


def check_secret(secret: str, field: str = "uic_secret") -> str:
    """A new program secret, or ValidationError saying the rule and how to get one."""
    if not strong_secret(secret):
        raise ValidationError(field, msg("is too weak: a program secret is {rule}; {how}",
                                         rule=SECRET_RULE, how=SECRET_HOW))
    return secret


def new_secret() -> str:
    """A fresh program secret: 256 random bits as 64 lowercase hex digits."""
    import secrets
    return secrets.token_hex(32)
