"""On a French system the first windows speak French (issue 15): the setup wizard and the
unlock window, their titles included, driven as a nurse would; no text of theirs is left in
English, and Qt's own wizard buttons come from Qt's French translations."""
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QLabel, QLineEdit,
                               QWidget, QWizard)

from conftest import PASSPHRASE
from shellkit import click, make_app, unlock
from ui import i18n
from ui.app import QUIT_WHEN_SHOWN
from ui.translations import ts_file

ROOT = Path(__file__).resolve().parents[2]

OURS = ("AppTitle", "UnlockWindow", "SetupWizard", "ClinicPage", "StaffPage", "PassphrasePage",
        "KeysPage", "App")


def english_sources() -> set[str]:
    """The English text of every message of these windows."""
    root = ET.parse(ts_file("fr")).getroot()
    return {message.findtext("source") for context in root.iter("context")
            if context.findtext("name") in OURS for message in context.iter("message")}


def texts(window: QWidget) -> set[str]:
    """What the window shows or says to a screen reader, its wizard pages' titles included."""
    found = {window.windowTitle()}
    for widget in [window, *window.findChildren(QWidget)]:
        found |= {widget.toolTip(), widget.accessibleName()}
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.add(widget.text())
        if isinstance(widget, QLineEdit):
            found.add(widget.placeholderText())
        if isinstance(widget, QComboBox):
            found |= {widget.itemText(i) for i in range(widget.count())}
    if isinstance(window, QWizard):
        for page_id in window.pageIds():
            page = window.page(page_id)
            found |= {page.title(), page.subTitle()}
    return {text for text in found if text}


def next_page(qtbot, wizard) -> None:
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))


def test_the_setup_wizard_in_french(qtbot, tmp_path, french):
    app = make_app(tmp_path / "new")
    try:
        wizard = app.wizard
        assert wizard.windowTitle() == "Dossiers — configuration initiale"
        assert wizard.clinic.title() == "Votre clinique"
        shown = texts(wizard)
        assert shown & english_sources() == set()
        assert "Nom de la clinique" in shown and "Créer les dossiers" in shown
        # Qt's own buttons, from qtbase_fr.qm
        assert wizard.button(QWizard.WizardButton.NextButton).text() == "&Suivant >"
        assert wizard.button(QWizard.WizardButton.CancelButton).text() == "Annuler"

        next_page(qtbot, wizard)
        assert wizard.clinic.error.text() == "Nom de la clinique\u00a0: est obligatoire"
        qtbot.keyClicks(wizard.clinic.clinic, "Clinique de nuit")
        qtbot.keyClicks(wizard.clinic.van, "Fourgonnette 1")
        wizard.clinic.van_code.setText("VAN/1")
        next_page(qtbot, wizard)
        assert wizard.clinic.error.text().startswith(
            "Code de la fourgonnette\u00a0: doit compter de 1 à 16 lettres majuscules")
        wizard.clinic.van_code.setText("VAN1")
        wizard.clinic.timezone.setCurrentText("Mars/Olympus")
        next_page(qtbot, wizard)
        assert wizard.clinic.error.text().startswith("Fuseau horaire\u00a0: fuseau horaire inconnu")
        wizard.clinic.timezone.setCurrentText("America/Toronto")
        next_page(qtbot, wizard)

        assert wizard.currentPage() is wizard.staff
        qtbot.keyClicks(wizard.staff.name, "Nora Nurse")
        next_page(qtbot, wizard)

        page = wizard.passphrase
        qtbot.keyClicks(page.first, "court")
        next_page(qtbot, wizard)
        assert page.error.text() == "Phrase de passe\u00a0: doit compter au moins 8 caractères"
        page.first.clear()
        qtbot.keyClicks(page.first, "maple river")
        assert page.strength.text() == "Trop facile à deviner\u00a0: ajoutez un mot ou deux."
        page.first.clear()
        qtbot.keyClicks(page.first, PASSPHRASE)
        assert page.strength.text() == "Robuste."
        qtbot.keyClicks(page.second, PASSPHRASE + "x")
        next_page(qtbot, wizard)
        assert page.error.text() == ("Phrase de passe\u00a0: les deux phrases de passe "
                                     "diffèrent\u00a0: retapez-les")
        assert page.second.text() == ""
        qtbot.keyClicks(page.second, PASSPHRASE)
        next_page(qtbot, wizard)

        assert wizard.currentPage() is wizard.keys
        qtbot.keyClicks(wizard.keys.export_key, "ssh-ed25519 AAAA")
        click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
        assert wizard.keys.error.text() == ("Clé d'exportation de la coordination\u00a0: doit "
                                            "être une clé publique age\u00a0: 62 caractères "
                                            "commençant par age1")
        wizard.keys.export_key.clear()
        qtbot.keyClicks(wizard.keys.uic_secret, "trop court")
        click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
        assert wizard.keys.error.text().startswith(
            "Secret des codes du programme\u00a0: est trop faible")
        wizard.keys.uic_secret.clear()
        click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
        qtbot.waitUntil(lambda: app.main is not None, timeout=10000)
        # no language chosen yet: the staff member gets the system's
        assert i18n.current() == "fr" and app.main.windowTitle() == "Fourgonnette 1 — Dossiers"
    finally:
        app.shutdown()


def test_the_unlock_window_in_french(qtbot, vault_dir, vault, french):
    vault.lock()
    earlier = [w for w in QApplication.topLevelWidgets() if w.isVisible()]  # other tests'
    app = make_app(vault_dir)
    try:
        window = app.unlock_window
        assert window.windowTitle() == "Dossiers — verrouillé"
        qtbot.waitUntil(lambda: window.hint.text()
                        == "Entrez votre phrase de passe, puis appuyez sur Entrée.")
        shown = texts(window)
        assert shown & english_sources() == set()
        assert {"Les dossiers sont verrouillés", "Déverrouiller", "Phrase de passe"} <= shown

        qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
        assert window.message.text() == "Tapez votre phrase de passe, puis appuyez sur Entrée."
        unlock(qtbot, app, passphrase="pas la bonne phrase")
        qtbot.waitUntil(lambda: "Phrase de passe incorrecte." in window.message.text(),
                        timeout=10000)
        assert window.message.text() == ("Phrase de passe incorrecte. 1 tentative échouée. "
                                         "Attendez 1\u00a0s avant de réessayer.")
        app.clock.advance(1)
        qtbot.waitUntil(window.unlock_button.isEnabled, timeout=5000)
        assert window.message.text() == ("Phrase de passe incorrecte. 1 tentative échouée. "
                                         "Vous pouvez réessayer maintenant.")
        unlock(qtbot, app)
        qtbot.waitUntil(lambda: app.main is not None, timeout=10000)
        assert i18n.current() == "fr"
        app.lock()
        titles = [w.windowTitle() for w in QApplication.topLevelWidgets()
                  if w.isVisible() and w not in earlier]
        assert titles == ["Dossiers — verrouillé"]
    finally:
        app.shutdown()


def test_a_french_system_starts_the_app_in_french(vault_dir, vault):
    """The real start: Qt reads the system's language from the environment (a locale this
    machine may not have installed: Python's own locale is never set, so nothing fails)."""
    vault.lock()
    env = dict(os.environ, **{QUIT_WHEN_SHOWN: "1", "LC_ALL": "fr_CA.UTF-8",
                              "LANG": "fr_CA.UTF-8"})
    done = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(vault_dir)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["shown: Dossiers — verrouillé"]
