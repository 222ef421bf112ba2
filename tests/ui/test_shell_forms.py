"""The data-entry forms opened from the shell by shortcut, saved, and gone after a lock."""
from PySide6.QtCore import Qt

from shellkit import all_visible_text, flush_deletes, key, ready_app  # noqa: F401 (fixture)
from records import clients, directory, referrals, visits
from ui.client_page import ClientPage
from ui.quick_contact import QuickContactForm
from ui.referral_form import ReferralForm
from ui.visit_form import VisitForm

MARK = "QZ9"


def test_visit_quick_contact_referral_from_the_shell(qtbot, ready_app):
    app = ready_app
    main = app.main
    rosa = clients.register(app.vault, f"Rosa {MARK}")
    dest = directory.add(app.vault, "Detox Centre", "addictions")
    qtbot.keyClicks(main.search.box, "rosa")
    qtbot.keyClick(main.search.box, Qt.Key.Key_Return)
    page = main.current_page()
    assert isinstance(page, ClientPage)

    key(qtbot, main, "Ctrl+R")
    form = main.current_page()
    assert isinstance(form, VisitForm) and form.client_id == rosa.id
    qtbot.keyClicks(form.reason, f"Wound check {MARK}")
    key(qtbot, form.reason, "Ctrl+S")
    assert main.current_page() is page
    assert [v.reason for v in visits.for_client(app.vault, rosa.id)] == [f"Wound check {MARK}"]
    qtbot.waitUntil(lambda: f"Wound check {MARK}" in page.visits.item(0).text())

    key(qtbot, main, "Ctrl+K")
    quick = main.current_page()
    assert isinstance(quick, QuickContactForm) and quick.client_id == rosa.id
    first = next(iter(quick.supply_spins.values()))
    first.setFocus()
    qtbot.keyClicks(first, "5")
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert main.current_page() is page
    assert sum(v.quick for v in visits.for_client(app.vault, rosa.id)) == 1

    key(qtbot, main, "Ctrl+Shift+R")
    referral = main.current_page()
    assert isinstance(referral, ReferralForm)
    key(qtbot, referral, "Esc")
    assert main.current_page() is page
    assert referrals.for_client(app.vault, rosa.id) == []

    # Someone walks up mid-visit: Ctrl+L from the note field locks, unsaved text included.
    key(qtbot, main, "Ctrl+R")
    unsaved = main.current_page()
    unsaved.note.setFocus()
    qtbot.keyClicks(unsaved.note, f"unsaved note {MARK}")
    key(qtbot, unsaved.note, "Ctrl+L")
    flush_deletes()
    assert app.vault is None and app.unlock_window.isVisible()
    assert MARK not in all_visible_text()
    assert dest.name  # the directory is not client data; it may stay in memory



def test_anonymous_quick_contact_from_the_search_page(qtbot, ready_app):
    app = ready_app
    main = app.main
    key(qtbot, main.search.box, "Ctrl+K")
    quick = main.current_page()
    assert isinstance(quick, QuickContactForm) and quick.client_id is None
    first = next(iter(quick.supply_spins.values()))
    first.setFocus()
    qtbot.keyClicks(first, "3")
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert main.current_page() is main.search
    assert main.search.box.hasFocus()
    from datetime import timedelta
    from records import clock
    now = clock.now_utc()
    contacts = visits.between(app.vault, now - timedelta(hours=1), now + timedelta(hours=1))
    assert [(v.client_id, v.quick, sum(v.supplies.values())) for v in contacts] == [(None, True, 3)]



def test_save_and_refer_saves_the_visit_and_referral_together(qtbot, ready_app):
    app = ready_app
    main = app.main
    rosa = clients.register(app.vault, "Rosa")
    directory.add(app.vault, "Detox Centre", "addictions")
    main.open_client(rosa.id)
    page = main.current_page()

    key(qtbot, main, "Ctrl+R")
    visit_form = main.current_page()
    qtbot.keyClicks(visit_form.reason, "abscess")
    visit_form.supply_spins["needles"].setValue(99_999_999)  # refused: shown on the visit
    key(qtbot, visit_form.reason, "Ctrl+Shift+R")
    assert main.current_page() is visit_form
    assert "Not saved" in visit_form.banner.text()
    visit_form.supply_spins["needles"].setValue(10)

    key(qtbot, visit_form.reason, "Ctrl+Shift+R")
    referral = main.current_page()
    assert isinstance(referral, ReferralForm) and referral.client_id == rosa.id
    assert "not saved yet" in all_visible_text()
    key(qtbot, referral, "Esc")  # back to the visit, as it was left; nothing saved
    assert main.current_page() is visit_form and visit_form.reason.text() == "abscess"
    assert visits.for_client(app.vault, rosa.id) == []

    key(qtbot, visit_form.reason, "Ctrl+Shift+R")
    referral = main.current_page()
    qtbot.keyClicks(referral.dest_filter, "detox")
    key(qtbot, referral.dest_filter, "Ctrl+S")
    assert main.current_page() is page  # both forms closed
    [visit] = visits.for_client(app.vault, rosa.id)
    [made] = referrals.for_client(app.vault, rosa.id)
    assert visit.reason == "abscess" and visit.supplies == {"needles": 10}
    assert made.visit_id == visit.id
    qtbot.waitUntil(lambda: page.referrals.count() == 1 and page.visits.count() == 1)



def test_a_refused_referral_saves_neither(qtbot, ready_app):
    app = ready_app
    main = app.main
    rosa = clients.register(app.vault, "Rosa")
    police = directory.add(app.vault, "Police liaison", "police_liaison")
    main.open_client(rosa.id)
    key(qtbot, main, "Ctrl+R")
    key(qtbot, main.current_page().reason, "Ctrl+Shift+R")
    referral = main.current_page()
    qtbot.keyClicks(referral.dest_filter, police.name)
    key(qtbot, referral.dest_filter, "Ctrl+S")  # no consent ticked: refused
    assert main.current_page() is referral and "consent" in referral.banner.text()
    assert visits.for_client(app.vault, rosa.id) == []
    assert referrals.for_client(app.vault, rosa.id) == []
