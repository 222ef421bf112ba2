"""Merging duplicates and deleting a client at their request."""
from formkit import save_keys, shoot, show, type_into, unnamed_controls
from PySide6.QtCore import Qt

import records.clients
from records import clients, directory, referrals, search, visits
from records.errors import DiskFull
from ui.delete_client import DeleteClientForm
from ui.merge_dialog import MergeForm


def test_merge_picks_the_other_compares_and_confirms(qtbot, vault, tmp_path):
    keep = clients.register(vault, "Rosie Red", uic_first="Rose", uic_last="Red", gender="F",
                            birth_year=1990)
    other = clients.register(vault, "Rosa", aliases=["Red"])
    visits.record(vault, client_id=keep.id)
    visits.record(vault, client_id=other.id)
    visits.record(vault, client_id=other.id)
    form = show(qtbot, MergeForm(vault, client_id=keep.id))
    assert not form.save_button.isEnabled()
    assert form.keep_card.values["Visits"].text() == "1"
    save_keys(qtbot, form)  # nothing picked yet: a message, no merge
    assert "Duplicate to merge" in form.banner.text()

    type_into(qtbot, form.picker.query, "ros")
    assert form.picker.results.count() == 1  # the kept client is not offered
    assert form.other_card.values["Name"].text() == "Rosa"
    assert form.other_card.values["Visits"].text() == "2"
    assert "Rosa" in form.explain.text() and form.save_button.isEnabled()
    assert unnamed_controls(form) == []
    shoot(form, "merge_form", tmp_path)
    with qtbot.waitSignal(form.saved) as signal:
        save_keys(qtbot, form)
    merged = signal.args[0]
    assert merged.id == keep.id and "Rosa" in merged.aliases
    assert len(visits.for_client(vault, keep.id)) == 3
    assert [h.id for h in search.search(vault, "rosa")] == [keep.id]


def test_delete_requires_typed_confirmation_and_says_what_stays(qtbot, vault, tmp_path):
    client = clients.register(vault, "Jay Blue", phone="555-0100", problems="asthma")
    visits.record(vault, client_id=client.id, supplies={"condoms": 12}, note="private")
    clinic = directory.add(vault, "Hope Street Shelter", "shelter")
    referrals.make(vault, client.id, clinic.id, reason="Bed")
    form = show(qtbot, DeleteClientForm(vault, client_id=client.id))
    text = " ".join(label.text() for label in form.findChildren(type(form.title_label)))
    assert "1 visit:" in text and "1 referral:" in text and "the 1 visit, and" in text
    assert not form.save_button.isEnabled()
    type_into(qtbot, form.confirm, "delete")
    save_keys(qtbot, form)
    assert "Confirmation" in form.banner.text() and not clients.get(vault, client.id).deleted
    assert form.confirm.text() == "delete"
    form.confirm.clear()
    type_into(qtbot, form.confirm, "DELETE")
    assert form.save_button.isEnabled()
    assert unnamed_controls(form) == []
    shoot(form, "delete_client", tmp_path)
    with qtbot.waitSignal(form.saved) as signal:
        save_keys(qtbot, form)
    gone = signal.args[0]
    assert gone.deleted and gone.name == "" and gone.phone == ""
    [visit] = visits.for_client(vault, client.id)
    assert visit.supplies == {"condoms": 12} and visit.note == ""
    assert search.search(vault, "jay") == []


def test_delete_on_a_full_disk_keeps_the_confirmation(qtbot, vault, monkeypatch):
    client = clients.register(vault, "Jay")
    form = show(qtbot, DeleteClientForm(vault, client_id=client.id))
    type_into(qtbot, form.confirm, "DELETE")

    def full(*args, **kwargs):
        raise DiskFull()
    monkeypatch.setattr(records.clients, "delete_at_request", full)
    qtbot.mouseClick(form.save_button, Qt.LeftButton)
    assert "refused the write" in form.banner.text() and form.confirm.text() == "DELETE"
    assert not clients.get(vault, client.id).deleted
