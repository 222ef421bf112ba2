"""The words on screen: the unlock window's count and reason, the wizard's passphrase message,
what the incident form says the alert sheet prints, and the status bar confirming saves and
prints without naming anyone."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import QDialog, QMessageBox, QWizard

from conftest import FAST_KDF
from print_fixtures import pdf_text
from shellkit import FakeClock, click, key, ready_app, to_passphrase_page  # noqa: F401
from records import clients, directory, printing
from records.printing import PrintJob
from records.unlock_guard import UnlockGuard
from flows.documents import job_pdf
from ui import print_preview
from ui.incident_form import ON_THE_SHEET, IncidentForm
from ui.runner import Runner
from ui.setup_wizard import SetupWizard
from ui.unlock import UnlockWindow

NAME = "Rosalind Quill"


@pytest.fixture
def runner(qapp):
    r = Runner()
    yield r
    r.shutdown()


def _wrong(qtbot, window, waits: int) -> None:
    qtbot.keyClicks(window.passphrase, "not it")
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: f"Wait {waits} s" in window.message.text(), timeout=10000)


def test_unlock_counts_in_words_and_keeps_the_reason_beside_the_wait(qtbot, vault, vault_dir,
                                                                      runner):
    vault.lock()
    clock = FakeClock()
    window = UnlockWindow(vault_dir, runner,
                          guard=UnlockGuard(vault_dir, clock=clock, sleep=clock.advance))
    qtbot.addWidget(window)
    window.show()
    window.name.setText("Nora Nurse")
    _wrong(qtbot, window, waits=1)
    assert window.message.text() == ("Wrong passphrase. 1 failed attempt. "
                                     "Wait 1 s before trying again.")
    clock.advance(1)
    qtbot.waitUntil(window.unlock_button.isEnabled, timeout=3000)
    assert window.message.text() == "Wrong passphrase. 1 failed attempt. You can try again now."
    _wrong(qtbot, window, waits=2)
    assert window.message.text() == ("Wrong passphrase. 2 failed attempts. "
                                     "Wait 2 s before trying again.")


def test_wizard_message_goes_once_the_passphrase_is_good(qtbot, tmp_path, runner):
    wizard = SetupWizard(tmp_path / "v", runner, kdf=FAST_KDF)
    qtbot.addWidget(wizard)
    wizard.show()
    to_passphrase_page(qtbot, wizard)
    page, nxt = wizard.passphrase, wizard.button(QWizard.WizardButton.NextButton)
    qtbot.keyClicks(page.first, "maple")
    click(qtbot, nxt)
    assert page.error.text() == "Passphrase: must be at least 8 characters"
    qtbot.keyClicks(page.first, " river")  # long enough now, still too easy: a new problem
    assert page.error.text() == "" and "Too easy" in page.strength.text()
    qtbot.keyClicks(page.first, " battery candle")
    assert page.strength.text() == "Strong." and page.error.text() == ""
    qtbot.keyClicks(page.second, "maple river")
    click(qtbot, nxt)
    assert page.error.text() == "Passphrase: the two passphrases differ: type them again"
    qtbot.keyClicks(page.second, "maple")  # still different: the message stays
    assert "differ" in page.error.text()
    page.second.clear()
    qtbot.keyClicks(page.second, "maple river battery candle")
    assert page.error.text() == ""
    click(qtbot, nxt)
    assert wizard.currentPage() is wizard.keys


def test_the_incident_form_says_what_the_sheet_prints_and_the_sheet_prints_it(qtbot, vault):
    rosa = clients.register(vault, NAME)
    form = IncidentForm(vault, client_id=rosa.id)
    qtbot.addWidget(form)
    form.show()
    assert form.sheet_note.isVisible() and form.sheet_note.text() == ON_THE_SHEET
    typed = {"area": "Hamilton Rd", "person": "Man, about 40", "vehicle": "Blue pickup",
             "plate": "CKT 4", "phone": "519-555-0101", "what": "Pulled a knife, took the cash"}
    for field, text in typed.items():
        qtbot.keyClicks(getattr(form, field), text)
    form.consent_sheet.set_value(True)
    form.consent_police.set_value(False)
    incident = form.save()
    assert incident is not None and incident.client_id == rosa.id
    first, last = printing.last_days(vault)
    printed = pdf_text(job_pdf(vault, PrintJob("alert_sheet", date_from=first, date_to=last)))
    for text in typed.values():
        assert text in printed
    for word in ("when", "area", "person", "vehicle", "partial plate", "phone",
                 "what happened"):
        assert word in ON_THE_SHEET.lower()
    assert "Rosalind" not in printed and "Quill" not in printed


def test_saves_and_prints_confirm_in_the_status_bar_without_names(qtbot, ready_app,
                                                                  monkeypatch):
    app = ready_app
    main = app.main
    rosa = clients.register(app.vault, NAME)
    service = directory.add(app.vault, "Thames Valley Health Centre", "primary_care")
    main.open_client(rosa.id)
    key(qtbot, main, "Ctrl+R")
    visit = main.current_page()
    qtbot.keyClicks(visit.reason, "Wound check")
    key(qtbot, visit.reason, "Ctrl+S")
    assert main.statusBar().currentMessage() == "Visit saved."

    key(qtbot, main, "Ctrl+Shift+R")
    referral = main.current_page()
    qtbot.keyClicks(referral.dest_filter, "thames")
    assert referral.destination_id() == service.id
    qtbot.keyClicks(referral.reason, "Check-up")
    key(qtbot, referral.reason, "Ctrl+S")
    assert main.statusBar().currentMessage() == "Referral saved."

    monkeypatch.setattr(print_preview, "printer_names", lambda: ["Van printer"])

    def two_copies(dialog):
        dialog.printer().setCopyCount(2)
        return QDialog.DialogCode.Accepted
    monkeypatch.setattr(QPrintDialog, "exec", two_copies)
    monkeypatch.setattr(print_preview, "print_pdf", lambda pdf, printer: 1)
    key(qtbot, main, "Ctrl+P")
    qtbot.waitUntil(lambda: not main.print_dialog.busy, timeout=20_000)  # made on the runner
    click(qtbot, main.print_dialog.print_button)
    qtbot.waitUntil(lambda: main.print_dialog.result() == QDialog.DialogCode.Accepted,
                    timeout=20_000)  # spooled on the runner
    assert main.statusBar().currentMessage() == (
        "Printed: referral letter, service copy (2 copies).")

    monkeypatch.setattr(print_preview, "printer_names", lambda: [])
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(QMessageBox, "information", lambda *a: QMessageBox.StandardButton.Ok)
    key(qtbot, main, "Ctrl+P")
    qtbot.waitUntil(lambda: not main.print_dialog.busy, timeout=20_000)
    click(qtbot, main.print_dialog.print_button)
    assert main.statusBar().currentMessage() == (
        "Kept to print later: referral letter, service copy.")
    assert "Rosalind" not in main.statusBar().currentMessage()
