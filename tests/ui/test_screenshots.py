"""A picture of every main screen in day and night theme, at 1280x720, for people to look at,
and of every window in French.

Written to $CLINIC_SCREENSHOTS when set (outside git), else to the test's tmp_path. The test
also checks the night theme really is darker than the day one on every screen."""
import os
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWizard

from shellkit import (FakeClock, click, finish_setup, key, make_app, to_passphrase_page,
                      populate, settle, unlock)
from frenchcheck import ALLOWED, shown
from records import clock
from ui import i18n, theme
from ui.client_page import ClientPage
from walk import walk


def _brightness(path: Path) -> float:
    image = QImage(str(path)).scaled(64, 36)
    total = sum(image.pixelColor(x, y).lightnessF() for x in range(64) for y in range(36))
    return total / (64 * 36)


def test_screenshot_every_main_screen(qtbot, tmp_path):
    out = Path(os.environ.get("CLINIC_SCREENSHOTS") or tmp_path / "shots")
    out.mkdir(parents=True, exist_ok=True)
    app = make_app(tmp_path / "vault")
    shots: dict[str, Path] = {}

    def shoot(name: str, widget) -> None:
        settle()
        suffix = "night" if theme.is_night() else "day"
        path = out / f"{name}-{suffix}.png"
        assert widget.grab().save(str(path))
        shots[f"{name}-{suffix}"] = path

    try:
        wizard = app.wizard
        for night in (False, True):
            theme.apply(QApplication.instance(), night)
            wizard.restart()
            shoot("setup-1-clinic", wizard)
            wizard.clinic.clinic.setText("Night Van Clinic")
            wizard.clinic.van.setText("Van 1")
            click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
            wizard.staff.name.setText("Nora Nurse")
            click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
            qtbot.keyClicks(wizard.passphrase.first, "maple river")
            shoot("setup-3-passphrase", wizard)
            wizard.passphrase.first.clear()
            click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
        theme.apply(QApplication.instance(), False)
        wizard.restart()
        wizard.clinic.clinic.clear()
        wizard.clinic.van.clear()
        wizard.staff.name.clear()
        finish_setup(qtbot, app)
        rosa = populate(app.vault)
        for night in (False, True):
            theme.apply(QApplication.instance(), night)
            main = app.main
            main.resize(1280, 720)
            main.show()
            main.go_home()
            main.search.box.setText("")
            main.search.refresh()
            shoot("search-empty", main)
            qtbot.keyClicks(main.search.box, "ro")
            main.search.refresh()
            shoot("search-typed", main)
            key(qtbot, main.search.box, "Ctrl+N")
            form = main.current_page()
            form.more_button.setChecked(True)
            form.gender.setCurrentIndex(1)
            form.uic_first.setText("Rosalind")
            form.birth_year.setText("199")
            form._check_duplicates()
            shoot("register", main)
            form.cancelled.emit()
            main.open_client(rosa)
            page = main.current_page()
            assert isinstance(page, ClientPage)
            shoot("client", main)
            click(qtbot, page.show_button)
            shoot("client-hidden-shown", main)
            main.open_form("visit", client_id=rosa)
            shoot("visit-form", main)
            visit_form = main.current_page()
            visit_form.save_and_refer()
            shoot("referral-with-visit", main)
            main.current_page().cancelled.emit()
            visit_form.cancelled.emit()
            main.show_shortcuts()
            shoot("shortcuts", main.shortcuts_dialog)
            main.shortcuts_dialog.reject()
            main.activateWindow()
            main.search.box.clear()
        key(qtbot, app.main, "Ctrl+L")
        for night in (False, True):
            theme.apply(QApplication.instance(), night)
            app.unlock_window.message.setText("Wrong passphrase. Try again.")
            shoot("unlock", app.unlock_window)
    finally:
        app.shutdown()
        theme.apply(QApplication.instance(), False)
    names = {n.rsplit("-", 1)[0] for n in shots}
    assert len(names) == 11
    for name in names:
        assert _brightness(shots[f"{name}-night"]) < _brightness(shots[f"{name}-day"]) - 0.2, name


def test_screenshot_the_words(qtbot, tmp_path):
    """The screens whose words changed: the wizard's passphrase page once the refusal is
    fixed, the incident form saying what the sheet prints, a save confirmed in the status
    bar, and the unlock window after a wrong passphrase (reason, count and wait)."""
    out = Path(os.environ.get("CLINIC_SCREENSHOTS") or tmp_path / "shots")
    out.mkdir(parents=True, exist_ok=True)
    clock_ = FakeClock()
    app = make_app(tmp_path / "vault", clock_)

    def shoot(name: str, widget) -> None:
        settle()
        assert widget.grab().save(str(out / f"{name}.png"))

    try:
        wizard = app.wizard
        to_passphrase_page(qtbot, wizard)
        qtbot.keyClicks(wizard.passphrase.first, "maple")
        click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
        shoot("words-setup-refused", wizard)
        qtbot.keyClicks(wizard.passphrase.first, " river battery candle")
        assert wizard.passphrase.error.text() == ""
        shoot("words-setup-fixed", wizard)
        wizard.restart()
        wizard.clinic.clinic.clear()
        wizard.clinic.van.clear()
        wizard.staff.name.clear()
        wizard.passphrase.first.clear()
        finish_setup(qtbot, app)
        rosa = populate(app.vault)
        main = app.main
        main.resize(1280, 720)
        main.show()
        main.open_form("incident", client_id=rosa)
        shoot("words-incident-form", main)
        main.current_page().cancelled.emit()
        main.open_form("visit", client_id=rosa)
        qtbot.keyClicks(main.current_page().reason, "Wound check")
        key(qtbot, main.current_page().reason, "Ctrl+S")
        assert main.statusBar().currentMessage() == "Visit saved."
        shoot("words-visit-saved", main)
        key(qtbot, main, "Ctrl+L")
        unlock(qtbot, app, "not it")
        window = app.unlock_window
        qtbot.waitUntil(lambda: "Wait 1 s" in window.message.text(), timeout=10000)
        shoot("words-unlock-wait", window)
        clock_.advance(1)
        qtbot.waitUntil(window.unlock_button.isEnabled, timeout=3000)
        assert window.message.text().startswith("Wrong passphrase. 1 failed attempt.")
        shoot("words-unlock-again", window)
    finally:
        app.shutdown()


def test_screenshot_fit_and_access(qtbot, tmp_path, monkeypatch):
    """The screens issue 14's fit and access work changed, day and night, on the 1280x720
    screen: the print preview (whole, buttons included), the export dialog (a week typed as a
    date, the week in progress, the calendar on F4), F1's list, the end-of-shift question, and
    a form with its input frames and focus ring."""
    from PySide6.QtCore import QTimer, Qt
    from records.printing import PrintJob
    from ui import export_dialog
    out = Path(os.environ.get("CLINIC_SCREENSHOTS") or tmp_path / "shots")
    out.mkdir(parents=True, exist_ok=True)
    monkeypatch.setattr(export_dialog, "removable_drives", lambda mounts=None: [tmp_path])
    app = make_app(tmp_path / "vault")
    shots = {}

    def shoot(name: str, widget) -> None:
        settle()
        path = out / f"{name}-{'night' if theme.is_night() else 'day'}.png"
        assert widget.grab().save(str(path))
        shots[path.stem] = path

    try:
        finish_setup(qtbot, app)
        rosa = populate(app.vault)
        main = app.main
        main.show()
        for night in (False, True):
            theme.apply(QApplication.instance(), night)
            main.open_client(rosa)
            main.open_form("visit", client_id=rosa)
            form = main.current_page()
            tick = form.service_checks["hiv_test"]
            tick.setChecked(True)
            form.reason.setFocus()
            shoot("fit-visit-frames", main)
            form.cancelled.emit()
            main.preview(PrintJob("referral", 1, "service"))
            shoot("fit-print-preview", main.print_dialog)
            main.print_dialog.reject()
            main.open_export()
            dialog = main.export_dialog
            dialog.show()
            dialog.activateWindow()
            qtbot.waitUntil(dialog.isActiveWindow)
            box = dialog.week_edit
            box.setFocus()
            box.selectAll()
            qtbot.keyClicks(box, clock.local_date(clock.now_utc(), "America/Toronto").isoformat())
            qtbot.keyClick(box, Qt.Key.Key_Tab)
            shoot("fit-export-week-in-progress", dialog)
            qtbot.keyClick(box, Qt.Key.Key_F4)
            shoot("fit-export-calendar", box.popup)
            box.popup.close()
            dialog.reject()
            main.show_shortcuts()
            shoot("fit-shortcuts", main.shortcuts_dialog)
            main.shortcuts_dialog.reject()

            def end_shift_question():
                question = QApplication.activeModalWidget()
                shoot("fit-end-shift-question", question)
                qtbot.keyClick(question, Qt.Key.Key_Escape)
            QTimer.singleShot(50, end_shift_question)
            main.shift_bar.toggle()
            main.activateWindow()
    finally:
        app.shutdown()
        theme.apply(QApplication.instance(), False)
    names = {n.rsplit("-", 1)[0] for n in shots}
    assert len(names) == 6 and len(shots) == 12


def test_screenshot_the_forms(qtbot, tmp_path):
    """The forms of issue 14: each names its client; the visit's service finder narrowed;
    the question before closing a changed form; the draft offered back after unlock; the
    unlock window of a one-staff vault (passphrase only)."""
    from nurse import Nurse
    out = Path(os.environ.get("CLINIC_SCREENSHOTS") or tmp_path / "shots")
    out.mkdir(parents=True, exist_ok=True)
    app = make_app(tmp_path / "vault")

    def shoot(name: str, widget) -> None:
        settle()
        assert widget.grab().save(str(out / f"forms-{name}.png"))

    try:
        finish_setup(qtbot, app)
        rosa = populate(app.vault)
        main = app.main
        main.resize(1280, 720)
        main.open_client(rosa)
        nurse = Nurse(qtbot)
        shoot("client-page", main)
        for keys, name in (("Ctrl+Shift+R", "referral"), ("Ctrl+I", "incident"),
                           ("Ctrl+K", "quick-contact")):
            nurse.press(keys)
            shoot(name, main)
            nurse.press("Esc")
        nurse.press("Ctrl+R")
        nurse.type("te")
        shoot("visit-finding-a-service", main)
        nurse.press("Return", "Alt+O")
        nurse.type("12")
        nurse.press("Esc")
        form = main.current_page()
        qtbot.waitUntil(lambda: form.question is not None and form.question.isVisible())
        shoot("visit-asks-before-closing", main)
        shoot("visit-asks-before-closing-box", form.question)
        nurse.press("Ctrl+L")
        window = app.unlock_window
        qtbot.waitUntil(lambda: window.hint.text().startswith("Enter your passphrase"),
                        timeout=10000)
        shoot("unlock-one-staff", window)
        unlock(qtbot, app)
        qtbot.waitUntil(lambda: app.main is not None and app.main.host.offer is not None,
                        timeout=10000)
        app.main.resize(1280, 720)
        shoot("draft-offered", app.main)
        shoot("draft-offered-box", app.main.host.offer)
        nurse.press("Return")
        shoot("draft-restored", app.main)
    finally:
        app.shutdown()

# Words French shares with English, as the app uses them.
SAME_IN_FRENCH = {"Notes", "Note", "Services", "Contraception", "Vaccination", "Pipes",
                  "Condoms", "Urgent", "Client", "Clients", "Destination", "Allergies",
                  "Document", "Confirmation", "Type", "Description", "Total", "Date", "Contact",
                  "Contacts", "Code", "Orientation", "Orientations", "Question", "Questions",
                  "Version", "Dossiers", "Ctrl+F", "Ctrl+P", "F1", "Esc", "PDF", "EST", "EDT",
                  "English"}  # a language is named in its own words
# What the walk's clients, staff and records hold (shellkit.populate): data, not words.
DATA = ("Nora Nurse", "Rosa", "Behind the bus depot", "Prefers texts", "Night Van Clinic")


def is_word_to_translate(text: str) -> bool:
    bare = text.replace("&", "")
    if text in ALLOWED or bare in SAME_IN_FRENCH:
        return False
    for data in DATA:
        bare = bare.replace(data, "")
    return any(ch.isalpha() for ch in bare)


def test_screenshot_every_window_in_french_says_nothing_in_english(qtbot, tmp_path):
    """Every window of the app in French, walked as a nurse opens them (tests/ui/walk.py),
    beside the same walk in English: no text a window shows or names for a screen reader is
    left as its English source, apart from names, codes and data (frenchcheck.ALLOWED, DATA
    and SAME_IN_FRENCH). A picture of each French window is saved as fr-NN-<window>.png."""
    english: dict[str, set[str]] = {}
    walk(qtbot, tmp_path / "en", lambda name, window: english.setdefault(name, set()).update(
        shown(window)))
    out = Path(os.environ.get("CLINIC_SCREENSHOTS") or tmp_path / "shots")
    out.mkdir(parents=True, exist_ok=True)
    left: dict[str, list[str]] = {}
    seen: set[str] = set()
    shots: list[Path] = []

    def see(name: str, window) -> None:
        seen.add(name)
        shots.append(out / f"fr-{len(shots) + 1:02d}-{name}.png")
        assert window.grab().save(str(shots[-1]))
        same = {text for text in shown(window) & english.get(name, set())
                if is_word_to_translate(text)}
        if same:
            left.setdefault(name, []).extend(sorted(same))

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.French, QLocale.Country.Canada))
    i18n.install("fr")
    try:
        walk(qtbot, tmp_path / "fr", see)
    finally:
        QLocale.setDefault(before)
        i18n.install("en")
    assert seen == set(english) and len(seen) >= 18, sorted(seen)
    assert left == {}, left
