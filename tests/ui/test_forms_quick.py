"""Quick contact: type quantities, Tab, Enter saves; without a client it is anonymous."""
from formkit import shoot, show, type_into, unnamed_controls
from PySide6.QtCore import Qt

import records.visits
from records import clients, visits
from records.errors import DiskFull
from ui.quick_contact import QuickContactForm


def test_anonymous_contact_typed_and_saved_with_enter(qtbot, vault, tmp_path):
    form = show(qtbot, QuickContactForm(vault))
    assert unnamed_controls(form) == []
    first = form.supply_spins["needles"]
    assert form.focusWidget() in (first, first.lineEdit())  # ready to type at once
    qtbot.keyClicks(form.focusWidget(), "10")
    qtbot.keyClick(form.focusWidget(), Qt.Key_Tab)
    qtbot.keyClicks(form.focusWidget(), "3")  # the next quantity: pipes
    shoot(form, "quick_contact", tmp_path)
    with qtbot.waitSignal(form.saved) as signal:
        qtbot.keyClick(form.focusWidget(), Qt.Key_Return)
    contact = signal.args[0]
    assert contact.client_id is None and contact.quick
    assert contact.supplies == {"needles": 10, "pipes": 3}
    assert visits.get(vault, contact.id) == contact


def test_contact_for_a_client_with_returns(qtbot, vault):
    client = clients.register(vault, "Jay")
    form = show(qtbot, QuickContactForm(vault, client_id=client.id))
    type_into(qtbot, form.supply_spins["condoms"], "24")
    type_into(qtbot, form.needles_returned, "40")
    with qtbot.waitSignal(form.saved):
        qtbot.keyClick(form.focusWidget(), Qt.Key_Enter)
    [contact] = visits.for_client(vault, client.id)
    assert contact.supplies == {"condoms": 24} and contact.needles_returned == 40


def test_refused_or_disk_full_keeps_the_numbers(qtbot, vault, monkeypatch):
    form = show(qtbot, QuickContactForm(vault))
    type_into(qtbot, form.supply_spins["naloxone_nasal"], "2")
    type_into(qtbot, form.supply_spins["pipes"], "50000")
    qtbot.keyClick(form.focusWidget(), Qt.Key_Return)
    assert "Pipes" in form.banner.text() and form.supply_spins["pipes"].value() == 50000

    type_into(qtbot, form.supply_spins["pipes"], "5")

    def full(*args, **kwargs):
        raise DiskFull()
    monkeypatch.setattr(records.visits, "record", full)
    with qtbot.assertNotEmitted(form.saved):
        qtbot.keyClick(form.focusWidget(), Qt.Key_Return)
    assert "refused the write" in form.banner.text()
    assert form.values()["supplies"] == {"naloxone_nasal": 2, "pipes": 5}
