"""Printing a document's PDF bytes through Qt, from memory.

The PDF is opened with QPdfDocument from a QBuffer (never a file), each page is rendered
to an image at the printer's resolution (capped at MAX_DPI) and painted onto the QPrinter:
the printed job is raster, with no text layer. A page is rendered and painted in bands of
about BAND_PIXELS: PySide6 keeps the GIL through each Qt call, and one 300 dpi page painted
at once holds it for a few hundred milliseconds, freezing the window while the runner
prints; a band holds it for a few milliseconds. Each band overlaps the next by one row, so
no seam shows between them. The job title is neutral (the clinic's date
only, records.printing.job_name): print servers show and keep titles, and cups-pdf names its
files after them.

Qt's CUPS engine writes the job as a PDF into $TMPDIR before handing it to the print server,
then deletes it. While printing, TMPDIR points to a memory-backed folder when there is one,
so that copy never reaches the disk (what the print server keeps is its own business: see
docs/security.md, "Setting up the van laptop").
"""
from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

from PySide6.QtCore import (QBuffer, QByteArray, QCoreApplication, QIODevice, QObject, QRect,
                            QRectF, QSize, Qt)
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrinterInfo
from PySide6.QtWidgets import QDialog, QWidget

from records.errors import ClinicError
from records.printing import PrintJob

MAX_DPI = 300
BAND_PIXELS = 160_000  # a band of a 300 dpi Letter page: 63 rows, a few ms to render and paint
_MEMORY_DIRS = ("XDG_RUNTIME_DIR", "/dev/shm")


class PrintFailed(ClinicError):
    """No printer, or the printer refused the job."""


def copy_name(copy: str) -> str:
    """A copy of a document ("client" -> "client copy") in the app's language."""
    names = {"service": QCoreApplication.translate("Printing", "service copy"),
             "client": QCoreApplication.translate("Printing", "client copy"),
             "clinical": QCoreApplication.translate("Printing", "clinical copy")}
    return names[copy]


def job_title(job: PrintJob) -> str:
    """PrintJob.title in the app's language, for the nurse's eyes: "referral letter, client
    copy" (the documents themselves are written in the client's language, by reports/)."""
    names = {"referral": QCoreApplication.translate("Printing", "referral letter"),
             "visit": QCoreApplication.translate("Printing", "visit summary"),
             "alert_sheet": QCoreApplication.translate("Printing", "alert sheet")}
    name = names[job.kind]
    return f"{name}, {copy_name(job.copy)}" if job.copy else name


def open_pdf(pdf: bytes, parent: QObject | None = None) -> QPdfDocument:
    """A QPdfDocument reading `pdf` from memory; the buffer lives as long as the document."""
    document = QPdfDocument(parent)
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready or document.pageCount() < 1:
        document.deleteLater()
        raise PrintFailed(QCoreApplication.translate(
            "Printing", "the document could not be read for printing"))
    return document


def page_size(document: QPdfDocument, index: int, dpi: float) -> QSize:
    """Page `index`'s size in pixels at `dpi`."""
    points = document.pagePointSize(index)
    return QSize(max(1, round(points.width() * dpi / 72)), max(1, round(points.height() * dpi / 72)))


def render_size(document: QPdfDocument, index: int, size: QSize) -> QImage:
    """Page `index` rendered to `size` on white paper (QPdfDocument leaves it transparent)."""
    return _on_white(document.render(index, size))


def render_band(document: QPdfDocument, index: int, size: QSize, top: int, rows: int) -> QImage:
    """Rows `top` to `top + rows` of page `index` rendered at `size`, on white paper.

    QtPdf (6.12) scales a clipped render by the clip rectangle's right - left and bottom -
    top, one pixel less than its width and height, over the image's width and height: the
    clip is given one pixel wider and taller than the image so that the scale is exact
    (tests/ui/test_printing.py would see the page shrink or shift otherwise)."""
    options = QPdfDocumentRenderOptions()
    options.setScaledSize(size)
    options.setScaledClipRect(QRect(0, top, size.width() + 1, rows + 1))
    return _on_white(document.render(index, QSize(size.width(), rows), options))


def _on_white(rendered: QImage) -> QImage:
    page = QImage(rendered.size(), QImage.Format.Format_RGB32)
    page.fill(Qt.GlobalColor.white)
    painter = QPainter(page)
    painter.drawImage(0, 0, rendered)
    painter.end()
    return page


def _paint_page(painter: QPainter, document: QPdfDocument, index: int, dpi: float) -> None:
    """Page `index` at `dpi`, fitted to the painter's page, band by band."""
    size = page_size(document, index, dpi)
    target = _fit(size, painter.viewport())
    scale = target.height() / size.height()
    step = max(1, BAND_PIXELS // size.width())
    for top in range(0, size.height(), step):
        rows = min(step + 1, size.height() - top)  # one row over the next band: no seam
        painter.drawImage(QRectF(target.x(), target.y() + top * scale, target.width(),
                                 rows * scale), render_band(document, index, size, top, rows))


def printer_names() -> list[str]:
    return [info.printerName() for info in QPrinterInfo.availablePrinters()]


def new_printer(name: str | None, title: str) -> QPrinter:
    """A QPrinter for the named (or default) printer; `title` is the neutral job title."""
    info = QPrinterInfo.printerInfo(name) if name else QPrinterInfo.defaultPrinter()
    printer = QPrinter(info, QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    printer.setCreator("Clinic")
    return printer


def ask_printer(parent: QWidget, title: str) -> QPrinter | None:
    """Qt's print dialog on a neutrally titled printer, None if the nurse cancels. "Print to
    file" is left out: a PDF on disk goes through Save as PDF, with its warning."""
    printer = new_printer(None, title)
    dialog = QPrintDialog(printer, parent)
    dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintToFile, False)
    return printer if dialog.exec() == QDialog.DialogCode.Accepted else None


@contextlib.contextmanager
def _spool_in_memory() -> Iterator[None]:
    """Point TMPDIR at a private memory-backed folder while Qt spools a print job."""
    folder = None
    for candidate in _MEMORY_DIRS:
        path = os.environ.get(candidate, "") if not candidate.startswith("/") else candidate
        if path and os.path.isdir(path) and os.access(path, os.W_OK | os.X_OK):
            folder = path
            break
    old = os.environ.get("TMPDIR")
    if folder:
        os.environ["TMPDIR"] = folder
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("TMPDIR", None)
        else:
            os.environ["TMPDIR"] = old


def print_pdf(pdf: bytes, printer: QPrinter) -> int:
    """Print every page of `pdf` on `printer`; returns the number of pages sent."""
    document = open_pdf(pdf)
    try:
        first = document.pagePointSize(0)
        printer.setFullPage(True)
        printer.setPageSize(QPageSize(first, QPageSize.Unit.Point, "",
                                      QPageSize.SizeMatchPolicy.FuzzyMatch))
        landscape = first.width() > first.height()
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                                   else QPageLayout.Orientation.Portrait)
        dpi = min(printer.resolution(), MAX_DPI)
        painter = QPainter()
        with _spool_in_memory():
            if not painter.begin(printer):
                raise PrintFailed(QCoreApplication.translate(
                    "Printing", "the printer did not accept the job"))
            try:
                for index in range(document.pageCount()):
                    if index and not printer.newPage():
                        raise PrintFailed(QCoreApplication.translate(
                            "Printing", "the printer stopped accepting pages"))
                    _paint_page(painter, document, index, dpi)
            finally:
                painter.end()
        if printer.printerState() == QPrinter.PrinterState.Error:
            raise PrintFailed(QCoreApplication.translate(
                "Printing", "the printer reported an error; nothing may have printed"))
        return document.pageCount()
    finally:
        document.close()
        document.deleteLater()


def _fit(size: QSize, area: QRect) -> QRect:
    """The largest rectangle of `size`'s proportions centred in `area`."""
    scaled = size.scaled(area.size(), Qt.AspectRatioMode.KeepAspectRatio)
    return QRect(area.x() + (area.width() - scaled.width()) // 2,
                 area.y() + (area.height() - scaled.height()) // 2,
                 scaled.width(), scaled.height())


def print_to(pdf: bytes, name: str, title: str) -> int:
    """Print on the printer called `name` (the command line's --printer)."""
    names = printer_names()
    if not names:
        raise PrintFailed("no printer is reachable; save the document with --out instead, "
                          "or print it later from the app")
    if name not in names:
        raise PrintFailed(f"no printer named {name!r}; printers here: {', '.join(names)}")
    return print_pdf(pdf, new_printer(name, title))

