"""The client page of a client seen for years: everything below the name is read on the
runner and filled in once read; a save shows on the page without reopening it."""
from datetime import timedelta

import pytest
from PySide6.QtWidgets import QApplication

from nurse import Nurse
from records import clients, clock, directory, incidents, referrals, visits
from ui.client_page import ClientPage
from ui.main_window import MainWindow

VISITS = 300


@pytest.fixture
def main(qtbot, vault):
    window = MainWindow(vault)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)  # shortcuts need it
    return window


@pytest.fixture
def regular(vault):
    """A client with 300 visits over ten years (older ones first in the vault), a referral
    still open and an incident."""
    client = clients.register(vault, "Marie-Ève Tremblay")
    now = clock.now_utc()
    with vault.together():
        for day in range(VISITS, 0, -1):
            visits.record(vault, client_id=client.id, reason=f"visit {day}",
                          occurred_at=now - timedelta(days=12 * day))
    place = directory.add(vault, "Downtown Health Centre", "primary_care")
    referrals.make(vault, client.id, place.id, reason="checkup")
    incidents.report(vault, occurred_at=now, consent_sheet=False, consent_police=False,
                     client_id=client.id, area="Depot")
    return client


def shown(page) -> list[tuple[str, int | None]]:
    """The visit lines, with the id of the visit each one opens (Enter) or prints (Ctrl+P)."""
    return [(page.visits.item(row).text(), page.entry_id("visit", page.visits.item(row)))
            for row in range(page.visits.count())]


def test_every_visit_is_shown_newest_first_with_what_follows_up(qtbot, main, vault, regular):
    main.open_client(regular.id)
    page = main.client_page()
    assert page.name.text() == "Marie-Ève Tremblay"  # at once, before the rest is read
    qtbot.waitUntil(lambda: not page.loading)
    ids = [v.id for v in visits.for_client(vault, regular.id)]
    lines = shown(page)
    assert [visit_id for _text, visit_id in lines] == ids and len(ids) == VISITS
    assert [text.split(" · ")[1] for text, _id in lines] == [
        f"visit {day}" for day in range(1, VISITS + 1)]
    assert "Downtown Health Centre · Referral made" in page.referrals.item(0).text()
    assert "Depot" in page.incidents.item(0).text()
    texts = [label.text() for label in page.follow_up.findChildren(type(page.name))]
    assert any(text.startswith("Ask about the referral to Downtown Health Centre") for text in texts)


def test_a_saved_visit_appears_on_top_without_reopening_the_page(qtbot, main, vault, regular):
    main.open_client(regular.id)
    page = main.client_page()
    qtbot.waitUntil(lambda: not page.loading)
    nurse = Nurse(qtbot)
    nurse.press("Ctrl+R")
    nurse.press("Alt+A")  # Reason
    nurse.type("wound check")
    nurse.press("Ctrl+S")
    assert main.client_page() is page
    [saved] = visits.for_client(vault, regular.id, limit=1)
    assert saved.reason == "wound check"
    qtbot.waitUntil(lambda: page.visits.count() == VISITS + 1)
    text, visit_id = shown(page)[0]
    assert visit_id == saved.id and "wound check" in text
    assert [visit_id for _text, visit_id in shown(page)] == [
        v.id for v in visits.for_client(vault, regular.id)]


def test_nothing_is_chosen_or_opened_from_a_page_still_reading(qtbot, main, vault, regular):
    main.open_client(regular.id)
    page = main.client_page()
    assert page.loading and shown(page) == [("Loading…", None)]
    page.visits.setCurrentRow(0)
    assert page.selected() is None
    opened = []
    page.action.connect(lambda form, context: opened.append(form))
    page.visits.itemActivated.emit(page.visits.item(0))
    assert opened == []
    qtbot.waitUntil(lambda: not page.loading)
    assert page.visits.count() == VISITS and isinstance(main.current_page(), ClientPage)
