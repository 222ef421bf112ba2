"""Fonts, scripts, page flow and paper sizes, on every document type."""
import subprocess
import sys

import pytest
from pypdf.generic import NameObject

from pdf_helpers import (
    TODAY, clean_settings, client, destination, incident, pages_of, recent_tests, referral,
    staff, text_of, visit,
)
from reports import alert_sheet, fonts, referral_letter, visit_summary

NAMES = ["Éloïse", "Łucja Żółć", "Αθηνά", "Светлана", "ᓀᐦᐃᔭᐍᐏᐣ"]
PERIOD = dict(date_from=TODAY.replace(day=1), date_to=TODAY)


def all_documents(who=client(), settings=None, ref=None, **visit_changes):
    settings = settings or clean_settings()
    ref = ref or referral()
    for copy in ("service", "client"):
        yield f"referral-{copy}", referral_letter(ref, who, destination(), staff(), settings,
                                                  copy=copy, today=TODAY,
                                                  recent_tests=recent_tests())
    for copy in ("client", "clinical"):
        yield f"summary-{copy}", visit_summary(visit(**visit_changes), who, staff(), settings,
                                               copy=copy, today=TODAY,
                                               referrals=[(ref, destination())])


def font_names(pdf: bytes) -> set[str]:
    names = set()
    for page in pages_of(pdf):
        for font in page["/Resources"]["/Font"].values():
            names.add(str(font.get_object()[NameObject("/BaseFont")]))
    return names


def test_fonts_come_from_the_package():
    assert fonts.FONT_DIR.parent.name == "reports"
    for face in ("DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"):
        assert (fonts.FONT_DIR / f"{face}.ttf").is_file()
    assert "Bitstream" in (fonts.FONT_DIR / "LICENSE.txt").read_text()


def test_every_document_uses_only_dejavu():
    docs = dict(all_documents())
    docs["alert"] = alert_sheet([incident()], clean_settings(), **PERIOD)
    for name, pdf in docs.items():
        used = font_names(pdf)
        assert used and all("DejaVuSans" in font for font in used), (name, used)


@pytest.mark.parametrize("name", NAMES)
def test_names_in_every_script_survive_the_round_trip(name):
    who = client(name=name, uic=name)
    for kind, pdf in all_documents(who=who):
        assert name in text_of(pdf), kind
    for choice in ("uic", "legal"):
        pdf = referral_letter(referral(name_on_paper=choice), client(uic=name, legal_name=name),
                              destination(), staff(), clean_settings(), copy="client",
                              today=TODAY)
        assert name in text_of(pdf)
    pdf = alert_sheet([incident(area=name, person_description=name)], clean_settings(), **PERIOD)
    assert name in text_of(pdf)


def long_text(prefix: str, words: int = 2500) -> str:
    return " ".join(f"{prefix}{n:04d}" for n in range(words))


def test_long_text_flows_over_pages_with_numbers_and_nothing_lost():
    docs = {
        "referral-service": referral_letter(
            referral(request=long_text("r"), notes=long_text("n")), client(), destination(),
            staff(), clean_settings(), copy="service", today=TODAY),
        "referral-client": referral_letter(
            referral(client_told=long_text("t")), client(), destination(paper_name="Centre"),
            staff(), clean_settings(), copy="client", today=TODAY),
        "summary-clinical": visit_summary(visit(note=long_text("v")), client(), staff(),
                                          clean_settings(), copy="clinical", today=TODAY),
        "alert": alert_sheet([incident(person_description=long_text("a"))], clean_settings(),
                             **PERIOD),
    }
    prefixes = {"referral-service": "rn", "referral-client": "t", "summary-clinical": "v",
                "alert": "a"}
    for name, pdf in docs.items():
        pages = pages_of(pdf)
        assert len(pages) >= 3, name
        for number, page in enumerate(pages, start=1):
            assert f"Page {number} of {len(pages)}" in page.extract_text(), name
        words = set(text_of(pdf).split())
        for prefix in prefixes[name]:
            missing = [f"{prefix}{n:04d}" for n in range(2500) if f"{prefix}{n:04d}" not in words]
            assert not missing, (name, missing[:5])


def test_long_client_text_on_a_client_copy_flows_too():
    pdf = visit_summary(visit(follow_up=long_text("f")), client(), staff(), clean_settings(),
                        copy="client", today=TODAY)
    assert len(pages_of(pdf)) >= 3
    assert "f2499" in text_of(pdf)


@pytest.mark.parametrize(("paper", "size"), [("letter", (612, 792)), ("A4", (595, 842))])
def test_paper_size(paper, size):
    settings = clean_settings(paper_size=paper)
    docs = dict(all_documents(settings=settings))
    docs["alert"] = alert_sheet([incident()], settings, **PERIOD)
    for name, pdf in docs.items():
        for page in pages_of(pdf):
            assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == size


def test_unknown_paper_size_is_a_clear_error():
    with pytest.raises(ValueError, match="paper size"):
        dict(all_documents(settings=clean_settings(paper_size="legal")))


def test_reports_do_not_import_qt():
    code = "import sys, reports; assert not any(m.startswith('PySide6') for m in sys.modules)"
    subprocess.run([sys.executable, "-c", code], check=True)


def test_field_text_fits_even_in_the_narrowest_place():
    """Labels and short values are drawn as plain text, which does not wrap: the longest
    such value must still fit a boxed panel on A4, and anything longer wraps."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    from reports import page
    value_style = page.styles()["value"]
    value = "W" * 200
    while stringWidth(value, value_style.fontName, value_style.fontSize) > page.VALUE_WIDTH_MIN:
        value = value[:-1]
    label = "Orientation faite le"
    table = page.fields([(label, value)])
    assert table._cellvalues[0] == [label, value]  # plain text, no Paragraph
    width = page.frame_width("A4")
    page.boxed([table], width).wrap(width, 1000)
    assert table._width <= width - 2 * page.BOX_PADDING + 0.01
    wider = page.fields([("A label far too long for the label column", value + "W")])
    assert not any(isinstance(cell, str) for cell in wider._cellvalues[0])
    two_lines = page.fields([(label, "first\nsecond")])
    assert not isinstance(two_lines._cellvalues[0][1], str)
