"""Every form names the client it writes to, in its heading and in the accessible name Qt
exposes; so does the print preview. Window titles (task bars, window switchers, and the
unlock window while locked) never carry a client's name."""
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from nurse import Nurse
from shellkit import all_visible_text, flush_deletes, ready_app  # noqa: F401 (a fixture)
from records import clients, directory, referrals, visits

NAME = "Krystal F."
HEADINGS = {"Ctrl+R": "New visit", "Ctrl+Shift+R": "New referral",
            "Ctrl+I": "New incident report", "Ctrl+K": "Quick contact"}


def exposed_name(widget) -> str:
    return QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name)


def titles() -> list[str]:
    return [w.windowTitle() for w in QApplication.topLevelWidgets()]


def test_each_form_names_its_client_and_no_window_title_does(qtbot, ready_app):
    """Before: "New visit", "New referral", "Reported by the client on screen"."""
    app = ready_app
    krystal = clients.register(app.vault, NAME)
    service = directory.add(app.vault, "Downtown Health Centre", "primary_care")
    visit = visits.record(app.vault, client_id=krystal.id, reason="Wound check")
    referrals.make(app.vault, krystal.id, service.id)
    nurse = Nurse(qtbot)
    nurse.type("krystal")
    nurse.press("Return")
    for keys, heading in HEADINGS.items():
        nurse.press(keys)
        form = app.main.current_page()
        assert form.title_label.text() == f"{heading} — {NAME}"
        assert exposed_name(form) == f"{heading} — {NAME}"
        assert all(NAME not in title for title in titles()), keys
        if keys == "Ctrl+I":
            assert form.link_client.text() == f"Reported by {NAME}"
            assert "client on screen" not in all_visible_text()
        nurse.press("Esc")
    app.main.open_form("visit", client_id=krystal.id, visit_id=visit.id)
    assert app.main.current_page().title_label.text() == f"Correct visit (version 1) — {NAME}"
    app.main.current_page().cancelled.emit()
    app.main.open_form("history", entity="visit", entity_id=visit.id)
    assert exposed_name(app.main.current_page()).endswith(f"— {NAME}")
    app.main.current_page().cancelled.emit()

    nurse.press("Ctrl+P")  # the latest referral's letter
    preview = app.main.print_dialog
    qtbot.waitUntil(preview.isVisible)
    assert preview.what.text() == f"Referral letter, service copy — {NAME}"
    assert exposed_name(preview) == f"Referral letter, service copy — {NAME}"
    assert preview.windowTitle() == "Print preview"
    assert all(NAME not in title for title in titles())
    preview.reject()

    nurse.press("Ctrl+R")
    nurse.type("hiv")
    nurse.press("Ctrl+L")  # locked with a form open: still nobody's name in a title
    flush_deletes()
    assert app.unlock_window.isVisible()
    assert all(NAME not in title for title in titles())
    assert NAME not in all_visible_text()


def test_a_form_without_a_client_says_so(qtbot, ready_app):
    app = ready_app
    nurse = Nurse(qtbot)
    nurse.press("Ctrl+K")
    assert app.main.current_page().title_label.text() == "Quick contact, no name"
    nurse.press("Esc")
    nurse.press("Ctrl+I")
    assert app.main.current_page().title_label.text() == "New incident report"
