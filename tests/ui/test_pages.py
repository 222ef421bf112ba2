"""The shell's pages on an open vault: search paging, client page, shift bar, forms, theme."""
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QLineEdit, QListView,
                               QPlainTextEdit, QWidget)

from shellkit import click, key, press_in_next_dialog
from records import audit, clients, clock, directory, referrals, shifts, staff
from ui import forms, theme
from ui.client_page import ClientPage
from ui.client_search import PAGE, ClientSearch
from ui.main_window import NIGHT_PREF, MainWindow


@pytest.fixture
def main(qtbot, vault):
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts need it
    yield window
    theme.apply(QApplication.instance(), False)


def test_search_pages_lazily_with_keyset(qtbot, vault):
    with vault.write("create", "client"):
        for i in range(PAGE * 2 + 7):
            clients.insert_row(vault, {"name": f"Sam {i:03d}"})
    page = ClientSearch(vault)
    qtbot.addWidget(page)
    assert page.model.rowCount() == 0  # nothing typed, no names on screen
    qtbot.keyClicks(page.box, "sam")
    page.refresh()
    assert page.model.rowCount() == PAGE and page.model.canFetchMore()
    page.model.fetchMore()
    page.model.fetchMore()
    assert page.model.rowCount() == PAGE * 2 + 7 and not page.model.canFetchMore()
    names = [page.model.data(page.model.index(r)) for r in range(page.model.rowCount())]
    assert names[0].startswith(f"Sam {PAGE * 2 + 6:03d} · ") and names[-1].startswith("Sam 000 · ")
    assert len(set(names)) == len(names)
    page.list.setFocus()
    qtbot.keyClick(page.list, Qt.Key.Key_F2)  # the usual "edit item" key
    assert page.list.state() != page.list.State.EditingState  # results are read-only


def test_enter_in_the_box_opens_the_first_match(qtbot, main, vault):
    rosa = clients.register(vault, "Rosa", aliases=["Ro"])
    clients.register(vault, "Sam")
    qtbot.keyClicks(main.search.box, "ro")
    qtbot.keyClick(main.search.box, Qt.Key.Key_Return)
    assert isinstance(main.current_page(), ClientPage)
    assert main.current_page().client_id == rosa.id
    qtbot.keyClick(main.current_page(), Qt.Key.Key_Escape)
    assert main.current_page() is main.search and main.search.box.hasFocus()


def test_referral_outcome_in_one_click_and_hidden_fields_are_audited(qtbot, main, vault):
    rosa = clients.register(vault, "Rosa", legal_name="Rosalind Ng")
    dest = directory.add(vault, "Detox Centre", "addictions")
    made = clock.now_utc() - timedelta(days=3)
    ref = referrals.make(vault, rosa.id, dest.id, made_at=made)
    main.open_client(rosa.id)
    page = main.current_page()
    qtbot.waitUntil(lambda: not page.loading)  # the referrals are read on the runner
    day = made.astimezone(clock.zone(vault.settings.timezone)).date().isoformat()
    texts = [l.text() for l in page.follow_up.findChildren(type(page.name))]
    assert f"Ask about the referral to Detox Centre on {day}" in texts
    attended = [b for b in page.follow_up.findChildren(type(main.search.new_button))
                if b.text() == "Attended"][0]
    click(qtbot, attended)
    assert referrals.get(vault, ref.id).status == "attended"
    qtbot.waitUntil(lambda: not page.follow_up.isVisible())  # refreshed through the change signal
    assert "Attended" in page.referrals.item(0).text()

    assert "Rosalind" not in "".join(l.text() for l in page.findChildren(type(page.name)))
    before = audit.head(vault.db)[0]
    click(qtbot, page.show_button)
    assert any(l.text() == "Rosalind Ng" for l in page.hidden_values.findChildren(type(page.name)))
    entry = list(vault.db.query("SELECT * FROM audit WHERE seq > ?", [before]))
    assert [(e["action"], e["entity"]) for e in entry] == [("view_hidden", "client")]


def test_an_open_form_stacks_nothing_on_top_and_esc_returns(qtbot, main, vault):
    key(qtbot, main, "Ctrl+I")
    page = main.current_page()
    assert isinstance(page, forms.form_class("incident"))
    key(qtbot, main, "Ctrl+N")  # a form is open: nothing else stacks on top
    assert main.current_page() is page
    assert "Finish this form first" in main.statusBar().currentMessage()
    qtbot.keyClick(page, Qt.Key.Key_Escape)
    assert main.current_page() is main.search


def test_referral_needs_an_open_client(qtbot, main):
    key(qtbot, main, "Ctrl+Shift+R")
    assert main.current_page() is main.search
    assert "Open a client first" in main.statusBar().currentMessage()


def test_shift_start_and_end_and_start_time(qtbot, main, vault):
    bar = main.shift_bar
    qtbot.keyClicks(bar.sites, "Van stop A; Drop-in")
    qtbot.keyClick(bar.sites, Qt.Key.Key_Return)
    running = shifts.current(vault)
    assert running.sites == ("Van stop A", "Drop-in")
    assert "Shift running" in bar.status.text() and not bar.sites.isVisible()
    asked = press_in_next_dialog(qtbot, Qt.Key.Key_Escape)  # ending asks; Esc keeps it
    key(qtbot, main, "Ctrl+Shift+S")
    assert asked and "End the shift running since" in asked[0]
    assert shifts.current(vault) == running and "Shift running" in bar.status.text()
    main.activateWindow()  # as the desktop does when the question closes
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    asked = press_in_next_dialog(qtbot, Qt.Key.Key_Return)  # Enter ends it
    key(qtbot, main, "Ctrl+Shift+S")
    assert asked and shifts.current(vault) is None and shifts.get(vault, running.id).ended_at is not None
    assert bar.sites.isVisible()


def test_night_theme_toggles_and_is_remembered_for_the_staff_member(qtbot, main, vault):
    assert not theme.is_night()
    day = QApplication.palette().window().color().lightness()
    key(qtbot, main, "Ctrl+Shift+N")
    assert theme.is_night()
    assert QApplication.palette().window().color().lightness() < day - 100
    assert staff.prefs(vault)[NIGHT_PREF] is True
    key(qtbot, main, "Ctrl+Shift+N")
    assert not theme.is_night() and staff.prefs(vault)[NIGHT_PREF] is False


def test_every_action_has_a_distinct_shortcut_and_controls_are_named(main):
    keys = [a.shortcut().toString() for a in main.actions_by_name.values()]
    assert all(keys) and len(set(keys)) == len(keys)
    def unnamed():
        kinds = (QLineEdit, QComboBox, QPlainTextEdit, QListView, QAbstractButton)
        return [w for w in main.findChildren(QWidget) if isinstance(w, kinds) and w.isVisible()
                and not w.accessibleName() and not getattr(w, "text", lambda: "")()]
    assert unnamed() == []
    main.new_client("")
    main.current_page().more_button.setChecked(True)
    assert unnamed() == []


def test_window_titles_never_name_a_client(qtbot, main, vault):
    rosa = clients.register(vault, "Rosa Uniquename")
    main.open_client(rosa.id)
    assert all("Uniquename" not in w.windowTitle() for w in QApplication.topLevelWidgets())


def test_incident_reports_open_from_the_shell_and_a_report_opens_on_top(qtbot, main, vault):
    from datetime import datetime, timezone
    from records import incidents
    from ui.incident_form import IncidentForm
    from ui.incident_list import IncidentList
    report = incidents.report(vault, occurred_at=datetime(2026, 11, 1, 3, tzinfo=timezone.utc),
                              consent_sheet=True, consent_police=False, plate_partial="ABX 12")
    key(qtbot, main, "Ctrl+Shift+I")
    listing = main.current_page()
    assert isinstance(listing, IncidentList)
    listing.open_requested.emit(report.id)
    form = main.current_page()
    assert isinstance(form, IncidentForm)
    form.cancelled.emit()
    assert main.current_page() is listing
    key(qtbot, main, "Ctrl+F")
    assert main.current_page() is main.search


def test_police_liaison_account_starts_on_shared_incidents(qtbot, vault_dir, vault):
    from conftest import FAST_KDF, PASSPHRASE
    from records.vault import Vault
    from ui.incident_list import IncidentList
    clients.register(vault, "Rosa Private")
    staff.add(vault, "Pat Liaison", "police_liaison", PASSPHRASE, kdf=FAST_KDF)
    vault.lock()  # one owner at a time
    liaison = Vault.open(vault_dir, "Pat Liaison", PASSPHRASE)
    try:
        window = MainWindow(liaison)
        qtbot.addWidget(window)
        window.show()
        assert isinstance(window.current_page(), IncidentList) and window.search is None
        for name in ("new_client", "visit", "quick_contact", "referral", "incident", "history"):
            assert not window.actions_by_name[name].isEnabled()
        assert "Rosa Private" not in "".join(w.text() for w in window.findChildren(QLineEdit))
    finally:
        liaison.lock()


def test_export_opens_from_the_shortcut(qtbot, main):
    from ui.export_dialog import ExportDialog
    key(qtbot, main, "Ctrl+Shift+E")
    assert isinstance(main.export_dialog, ExportDialog) and main.export_dialog.isVisible()
    main.teardown()


def test_printing_from_the_client_page_previews_the_right_document(qtbot, main, vault):
    from records import visits
    from ui.print_preview import PrintPreview
    rose = clients.register(vault, "Rose")
    main.open_client(rose.id)
    qtbot.keyClick(main, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert "Nothing to print yet" in main.statusBar().currentMessage()
    visit = visits.record(vault, client_id=rose.id, note="n")
    entry = directory.add(vault, "Health Centre", "primary_care")
    referral = referrals.make(vault, rose.id, entry.id)
    main.open_client(rose.id)
    main.client_page().buttons["print"].click()
    dialog = main.print_dialog
    assert isinstance(dialog, PrintPreview) and dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=20_000)  # made on the runner
    assert (dialog.job.kind, dialog.job.entity_id) == ("referral", referral.id)
    dialog.reject()
    main.activateWindow()  # the preview was the active window while it was made
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    page = main.client_page()
    qtbot.waitUntil(lambda: not page.loading)
    page.visits.setCurrentRow(0)
    page.visits.currentItem().setSelected(True)
    assert page.selected() == ("visit", visit.id)
    qtbot.keyClick(main, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    assert (main.print_dialog.job.kind, main.print_dialog.job.entity_id) == ("visit", visit.id)
    qtbot.waitUntil(lambda: not main.print_dialog.busy, timeout=20_000)
    main.print_dialog.reject()


def test_print_action_steps_back_while_a_form_is_open(qtbot, main, vault):
    rose = clients.register(vault, "Rose")
    main.open_client(rose.id)
    assert main.actions_by_name["print"].isEnabled()
    main.open_form("referral", client_id=rose.id)
    assert not main.actions_by_name["print"].isEnabled()
    qtbot.keyClick(main.current_page(), Qt.Key.Key_Escape)
    assert main.actions_by_name["print"].isEnabled()
