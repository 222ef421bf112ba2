"""A walk through every window, page and dialog of the app, for the checks that must hold on
all of them (tests/ui/test_screen_fit.py, tests/ui/test_accessibility.py).

`tour(qtbot, app)` starts at the setup wizard of a new vault and yields `(name, window)` with
each screen showing: the window is the top-level widget to check (the main window for pages,
the dialog itself for dialogs). Each is closed again before the next one opens.
"""
from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import QWidget, QWizard

from shellkit import click, finish_setup, key, populate, settle
from records.printing import PrintJob
from ui.widgets import FolderDialog

CLIENT_FORMS = ("visit", "quick_contact", "referral", "incident", "history", "merge",
                "delete_client")
CLINIC_FORMS = ("directory", "staff", "settings")


def _settle(window: QWidget) -> QWidget:
    window.show()
    settle()
    return window


def tour(qtbot, app) -> Iterator[tuple[str, QWidget]]:
    wizard = app.wizard
    yield "setup: clinic", _settle(wizard)
    wizard.clinic.clinic.setText("Night Van Clinic")
    for name in ("staff", "passphrase", "keys"):
        wizard.staff.name.setText("Nora Nurse")
        wizard.passphrase.first.setText("maple river stone")
        wizard.passphrase.second.setText("maple river stone")
        click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
        yield f"setup: {name}", _settle(wizard)
    wizard.restart()
    wizard.clinic.clinic.clear()
    wizard.staff.name.clear()
    wizard.passphrase.first.clear()
    wizard.passphrase.second.clear()
    finish_setup(qtbot, app)
    rosa = populate(app.vault)
    main = app.main
    yield "search", _settle(main)

    key(qtbot, main.search.box, "Ctrl+N")
    main.current_page().more_button.setChecked(True)
    yield "new client", _settle(main)
    main.current_page().cancelled.emit()

    main.open_client(rosa)
    click(qtbot, main.current_page().show_button)
    yield "client", _settle(main)
    for name in CLIENT_FORMS:
        main.open_client(rosa)
        settle()  # the visits are read on the runner
        main.current_page().visits.setCurrentRow(0)  # history shows the selected visit
        main.current_page().request(name)
        yield name, _settle(main)
        main.current_page().cancelled.emit()
    main.go_home()
    for name in CLINIC_FORMS:
        main.open_form(name)
        yield name, _settle(main)
        main.current_page().cancelled.emit()
    main.open_incidents()
    yield "incident reports", _settle(main)
    main.go_home()

    for name, job in (("preview: referral", PrintJob("referral", 1, "service")),
                      ("preview: visit", PrintJob("visit", 2, "client")),
                      ("preview: alert sheet", None)):
        if job is None:
            main.print_alert_sheet()
        else:
            main.preview(job)
        yield name, _settle(main.print_dialog)
        main.print_dialog.reject()

    main.open_export()
    yield "export", _settle(main.export_dialog)
    folders = FolderDialog("", main.export_dialog)
    yield "choose a folder", _settle(folders)
    folders.reject()
    main.export_dialog.reject()

    main.open_print_queue()
    yield "print queue", _settle(main.print_queue)
    main.print_queue.reject()

    main.show_shortcuts()
    yield "keyboard shortcuts", _settle(main.shortcuts_dialog)
    main.shortcuts_dialog.reject()

    key(qtbot, main, "Ctrl+L")
    yield "unlock", _settle(app.unlock_window)
