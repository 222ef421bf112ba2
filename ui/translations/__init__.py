"""The app's translations: `van_clinic_<lang>.ts` (sources, edited with Qt Linguist or by hand)
and `van_clinic_<lang>.qm` (compiled, committed, shipped as package data).

Rebuild both after changing a string in ui/ (docs/translating.md):

    .venv/bin/python -m ui.translations

English needs a file too, holding only the plural forms ("%n visit(s)" -> "1 visit").
"""
from pathlib import Path

from records.models import LANGUAGES  # noqa: F401  (the app's languages: one list)

FOLDER = Path(__file__).resolve().parent
UI = FOLDER.parent
# Only plural forms are translated in English: the source text is English already.
PLURAL_ONLY = {"en"}


def ts_file(language: str) -> Path:
    return FOLDER / f"van_clinic_{language}.ts"


def qm_file(language: str) -> Path:
    return FOLDER / f"van_clinic_{language}.qm"
