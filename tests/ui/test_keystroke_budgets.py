"""The nurse's flows typed key by key, where the focus is, with the keys counted (a key or a
chord counts 1; typed text apart, in characters). The budgets are in the README's "Using
the app"; the counts before issue 14 are in each test's docstring."""
import pytest
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog

from nurse import Nurse
from shellkit import ready_app  # noqa: F401 (a fixture)
from records import clients, directory, printing, referrals, visits
from records.models import ServiceItem
from ui import printing as ui_printing
from ui import print_preview
from ui.client_page import ClientPage
from ui.print_preview import PrintPreview

NAME = "Krystal F."
EXPECTED_SUPPLIES = {"needles": 10, "condoms": 12, "naloxone_nasal": 1}


def the_visit(nurse: Nurse) -> None:
    """HIV test, naloxone training, needles, condoms and nasal naloxone, from the client page."""
    nurse.press("Ctrl+R")
    nurse.type("hiv")
    nurse.press("Return")  # ticks the one service shown
    nurse.type("nalox")
    nurse.press("Return")
    nurse.press("Alt+N")  # Needles and syringes
    nurse.type("10")
    nurse.press("Alt+O")  # Condoms
    nurse.type("12")
    nurse.press("Alt+S")  # Naloxone kit (nasal spray)
    nurse.type("1")
    nurse.press("Ctrl+S")


def assert_the_visit(vault, client_id) -> None:
    [visit] = visits.for_client(vault, client_id)
    assert set(visit.services) == {ServiceItem("hiv_test", "pending"),
                                   ServiceItem("naloxone_training", "")}
    assert visit.supplies == EXPECTED_SUPPLIES


def test_a_visit_within_20_keys(qtbot, ready_app):
    """34 keys before (the form opened with no focus, Tab through Cancel and the date)."""
    app = ready_app
    krystal = clients.register(app.vault, NAME)
    clients.register(app.vault, "Courtney", aliases=["Bunny"])
    nurse = Nurse(qtbot)
    nurse.type("krystal")
    nurse.press("Return")
    assert isinstance(app.main.current_page(), ClientPage)
    the_visit(nurse)
    assert isinstance(app.main.current_page(), ClientPage)
    assert_the_visit(app.vault, krystal.id)
    assert app.main.statusBar().currentMessage() == "Visit saved."
    assert nurse.keys == 8 <= 20


def test_a_new_client_and_the_visit_within_24_keys(qtbot, ready_app):
    """38 keys before."""
    app = ready_app
    nurse = Nurse(qtbot)
    nurse.type(NAME)
    nurse.press("Ctrl+N")  # what was typed becomes the name
    nurse.press("Return")  # saves; the client's page opens
    page = app.main.current_page()
    assert isinstance(page, ClientPage) and page.name.text() == NAME
    the_visit(nurse)
    assert_the_visit(app.vault, page.client_id)
    assert nurse.keys == 9 <= 24


@pytest.fixture
def pdf_printer(monkeypatch, tmp_path):
    """A printer that writes a PDF; Qt's print dialog answers OK at once (the one key the
    nurse presses there is counted by the test)."""
    shown = []
    path = tmp_path / "printed.pdf"

    def new_printer(name, title):
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        printer.setDocName(title)
        return printer

    monkeypatch.setattr(print_preview, "printer_names", lambda: ["Van printer"])
    monkeypatch.setattr(ui_printing, "new_printer", new_printer)
    monkeypatch.setattr(QPrintDialog, "exec",
                        lambda dialog: shown.append(dialog) or QDialog.DialogCode.Accepted)
    return path, shown


def test_a_referral_printed_within_12_keys(qtbot, ready_app, pdf_printer):
    """25 keys before, text apart."""
    path, print_dialogs = pdf_printer
    app = ready_app
    krystal = clients.register(app.vault, NAME)
    directory.add(app.vault, "Downtown Health Centre", "primary_care")
    detox = directory.add(app.vault, "Withdrawal Management Centre", "addictions")
    nurse = Nurse(qtbot)
    nurse.type("krystal")
    nurse.press("Return")
    nurse.press("Ctrl+Shift+R")
    nurse.type("withdr")  # the directory narrowed to one service, chosen
    nurse.press("Ctrl+P")  # save and print: the preview opens
    qtbot.waitUntil(lambda: isinstance(app.main.print_dialog, PrintPreview)
                    and app.main.print_dialog.isActiveWindow())
    preview = app.main.print_dialog
    assert preview.copy_box.currentData() == "service"
    nurse.press("Ctrl+P")  # Print... (at once, or once the preview is made)
    qtbot.waitUntil(lambda: len(print_dialogs) == 1)
    nurse.keys += 1  # Enter on the print dialog's Print button
    qtbot.waitUntil(lambda: app.main.statusBar().currentMessage().startswith("Printed"))
    [made] = referrals.for_client(app.vault, krystal.id)
    assert made.destination_id == detox.id
    assert path.read_bytes().startswith(b"%PDF")
    assert app.main.statusBar().currentMessage() == "Printed: referral letter, service copy."
    assert printing.pending(app.vault) == []
    assert nurse.keys == 5 <= 12


def test_a_quick_contact_stays_within_3_keys(qtbot, ready_app):
    app = ready_app
    krystal = clients.register(app.vault, NAME)
    app.main.open_client(krystal.id)
    nurse = Nurse(qtbot)
    nurse.press("Ctrl+K")
    nurse.type("5")
    nurse.press("Return")
    [contact] = visits.for_client(app.vault, krystal.id)
    assert contact.quick and contact.supplies == {"needles": 5}
    assert nurse.keys == 2 <= 3
