"""The weekly summary: a printable report of one van's week (or of all vans, merged) for the
coordinator's meeting, with charts of contacts per day, services, supplies and referral
outcomes. Numbers are the export's indicators; a count from 1 to 4 is printed as "<5" and
drawn as an empty bar labelled "<5" (small-cell suppression). Returns PDF bytes, the same
bytes for the same inputs (no creation time), so re-exporting an unchanged week reproduces it.
"""
from __future__ import annotations

import math

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import inch
from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

from records import vocab
from records.export.bundle import Header
from records.export.indicators import MEASURES, OUTCOMES, TEST_OUTCOMES
from records.export.week import WEEKDAYS
from records.models import DIRECTORY_KINDS, SERVICES, SUPPLIES, TEST_SERVICES

from . import fonts, page

SMALL = "<5"
BAR = colors.HexColor("#3b6ea5")


def shown(code: str, value) -> str:
    """A value as printed: counts 1-4 suppressed, measures (hours) with one decimal."""
    if code in MEASURES:
        return f"{value:.1f}"
    return SMALL if 1 <= value <= 4 else str(int(value))


def _plotted(value) -> float:
    return 0 if 1 <= value <= 4 else value


def _styles(font: str) -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=font, fontSize=9.5, leading=12)
    return {
        "body": base,
        "title": ParagraphStyle("title", parent=base, fontSize=17, leading=21, spaceAfter=2),
        "sub": ParagraphStyle("sub", parent=base, fontSize=10.5, leading=14,
                              textColor=colors.HexColor("#333333")),
        "h2": ParagraphStyle("h2", parent=base, fontName=fonts.BOLD, fontSize=11.5,
                             leading=15, spaceBefore=8, spaceAfter=3),
        "note": ParagraphStyle("note", parent=base, fontSize=8.5, leading=11,
                               textColor=colors.HexColor("#555555")),
    }


def _bars(labels: list[str], codes: list[str], values: dict, font: str, *,
          horizontal: bool, width: float = 6.8 * inch) -> Drawing:
    raw = [values.get(c, 0) for c in codes]
    height = (22 + 15 * len(codes)) if horizontal else 150
    drawing = Drawing(width, height, initialFontName=font)  # else Helvetica is referenced
    chart = HorizontalBarChart() if horizontal else VerticalBarChart()
    left = 190 if horizontal else 30
    chart.x, chart.y = left, 18 if not horizontal else 10
    chart.width = width - left - 40
    chart.height = height - (36 if not horizontal else 18)
    chart.data = [[_plotted(v) for v in raw]]
    chart.bars[0].fillColor = BAR
    chart.bars[0].strokeColor = None
    # Ticks are multiples of 5, so no axis label can be mistaken for a small count.
    top = max(5.0, max(chart.data[0]) * 1.15)
    step = 5 * math.ceil(top / 25)
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueStep = step
    chart.valueAxis.valueMax = step * math.ceil(top / step)
    chart.valueAxis.labels.fontName = font
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.forceZero = True
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontName = font
    chart.categoryAxis.labels.fontSize = 7.5
    if horizontal:
        chart.categoryAxis.reverseDirection = True
        chart.categoryAxis.labels.boxAnchor = "e"
    chart.barLabelFormat = "values"
    chart.barLabelArray = [[shown(c, v) for c, v in zip(codes, raw)]]
    chart.barLabels.fontName = font
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 8
    drawing.add(chart)
    return drawing


def _table(rows: list[list[str]], font: str, widths, header: bool = True,
           numbers: tuple[int, ...] | None = None) -> Table:
    """`numbers`: the columns holding figures (right-aligned); default all but the first."""
    table = Table(rows, colWidths=widths, hAlign="LEFT")
    style = [("FONTNAME", (0, 0), (-1, -1), font), ("FONTSIZE", (0, 0), (-1, -1), 8.5),
             *(("ALIGN", (c, 0), (c, -1), "RIGHT")
               for c in (numbers or range(1, len(widths))))]
    style += [
             ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.HexColor("#cccccc")),
             ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
    if header:
        style.append(("FONTNAME", (0, 0), (-1, 0), fonts.BOLD))
    table.setStyle(TableStyle(style))
    return table


def render(header: Header, values: dict) -> bytes:
    font = fonts.register()
    st = _styles(font)
    title = f"Weekly report {header.program} {header.van} {header.week}"
    first, last = header.days[0], header.days[-1]
    where = header.van if len(header.vans) <= 1 else (
        f"All vans ({len(header.vans)}: {', '.join(header.vans)})")
    v = values

    def s(code: str) -> str:
        return shown(code, v.get(code, 0))

    story = [
        Paragraph("Weekly report", st["title"]),
        Paragraph(f"{header.program} · {where} · week {header.week}, "
                  f"{first:%a %d %b} to {last:%a %d %b %Y}"
                  + (f" ({header.timezone})" if header.timezone else ""), st["sub"]),
        Paragraph("Counts from 1 to 4 are shown as &lt;5 (and drawn as empty bars); the "
                  "encrypted data files carry the exact numbers.", st["note"]),
        Spacer(1, 6),
    ]
    unique_note = ("counted once across vans" if len(header.vans) > 1
                   else "by complete UIC")
    key = [
        ["Contacts", s("contacts.total"), "Unique clients (" + unique_note + ")",
         s("clients.unique")],
        ["  with a client record", s("contacts.named"), "  new", s("clients.new")],
        ["  anonymous", s("contacts.anonymous"), "  returning", s("clients.returning")],
        ["  quick (supplies only)", s("contacts.quick"), "Clients with an incomplete code",
         s("clients.incomplete_code")],
        ["Sessions (shifts)", s("shifts.sessions"), "Hours", s("shifts.hours")],
        ["Naloxone kits", s("supplies.naloxone_kits"), "Overdose reversals reported",
         s("overdose.reversals")],
        ["Needles returned", s("needles.returned"), "Secondary distribution (contacts)",
         s("contacts.secondary")],
        ["Incidents reported", s("incidents.reported"), "  alert sheet / police liaison",
         f"{s('incidents.consent_sheet')} / {s('incidents.consent_police')}"],
    ]
    if "clients.seen_at_several_vans" in v:
        key.append(["", "", "Clients seen at more than one van",
                    s("clients.seen_at_several_vans")])
    key = [[a, b, "", c, d] for a, b, c, d in key]
    story += [Paragraph("Key figures", st["h2"]),
              _table(key, font, [1.9 * inch, 0.6 * inch, 0.3 * inch, 2.6 * inch, 0.7 * inch],
                     header=False, numbers=(1, 4))]
    def section(title: str, *flowables) -> None:
        story.append(KeepTogether([Paragraph(title, st["h2"]), *flowables]))

    section("Contacts per day",
            _bars([d[:3] for d in WEEKDAYS], [f"contacts.{d.lower()}" for d in WEEKDAYS],
                  v, font, horizontal=False))
    section("Services", _bars([vocab.label("service", k) for k in SERVICES],
                              [f"services.{k}" for k in SERVICES], v, font, horizontal=True))
    section("Supplies handed out (quantity)",
            _bars([vocab.label("supply", k) for k in SUPPLIES],
                  [f"supplies.{k}" for k in SUPPLIES], v, font, horizontal=True))
    section("Referral outcomes recorded this week",
            _bars([vocab.label("referral_status", o) for o in OUTCOMES],
                  [f"referrals.outcome.{o}" for o in OUTCOMES], v, font, horizontal=True),
            Paragraph(f"Of these, for referrals made in earlier weeks: "
                      f"{s('referrals.outcome.earlier_weeks')}.", st["note"]))
    made = [["Referrals made, by destination", s("referrals.made")]] + [
        [vocab.label("directory_kind", k), s(f"referrals.made.{k}")] for k in DIRECTORY_KINDS]
    section("Referrals made", _table(made, font, [3.2 * inch, 0.8 * inch]))
    tests = [["Test", *(r.replace("_", " ").capitalize() for r in TEST_OUTCOMES)]] + [
        [vocab.label("service", t), *(s(f"tests.{t}.{r}") for r in TEST_OUTCOMES)]
        for t in TEST_SERVICES]
    section("Tests by result",
            _table(tests, font, [1.25 * inch] + [0.93 * inch] * len(TEST_OUTCOMES)))
    return page.render(story, paper_size="letter", lang="en", title=title,
                       author=header.program, subject="Weekly indicators",
                       running_header=title, footer_note=title, invariant=True)

