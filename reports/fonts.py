"""DejaVu Sans, registered once from this package's own `fonts/` folder.

reportlab's built-in Helvetica draws black boxes outside Latin-1; DejaVu Sans (all four faces)
covers Latin with accents, Greek, Cyrillic and Canadian Aboriginal syllabics. The files ship with
the package so a document looks the same on every laptop, whatever the system has installed.
"""
from __future__ import annotations

from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).with_name("fonts")
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
BOLD_ITALIC = "DejaVuSans-BoldOblique"
_FACES = (REGULAR, BOLD, ITALIC, BOLD_ITALIC)


def register() -> str:
    """Register the four faces (idempotent) and return the family name for styles."""
    if REGULAR not in pdfmetrics.getRegisteredFontNames():
        for face in _FACES:
            pdfmetrics.registerFont(TTFont(face, str(FONT_DIR / f"{face}.ttf")))
        # So <b> and <i> inside a Paragraph pick the right face.
        addMapping(REGULAR, 0, 0, REGULAR)
        addMapping(REGULAR, 1, 0, BOLD)
        addMapping(REGULAR, 0, 1, ITALIC)
        addMapping(REGULAR, 1, 1, BOLD_ITALIC)
    return REGULAR
