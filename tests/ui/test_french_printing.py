"""The print preview, Qt's print dialog, the print-later queue and the weekly export in French,
driven by keys as a nurse or the coordinator would: French titles, buttons, messages and plural
forms, nothing left in English but names and codes, text that fits a 1280x720 laptop (French
screenshots), and an export whose indicators do not depend on the language."""
import sys
from pathlib import Path

import pytest
from frenchcheck import cut_off, in_english, still_english
from formkit import shoot
from print_fixtures import CLIENT_NAME, build_clinic
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QMessageBox, QWidget

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "export"))
from helpers import indicators, open_bundle  # noqa: E402
from weekdata import WEEK, coordinator, week_vault  # noqa: E402,F401 (fixtures)

from records import printing  # noqa: E402
from records.printing import PrintJob  # noqa: E402
from ui import i18n, print_preview, print_queue  # noqa: E402
from ui.export_dialog import ExportDialog  # noqa: E402
from ui.print_preview import PrintPreview  # noqa: E402
from ui.print_queue import PrintQueue  # noqa: E402

NBSP, NNBSP = "\u00a0", "\u202f"


@pytest.fixture
def clinic(vault):
    return build_clinic(vault)


@pytest.fixture
def said(monkeypatch):
    """Message boxes answer at once (Cancel to a warning, OK otherwise); what they said is
    kept."""
    messages = []

    def box(reply):
        def answer(parent, title, text, *args):
            messages.append((title, text))
            return reply
        return answer
    monkeypatch.setattr(QMessageBox, "warning", box(QMessageBox.StandardButton.Cancel))
    monkeypatch.setattr(QMessageBox, "information", box(QMessageBox.StandardButton.Ok))
    return messages


def preview(qtbot, vault, job) -> PrintPreview:
    dialog = PrintPreview(vault, job)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.ready, timeout=20_000):
        dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def press(qtbot, button) -> None:
    """Tab to a button and press Space, as from the keyboard."""
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(button, Qt.Key.Key_Space)


def test_print_preview_in_french(qtbot, clinic, french, said, tmp_path):
    job = PrintJob("referral", clinic.referral.id, "service")
    english = in_english(lambda: preview(qtbot, clinic.vault, job))
    dialog = preview(qtbot, clinic.vault, job)
    assert dialog.windowTitle() == "Aperçu avant impression"
    assert dialog.what.text() == f"Lettre d'orientation, copie du service — {CLIENT_NAME}"
    assert dialog.page_info.text() == "Page 1 de 2"
    assert [dialog.copy_box.itemText(i) for i in range(2)] == ["Copie du service",
                                                               "Copie du client"]
    assert [dialog.language_box.itemText(i) for i in range(3)] == [
        "Langue du client", "Anglais", "Français"]
    assert [b.text() for b in (dialog.print_button, dialog.save_button, dialog.later_button)] \
        == ["Imprimer… (Ctrl+P)", "Enregistrer en PDF…", "Imprimer plus tard"]
    assert still_english(dialog, english) == []
    assert cut_off(dialog) == []
    shoot(dialog, "print_preview_fr", tmp_path)

    qtbot.keyClick(dialog, Qt.Key.Key_PageDown)
    assert dialog.page_info.text() == "Page 2 de 2"
    qtbot.keyClick(dialog, Qt.Key.Key_C, Qt.KeyboardModifier.AltModifier)  # &Copie
    assert dialog.copy_box.hasFocus()
    with qtbot.waitSignal(dialog.ready, timeout=20_000):
        qtbot.keyClick(dialog.copy_box, Qt.Key.Key_Down)  # the client copy, made again
    assert dialog.job.copy == "client" and dialog.page_info.text() == "Page 1 de 1"

    press(qtbot, dialog.save_button)  # the warning first; Cancel saves nothing
    assert said[-1][0] == "Enregistrer en PDF"
    assert said[-1][1].startswith(f"Le fichier enregistré sort du coffre chiffré{NBSP}:")
    press(qtbot, dialog.later_button)
    assert said[-1] == ("Imprimer plus tard", "Gardé pour impression ultérieure, chiffré dans "
                        "le coffre (1 en attente). Imprimez-le depuis la file d'attente "
                        "d'impression quand une imprimante sera branchée.")
    assert dialog.outcome == f"Gardé pour impression ultérieure{NBSP}: lettre d'orientation, " \
                             "copie du client."
    assert [q.job for q in printing.pending(clinic.vault)] == [dialog.job]


def test_qts_print_dialog_speaks_french(qtbot, clinic, french, monkeypatch):
    """Ctrl+P opens Qt's own print dialog, in French through qtbase_fr.qm; Esc closes it and
    nothing is printed."""
    monkeypatch.setattr(print_preview, "printer_names", lambda: ["Bureau"])
    dialog = preview(qtbot, clinic.vault, PrintJob("visit", clinic.visit.id, "client"))
    seen = []

    def look(tries: int = 200) -> None:
        box = QApplication.activeModalWidget()
        if box is None or box is dialog:
            if tries:
                QTimer.singleShot(10, lambda: look(tries - 1))
            return
        seen.append(box.windowTitle())
        seen.extend(w.text() for w in box.findChildren(QWidget)
                    if isinstance(w, (QAbstractButton, QLabel)) and w.isVisible())
        qtbot.keyClick(box, Qt.Key.Key_Escape)
    QTimer.singleShot(0, look)
    qtbot.keyClick(dialog, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert seen[0] == "Imprimer"
    assert {"Annuler", "Im&primer", f"&Nom{NBSP}:"} <= set(seen) and "Cancel" not in seen
    assert not dialog.busy and dialog.isVisible() and printing.pending(clinic.vault) == []


def test_print_queue_in_french(qtbot, clinic, french, said, monkeypatch, tmp_path):
    vault = clinic.vault
    printing.queue(vault, PrintJob("referral", clinic.referral.id, "service"))
    printing.queue(vault, PrintJob("visit", clinic.visit.id, "client"))
    english = in_english(lambda: PrintQueue(vault))
    view = PrintQueue(vault)
    qtbot.addWidget(view)
    view.show()
    assert view.windowTitle() == "File d'attente d'impression"
    assert view.summary.text() == "2 documents attendent une imprimante."
    assert view.list.item(0).text().startswith(
        f"Lettre d'orientation, copie du service · {CLIENT_NAME} · gardé le ")
    assert view.list.item(1).text().startswith(f"Résumé de visite, copie du client · {CLIENT_NAME}")
    assert still_english(view, english) == [] and cut_off(view) == []

    press(qtbot, view.remove_button)  # the first one
    assert view.summary.text() == "1 document attend une imprimante."
    monkeypatch.setattr(print_queue, "printer_names", lambda: [])
    press(qtbot, view.print_all_button)
    assert said[-1] == ("File d'attente d'impression", "Aucune imprimante n'est accessible "
                        "depuis cet ordinateur portable. Les documents restent dans la file "
                        "d'attente.")
    monkeypatch.setattr(print_queue, "printer_names", lambda: ["Bureau"])
    monkeypatch.setattr(print_queue, "ask_printer", lambda parent, title: object())
    monkeypatch.setattr(print_queue, "print_pdf", lambda pdf, printer: 1)
    press(qtbot, view.print_all_button)
    qtbot.waitUntil(lambda: view.list.count() == 0, timeout=20_000)
    assert said[-1] == ("File d'attente d'impression", "1 document envoyé à l'imprimante.")
    assert view.summary.text() == "Aucun document n'attend d'être imprimé."


def export(qtbot, dialog) -> None:
    """The week typed (Alt+S goes to it), then Export pressed from the keyboard."""
    qtbot.keyClick(dialog, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)  # &Semaine / &Week
    assert dialog.week_edit.hasFocus()
    qtbot.keyClick(dialog.week_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(dialog.week_edit, WEEK)
    qtbot.keyClick(dialog.week_edit, Qt.Key.Key_Tab)
    press(qtbot, dialog.export_button)
    qtbot.waitUntil(lambda: not dialog.running, timeout=20_000)


def open_export(qtbot, vault, folder: Path) -> ExportDialog:
    folder.mkdir()
    dialog = ExportDialog(vault, folder=folder)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_export_in_french_with_the_same_indicators(qtbot, week_vault, coordinator, french,
                                                  tmp_path):
    english = in_english(lambda: ExportDialog(week_vault, folder=tmp_path))
    dialog = open_export(qtbot, week_vault, tmp_path / "cle")
    assert dialog.windowTitle() == "Exporter la semaine pour la coordination"
    assert dialog.export_button.text() == "Exporter" and dialog.close_button.text() == "Fermer"
    export(qtbot, dialog)
    assert dialog.week_label.text() == f"2026-W10{NBSP}: du lundi 2 mars au dimanche 8 mars 2026"
    assert dialog.status.text() == "Terminé."
    assert dialog.result.text() == (
        f"Fichier PAR-VAN1-2026-W10.age enregistré dans {tmp_path / 'cle'} (semaine 2026-W10, "
        "12 contacts). Remettez ce fichier à la coordination.")
    assert still_english(dialog, english) == [] and cut_off(dialog) == []
    shoot(dialog, "export_dialog_fr", tmp_path)
    in_french = indicators(open_bundle((tmp_path / "cle" / "PAR-VAN1-2026-W10.age").read_bytes(),
                                       coordinator))

    i18n.install("en")
    dialog = open_export(qtbot, week_vault, tmp_path / "stick")
    export(qtbot, dialog)
    assert "(week 2026-W10, 12 contacts)" in dialog.result.text()
    in_english_too = indicators(open_bundle(
        (tmp_path / "stick" / "PAR-VAN1-2026-W10.age").read_bytes(), coordinator))
    assert in_french == in_english_too and "contacts.total" in in_french


@pytest.mark.parametrize("context, source, one_en, many_en, one_fr, many_fr", [
    ("ExportDialog", "Saved {file} in {folder} (week {week}, %n contact(s)).",
     "Saved {file} in {folder} (week {week}, 1 contact).",
     "Saved {file} in {folder} (week {week}, 2 contacts).",
     "Fichier {file} enregistré dans {folder} (semaine {week}, 1 contact).",
     "Fichier {file} enregistré dans {folder} (semaine {week}, 2 contacts)."),
    ("PrintQueue", "%n document(s) waiting for a printer.", "1 document waiting for a printer.",
     "2 documents waiting for a printer.", "1 document attend une imprimante.",
     "2 documents attendent une imprimante."),
    ("PrintQueue", "Sent %n document(s) to the printer.", "Sent 1 document to the printer.",
     "Sent 2 documents to the printer.", "1 document envoyé à l'imprimante.",
     "2 documents envoyés à l'imprimante."),
    ("PrintPreview", "Printed: {document} (%n copies).", "Printed: {document} (1 copy).",
     "Printed: {document} (2 copies).", f"Imprimé{NBSP}: {{document}} (1 exemplaire).",
     f"Imprimé{NBSP}: {{document}} (2 exemplaires)."),
])
def test_plural_forms(qapp, context, source, one_en, many_en, one_fr, many_fr):
    try:
        for language, one, many in (("en", one_en, many_en), ("fr", one_fr, many_fr)):
            i18n.install(language)
            assert [QCoreApplication.translate(context, source, "", n) for n in (1, 2)] \
                == [one, many]
    finally:
        i18n.install("en")
