"""No silent loss at lock: Ctrl+L never asks; a form being filled in is kept as an encrypted
draft and offered back right after unlock (Restore, the default; Discard; Later, Esc)."""
from PySide6.QtWidgets import QApplication

from nurse import Nurse
from shellkit import all_visible_text, flush_deletes, ready_app, unlock  # noqa: F401
from records import clients, directory, drafts, referrals, visits
from ui.client_page import ClientPage
from ui.client_register import ClientRegister
from ui.referral_form import ReferralForm
from ui.visit_form import VisitForm

NAME = "Krystal F."
MARK = "QD4"


def lock_and_unlock(qtbot, app, nurse: Nurse):
    nurse.press("Ctrl+L")  # never asks
    flush_deletes()
    assert app.vault is None and app.unlock_window.isVisible()
    assert MARK not in all_visible_text()  # kept in the vault only, encrypted
    unlock(qtbot, app)
    qtbot.waitUntil(lambda: app.main is not None, timeout=10000)


def offered(qtbot, app):
    """The question right after unlock, with the cursor on its default button."""
    qtbot.waitUntil(lambda: app.main.host.offer is not None)
    box = app.main.host.offer
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box.defaultButton())
    assert box.defaultButton().text() == "&Restore"
    assert NAME not in box.text() and MARK not in box.text()  # names no one
    return box


def start_a_visit(nurse: Nurse) -> None:
    nurse.type("krystal")
    nurse.press("Return")
    nurse.press("Ctrl+R")
    nurse.type("hiv")
    nurse.press("Return")
    nurse.press("Alt+O")
    nurse.type("12")
    nurse.press("Alt+A")  # Reason
    nurse.type(f"abscess {MARK}")


def a_visit_kept(qtbot, app):
    """A visit typed for Krystal, then Ctrl+L, unlock: the draft is offered."""
    krystal = clients.register(app.vault, NAME)
    nurse = Nurse(qtbot)
    start_a_visit(nurse)
    lock_and_unlock(qtbot, app, nurse)
    offered(qtbot, app)
    return krystal, nurse


def test_a_visit_typed_then_locked_comes_back_filled_after_unlock(qtbot, ready_app):
    app = ready_app
    krystal, nurse = a_visit_kept(qtbot, app)
    nurse.press("Return")  # Restore
    form = app.main.current_page()
    assert isinstance(form, VisitForm) and form.client_id == krystal.id
    assert form.title_label.text() == f"New visit — {NAME}"
    assert form.reason.text() == f"abscess {MARK}"
    assert form.service_checks["hiv_test"].isChecked()
    assert form.supply_spins["condoms"].value() == 12
    assert drafts.waiting(app.vault) == []  # the form holds it now
    qtbot.waitUntil(lambda: nurse.focus() is form.find_service)
    nurse.press("Esc")  # what came back counts as changes: asked, Esc keeps editing
    qtbot.waitUntil(lambda: form.question is not None)
    nurse.press("Esc")
    qtbot.waitUntil(lambda: form.question is None)
    nurse.press("Ctrl+S")
    assert isinstance(app.main.current_page(), ClientPage)
    [visit] = visits.for_client(app.vault, krystal.id)
    assert visit.reason == f"abscess {MARK}" and visit.supplies == {"condoms": 12}


def test_discard_deletes_the_draft_and_later_keeps_it(qtbot, ready_app):
    app = ready_app
    krystal, nurse = a_visit_kept(qtbot, app)
    nurse.press("Esc")  # Later: nothing opens, the draft waits
    qtbot.waitUntil(lambda: app.main.host.offer is None)
    assert app.main.current_page() is app.main.search
    assert len(drafts.waiting(app.vault)) == 1
    lock_and_unlock(qtbot, app, nurse)
    offered(qtbot, app)
    nurse.press("D")  # Discard
    qtbot.waitUntil(lambda: app.main.host.offer is None)
    assert drafts.waiting(app.vault) == []
    assert app.main.current_page() is app.main.search
    assert visits.for_client(app.vault, krystal.id) == []
    lock_and_unlock(qtbot, app, nurse)
    assert app.main.host.offer is None  # nothing left to offer


def test_a_referral_over_its_unsaved_visit_comes_back_over_it(qtbot, ready_app):
    app = ready_app
    krystal = clients.register(app.vault, NAME)
    detox = directory.add(app.vault, "Withdrawal Management Centre", "addictions")
    nurse = Nurse(qtbot)
    start_a_visit(nurse)
    nurse.press("Ctrl+Shift+R")  # save and refer
    nurse.type("withdr")
    lock_and_unlock(qtbot, app, nurse)
    offered(qtbot, app)
    nurse.press("Return")
    referral = app.main.current_page()
    assert isinstance(referral, ReferralForm) and referral.pending_visit is not None
    assert referral.destination_id() == detox.id
    nurse.press("Ctrl+S")  # saves both, linked
    assert isinstance(app.main.current_page(), ClientPage)
    [visit] = visits.for_client(app.vault, krystal.id)
    [made] = referrals.for_client(app.vault, krystal.id)
    assert visit.reason == f"abscess {MARK}" and made.visit_id == visit.id


def test_locking_while_asked_about_changes_still_keeps_them(qtbot, ready_app):
    app = ready_app
    clients.register(app.vault, NAME)
    nurse = Nurse(qtbot)
    start_a_visit(nurse)
    form = app.main.current_page()
    nurse.press("Esc")
    qtbot.waitUntil(lambda: form.question is not None)
    lock_and_unlock(qtbot, app, nurse)
    [draft] = drafts.waiting(app.vault)
    assert draft.pages[0]["fields"]["reason"] == f"abscess {MARK}"


def test_a_new_clients_details_come_back(qtbot, ready_app):
    app = ready_app
    nurse = Nurse(qtbot)
    nurse.type(f"Kim {MARK}")
    nurse.press("Ctrl+N", "Tab")
    nurse.type("they/them")
    lock_and_unlock(qtbot, app, nurse)
    offered(qtbot, app)
    nurse.press("Return")
    form = app.main.current_page()
    assert isinstance(form, ClientRegister)
    assert (form.name.text(), form.pronouns.text()) == (f"Kim {MARK}", "they/them")
    nurse.press("Return")  # saves
    assert isinstance(app.main.current_page(), ClientPage)
    assert app.main.current_page().name.text() == f"Kim {MARK}"
