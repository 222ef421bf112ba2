"""The app driven as a nurse would: setup, shift, search, register, lock, unlock, find again.

Every field of the new client carries the marker QX7; after each lock no widget, model or the
clipboard may still hold it."""
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from shellkit import (FakeClock, all_visible_text, click, finish_setup, flush_deletes, key,
                      make_app, ready_app, unlock)  # noqa: F401 (ready_app: a fixture)
from records import clients, search, shifts
from ui.client_page import ClientPage
from ui.client_register import ClientRegister

MARK = "QX7"


def register_marked_client(qtbot, main) -> ClientPage:
    box = main.search.box
    qtbot.keyClicks(box, f"Rosa {MARK}")
    key(qtbot, box, "Ctrl+N")
    form = main.current_page()
    assert isinstance(form, ClientRegister)
    assert form.name.text() == f"Rosa {MARK}"  # the typed text became the name
    qtbot.keyClicks(form.pronouns, f"she/her {MARK}")
    key(qtbot, form, "Alt+M")
    qtbot.waitUntil(form.more.isVisible)  # a button shortcut clicks after a short animation
    qtbot.keyClicks(form.aliases, f"Ro{MARK}; Rosie{MARK}")
    form.gender.setCurrentIndex(1)  # F
    qtbot.keyClicks(form.uic_first, "Quinta")
    qtbot.keyClicks(form.uic_last, "Xavier")
    qtbot.keyClicks(form.birth_year, "19x0")
    qtbot.keyClicks(form.legal_name, f"Rosalind {MARK}")
    qtbot.keyClicks(form.birth_date, "1990-05-04")
    qtbot.keyClicks(form.phone, f"555-{MARK}")
    qtbot.keyClicks(form.contact_notes, f"Usually at the corner {MARK}")
    qtbot.keyClicks(form.flags, f"flag {MARK}")
    qtbot.keyClicks(form.ref, f"REF-{MARK}")
    # A bad birth year: a clear message, nothing typed is lost, the form stays open.
    key(qtbot, form, "Ctrl+S")
    assert main.current_page() is form
    assert "Birth year" in form.error.text()
    assert form.legal_name.text() == f"Rosalind {MARK}"
    assert form.contact_notes.toPlainText() == f"Usually at the corner {MARK}"
    assert "incomplete" in form.code.text()
    form.birth_year.clear()
    qtbot.keyClicks(form.birth_year, "1990")
    assert form.code.text().startswith("FQUXA1990")  # shown live
    key(qtbot, form, "Ctrl+S")
    page = main.current_page()
    assert isinstance(page, ClientPage)
    return page


def test_setup_shift_register_lock_unlock_find_again(qtbot, tmp_path):
    clock = FakeClock()
    app = make_app(tmp_path / "vault", clock)
    try:
        finish_setup(qtbot, app)
        main = app.main
        assert main.search.box.hasFocus() or QApplication.focusWidget() is None
        assert main.windowTitle() == "Van 1 — Records"

        # Start the shift from the keyboard.
        qtbot.keyClicks(main.shift_bar.sites, "Dundas & Richmond")
        key(qtbot, main, "Ctrl+Shift+S")
        assert "Shift running" in main.shift_bar.status.text()
        assert shifts.current(app.vault).sites == ("Dundas & Richmond",)

        page = register_marked_client(qtbot, main)
        assert page.name.text() == f"Rosa {MARK}"
        client_id = page.client_id
        assert MARK in all_visible_text()
        # Copy the name from a field: the clipboard now holds client text.
        click(qtbot, page.show_button)
        assert any(f"Rosalind {MARK}" in l.text() for l in page.hidden_values.findChildren(type(page.name)))
        main.search.box.setText(f"Rosa {MARK}")
        main.search.box.selectAll()
        main.search.box.copy()
        assert MARK in QApplication.clipboard().text()

        # Lock with the shortcut: everything holding client data is gone.
        key(qtbot, main, "Ctrl+L")
        flush_deletes()
        assert app.vault is None and app.main is None
        assert app.unlock_window.isVisible()
        assert MARK not in all_visible_text()
        assert "FQUXA1990" not in all_visible_text()

        # A wrong passphrase: a clear message, the field emptied, a second's wait; the
        # second mistake waits two seconds (records.unlock_guard, on the fake clock).
        unlock(qtbot, app, "not the passphrase")
        qtbot.waitUntil(lambda: "Wrong passphrase" in app.unlock_window.message.text())
        assert app.unlock_window.passphrase.text() == ""
        assert "Wait 1 s" in app.unlock_window.message.text()
        assert not app.unlock_window.passphrase.isEnabled()
        clock.advance(1)
        qtbot.waitUntil(lambda: app.unlock_window.passphrase.isEnabled(), timeout=3000)
        unlock(qtbot, app, "still not it")
        qtbot.waitUntil(lambda: "Wait 2 s" in app.unlock_window.message.text())
        assert "2 failed attempts" in app.unlock_window.message.text()
        assert not app.unlock_window.passphrase.isEnabled()
        clock.advance(2)
        qtbot.waitUntil(lambda: app.unlock_window.passphrase.isEnabled(), timeout=3000)

        unlock(qtbot, app)
        qtbot.waitUntil(lambda: app.main is not None, timeout=10000)
        main = app.main
        # The shift kept running across the lock.
        assert "Shift running" in main.shift_bar.status.text()
        qtbot.keyClicks(main.search.box, "rosie")
        qtbot.waitUntil(lambda: main.search.model.rowCount() == 1)
        qtbot.keyClick(main.search.box, Qt.Key.Key_Down)
        assert main.search.list.hasFocus()
        qtbot.keyClick(main.search.list, Qt.Key.Key_Return)
        page = main.current_page()
        assert isinstance(page, ClientPage) and page.client_id == client_id
        client = clients.get(app.vault, client_id)
        assert client.aliases == (f"Ro{MARK}", f"Rosie{MARK}")
        assert client.phone == f"555-{MARK}" and client.ref == f"REF-{MARK}"
        assert client.flags == (f"flag {MARK}",) and client.uic == "FQUXA1990" and client.uic_complete
        assert str(client.birth_date) == "1990-05-04"

        # Idle: no input for the configured minutes locks by itself (no real wait).
        clock.advance(5 * 60 + 1)
        app.idle.check()
        flush_deletes()
        assert app.vault is None
        assert MARK not in all_visible_text()
    finally:
        app.shutdown()


def test_duplicate_warning_opens_the_existing_client(qtbot, ready_app):
    app = ready_app
    existing = clients.register(app.vault, "Jo Smith")
    main = app.main
    key(qtbot, main, "Ctrl+N")
    form = main.current_page()
    qtbot.keyClicks(form.name, "jo smith")
    qtbot.waitUntil(lambda: form.duplicates.findChildren(type(form.save_button)) != [])
    button = form.duplicates.findChildren(type(form.save_button))[0]
    assert "Open Jo Smith instead" == button.text()
    click(qtbot, button)
    page = main.current_page()
    assert isinstance(page, ClientPage) and page.client_id == existing.id
    assert [h.name for h in search.search(app.vault, "jo")] == ["Jo Smith"]  # not saved twice
