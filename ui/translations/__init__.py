"""The app's translations: `van_clinic_<lang>.ts` (sources, edited with Qt Linguist or by hand)
and `van_clinic_<lang>.qm` (compiled, committed, shipped as package data).

Rebuild both after changing a string in ui/ (docs/translating.md):

    .venv/bin/python -m ui.translations

English needs a file too, holding only the plural forms ("%n visit(s)" -> "1 visit").
"""
from pathlib import Path

# The app's languages: records.models.LANGUAGES, written again here because importing
# records.models costs about 20 ms before the first window (tests/test_translations.py checks
# the two agree).
LANGUAGES = ("en", "fr")

FOLDER = Path(__file__).resolve().parent
UI = FOLDER.parent
# Only plural forms are translated in English: the source text is English already.
PLURAL_ONLY = {"en"}


def ts_file(language: str) -> Path:
    return FOLDER / f"van_clinic_{language}.ts"


def qm_file(language: str) -> Path:
    return FOLDER / f"van_clinic_{language}.qm"
