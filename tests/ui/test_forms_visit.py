"""The visit form driven from the keyboard: defaults, entry, validation, a refused write, correction."""
from datetime import timedelta

from formkit import escape, save_keys, shoot, show, tick, type_into, unnamed_controls
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

import records.visits
from records import clients, clock, revisions, shifts, visits
from records.errors import DiskFull
from records.models import ServiceItem
from ui.visit_form import VisitForm


def _client(vault):
    return clients.register(vault, "Rosie Red", uic_first="Rose", uic_last="Red",
                            gender="F", birth_year=1990)


def test_defaults_then_keyboard_entry_saves_a_visit(qtbot, vault, tmp_path):
    client = _client(vault)
    shifts.start(vault, ["Dundas & Richmond", "Drop-in"])
    form = show(qtbot, VisitForm(vault, client_id=client.id))
    assert form.site.currentText() == "Dundas & Richmond"
    assert form.staff_label.text() == "Nora Nurse"
    assert abs(form.when.moment() - clock.now_utc()) < timedelta(minutes=2)
    assert client.name not in form.windowTitle() and unnamed_controls(form) == []

    tick(qtbot, form.service_checks["hiv_test"])
    combo = form.result_combos["hiv_test"]
    assert combo.isEnabled() and combo.currentData() == "pending"
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key_Down)  # pending -> negative
    tick(qtbot, form.service_checks["wound_care"])
    type_into(qtbot, form.supply_spins["needles"], "20")
    qtbot.keyClick(form.supply_spins["needles"], Qt.Key_Tab)  # Tab moves on to pipes
    assert form.focusWidget() is form.supply_spins["pipes"]
    qtbot.keyClick(form.supply_spins["pipes"], Qt.Key_Tab)
    qtbot.keyClicks(form.focusWidget(), "12")  # condoms
    type_into(qtbot, form.needles_returned, "15")
    type_into(qtbot, form.reversals, "1")
    tick(qtbot, form.secondary)
    type_into(qtbot, form.reason, "Wound on hand")
    type_into(qtbot, form.note, "Cleaned and dressed.")
    type_into(qtbot, form.follow_up, "Check dressing Friday")
    shoot(form, "visit_form", tmp_path)

    with qtbot.waitSignal(form.saved) as signal:
        save_keys(qtbot, form)
    visit = signal.args[0]
    [stored] = visits.for_client(vault, client.id)
    assert stored == visit
    assert set(stored.services) == {ServiceItem("hiv_test", "negative"), ServiceItem("wound_care")}
    assert stored.supplies == {"needles": 20, "condoms": 12}
    assert (stored.needles_returned, stored.overdose_reversals, stored.secondary) == (15, 1, True)
    assert (stored.reason, stored.note, stored.follow_up) == (
        "Wound on hand", "Cleaned and dressed.", "Check dressing Friday")
    assert stored.site == "Dundas & Richmond" and stored.shift_id is not None
    assert stored.staff_id == vault.staff.id


def test_absurd_quantity_is_named_and_nothing_is_lost(qtbot, vault, tmp_path):
    client = _client(vault)
    form = show(qtbot, VisitForm(vault, client_id=client.id))
    type_into(qtbot, form.supply_spins["needles"], "20000")
    type_into(qtbot, form.note, "Asked for a box for the house")
    save_keys(qtbot, form)
    assert form.banner.isVisible()
    assert "Needles and syringes" in form.banner.text() and "10000" in form.banner.text()
    assert form.supply_spins["needles"].value() == 20000
    assert form.note.text() == "Asked for a box for the house"
    assert form.focusWidget() is form.supply_spins["needles"].lineEdit() or \
        form.focusWidget() is form.supply_spins["needles"]
    assert visits.for_client(vault, client.id) == []
    shoot(form, "visit_form_error", tmp_path)

    type_into(qtbot, form.supply_spins["needles"], "200")  # focus selects all: replaced
    with qtbot.waitSignal(form.saved):
        save_keys(qtbot, form)
    assert not form.banner.isVisible()
    assert visits.for_client(vault, client.id)[0].supplies == {"needles": 200}


def test_disk_full_keeps_every_typed_value(qtbot, vault, monkeypatch):
    client = _client(vault)
    form = show(qtbot, VisitForm(vault, client_id=client.id))
    tick(qtbot, form.service_checks["counselling"])
    type_into(qtbot, form.supply_spins["condoms"], "30")
    type_into(qtbot, form.reason, "Check-in")
    type_into(qtbot, form.note, "Long talk")

    def full(*args, **kwargs):
        raise DiskFull()
    monkeypatch.setattr(records.visits, "record", full)
    with qtbot.assertNotEmitted(form.saved):
        save_keys(qtbot, form)
    assert "refused the write" in form.banner.text()
    assert form.service_checks["counselling"].isChecked()
    assert form.supply_spins["condoms"].value() == 30
    assert form.reason.text() == "Check-in" and form.note.text() == "Long talk"


def test_correcting_keeps_the_earlier_version(qtbot, vault):
    client = _client(vault)
    original = visits.record(vault, client_id=client.id, site="Drop-in",
                             supplies={"needles": 10}, services=[("sti_test", "pending")],
                             note="first note")
    form = show(qtbot, VisitForm(vault, visit_id=original.id))
    assert form.title_label.text() == "Correct visit (version 1) — Rosie Red"
    assert form.windowTitle() == "Correct visit (version 1)"
    assert form.supply_spins["needles"].value() == 10
    assert form.result_combos["sti_test"].currentData() == "pending"
    assert form.site.currentText() == "Drop-in" and form.note.text() == "first note"
    type_into(qtbot, form.supply_spins["needles"], "12")
    with qtbot.waitSignal(form.saved) as signal:
        save_keys(qtbot, form)
    corrected = signal.args[0]
    assert corrected.version == 2 and corrected.supplies == {"needles": 12}
    assert corrected.note == "first note" and corrected.occurred_at == original.occurred_at
    [earlier] = revisions.revisions(vault, "visit", original.id)
    assert earlier.version == 1 and earlier.data["supplies"] == {"needles": 10}


def test_escape_without_changes_closes_at_once(qtbot, vault):
    form = show(qtbot, VisitForm(vault, client_id=_client(vault).id))
    with qtbot.waitSignal(form.cancelled):
        escape(qtbot, form)
    assert form.question is None


def test_escape_with_changes_asks_and_keeps_editing_by_default(qtbot, vault):
    client = _client(vault)
    form = show(qtbot, VisitForm(vault, client_id=client.id))
    type_into(qtbot, form.reason, "abscess")
    closed = []
    form.cancelled.connect(lambda: closed.append("cancelled"))
    form.saved.connect(lambda visit: closed.append("saved"))
    for answer in (Qt.Key_Escape, Qt.Key_Return):  # Esc, and Enter on the default button
        escape(qtbot, form)
        box = form.question
        qtbot.waitUntil(lambda: QApplication.focusWidget() is box.defaultButton())
        assert {b.text() for b in box.buttons()} == {"&Save", "&Discard", "&Keep editing"}
        assert box.defaultButton().text() == "&Keep editing" and client.name not in box.text()
        qtbot.keyClick(QApplication.focusWidget(), answer)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is form.reason)  # where it was
        assert closed == [] and form.question is None and form.reason.text() == "abscess"
    escape(qtbot, form)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.question.defaultButton())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_D)  # Discard
    qtbot.waitUntil(lambda: closed == ["cancelled"])
    assert visits.for_client(vault, client.id) == []


def test_save_from_the_question(qtbot, vault):
    client = _client(vault)
    form = show(qtbot, VisitForm(vault, client_id=client.id))
    type_into(qtbot, form.reason, "abscess")
    escape(qtbot, form)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.question.defaultButton())
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key_S)
    assert [v.reason for v in visits.for_client(vault, client.id)] == ["abscess"]
