"""The data-entry forms in French, driven from the keyboard as a nurse would: headings naming
the client, labels, buttons, code labels, the question before losing changes, a plural, dates
and times written the French way, refusals explained in French; nothing left in English
but names, codes and the few words French shares with English; and they fit a 1280x720
laptop, French being longer."""
import re
from datetime import datetime, timezone

import pytest
from formkit import SCREEN, save_keys, shoot, show
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit,
                               QListWidget, QMessageBox, QPlainTextEdit, QScrollArea,
                               QStackedWidget, QWidget)

from nurse import Nurse
from records import clients, clock, directory, drafts, incidents, referrals, shifts, visits
from records.models import ServiceItem
from ui import clinic_time, i18n
from ui.form_host import FormHost
from ui.incident_form import IncidentForm
from ui.referral_form import ReferralForm
from ui.visit_form import VisitForm
from ui.week_box import WeekBox

NAME = "Rosie Red"
NBSP = "\u00a0"
# Visible texts that may read the same in both languages: what was typed or stored (names,
# places, times), zone names, and words French shares with English.
SAME_IN_BOTH = {NAME, "Nora Nurse", "Dundas & Richmond", "Downtown Health Centre", "EST", "EDT",
                "OK", "Services", "Notes", "Note", "Vaccination", "Contraception", "Pipes",
                "Condoms", "Urgent", "Ctrl+S", "Ctrl+P", "Ctrl+Return"}


def texts(root: QWidget) -> set[str]:
    """Every text a nurse can see or hear in `root` (accelerator marks removed)."""
    found = [root.windowTitle(), root.accessibleName()]
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root):
            continue
        found += [widget.toolTip(), widget.accessibleName(), widget.accessibleDescription()]
        if isinstance(widget, (QLabel, QAbstractButton)):
            found.append(widget.text())
        elif isinstance(widget, QGroupBox):
            found.append(widget.title())
        elif isinstance(widget, (QLineEdit, QPlainTextEdit)):
            found.append(widget.placeholderText())
        elif isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QListWidget):
            found += [widget.item(i).text() for i in range(widget.count())]
    return {re.sub(r"&([^&\s])", r"\1", t).strip()  # "S&ite" reads "Site"
            for t in found if t and any(c.isalpha() for c in t)}


def left_in_english(build) -> set[str]:
    """Texts of the form `build()` makes in French that it also shows in English."""
    i18n.install("en")
    english = build()
    english.resize(*SCREEN)
    english.show()
    english_texts = texts(english)
    english.close()
    english.deleteLater()
    i18n.install("fr")
    french = build()
    french.resize(*SCREEN)
    french.show()
    same = (texts(french) & english_texts) - SAME_IN_BOTH
    french.close()
    french.deleteLater()
    return same


def accelerators(root: QWidget) -> list[str]:
    """The Alt+letters of the visible labels, buttons and check boxes."""
    letters = []
    for widget in root.findChildren(QWidget):
        if not isinstance(widget, (QLabel, QAbstractButton)):
            continue
        text = widget.text()
        at = text.replace("&&", "").find("&")
        if widget.isVisibleTo(root) and at >= 0:
            letters.append(text.replace("&&", "")[at + 1].lower())
    return letters


def fits(qtbot, form) -> bool:
    """Shown at the laptop's size, the form needs no sideways scrolling."""
    form.resize(*SCREEN)
    qtbot.waitExposed(form)
    scroll = form.findChild(QScrollArea)
    return form.body.minimumSizeHint().width() <= scroll.viewport().width() and \
        not scroll.horizontalScrollBar().isVisible()


@pytest.fixture
def rosie(vault):
    return clients.register(vault, NAME, uic_first="Rose", uic_last="Red", gender="F",
                            birth_year=1990)


def test_a_visit_typed_and_saved_in_french(qtbot, vault, rosie, french, tmp_path):
    shifts.start(vault, ["Dundas & Richmond"])
    form = show(qtbot, VisitForm(vault, client_id=rosie.id))
    assert form.title_label.text() == f"Nouvelle visite — {NAME}"
    assert form.windowTitle() == "Nouvelle visite"  # neutral: no name in a task bar
    seen = texts(form)
    for text in ("Matériel remis", "Aiguilles et seringues", "Test de dépistage du VIH",
                 "Résultat à venir", "Surdoses renversées signalées", "Date et heure", "Lieu",
                 "Membre du personnel", "Motif", "Suivi", "Annuler", "Enregistrer",
                 "Enregistrer et orienter…", "Tapez pour chercher, Entrée coche"):
        assert text in seen, text
    assert form.cancel_button.toolTip() == "Échap"
    assert " h " in form.when.text()  # 2026-12-02 04 h 59: the Canadian French clock
    assert sorted(accelerators(form)) == sorted(set(accelerators(form)))  # each Alt+ once
    assert fits(qtbot, form)
    assert form.note.width() >= 300  # the longer French labels leave the notes room to type
    shoot(form, "visit_form_fr", tmp_path)

    nurse = Nurse(qtbot)
    nurse.type("VIH")  # the service finder has the cursor; Enter ticks the one found
    nurse.press("Return")
    nurse.press("Alt+G")  # Ai&guilles et seringues
    nurse.type("20")
    nurse.press("Alt+O")  # C&ondoms
    nurse.type("12")
    nurse.press("Alt+M")  # &Motif
    nurse.type("Plaie main gauche")
    with qtbot.waitSignal(form.saved):
        nurse.press("Ctrl+S")
    [visit] = visits.for_client(vault, rosie.id)
    assert visit.services == (ServiceItem("hiv_test", "pending"),)
    assert visit.supplies == {"needles": 20, "condoms": 12}
    assert visit.reason == "Plaie main gauche"


def test_a_refused_quantity_is_explained_in_french(qtbot, vault, rosie, french):
    form = show(qtbot, VisitForm(vault, client_id=rosie.id))
    Nurse(qtbot).press("Alt+G")
    Nurse(qtbot).type("20000")
    save_keys(qtbot, form)
    assert form.banner.text().startswith(f"Rien n'a été enregistré. Aiguilles et seringues{NBSP}:")
    assert form.banner.accessibleName() == "Message d'erreur"
    assert visits.for_client(vault, rosie.id) == []


def test_esc_asks_in_french_before_changes_are_lost(qtbot, vault, rosie, french):
    form = show(qtbot, VisitForm(vault, client_id=rosie.id))
    nurse = Nurse(qtbot)
    nurse.press("Alt+M")
    nurse.type("Pansement")
    nurse.press("Esc")
    box = form.question
    assert isinstance(box, QMessageBox)
    assert box.windowTitle() == "Modifications non enregistrées"
    assert box.text() == f"Nouvelle visite{NBSP}: les modifications ne sont pas enregistrées."
    assert sorted(b.text() for b in box.buttons()) == ["&Abandonner", "&Continuer la saisie",
                                                      "&Enregistrer"]
    assert box.defaultButton().text() == "&Continuer la saisie"
    qtbot.waitUntil(lambda: box.isActiveWindow())
    with qtbot.assertNotEmitted(form.cancelled):
        qtbot.keyClick(box.focusWidget() or box, Qt.Key_Escape)  # Esc keeps editing
    qtbot.waitUntil(lambda: form.question is None)
    assert form.reason.text() == "Pansement"


def test_a_time_shown_twice_asks_which_in_french(qtbot, vault, rosie, french, monkeypatch):
    monkeypatch.setattr(clock, "now_utc", lambda: datetime(2026, 11, 2, 16, tzinfo=timezone.utc))
    form = show(qtbot, VisitForm(vault, client_id=rosie.id))
    form.when.setFocus(Qt.TabFocusReason)
    form.when.setSelectedSection(form.when.Section.YearSection)
    qtbot.keyClicks(form.when, "202611010130")
    note = form.when.note
    assert form.when.text() == "2026-11-01 01 h 30"
    assert note.label.text() == f"Cette heure revient deux fois (on recule l'heure). Laquelle{chr(0x202f)}?"
    assert (note.first.text(), note.second.text()) == ("01 h 30 EDT, la première",
                                                       "01 h 30 EST, la deuxième")


def test_a_referral_in_french(qtbot, vault, rosie, french, tmp_path):
    directory.add(vault, "Downtown Health Centre", "primary_care", hours="Mon-Fri 9-5")
    form = show(qtbot, ReferralForm(vault, client_id=rosie.id, visit={}))
    assert form.title_label.text() == f"Nouvelle orientation, avec la visite — {NAME}"
    seen = texts(form)
    for text in ("Service de destination", "Urgence", "Non urgent", "Nom imprimé", "Motif",
                 "Demande", "La personne accepte de communiquer", "Enregistrer et imprimer",
                 "Downtown Health Centre  ·  Soins de première ligne"):
        assert text in seen, text
    assert sorted(accelerators(form)) == sorted(set(accelerators(form)))
    assert fits(qtbot, form)
    shoot(form, "referral_form_fr", tmp_path)

    nurse = Nurse(qtbot)
    nurse.press("Ctrl+S")  # nothing chosen yet
    assert form.banner.text() == (f"Rien n'a été enregistré. Service de destination{NBSP}: "
                                  "choisissez un service du répertoire")
    form.dest_filter.setFocus()
    nurse.type("downtown")
    nurse.press("Return")  # on to the reason
    nurse.type("Suivi de plaie")
    with qtbot.waitSignal(form.saved):
        nurse.press("Ctrl+S")
    [made] = referrals.for_client(vault, rosie.id)
    assert made.reason == "Suivi de plaie"


def test_an_incident_report_in_french(qtbot, vault, rosie, french):
    form = show(qtbot, IncidentForm(vault, client_id=rosie.id))
    assert form.title_label.text() == f"Nouveau rapport d'incident — {NAME}"
    assert form.link_client.text() == f"Signalé par {NAME}"
    assert form.consent_sheet.yes.text() == "Oui" and form.consent_sheet.no.text() == "Non"
    assert fits(qtbot, form)
    nurse = Nurse(qtbot)
    nurse.type("Ruelle Sainte-Catherine")
    nurse.press("Ctrl+S")
    assert form.banner.text() == (f"Rien n'a été enregistré. Consentement à la fiche d'alerte"
                                  f"{NBSP}: choisissez oui ou non avec la personne qui signale")
    form.consent_sheet.no.click()
    form.consent_police.no.click()
    with qtbot.waitSignal(form.saved) as signal:
        nurse.press("Ctrl+S")
    report = incidents.get(vault, signal.args[0].id)
    assert (report.area, report.client_id) == ("Ruelle Sainte-Catherine", rosie.id)


@pytest.mark.parametrize("build", ["visit", "correct visit", "referral", "incident",
                                   "incident, no client"])
def test_nothing_left_in_english(qtbot, vault, rosie, french, build):
    directory.add(vault, "Downtown Health Centre", "primary_care")
    shifts.start(vault, ["Dundas & Richmond"])
    visit = visits.record(vault, client_id=rosie.id, reason="x")
    makers = {
        "visit": lambda: VisitForm(vault, client_id=rosie.id),
        "correct visit": lambda: VisitForm(vault, visit_id=visit.id),
        "referral": lambda: ReferralForm(vault, client_id=rosie.id, visit={}),
        "incident": lambda: IncidentForm(vault, client_id=rosie.id),
        "incident, no client": lambda: IncidentForm(vault),
    }
    assert left_in_english(makers[build]) == set()


class Shell(QWidget):
    """What FormHost needs of the main window: the vault and the status bar's say()."""

    def __init__(self, vault):
        super().__init__()
        self.vault = vault
        self.said: list[str] = []

    def say(self, text: str) -> None:
        self.said.append(text)


@pytest.mark.parametrize("language, older, words", [
    ("en", 1, "1 older kept form will be offered after a later unlock."),
    ("en", 2, "2 older kept forms will be offered after a later unlock."),
    ("fr", 1, "1 formulaire plus ancien, conservé, sera proposé lors d'un prochain "
              "déverrouillage."),
    ("fr", 3, "3 formulaires plus anciens, conservés, seront proposés lors d'un prochain "
              "déverrouillage."),
])
def test_kept_forms_are_counted_in_words(qtbot, vault, rosie, language, older, words):
    i18n.install(language)
    try:
        for _ in range(older):
            drafts.keep(vault, rosie.id, [{"form": "incident", "context": {}, "fields": {}}])
        drafts.keep(vault, rosie.id, [{"form": "visit", "context": {}, "fields": {}},
                                      {"form": "referral", "context": {}, "fields": {}}])
        shell = Shell(vault)
        qtbot.addWidget(shell)
        stack = QStackedWidget(shell)
        host = FormHost(shell, stack, QWidget())
        host.offer_drafts()
        assert host.offer.text().endswith(" " + words)
        if language == "fr":
            assert host.offer.text().startswith(
                "Lorsque l'application s'est verrouillée, des données n'étaient pas "
                f"enregistrées{NBSP}: une visite et une orientation.")
            assert sorted(b.text() for b in host.offer.buttons()) == [
                "&Abandonner", "&Plus tard", "&Restaurer"]
        host.offer.reject()
    finally:
        i18n.install("en")


def test_week_box_and_times_in_french(qtbot, french, monkeypatch):
    box = WeekBox(datetime(2026, 12, 2).date())
    qtbot.addWidget(box)
    refused = []
    box.refused.connect(refused.append)
    box.setText("next week")
    assert not box.accept_text()
    assert refused == [f"Semaine non valide{NBSP}: tapez une date comme 2026-12-01 ou une semaine "
                       "comme 2026-W49."]
    assert box.placeholderText() == "2026-W49 ou 2026-12-01"
    monkeypatch.setattr(clinic_time, "laptop_zone", None)
    moment = datetime(2026, 12, 2, 4, 3, tzinfo=timezone.utc)
    assert clinic_time.text(moment, "America/Toronto").startswith("2026-12-01 23 h 03")
    assert clinic_time.text(moment, "America/Toronto", "%H:%M").startswith("23 h 03")
    assert box.popup.calendar.locale().language() == box.popup.calendar.locale().Language.French
