"""Every form opens with the cursor in its first useful field; Tab follows reading order with
what is rarely changed (when, where, Cancel) after the fields; the client page opens in its
visits, and arrows, PageUp/PageDown and Enter work in its lists."""
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from nurse import Nurse
from shellkit import ready_app  # noqa: F401 (a fixture)
from records import clients, clock, directory, incidents, referrals, visits
from ui.client_page import ClientPage
from ui.incident_form import IncidentForm
from ui.referral_form import ReferralForm
from ui.visit_form import VisitForm

# keys -> (the field the cursor must be in, by accessible name)
FIRST_FIELDS = {
    "Ctrl+R": "Find a service",
    "Ctrl+Shift+R": "Filter the service directory",
    "Ctrl+I": "Area",
    "Ctrl+K": "Needles and syringes",
}


def test_each_form_opens_in_its_first_useful_field(qtbot, ready_app):
    """Before: after Ctrl+Shift+R, Ctrl+Shift+D or Ctrl+I typed text was lost; the first
    useful field was 12 Tabs away in a visit, 5 in a referral, 9 in an incident."""
    app = ready_app
    krystal = clients.register(app.vault, "Krystal F.")
    app.main.open_client(krystal.id)
    page = app.main.current_page()
    nurse = Nurse(qtbot)
    for keys, field in FIRST_FIELDS.items():
        nurse.press(keys)
        form = app.main.current_page()
        assert form is not page and nurse.focus().accessibleName() == field, keys
        nurse.press("Esc")  # nothing typed: closes without asking
        assert app.main.current_page() is page
    nurse.press("Ctrl+Shift+D")  # a new service, unless one is chosen in the list
    assert nurse.focus().accessibleName() == "Name"
    nurse.press("Esc")
    nurse.press("Ctrl+F")
    nurse.type("Kim")
    nurse.press("Ctrl+N")
    assert nurse.focus().accessibleName() == "Name" and nurse.focus().text() == "Kim"


def tab_order(qtbot, form, stop: str) -> list[str]:
    names, widget = [], QApplication.focusWidget()
    while widget.accessibleName() != stop:
        names.append(widget.accessibleName())
        qtbot.keyClick(widget, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        assert form.isAncestorOf(widget)
    return names + [stop]


def test_tab_follows_reading_order_with_when_and_cancel_after_the_fields(qtbot, ready_app):
    app = ready_app
    krystal = clients.register(app.vault, "Krystal F.")
    app.main.open_client(krystal.id)
    app.main.open_form("visit", client_id=krystal.id)
    visit = app.main.current_page()
    order = tab_order(qtbot, visit, "Save")
    assert order[:3] == ["Find a service", "Wound care", "STI test"]
    assert order[-9:] == ["Collected for someone else", "Reason", "Note", "Follow-up",
                          "When", "Site", "Cancel", "Save and refer…", "Save"]
    assert order.index("Needles and syringes") > order.index("Basic needs (food, clothing, "
                                                             "hygiene)")
    assert len(order) == 28  # the date and time is one stop, not five
    visit.cancelled.emit()
    app.main.open_form("incident", client_id=krystal.id)
    order = tab_order(qtbot, app.main.current_page(), "Save")
    assert order[:7] == ["Area", "Person", "Vehicle", "Partial plate", "Phone",
                         "What happened", "When it happened"]
    assert order[-2:] == ["Cancel", "Save"]


def test_the_client_page_opens_in_its_visits_and_its_lists_take_keys(qtbot, ready_app):
    """Before: no focus on the client page; arrows and PageDown did nothing; the visits
    list was 11 Tabs away."""
    app = ready_app
    krystal = clients.register(app.vault, "Krystal F.")
    now = clock.now_utc()
    for day in range(30):
        visits.record(app.vault, client_id=krystal.id, occurred_at=now - timedelta(days=day),
                      reason=f"visit {day}")
    service = directory.add(app.vault, "Downtown Health Centre", "primary_care")
    made = referrals.make(app.vault, krystal.id, service.id, reason="checkup")
    report = incidents.report(app.vault, occurred_at=now, consent_sheet=False,
                              consent_police=False, client_id=krystal.id, area="Depot")
    nurse = Nurse(qtbot)
    nurse.type("krystal")
    nurse.press("Return")
    page = app.main.current_page()
    assert isinstance(page, ClientPage) and nurse.focus() is page.visits
    qtbot.waitUntil(lambda: not page.loading)  # the visits are read on the runner
    assert page.selected() is None  # nothing chosen yet: Ctrl+P prints the latest referral
    nurse.press("Down")
    assert page.visits.currentRow() == 1 and page.selected()[0] == "visit"
    nurse.press("PgDown")
    assert page.visits.currentRow() > 2
    nurse.press("PgUp", "Up")
    row = page.visits.currentRow()
    nurse.press("Return")
    form = app.main.current_page()
    assert isinstance(form, VisitForm) and form.visit.reason == f"visit {row}"
    nurse.press("Esc")
    for widget, cls, record in ((page.referrals, ReferralForm, made),
                                (page.incidents, IncidentForm, report)):
        widget.setFocus()
        widget.setCurrentRow(0)
        nurse.press("Return")
        form = app.main.current_page()
        assert isinstance(form, cls)
        assert (form.referral if cls is ReferralForm else form.incident).id == record.id
        nurse.press("Esc")
