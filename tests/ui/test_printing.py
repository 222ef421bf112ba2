"""Printing through Qt from memory (ui/printing.py), to a QPrinter in PDF mode: no print
server needed. The printed job is the document's pages as pictures."""
from io import BytesIO

from PySide6.QtCore import QSize
from PySide6.QtPrintSupport import QPrinter
from reportlab.lib.pagesizes import letter
from reportlab.pdfgen import canvas

from ui import printing

INK = 96  # darker than this counts as ink


def two_pages() -> bytes:
    """Page 1 all black (a seam between two printed bands would show as a white line);
    page 2 a black square on white in its top left quarter."""
    out = BytesIO()
    sheet = canvas.Canvas(out, pagesize=letter)
    width, height = letter
    sheet.rect(0, 0, width, height, stroke=0, fill=1)
    sheet.showPage()
    sheet.rect(0, height / 2, width / 2, height / 2, stroke=0, fill=1)
    sheet.showPage()
    sheet.save()
    return out.getvalue()


def printed_pages(pdf: bytes, tmp_path) -> list:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert printing.print_pdf(pdf, printer) == 2
    document = printing.open_pdf((tmp_path / "printed.pdf").read_bytes())
    pages = [printing.render_size(document, index, QSize(170, 220))
             for index in range(document.pageCount())]
    assert document.pageCount() == 2
    document.close()
    return pages


def dark(image, x: int, y: int) -> bool:
    return image.pixelColor(x, y).lightness() < INK


def test_every_page_prints_whole_and_in_place(qapp, tmp_path):
    black, quarter = printed_pages(two_pages(), tmp_path)
    # The black page is black from edge to edge: no white line between bands.
    assert all(dark(black, x, y) for x in range(2, 168, 3) for y in range(2, 218))
    # The square stays in its quarter, and the rest of the page stays white.
    assert all(dark(quarter, x, y) for x in range(3, 82, 3) for y in range(3, 107))
    assert not any(dark(quarter, x, y) for x in range(90, 168, 3) for y in range(2, 218))
    assert not any(dark(quarter, x, y) for x in range(2, 168, 3) for y in range(114, 218))
