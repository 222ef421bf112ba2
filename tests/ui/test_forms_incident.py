"""Incident reports: both consents chosen explicitly; the police liaison sees only shared ones."""
from datetime import datetime, timezone

import pytest
from conftest import FAST_KDF, PASSPHRASE
from formkit import save_keys, shoot, show, tick, type_into, unnamed_controls
from PySide6.QtCore import Qt

import records.incidents
from records import clients, incidents, staff
from records.errors import AccessDenied, DiskFull
from records.vault import Vault
from ui.incident_form import IncidentForm
from ui.incident_list import IncidentList


def _fill(qtbot, form):
    type_into(qtbot, form.area, "Riverside and 5th")
    type_into(qtbot, form.person, "Tall man, grey beard")
    type_into(qtbot, form.vehicle, "Blue pickup")
    type_into(qtbot, form.plate, "bxk 4")
    type_into(qtbot, form.phone, "555-0199")
    type_into(qtbot, form.what, "Refused to pay, threatened with a knife")


def test_consents_must_be_chosen_and_nothing_typed_is_lost(qtbot, vault, tmp_path):
    client = clients.register(vault, "Star")
    form = show(qtbot, IncidentForm(vault, client_id=client.id))
    assert unnamed_controls(form) == [] and client.name not in form.windowTitle()
    assert form.consent_sheet.value() is None and form.consent_police.value() is None
    _fill(qtbot, form)
    save_keys(qtbot, form)
    assert "Alert sheet consent" in form.banner.text() and incidents.find(vault) == []
    assert form.area.text() == "Riverside and 5th" and form.plate.text() == "bxk 4"
    assert form.what.text() == "Refused to pay, threatened with a knife"
    shoot(form, "incident_form_error", tmp_path)

    qtbot.mouseClick(form.consent_sheet.yes, Qt.LeftButton)
    save_keys(qtbot, form)
    assert "Police liaison consent" in form.banner.text() and incidents.find(vault) == []
    qtbot.mouseClick(form.consent_police.no, Qt.LeftButton)
    shoot(form, "incident_form", tmp_path)
    with qtbot.waitSignal(form.saved) as signal:
        save_keys(qtbot, form)
    saved = signal.args[0]
    assert incidents.find(vault) == [saved]
    assert (saved.consent_sheet, saved.consent_police) == (True, False)
    assert saved.plate_partial == "BXK 4" and saved.client_id == client.id
    assert saved.person_description == "Tall man, grey beard"


def test_reporter_link_is_optional_and_disk_full_keeps_values(qtbot, vault, monkeypatch):
    client = clients.register(vault, "Star")
    form = show(qtbot, IncidentForm(vault, client_id=client.id))
    _fill(qtbot, form)
    tick(qtbot, form.link_client)  # the worker prefers not to be linked
    qtbot.mouseClick(form.consent_sheet.no, Qt.LeftButton)
    qtbot.mouseClick(form.consent_police.yes, Qt.LeftButton)

    def full(*args, **kwargs):
        raise DiskFull()
    with monkeypatch.context() as patch:
        patch.setattr(records.incidents, "report", full)
        save_keys(qtbot, form)
    assert "refused the write" in form.banner.text()
    assert form.consent_police.value() is True and form.phone.text() == "555-0199"
    with qtbot.waitSignal(form.saved) as signal:
        save_keys(qtbot, form)
    assert signal.args[0].client_id is None


def test_reporting_client_found_by_typing(qtbot, vault):
    jay = clients.register(vault, "Jay Blue")
    form = show(qtbot, IncidentForm(vault))
    type_into(qtbot, form.picker.query, "jay")
    assert form.reporting_client() == jay.id
    qtbot.mouseClick(form.consent_sheet.yes, Qt.LeftButton)
    qtbot.mouseClick(form.consent_police.yes, Qt.LeftButton)
    with qtbot.waitSignal(form.saved) as signal:
        save_keys(qtbot, form)
    assert signal.args[0].client_id == jay.id


def _report(vault, plate, police):
    return incidents.report(vault, occurred_at=datetime(2026, 11, 20, 3, tzinfo=timezone.utc),
                            consent_sheet=True, consent_police=police, plate_partial=plate,
                            phone="519-555-0142", area="Dundas")


def test_police_liaison_sees_only_shared_reports_and_cannot_create(qtbot, vault, vault_dir,
                                                                  tmp_path):
    reporter = clients.register(vault, "Star")
    shared = incidents.report(vault, occurred_at=datetime(2026, 11, 20, 3, tzinfo=timezone.utc),
                              consent_sheet=False, consent_police=True, plate_partial="BXK 42",
                              phone="519-555-0142", client_id=reporter.id,
                              vehicle_description="Blue pickup")
    _report(vault, "ZZT 9", police=False)
    staff.add(vault, "Pat Liaison", "police_liaison", PASSPHRASE, kdf=FAST_KDF)
    vault.lock()  # one owner at a time
    liaison = Vault.open(vault_dir, "Pat Liaison", PASSPHRASE)
    try:
        with pytest.raises(AccessDenied):
            IncidentForm(liaison)
        view = show(qtbot, IncidentList(liaison))
        assert [i.id for i in view.shown] == [shared.id]
        assert "Star" not in view.detail.toPlainText()
        type_into(qtbot, view.search, "zzt")
        assert view.shown == []
        view.search.clear()
        type_into(qtbot, view.search, "bxk42")
        assert [i.id for i in view.shown] == [shared.id]
        shoot(view, "incident_list_liaison", tmp_path)
        with qtbot.assertNotEmitted(view.open_requested):
            qtbot.keyClick(view.table, Qt.Key_Return)
    finally:
        liaison.lock()


def test_nurse_searches_by_phone_or_plate_and_opens_a_report(qtbot, vault):
    first = _report(vault, "ABC 1", police=False)
    _report(vault, "XYZ 2", police=True)
    incidents.report(vault, occurred_at=datetime(2026, 11, 21, 3, tzinfo=timezone.utc),
                     consent_sheet=False, consent_police=False, phone="226-555-7777")
    view = show(qtbot, IncidentList(vault))
    assert len(view.shown) == 3
    type_into(qtbot, view.search, "519 555 0142")
    assert len(view.shown) == 2
    view.search.clear()
    type_into(qtbot, view.search, "ABC")
    assert [i.id for i in view.shown] == [first.id]
    assert "ABC 1" in view.detail.toPlainText()
    view.table.setFocus()
    with qtbot.waitSignal(view.open_requested) as signal:
        qtbot.keyClick(view.table, Qt.Key_Return)
    assert signal.args == [first.id]
