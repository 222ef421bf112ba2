"""The main window, the search, a new client, the client page, the shift bar, quick contact,
delete at request, the incident list, a history and F1 in French: real French words on each,
no visible text left as its English source, French times and plurals, and every screen still
fits the 1280x720 laptop. Screenshots of each French screen (fr-search.png: the main window,
fr-client.png: the client page...) go to $CLINIC_SCREENSHOTS when set, else to tmp_path."""
import os
from pathlib import Path

from PySide6.QtCore import QLocale, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QGroupBox, QLabel,
                               QLineEdit, QListView, QMainWindow, QMessageBox, QTableWidget,
                               QWidget)

from records import shifts
from shellkit import finish_setup, make_app, populate, settle
from test_screen_fit import fit_problems
from ui import i18n
from ui.client_page import ClientPage

# The same in both languages: the clinic's data and codes, the key names, words French shares.
ALLOWED = {"OK", "English", "Français", "Client", "&Client", "Actions", "Allergies",
           "Confirmation", "Condoms", "Pipes", "EST", "EDT"}
# Texts other helpers translate (issue 15): the window title (ui/unlock.py).
OTHERS = {"Van 1 — Records"}
# What the nurse typed (tests/ui/shellkit.populate), shown as typed in any language.
DATA = ("Rosa", "Dundas & Richmond", "Behind the bus depot", "Penicillin", "Prefers texts",
        "Health Centre", "Wound check", "Testing", "Refused to pay", "Nora Nurse")


def is_keys(text: str) -> bool:
    """'Ctrl+Shift+H, Esc': key names, the same in both languages (QKeySequence's text)."""
    return all(QKeySequence(k).toString() == k for k in text.split(", "))


def texts(top: QWidget) -> set[str]:
    """What a person sees or a screen reader says on `top` and its visible children."""
    found = {top.windowTitle()}
    for widget in [top, *top.findChildren(QWidget)]:
        if widget is not top and not widget.isVisibleTo(top):
            continue
        found |= {widget.toolTip(), widget.accessibleName()}
        if isinstance(widget, QLabel):
            found.add(widget.text())
        elif isinstance(widget, QAbstractButton):
            found.add(widget.text())
        elif isinstance(widget, QLineEdit):
            found.add(widget.placeholderText())
        elif isinstance(widget, QGroupBox):
            found.add(widget.title())
        elif isinstance(widget, QComboBox):
            found |= {widget.itemText(i) for i in range(widget.count())}
        if isinstance(widget, QTableWidget):
            found |= {widget.horizontalHeaderItem(c).text() for c in range(widget.columnCount())}
            found |= {widget.item(r, c).text() for r in range(widget.rowCount())
                      for c in range(widget.columnCount()) if widget.item(r, c)}
        elif isinstance(widget, QListView) and widget.model() is not None:
            model = widget.model()
            found |= {str(model.index(r, 0).data()) for r in range(model.rowCount())}
    if isinstance(top, QMainWindow):
        for menu in top.menuBar().actions():
            found.add(menu.text())
            found |= {a.text() for a in menu.menu().actions()} | {
                a.toolTip() for a in menu.menu().actions()}
    return {t for t in found if t and any(c.isalpha() for c in t)}


def end_shift_question(qtbot, main) -> set[str]:
    """Ctrl+Shift+S asks before ending the shift: its texts; Esc keeps the shift."""
    seen = set()

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen.update({box.windowTitle(), box.text()} | {b.text() for b in box.buttons()})
        box.reject()
    QTimer.singleShot(0, answer)
    main.shift_bar.toggle()
    return seen


def walk(qtbot, tmp_path: Path, language: str, shots: Path | None = None) -> dict[str, set[str]]:
    """Every screen of this part of the app, started as on a system in `language`: its
    texts, each checked to fit the laptop's screen. (The `french` fixture restores Qt's
    default locale afterwards.)"""
    country = QLocale.Country.Canada
    QLocale.setDefault(QLocale(QLocale.Language.French, country) if language == "fr"
                       else QLocale(QLocale.Language.English, country))
    i18n.install(language)
    app = make_app(tmp_path / f"vault-{language}")
    seen, problems = {}, {}

    def look(name: str, window: QWidget) -> None:
        window.show()
        settle()  # what the runner reads (the client page's visits) shown
        seen[name] = texts(window)
        problems[name] = fit_problems(window)
        if shots is not None:
            assert window.grab().save(str(shots / f"fr-{name.replace(' ', '-')}.png"))

    try:
        finish_setup(qtbot, app)
        rosa = populate(app.vault)
        main = app.main
        qtbot.keyClicks(main.search.box, "ro")
        main.search.refresh()
        look("search", main)
        seen["end shift"] = end_shift_question(qtbot, main)
        main.new_client()
        form = main.current_page()
        form.more_button.setChecked(True)
        form.uic_first.setText("Rosalind")
        form._check_duplicates()
        look("new client", main)
        form.cancelled.emit()
        main.open_client(rosa)
        main.current_page().show_button.click()
        look("client", main)
        for name in ("quick_contact", "delete_client", "history"):
            main.open_client(rosa)
            settle()
            main.current_page().visits.setCurrentRow(0)
            main.current_page().request(name)
            look(name, main)
            main.current_page().cancelled.emit()
        main.go_home()
        main.open_incidents()
        look("incident reports", main)
        main.go_home()
        main.show_shortcuts()
        look("keyboard shortcuts", main.shortcuts_dialog)
        main.shortcuts_dialog.reject()
        shifts.end(app.vault, shifts.current(app.vault).id)
        look("no shift", main)
    finally:
        app.shutdown()
    assert {k: v for k, v in problems.items() if v} == {}
    return seen


def test_every_screen_of_the_client_side_in_french(qtbot, tmp_path, french):
    shots = Path(os.environ.get("CLINIC_SCREENSHOTS") or tmp_path / "shots")
    shots.mkdir(parents=True, exist_ok=True)
    english = walk(qtbot, tmp_path, "en")
    french_ = walk(qtbot, tmp_path, "fr", shots)

    left = {name: sorted(t for t in french_[name] & english[name]
                         if t not in ALLOWED | OTHERS and not is_keys(t)
                         and not any(d in t for d in DATA))
            for name in english}
    assert {name: found for name, found in left.items() if found} == {}

    search, client = french_["search"], french_["client"]
    assert "Cli&nique" in search and "&Trouver un client" in search  # a menu and an action
    assert "Contact &rapide" in search and "&Affichage" in search
    assert "2 résultats" in search or "1 résultat" in search  # a plural
    assert any(t.startswith("Quart en cours depuis ") and " h " in t for t in search)
    assert "Terminer le quart" in french_["end shift"]
    assert "Orientation (Ctrl+Maj+R)" in search  # the toolbar's tooltip
    assert {"Aucun quart en cours.", "à partir de", "Commencer le quart (Ctrl+Maj+S)",
            "Lieu(x), séparés par «\u00a0;\u00a0»"} <= french_["no shift"]
    assert "Le nom légal, la date de naissance, le téléphone et le résumé de santé sont " \
           "masqués." not in client  # shown: the note says each view is recorded
    assert "Afficher sur demande" not in client and "Masquer (Ctrl+Maj+H)" in client
    assert any(t.startswith("Demander comment s'est passée l'orientation vers ") for t in client)
    assert any("Trousse de naloxone (vaporisateur nasal)" in t for t in client)  # code labels
    assert "Contact rapide — Rosa" in french_["quick_contact"]
    assert any("• 3 visites\u00a0: date, lieu, services, matériel remis (pour les décomptes "
               "hebdomadaires)" in t for t in french_["delete_client"])
    assert "La visite et ses versions antérieures — Rosa" in french_["history"]
    reports = french_["incident reports"]
    assert {"Date et heure", "Plaque", "Véhicule", "1 rapport"} <= reports
    assert {"Raccourcis clavier", "Touches", "Clinique"} <= french_["keyboard shortcuts"]
    assert any(t.startswith("Recherche\u00a0: ") for t in french_["keyboard shortcuts"])
    assert "Alt+G, Alt+P, Alt+O, Alt+J, Alt+N, Alt+B" in french_["keyboard shortcuts"]  # visit form


MY_CONTEXTS = {"ChecklistFilter", "ClientPage", "ClientPicker", "ClientRegister", "ClientSearch",
               "DeleteClientForm", "FolderDialog", "HistoryView", "IncidentList", "MainWindow",
               "QuickContactForm", "RecordText", "ShiftBar", "ShortcutsDialog", "Widgets",
               "YesNo"}


def test_french_typography_placeholders_and_accelerators():
    """French spacing (a no-break space before ':' and inside « », a narrow one before ; ? !),
    the same placeholders as the English and one accelerator where the English has one."""
    import re
    import xml.etree.ElementTree as ET

    from ui.translations import ts_file
    problems = []
    for context in ET.parse(ts_file("fr")).getroot():
        if context.find("name").text not in MY_CONTEXTS:
            continue
        for message in context.findall("message"):
            source = message.find("source").text
            forms = message.findall("translation/numerusform") or [message.find("translation")]
            for text in (f.text or "" for f in forms):
                placeholders = re.compile(r"\{\w+\}|%n|%\d")
                if sorted(placeholders.findall(text)) != sorted(placeholders.findall(source)):
                    problems.append(f"placeholders: {text!r}")
                if text.count("&") != source.count("&"):
                    problems.append(f"accelerator: {text!r}")
                if (re.search(r"[^\u00a0]:(\s|$)", text)
                        or re.search(r"[^\u202f\u00a0][;?!](\s|$)", text)
                        or re.search(r"«[^\u00a0]|[^\u00a0]»", text)):
                    problems.append(f"spacing: {text!r}")
    assert problems == []


def test_french_menus_keep_one_accelerator_letter_each(qtbot, vault, french):
    from ui.main_window import MainWindow
    window = MainWindow(vault)
    qtbot.addWidget(window)
    menus = window.menuBar().actions()
    assert [m.text() for m in menus] == ["&Client", "Cli&nique", "&Affichage", "Ai&de"]
    for menu in [window.menuBar(), *(m.menu() for m in menus)]:
        letters = [a.text()[a.text().index("&") + 1].lower() for a in menu.actions()
                   if "&" in a.text()]
        assert len(letters) == len(set(letters)), letters
    assert window.actions_by_name["quit"].text() == "Verrouiller et q&uitter"
