"""History view: every version readable; Correct opens the form, Void asks for a reason."""
from datetime import datetime, timezone

from formkit import escape, save_keys, shoot, show, type_into, unnamed_controls
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from records import clients, directory, revisions, incidents, referrals, visits
from ui.history_view import HistoryView
from ui.referral_form import ReferralForm
from ui.visit_form import VisitForm


def test_correct_then_void_a_visit_keeps_every_version(qtbot, vault, tmp_path):
    client = clients.register(vault, "Rosie")
    visit = visits.record(vault, client_id=client.id, supplies={"needles": 10}, note="first")
    view = show(qtbot, HistoryView(vault, entity="visit", entity_id=visit.id))
    assert view.versions.count() == 1 and "Needles and syringes: 10" in view.text.toPlainText()

    qtbot.mouseClick(view.correct_button, Qt.LeftButton)
    form = view.stack.currentWidget()
    assert isinstance(form, VisitForm) and form.visit.id == visit.id
    type_into(qtbot, form.supply_spins["needles"], "15")
    with qtbot.waitSignal(view.saved):
        save_keys(qtbot, form)
    assert view.stack.currentIndex() == 0
    assert view.versions.count() == 2
    assert "Needles and syringes: 15" in view.text.toPlainText()
    view.versions.setCurrentRow(1)  # the earlier version, still readable
    assert "Needles and syringes: 10" in view.text.toPlainText()
    assert view.versions.item(1).text().startswith("Version 1\n  replaced ")

    qtbot.mouseClick(view.void_button, Qt.LeftButton)
    assert view.void_reason.hasFocus()
    qtbot.keyClick(view.void_reason, Qt.Key_Return)  # no reason: refused, nothing voided
    assert "reason for voiding" in view.banner.text() and not visits.get(vault, visit.id).voided
    qtbot.keyClicks(view.void_reason, "Entered for the wrong client")
    with qtbot.waitSignal(view.saved) as signal:
        qtbot.keyClick(view.void_reason, Qt.Key_Return)
    assert signal.args[0].voided and visits.get(vault, visit.id).voided
    assert [r.version for r in revisions.revisions(vault, "visit", visit.id)] == [1, 2]
    assert view.versions.count() == 3 and "voided" in view.versions.item(0).text()
    assert not view.correct_button.isEnabled() and not view.void_button.isEnabled()
    assert unnamed_controls(view) == []
    shoot(view, "history_view", tmp_path)


def test_referral_correction_cancelled_with_escape_changes_nothing(qtbot, vault):
    client = clients.register(vault, "Mona")
    clinic = directory.add(vault, "Hope Street Shelter", "shelter")
    made = referrals.make(vault, client.id, clinic.id, reason="Bed tonight")
    view = show(qtbot, HistoryView(vault, entity="referral", entity_id=made.id))
    assert "Destination: Hope Street Shelter" in view.text.toPlainText()
    qtbot.mouseClick(view.correct_button, Qt.LeftButton)
    form = view.stack.currentWidget()
    assert isinstance(form, ReferralForm)
    type_into(qtbot, form.reason, " and a meal")
    escape(qtbot, form)  # typed changes: asked first; D discards them
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.question.defaultButton())
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_D)
    qtbot.waitUntil(lambda: view.stack.currentIndex() == 0)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is view.versions)  # back in the list
    assert referrals.get(vault, made.id).version == 1
    with qtbot.waitSignal(view.cancelled):
        escape(qtbot, view)


def test_incident_history_and_void(qtbot, vault):
    report = incidents.report(vault, occurred_at=datetime(2026, 11, 20, 3, tzinfo=timezone.utc),
                              consent_sheet=True, consent_police=False, plate_partial="AB 1")
    incidents.correct(vault, report.id, plate_partial="AB 12")
    view = show(qtbot, HistoryView(vault, entity="incident", entity_id=report.id))
    assert "Partial plate: AB 12" in view.text.toPlainText()
    view.versions.setCurrentRow(1)
    assert "Partial plate: AB 1\n" in view.text.toPlainText()
    qtbot.mouseClick(view.void_button, Qt.LeftButton)
    qtbot.keyClicks(view.void_reason, "Duplicate report")
    with qtbot.waitSignal(view.saved):
        qtbot.mouseClick(view.void_confirm, Qt.LeftButton)
    assert incidents.find(vault) == []


def test_history_of_nothing_chosen_says_what_to_choose(vault):
    """Ctrl+H on a client page with no entry chosen asks for the client's history, which the
    view does not keep: a clear message, not a KeyError ('client') shown to the nurse."""
    import pytest

    from records.errors import ClinicError
    client = clients.register(vault, "Rosie")
    with pytest.raises(ClinicError, match="choose a visit, referral or incident"):
        HistoryView(vault, entity="client", entity_id=client.id)
