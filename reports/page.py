"""The page every document shares: paper size, margins, styles, letterhead, running header,
"Page N of M" footer and neutral PDF metadata.

Documents build a list of platypus flowables with the helpers here and hand it to `render()`.
Everything flows: long text continues on the next page, table rows may split, nothing is drawn
at a fixed position except the header and footer in the margins.
"""
from __future__ import annotations

from collections.abc import Iterable, Sequence
from functools import lru_cache
from io import BytesIO
from xml.sax.saxutils import escape

from reportlab.lib.colors import HexColor
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate, CondPageBreak, Flowable, Frame, HRFlowable, KeepTogether, PageTemplate,
    Paragraph, Spacer, Table, TableStyle,
)

from reports import fonts
from reports.text import t

PAGE_SIZES = {"letter": LETTER, "A4": A4}

INK = HexColor("#1c2730")
ACCENT = HexColor("#1f5c70")
MUTED = HexColor("#5e6a72")
RULE = HexColor("#b9c5cb")
TINT = HexColor("#eef3f5")

MARGIN_X = 20 * mm
MARGIN_TOP = 20 * mm
MARGIN_BOTTOM = 20 * mm
LABEL_WIDTH = 38 * mm
BOX_PADDING = 10
# The narrowest a field's value gets: A4's frame inside a boxed() panel, less the label and
# the cell's right padding. Shorter values are drawn as plain text (see _cell).
VALUE_WIDTH_MIN = A4[0] - 2 * MARGIN_X - 2 * BOX_PADDING - LABEL_WIDTH - 6


@lru_cache(maxsize=1)
def styles() -> dict[str, ParagraphStyle]:
    family = fonts.register()
    body = ParagraphStyle("body", fontName=family, bulletFontName=family, fontSize=9.5,
                          leading=13.5, textColor=INK, spaceAfter=3)
    return {
        "body": body,
        "small": ParagraphStyle("small", body, fontSize=8, leading=10.5, textColor=MUTED),
        "label": ParagraphStyle("label", body, fontName=fonts.BOLD, fontSize=8, leading=13.5,
                                textColor=MUTED, spaceAfter=0),
        "value": ParagraphStyle("value", body, spaceAfter=0),
        "clinic": ParagraphStyle("clinic", body, fontName=fonts.BOLD, fontSize=14, leading=17,
                                 textColor=ACCENT, spaceAfter=2),
        "letterhead": ParagraphStyle("letterhead", body, fontSize=8, leading=10.5,
                                     textColor=MUTED, spaceAfter=0),
        "title": ParagraphStyle("title", body, fontName=fonts.BOLD, fontSize=12.5, leading=15,
                                alignment=2, spaceAfter=2),
        "subtitle": ParagraphStyle("subtitle", body, fontSize=8.5, leading=11, textColor=MUTED,
                                   alignment=2, spaceAfter=0),
        "heading": ParagraphStyle("heading", body, fontName=fonts.BOLD, fontSize=10,
                                  leading=13, textColor=ACCENT, spaceBefore=11, spaceAfter=1),
        "item": ParagraphStyle("item", body, leftIndent=10, bulletIndent=0, spaceAfter=1.5),
        "card": ParagraphStyle("card", body, fontName=fonts.BOLD, fontSize=10, leading=13,
                               spaceAfter=2),
    }


class Para(Paragraph):
    """A Paragraph that remembers its last line breaking. A table asks each cell for its
    size when it measures rows and again when it draws them, and KeepTogether measures its
    content before the frame does: without this a letter broke every line three times.
    The lines depend only on the width, so the same width gives the same answer, while
    the lines are still there (split() drops them when it moves the paragraph on)."""

    _laid_out: tuple[float, tuple[float, float]] | None = None

    def wrap(self, availWidth, availHeight):  # noqa: N803 (reportlab's names)
        if (self._laid_out is not None and self._laid_out[0] == availWidth
                and "blPara" in self.__dict__):
            return self._laid_out[1]
        size = super().wrap(availWidth, availHeight)
        self._laid_out = (availWidth, size)
        return size


def _table_style(commands: list) -> TableStyle:
    """A table style that names our font: a Table otherwise selects Helvetica for its cells,
    and the PDF then references a font that cannot draw most scripts."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), *commands])


def markup(value: str) -> str:
    """Text made safe for a Paragraph: escaped, line breaks kept. A narrow no-break space
    (French, before ; ? !) becomes a no-break space: a Paragraph breaks lines at U+202F and
    prints it as an ordinary space, and keeps U+00A0 (only a little wider) with its word."""
    return escape(value.strip()).replace("\n", "<br/>").replace("\u202f", "\u00a0")


def para(value: str, style: str = "body") -> Paragraph:
    return Para(markup(value), styles()[style])


def heading(value: str) -> list[Flowable]:
    """A section heading with a rule under it. It starts a new page when fewer than a few
    lines are left, so it never ends a page alone (keepWithNext would instead push a long
    section whole onto the next page and leave this one half empty)."""
    rule = HRFlowable(width="100%", thickness=0.6, color=RULE, spaceBefore=0, spaceAfter=4)
    return [CondPageBreak(60), Para(markup(value), styles()["heading"]), rule]


def items(values: Iterable[str]) -> list[Paragraph]:
    return [Para(markup(v), styles()["item"], bulletText="•") for v in values]


def _cell(text: str, style: ParagraphStyle, width: float) -> str | Paragraph:
    """Plain text when it fits on one line of `width`: the table then draws it with its
    column's font, where a Paragraph would be parsed and broken into lines (a letter's
    labels and short values are two thirds of its paragraphs). Longer text wraps."""
    text = text.strip()
    if "\n" in text or stringWidth(text, style.fontName, style.fontSize) > width:
        return Para(markup(text), style)
    return text


def _column(column: int, style: ParagraphStyle) -> list:
    """Table commands that draw plain-text cells of `column` as `style` would."""
    cells = (column, 0), (column, -1)
    return [("FONT", *cells, style.fontName, style.fontSize, style.leading),
            ("TEXTCOLOR", *cells, style.textColor)]


@lru_cache(maxsize=1)
def _fields_style() -> TableStyle:
    """Both columns name their font, so no table-wide default is needed (a table applies
    every command to every cell it covers: fewer commands, less work per table)."""
    s = styles()
    return TableStyle([
        *_column(0, s["label"]), *_column(1, s["value"]),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ])


def fields(rows: Sequence[tuple[str, str]]) -> Table:
    """Label / value rows; values may be long and split across pages."""
    s = styles()
    label, value = s["label"], s["value"]
    data = [[_cell(name, label, LABEL_WIDTH - 6), _cell(text, value, VALUE_WIDTH_MIN)]
            for name, text in rows]
    return Table(data, colWidths=[LABEL_WIDTH, None], hAlign="LEFT", splitInRow=1,
                 style=_fields_style())


def letterhead(clinic_name: str, lines: Sequence[str], title: str,
               subtitle: Sequence[str]) -> list[Flowable]:
    """Clinic name and letterhead lines on the left, document title, copy and date on the
    right, a rule under both."""
    s = styles()
    left = [Para(markup(clinic_name), s["clinic"])]
    left += [Para(markup(line), s["letterhead"]) for line in lines if line.strip()]
    right = [Para(markup(title), s["title"])]
    right += [Para(markup(line), s["subtitle"]) for line in subtitle if line.strip()]
    table = Table([[left, right]], colWidths=["58%", "42%"], splitInRow=1)
    table.setStyle(_table_style([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("LINEBELOW", (0, 0), (-1, -1), 1.2, ACCENT),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ]))
    return [table, Spacer(0, 6)]


def fill_in(rows: Sequence[tuple[str, int]], width: float) -> Table:
    """Labelled blank lines to write on by hand: (label, number of lines)."""
    label_style = styles()["label"]
    data = [[_cell(label, label_style, LABEL_WIDTH - 6) if n == 0 else "", ""]
            for label, count in rows for n in range(count)]
    style = _table_style([
        *_column(0, label_style),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LINEBELOW", (1, 0), (1, -1), 0.5, MUTED),  # a line to write on in every row
    ])
    return Table(data, colWidths=[LABEL_WIDTH, width - LABEL_WIDTH], rowHeights=21,
                 style=style, hAlign="LEFT")


def boxed(flowables: list[Flowable], width: float) -> Table:
    """A lightly tinted panel (reply section, alert cards)."""
    table = Table([[flowables]], colWidths=[width], splitInRow=1)
    table.setStyle(_table_style([
        ("BOX", (0, 0), (-1, -1), 0.8, RULE),
        ("BACKGROUND", (0, 0), (-1, -1), TINT),
        ("LEFTPADDING", (0, 0), (-1, -1), BOX_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), BOX_PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 10),
    ]))
    return table


def frame_width(paper_size: str) -> float:
    return page_size(paper_size)[0] - 2 * MARGIN_X


def page_size(paper_size: str) -> tuple[float, float]:
    try:
        return PAGE_SIZES[paper_size]
    except KeyError:
        raise ValueError(f"paper size: expected letter or A4, got {paper_size!r}") from None


def _canvas_class(lang: str, running_header: str, footer_note: str) -> type[Canvas]:
    """A canvas that holds its pages until the end so each footer can say "Page N of M"."""

    class NumberedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._held: list[dict] = []

        def showPage(self):
            self._held.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._held)
            for state in self._held:
                self.__dict__.update(state)
                self._decorate(total)
                super().showPage()
            super().save()

        def _decorate(self, total: int) -> None:
            width, height = self._pagesize
            number = self.getPageNumber()
            self.saveState()
            self.setFont(fonts.REGULAR, 7.5)
            self.setFillColor(MUTED)
            self.setStrokeColor(RULE)
            self.setLineWidth(0.5)
            foot = MARGIN_BOTTOM / 2
            self.line(MARGIN_X, foot + 9, width - MARGIN_X, foot + 9)
            self.drawRightString(width - MARGIN_X, foot,
                                 t("page_n_of_m", lang, n=number, m=total))
            if footer_note:
                self.drawString(MARGIN_X, foot, footer_note)
            if number > 1 and running_header:
                head = height - MARGIN_TOP / 2
                self.drawString(MARGIN_X, head, running_header)
                self.line(MARGIN_X, head - 4, width - MARGIN_X, head - 4)
            self.restoreState()

    return NumberedCanvas


def render(story: list[Flowable], *, paper_size: str, lang: str, title: str, author: str,
           subject: str, running_header: str = "", footer_note: str = "",
           invariant: bool = False) -> bytes:
    """Lay out `story` and return the PDF. Metadata must already be neutral: it is what a
    file manager or print queue shows. `invariant`: the same inputs give the same bytes
    (reportlab's invariant mode: a fixed creation date and a document id from the content)."""
    styles()  # registers the fonts before any Paragraph is measured
    out = BytesIO()
    size = page_size(paper_size)
    doc = BaseDocTemplate(
        out, pagesize=size, title=title, author=author, subject=subject,
        creator=t("creator", lang),  # the app, named without any sensitive word
        keywords="", lang=lang, invariant=invariant,
        # Otherwise every page opens with Helvetica selected, and the PDF references it.
        initialFontName=fonts.REGULAR,
    )
    # No frame padding: text lines up with the header and footer drawn at the margins.
    frame = Frame(MARGIN_X, MARGIN_BOTTOM, size[0] - 2 * MARGIN_X,
                  size[1] - MARGIN_TOP - MARGIN_BOTTOM, leftPadding=0, rightPadding=0,
                  topPadding=0, bottomPadding=0)
    doc.addPageTemplates([PageTemplate(frames=[frame])])
    doc.build(story, canvasmaker=_canvas_class(lang, running_header, footer_note))
    return out.getvalue()


def keep(flowables: list[Flowable]) -> KeepTogether:
    return KeepTogether(flowables)
