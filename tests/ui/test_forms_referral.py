"""Referral form: type to filter the directory, disclosure per topic, save and print."""
from formkit import escape, save_keys, shoot, show, tick, type_into, unnamed_controls
from PySide6.QtCore import Qt

import records.referrals
from records import clients, directory, revisions, referrals, visits
from records.errors import DiskFull
from records.models import TOPICS
from records.vocab import label
from ui.referral_form import ReferralForm


def _setup(vault):
    client = clients.register(vault, "Mona")
    clinic = directory.add(vault, "Downtown Sexual Health Clinic", "sexual_health",
                           paper_name="Downtown Health Centre", phone="555-0111",
                           hours="Mon-Fri 9-5")
    directory.add(vault, "Hope Street Shelter", "shelter")
    liaison = directory.add(vault, "Police liaison office", "police_liaison")
    return client, clinic, liaison


def test_type_to_filter_pick_and_save_with_chosen_topics(qtbot, vault, tmp_path):
    client, clinic, _ = _setup(vault)
    visit = visits.record(vault, client_id=client.id)
    form = show(qtbot, ReferralForm(vault, client_id=client.id, visit_id=visit.id))
    assert unnamed_controls(form) == [] and client.name not in form.windowTitle()
    assert not any(c.isChecked() for c in form.topic_checks.values())  # none by default
    for topic in TOPICS:  # each topic carries its one-line explanation
        assert form.topic_checks[topic].accessibleDescription() == label("topic_help", topic)

    type_into(qtbot, form.dest_filter, "e")  # several match; arrows move through them
    assert form.dest_list.count() == 3 and form.destination_id() is not None
    qtbot.keyClick(form.dest_filter, Qt.Key_Down)
    assert form.dest_list.currentRow() == 1
    qtbot.keyClick(form.dest_filter, Qt.Key_Backspace)
    type_into(qtbot, form.dest_filter, "sexual")
    assert form.dest_list.count() == 1 and form.destination_id() == clinic.id
    type_into(qtbot, form.reason, "Testing")
    type_into(qtbot, form.request, "Please see for STI screening")
    form.urgency.setFocus()
    qtbot.keyClick(form.urgency, Qt.Key_Down)  # routine -> soon
    form.name_on_paper.setFocus()
    qtbot.keyClick(form.name_on_paper, Qt.Key_End)  # UIC only
    type_into(qtbot, form.client_told, "Walk-in hours are 9 to 5")
    tick(qtbot, form.topic_checks["hiv_sti_hep"])
    type_into(qtbot, form.notes, "Prefers a female provider")
    tick(qtbot, form.include_notes)
    shoot(form, "referral_form", tmp_path)

    with qtbot.waitSignal(form.saved) as signal:
        save_keys(qtbot, form)
    saved = signal.args[0]
    assert referrals.for_client(vault, client.id) == [saved]
    assert saved.destination_id == clinic.id and saved.visit_id == visit.id
    assert (saved.reason, saved.request, saved.client_told) == (
        "Testing", "Please see for STI screening", "Walk-in hours are 9 to 5")
    assert saved.urgency == "soon" and saved.name_on_paper == "uic"
    assert saved.disclose == frozenset({"hiv_sti_hep"})
    assert saved.include_notes and saved.notes == "Prefers a female provider"


def test_save_and_print_saves_first_then_asks_to_print(qtbot, vault):
    client, clinic, _ = _setup(vault)
    form = show(qtbot, ReferralForm(vault, client_id=client.id))
    type_into(qtbot, form.dest_filter, "shelter")
    events = []
    form.saved.connect(lambda r: events.append(("saved", r)))
    form.print_requested.connect(lambda r: events.append(("print", r)))
    qtbot.mouseClick(form.print_button, Qt.LeftButton)
    assert [e[0] for e in events] == ["saved", "print"]
    printed = events[1][1]
    assert events[0][1] == printed and referrals.get(vault, printed.id) == printed
    assert printed.disclose == frozenset()


def test_without_destination_or_consent_nothing_is_lost(qtbot, vault, tmp_path):
    client, _, liaison = _setup(vault)
    form = show(qtbot, ReferralForm(vault, client_id=client.id))
    type_into(qtbot, form.reason, "Report a bad date")
    type_into(qtbot, form.request, "Call her back")
    with qtbot.assertNotEmitted(form.print_requested):
        qtbot.mouseClick(form.print_button, Qt.LeftButton)
    assert "Destination" in form.banner.text()
    assert form.reason.text() == "Report a bad date" and form.request.text() == "Call her back"

    type_into(qtbot, form.dest_filter, "police")
    save_keys(qtbot, form)  # police liaison without the client's consent to that topic
    assert "consent" in form.banner.text().lower()
    assert form.destination_id() == liaison.id and form.reason.text() == "Report a bad date"
    shoot(form, "referral_form_error", tmp_path)
    assert referrals.for_client(vault, client.id) == []

    tick(qtbot, form.topic_checks["violence_police"])
    with qtbot.waitSignal(form.saved):
        save_keys(qtbot, form)
    assert referrals.for_client(vault, client.id)[0].disclose == {"violence_police"}


def test_disk_full_keeps_everything(qtbot, vault, monkeypatch):
    client, clinic, _ = _setup(vault)
    form = show(qtbot, ReferralForm(vault, client_id=client.id))
    type_into(qtbot, form.dest_filter, "Downtown")
    type_into(qtbot, form.reason, "Testing")
    tick(qtbot, form.topic_checks["clinical_history"])

    def full(*args, **kwargs):
        raise DiskFull()
    monkeypatch.setattr(records.referrals, "make", full)
    with qtbot.assertNotEmitted(form.saved):
        save_keys(qtbot, form)
    assert "refused the write" in form.banner.text()
    assert form.values()["destination_id"] == clinic.id
    assert form.reason.text() == "Testing" and form.topic_checks["clinical_history"].isChecked()


def test_correct_a_referral_keeps_history(qtbot, vault):
    client, clinic, _ = _setup(vault)
    made = referrals.make(vault, client.id, clinic.id, reason="Testing", disclose={"sex_work"})
    form = show(qtbot, ReferralForm(vault, referral_id=made.id))
    assert form.destination_id() == clinic.id and form.topic_checks["sex_work"].isChecked()
    tick(qtbot, form.topic_checks["sex_work"])  # the client changed her mind
    with qtbot.waitSignal(form.saved) as signal:
        save_keys(qtbot, form)
    assert signal.args[0].disclose == frozenset() and signal.args[0].version == 2
    assert revisions.revisions(vault, "referral", made.id)[0].data["disclose"] == ["sex_work"]
    with qtbot.waitSignal(form.cancelled):
        escape(qtbot, form)
