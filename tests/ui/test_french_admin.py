"""The settings, staff, service directory and merge forms in French, driven by keys as the
coordinator or a nurse would: French headings, labels, choices (code labels in French) and
messages, nothing left in English but names and codes, and text that fits a 1280x720 laptop
(French screenshots)."""
from conftest import FAST_KDF, PASSPHRASE
from formkit import save_keys, shoot, show, type_into
from frenchcheck import cut_off, in_english, still_english
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox

from records import clients, directory, visits
from records.vocab import label
from ui.directory_editor import DirectoryEditor
from ui.merge_dialog import MergeForm
from ui.settings_editor import SettingsEditor
from ui.staff_editor import StaffEditor

NBSP, NNBSP = "\u00a0", "\u202f"


def press(qtbot, button) -> None:
    """Tab to a button and press Space, as from the keyboard."""
    button.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(button, Qt.Key.Key_Space)


def test_settings_in_french(qtbot, vault, french, tmp_path):
    english = in_english(lambda: show(qtbot, SettingsEditor(vault, kdf=FAST_KDF)))
    editor = show(qtbot, SettingsEditor(vault, kdf=FAST_KDF))
    assert editor.windowTitle() == "Paramètres" and editor.cancel_button.text() == "Fermer"
    assert [box.title() for box in editor.findChildren(QGroupBox)][:4] == [
        "Clinique et fourgonnette", "Prochains arrêts de la fourgonnette (imprimés sur les "
        "copies du client)", "Exportations et clés", "Verrouillage et sauvegardes"]
    assert [editor.paper_size.itemText(i) for i in range(2)] == [
        label("paper_size", "letter", "fr"), label("paper_size", "A4", "fr")]
    assert editor.van_key_fingerprint.text().endswith(
        f"{NBSP}: la coordination enregistre cette ligne.")
    assert still_english(editor, english) == [] and cut_off(editor) == []
    shoot(editor, "settings_editor_fr", tmp_path)
    editor.van_name.clear()
    type_into(qtbot, editor.van_name, "Fourgonnette 2")
    press(qtbot, editor.add_stop_button)
    assert editor.schedule.rowCount() == 1
    with qtbot.waitSignal(editor.saved):
        save_keys(qtbot, editor)
    assert vault.settings.van_name == "Fourgonnette 2"


def test_staff_in_french(qtbot, vault, french, monkeypatch, tmp_path):
    english = in_english(lambda: show(qtbot, StaffEditor(vault, kdf=FAST_KDF)))
    editor = show(qtbot, StaffEditor(vault, kdf=FAST_KDF))
    assert editor.windowTitle() == "Personnel"
    assert editor.save_button.text() == "Ajouter le membre du personnel"
    assert [editor.table.horizontalHeaderItem(i).text() for i in range(3)] == [
        "Nom", "Rôle", "Coordonnées"]
    assert editor.table.item(0, 1).text() == label("role", "nurse", "fr")
    assert [editor.role.itemText(i) for i in range(editor.role.count())] == [
        label("role", code, "fr") for code in ("nurse", "outreach", "police_liaison")]
    assert still_english(editor, english) == [] and cut_off(editor) == []

    press(qtbot, editor.remove_button)  # nobody chosen yet
    banner = editor.banner.text()  # its frame ("Not saved. …") is ui/form_base.py's
    assert "membre du personnel" in banner and \
        "choisissez d'abord une personne dans la liste" in banner
    type_into(qtbot, editor.name, "Omar Outreach")
    editor.role.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(editor.role, Qt.Key.Key_Down)  # outreach
    type_into(qtbot, editor.passphrase, PASSPHRASE)
    type_into(qtbot, editor.passphrase_again, PASSPHRASE + "x")
    save_keys(qtbot, editor)
    assert "les deux saisies ne sont pas identiques" in editor.banner.text()
    editor.passphrase_again.clear()
    type_into(qtbot, editor.passphrase_again, PASSPHRASE)
    shoot(editor, "staff_editor_fr", tmp_path)
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        save_keys(qtbot, editor)
    assert editor.status.text() == "Omar Outreach peut maintenant déverrouiller cet " \
                                   "ordinateur portable."
    row = [editor.table.item(r, 0).text() for r in range(2)].index("Omar Outreach")
    assert editor.table.item(row, 1).text() == label("role", "outreach", "fr")

    import ui.staff_editor
    monkeypatch.setattr(ui.staff_editor, "remove_staff", lambda v, staff_id, progress: None)
    editor.table.setFocus(Qt.FocusReason.TabFocusReason)
    editor.table.setCurrentCell(row, 0)
    press(qtbot, editor.remove_button)
    assert editor.confirm_remove.text() == "Oui, retirer Omar Outreach"
    assert editor.status.text().startswith(f"Retirer Omar Outreach change la clé du coffre{NBSP}:")
    assert cut_off(editor) == []
    qtbot.keyClick(editor.confirm_remove, Qt.Key.Key_Space)  # it has the focus
    qtbot.waitUntil(lambda: editor.working is None)
    assert editor.status.text() == "Omar Outreach ne fait plus partie du personnel."


def test_directory_in_french(qtbot, vault, french, tmp_path):
    directory.add(vault, "Hope Street Shelter", "shelter")
    english = in_english(lambda: show(qtbot, DirectoryEditor(vault)))
    editor = show(qtbot, DirectoryEditor(vault))
    assert editor.title_label.text() == f"Répertoire des services{NBSP}: nouveau service"
    assert editor.list.item(0).text() == "Hope Street Shelter  ·  Hébergement et logement"
    assert editor.kind.itemText(0) == "Services en dépendance"
    assert still_english(editor, english) == [] and cut_off(editor) == []
    shoot(editor, "directory_editor_fr", tmp_path)
    assert editor.name.hasFocus()
    qtbot.keyClicks(editor.name, "Clinique du Vieux-Port")
    editor.kind.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(editor.kind, Qt.Key.Key_Down)  # Services en santé mentale
    with qtbot.waitSignal(editor.saved):
        save_keys(qtbot, editor)
    assert editor.title_label.text() == f"Répertoire des services{NBSP}: Clinique du Vieux-Port"
    assert "Clinique du Vieux-Port  ·  Services en santé mentale" in [
        editor.list.item(i).text() for i in range(editor.list.count())]


def test_merge_in_french(qtbot, vault, french, tmp_path):
    keep = clients.register(vault, "Rosie Red", uic_first="Rose", uic_last="Red", gender="F",
                            birth_year=1990)
    other = clients.register(vault, "Rosa", aliases=["Red"])
    visits.record(vault, client_id=other.id)
    english = in_english(lambda: show(qtbot, MergeForm(vault, client_id=keep.id)))
    form = show(qtbot, MergeForm(vault, client_id=keep.id))
    assert form.windowTitle() == "Fusionner des dossiers en double"
    assert form.save_button.text() == "Fusionner"
    assert [form.keep_card.title(), form.other_card.title()] == ["Dossier à conserver",
                                                                 "Dossier à y fusionner"]
    assert form.keep_card.values["Visits"].accessibleName() == f"Dossier à conserver{NBSP}: Visites"
    save_keys(qtbot, form)  # nothing chosen yet
    assert "Doublon à fusionner" in form.banner.text() and \
        "trouvez et choisissez d'abord le dossier en double" in form.banner.text()
    type_into(qtbot, form.picker.query, "ros")
    assert form.other_card.values["Name"].text() == "Rosa"
    assert form.explain.text().startswith(
        f"«{NBSP}Rosa{NBSP}» sera fusionné dans «{NBSP}Rosie Red{NBSP}»{NBSP}: ses visites")
    assert still_english(form, english) == [] and cut_off(form) == []
    shoot(form, "merge_form_fr", tmp_path)
    with qtbot.waitSignal(form.saved):
        save_keys(qtbot, form)
    assert "Rosa" in clients.get(vault, keep.id).aliases

