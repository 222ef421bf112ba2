"""Translations for the Qt-free layers (code labels, printed documents): GNU gettext catalogs
managed with Babel, in `records/catalogs/` (`python -m records.catalogs` updates and compiles
them; docs/translating.md). English is the source text, so English needs no catalog.

Dates and numbers are written by Babel with the locale of each language (Canadian English and
French), never with the machine's locale: a document's language is the client's, whatever the
nurse's screen or the system says.

    tr = translation("fr")
    tr.gettext("Referral letter")            # "Lettre d'orientation"
    tr.pgettext("urgency", "Urgent")         # a label whose wording depends on its kind
    tr.ngettext("{n} visit", "{n} visits", n).format(n=n)
"""
from __future__ import annotations

import gettext
from datetime import date, time
from functools import lru_cache

from records.catalogs import DOMAIN, FOLDER
from records.models import LANGUAGES

# The Babel locale of each language: dates, times and numbers as written in Canada.
LOCALES = {"en": "en_CA", "fr": "fr_CA"}
# Times of day: the 24-hour clock the documents always used in English (CLDR's en_CA is
# 12-hour), the locale's own form in French ("22 h 15").
_TIME_FORMATS = {"en": "HH:mm", "fr": "short"}


def check(lang: str) -> str:
    if lang not in LANGUAGES:
        raise ValueError(f"language: expected one of {', '.join(LANGUAGES)}, got {lang!r}")
    return lang


def N_(message: str) -> str:
    """Marks a message for the catalog where it is written, translated later (gettext_noop)."""
    return message


def C_(context: str, message: str) -> tuple[str, str]:
    """N_ with a context (pgettext_noop): the same English may need another French form
    ("Declined": a test is « refusé », a referral « refusée »). Kept as a pair for pgettext."""
    return context, message


@lru_cache(maxsize=None)
def translation(lang: str) -> gettext.NullTranslations:
    """gettext, ngettext, pgettext and npgettext for `lang` ("en" or "fr")."""
    if check(lang) == "en":
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, FOLDER, languages=[lang])


def long_date(day: date, lang: str, weekday: bool = False) -> str:
    """"November 25, 2025" / "25 novembre 2025"; with the day of the week
    "Tuesday, November 25, 2025" / "mardi 25 novembre 2025"; the first of a month is
    « 1er novembre 2025 » in French."""
    # Babel is imported where it is used: records.vocab (screens) needs only gettext, and
    # Babel's date module takes a tenth of a second to load.
    from babel.dates import format_date
    if check(lang) == "fr" and day.day == 1:  # « 1er novembre »: CLDR has no ordinal day
        return format_date(day, ("EEEE " if weekday else "") + "d'er' MMMM y", locale="fr_CA")
    return format_date(day, "full" if weekday else "long", locale=LOCALES[lang])


def time_of_day(moment: time, lang: str) -> str:
    """"22:15" / "22 h 15" (no-break spaces: the time never splits across two lines)."""
    from babel.dates import format_time
    text = format_time(moment, _TIME_FORMATS[check(lang)], locale=LOCALES[lang])
    return text.replace(" ", "\u00a0")


def number(value: int | float, lang: str) -> str:
    """"1,250" / "1 250" (a no-break space groups French thousands)."""
    from babel.numbers import format_decimal
    return format_decimal(value, locale=LOCALES[check(lang)])
