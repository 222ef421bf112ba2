"""The gettext catalogs of the Qt-free layers: `<lang>/LC_MESSAGES/van_clinic.po` (sources,
edited by hand or with any PO editor) and `.mo` (compiled, committed, shipped as package
data). records.i18n reads them. Rebuild both after changing a marked string (docs/translating.md):

    .venv/bin/python -m records.catalogs

English is the source text and has no catalog.
"""
from pathlib import Path

from records.models import LANGUAGES

FOLDER = Path(__file__).resolve().parent
ROOT = FOLDER.parent.parent
DOMAIN = "van_clinic"
# The packages whose strings the catalogs hold (the command line stays in English, ui/ uses Qt).
SOURCES = ("records", "reports", "flows")
SOURCE_LANGUAGE = "en"
TRANSLATED = tuple(language for language in LANGUAGES if language != SOURCE_LANGUAGE)


def po_file(language: str) -> Path:
    return FOLDER / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_file(language: str) -> Path:
    return po_file(language).with_suffix(".mo")
