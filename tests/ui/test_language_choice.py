"""Each staff member's language (View > Language, Ctrl+Shift+G): kept in the vault, applied
at once when nothing is in progress, else at the next unlock, as the dialog says; another
staff member keeps theirs; an unknown stored value falls back to the system's language."""
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from conftest import FAST_KDF
from records import settings, staff
from shellkit import key, make_app, unlock
from ui import i18n
from ui.client_register import ClientRegister

OMAR = "another long passphrase"


@pytest.fixture
def two_staff(vault_dir, vault):
    settings.update(vault, van_name="Night Van")
    staff.add(vault, "Omar Outreach", "outreach", OMAR, kdf=FAST_KDF)
    vault.lock()
    return vault_dir


def unlocked(qtbot, app, name="Nora Nurse", passphrase=None):
    unlock(qtbot, app, name=name, **({"passphrase": passphrase} if passphrase else {}))
    qtbot.waitUntil(lambda: app.main is not None and app.main.isVisible(), timeout=10000)
    return app.main


def press(qtbot, window, keys: str) -> None:
    """A shortcut typed where the cursor is, as the nurse would."""
    qtbot.waitUntil(lambda: window.focusWidget() is not None)
    key(qtbot, window.focusWidget(), keys)


def language_dialog(qtbot, window):
    press(qtbot, window, "Ctrl+Shift+G")
    qtbot.waitUntil(lambda: getattr(window, "language_dialog", None) is not None
                    and window.language_dialog.isVisible())
    return window.language_dialog


def choose(qtbot, dialog, name: str) -> None:
    """Pick a language in the list by keyboard, then Enter (OK)."""
    dialog.choice.setFocus()
    while dialog.choice.currentText() != name:
        qtbot.keyClick(dialog.choice, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.choice, Qt.Key.Key_Return)


def test_french_for_nora_at_once_english_for_omar(qtbot, two_staff):
    app = make_app(two_staff)
    try:
        first = unlocked(qtbot, app)
        dialog = language_dialog(qtbot, first)
        assert dialog.choice.currentText() == "This laptop's language (English)"
        assert dialog.when.text() == "Applied now: the window opens again at its first page."
        choose(qtbot, dialog, "Français")
        qtbot.waitUntil(lambda: app.main is not first and app.main.isVisible())
        assert i18n.current() == "fr"
        assert staff.prefs(app.vault)[i18n.LANGUAGE_PREF] == "fr"
        assert app.main.windowTitle() == "Night Van — Dossiers"
        assert app.main.statusBar().currentMessage() == \
            "Français\u00a0: langue appliquée maintenant."
        again = language_dialog(qtbot, app.main)
        assert again.windowTitle() == "Langue" and again.choice.currentText() == "Français"
        buttons = again.findChild(QDialogButtonBox)  # Qt's own words, from qtbase_fr.qm
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuler"
        qtbot.keyClick(again, Qt.Key.Key_Escape)

        app.lock()  # before unlock: the system's language again
        assert i18n.current() == "en"
        assert app.unlock_window.windowTitle() == "Records — locked"
        unlocked(qtbot, app, "Omar Outreach", OMAR)
        assert i18n.current() == "en" and app.main.windowTitle() == "Night Van — Records"
        app.lock()
        unlocked(qtbot, app)
        assert i18n.current() == "fr" and app.main.windowTitle() == "Night Van — Dossiers"
    finally:
        app.shutdown()


def test_with_a_form_open_it_waits_for_the_next_unlock(qtbot, two_staff):
    app = make_app(two_staff)
    try:
        window = unlocked(qtbot, app)
        press(qtbot, window, "Ctrl+N")
        qtbot.waitUntil(lambda: isinstance(window.current_page(), ClientRegister))
        dialog = language_dialog(qtbot, window)
        assert dialog.when.text().startswith("Takes effect at your next unlock")
        choose(qtbot, dialog, "Français")
        qtbot.waitUntil(lambda: not dialog.isVisible())
        assert app.main is window and i18n.current() == "en"
        assert isinstance(window.current_page(), ClientRegister)  # nothing lost
        assert window.statusBar().currentMessage() == \
            "Français: takes effect at your next unlock."
        assert staff.prefs(app.vault)[i18n.LANGUAGE_PREF] == "fr"
        app.lock()
        unlocked(qtbot, app)
        assert i18n.current() == "fr"
    finally:
        app.shutdown()


def test_back_to_the_laptops_language(qtbot, two_staff, french):
    """On a French laptop, Omar chose English; choosing the laptop's language again is
    French, at once."""
    app = make_app(two_staff)
    try:
        window = unlocked(qtbot, app, "Omar Outreach", OMAR)
        assert i18n.current() == "fr"
        choose(qtbot, language_dialog(qtbot, window), "English")
        qtbot.waitUntil(lambda: app.main is not window)
        assert i18n.current() == "en" and app.main.windowTitle() == "Night Van — Records"
        window = app.main
        dialog = language_dialog(qtbot, window)
        dialog.choice.setFocus()
        qtbot.keyClick(dialog.choice, Qt.Key.Key_Home)
        assert dialog.choice.currentText() == "This laptop's language (Français)"
        qtbot.keyClick(dialog.choice, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: app.main is not window)
        assert i18n.current() == "fr" and staff.prefs(app.vault)[i18n.LANGUAGE_PREF] is None
    finally:
        app.shutdown()


@pytest.mark.parametrize("stored", ["klingon", 42, ["fr"], {"fr": 1}, "", "FR"])
def test_an_unknown_stored_language_is_the_systems(stored):
    assert i18n.for_staff(stored) == "en"


def test_unknown_stored_languages_fall_back_safely(qtbot, two_staff, french):
    from records.vault import Vault
    from conftest import PASSPHRASE
    vault = Vault.open(two_staff, "Nora Nurse", PASSPHRASE)
    staff.set_pref(vault, i18n.LANGUAGE_PREF, "klingon")
    vault.lock()
    app = make_app(two_staff)
    try:
        window = unlocked(qtbot, app)  # a French laptop: French, and no error
        assert i18n.current() == "fr" and window.windowTitle() == "Night Van — Dossiers"
        dialog = language_dialog(qtbot, window)
        assert dialog.choice.currentText() == "Langue de cet ordinateur (Français)"
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert staff.prefs(app.vault)[i18n.LANGUAGE_PREF] == "klingon"  # untouched until chosen
    finally:
        app.shutdown()
