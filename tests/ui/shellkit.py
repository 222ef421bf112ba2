"""Shared helpers for driving the app in tests: a fake clock, a quick setup, text harvesting."""
from __future__ import annotations

import time
from datetime import timedelta

import pytest
from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QLabel, QLineEdit,
                               QPlainTextEdit, QTextEdit, QWizard)

from conftest import FAST_KDF, PASSPHRASE
from records import clients, clock, directory, incidents, referrals, shifts, visits
from records.unlock_guard import UnlockGuard
from ui.app import CLIPBOARD_MS, App
from ui.runner import shared


class FakeClock:
    def __init__(self, start: float = 1000.0):
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def make_app(data_dir, clock=None, clipboard_ms=CLIPBOARD_MS) -> App:
    """The app on a fake clock, which also drives the unlock delays (its sleep advances it)."""
    clock = clock or FakeClock()
    guard = UnlockGuard(data_dir, clock=clock, sleep=clock.advance)
    app = App(data_dir, kdf=FAST_KDF, clock=clock, guard=guard, clipboard_ms=clipboard_ms)
    app.start()
    return app


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def key(qtbot, widget, keys: str) -> None:
    """Press a shortcut like 'Ctrl+Shift+S' on a widget."""
    from PySide6.QtGui import QKeySequence
    combo = QKeySequence(keys)[0]
    qtbot.keyClick(widget, combo.key(), combo.keyboardModifiers())


def press_in_next_dialog(qtbot, key_code) -> list[str]:
    """Once the next modal dialog (a question) shows, press `key_code` in it, as the nurse
    would. Returns a list that then holds the dialog's text."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox
    asked = []

    def press(tries: int = 100) -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            if tries:  # none came: give up, and the caller's assertion on `asked` fails
                QTimer.singleShot(10, lambda: press(tries - 1))
            return
        asked.append(box.text() if isinstance(box, QMessageBox) else box.windowTitle())
        qtbot.keyClick(box.focusWidget() or box, key_code)
    QTimer.singleShot(0, lambda: press())
    return asked


def finish_setup(qtbot, app: App, *, staff="Nora Nurse", passphrase=PASSPHRASE) -> None:
    """Fill in the setup wizard as a nurse would and wait for the main window."""
    wizard = app.wizard
    qtbot.keyClicks(wizard.clinic.clinic, "Night Van Clinic")
    qtbot.keyClicks(wizard.clinic.van, "Van 1")
    wizard.clinic.timezone.setCurrentText("America/Toronto")
    qtbot.keyClicks(wizard.clinic.letterhead, "Night Van Clinic")
    qtbot.keyClick(wizard.clinic.letterhead, Qt.Key.Key_Return)
    qtbot.keyClicks(wizard.clinic.letterhead, "123 Main St")
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    qtbot.keyClicks(wizard.staff.name, staff)
    qtbot.keyClicks(wizard.staff.contact, "Nora, RN - 555-0100")
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    qtbot.keyClicks(wizard.passphrase.first, passphrase)
    qtbot.keyClicks(wizard.passphrase.second, passphrase)
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    qtbot.waitUntil(lambda: app.main is not None, timeout=10000)


def to_passphrase_page(qtbot, wizard) -> None:
    """Fill the setup wizard's clinic and staff pages and go on to the passphrase."""
    wizard.clinic.clinic.setText("Night Van Clinic")
    wizard.clinic.van.setText("Van 1")
    wizard.clinic.timezone.setCurrentText("America/Toronto")
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    wizard.staff.name.setText("Nora Nurse")
    click(qtbot, wizard.button(QWizard.WizardButton.NextButton))
    assert wizard.currentPage() is wizard.passphrase


def unlock(qtbot, app: App, passphrase=PASSPHRASE, name="Nora Nurse") -> None:
    window = app.unlock_window
    window.name.setText(name)
    qtbot.keyClicks(window.passphrase, passphrase)
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)


def populate(vault) -> int:
    """A running shift, eight clients and Rosa's history (visits, referrals, an incident);
    returns Rosa's id."""
    now = clock.now_utc()
    shifts.start(vault, ["Dundas & Richmond"], at=now - timedelta(hours=2))
    for name in ("Jo Smith", "Sam", "Alex Martin", "Kit", "Dee Dee", "Mona Lisa", "Rosa Parks-Ng"):
        clients.register(vault, name)
    rosa = clients.register(vault, "Rosa", pronouns="she/her", aliases=["Ro", "Rosie"],
                            gender="F", uic_first="Rosalind", uic_last="Ng", birth_year=1990,
                            legal_name="Rosalind Ng", phone="555-0199", flags=["Prefers texts"],
                            allergies="Penicillin")
    clinic = directory.add(vault, "Downtown Health Centre", "primary_care", hours="Mon-Fri 9-5")
    rehab = directory.add(vault, "Withdrawal Management Centre", "addictions",
                          paper_name="Health Centre East")
    visits.record(vault, client_id=rosa.id, occurred_at=now - timedelta(days=14),
                  reason="Wound check", services=["wound_care"], supplies={"condoms": 10})
    visits.record(vault, client_id=rosa.id, occurred_at=now - timedelta(days=3),
                  reason="Testing", services=[("hiv_test", "pending"), "counselling"],
                  supplies={"needles": 20, "naloxone_nasal": 1})
    visits.record(vault, client_id=rosa.id, quick=True, supplies={"condoms": 12})
    referrals.make(vault, rosa.id, rehab.id, made_at=now - timedelta(days=3), reason="Detox bed")
    ref = referrals.make(vault, rosa.id, clinic.id, made_at=now - timedelta(days=20))
    referrals.set_outcome(vault, ref.id, "attended")
    incidents.report(vault, occurred_at=now - timedelta(days=5), consent_sheet=True,
                     consent_police=False, client_id=rosa.id, area="Behind the bus depot",
                     what_happened="Refused to pay")
    return rosa.id


def settle(deadline_s: float = 30.0) -> None:
    """Let the runner finish what the screen asked of it (a client page's reads), and the
    window show the results: what a nurse sees a moment after the screen opened."""
    deadline = time.monotonic() + deadline_s
    while shared().busy and time.monotonic() < deadline:
        QApplication.processEvents()
        time.sleep(0.002)
    QApplication.processEvents()


def flush_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    QCoreApplication.processEvents()


def _model_texts(model: QAbstractItemModel, parent=None) -> list[str]:
    from PySide6.QtCore import QModelIndex
    parent = parent or QModelIndex()
    out = []
    try:
        columns = max(1, model.columnCount(parent))
        nested = True
    except TypeError:  # list and table models hide columnCount/hasChildren
        columns, nested = 1, False
    for row in range(model.rowCount(parent)):
        for col in range(columns):
            index = model.index(row, col, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                         Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.EditRole):
                value = model.data(index, role)
                if value is not None:
                    out.append(str(value))
            if nested and col == 0 and model.hasChildren(index):
                out.extend(_model_texts(model, index))
    return out


def all_visible_text() -> str:
    """Every string any live widget, model or the clipboard holds."""
    texts = []
    for w in QApplication.allWidgets():
        texts += [w.windowTitle(), w.toolTip(), w.accessibleName(), w.accessibleDescription(),
                  w.statusTip(), w.whatsThis()]
        if isinstance(w, QLineEdit):
            texts += [w.text(), w.placeholderText()]
        elif isinstance(w, (QPlainTextEdit,)):
            texts.append(w.toPlainText())
        elif isinstance(w, QTextEdit):
            texts.append(w.toPlainText())
        elif isinstance(w, QLabel):
            texts.append(w.text())
        elif isinstance(w, QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())] + [w.currentText()]
            if w.completer() is not None and w.completer().model() is not None:
                texts += _model_texts(w.completer().model())
        if isinstance(w, QLineEdit) and w.completer() is not None:
            texts += _model_texts(w.completer().model())
    seen = set()
    for top in QApplication.topLevelWidgets():
        for model in top.findChildren(QAbstractItemModel):
            if id(model) not in seen:
                seen.add(id(model))
                texts += _model_texts(model)
    texts.append(QApplication.clipboard().text())
    return "\n".join(t for t in texts if t)


@pytest.fixture
def ready_app(qtbot, tmp_path):
    """The app just after a nurse finished the setup wizard; shut down afterwards."""
    app = make_app(tmp_path / "vault")
    try:
        finish_setup(qtbot, app)
        yield app
    finally:
        app.shutdown()
