"""Setup wizard validation and the unlock window's messages and delays."""
import pyrage
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWizard

from conftest import FAST_KDF, PASSPHRASE
from shellkit import FakeClock, click
from records import staff
from records.unlock_guard import UnlockGuard
from records.vault import Vault
from ui import prefs
from ui.runner import Runner
from ui.setup_wizard import SetupWizard, passphrase_bits
from ui.unlock import UnlockWindow

STRONG = "9c1e5b7a04d2f8e63b0a7c1d95e4f2a8"  # 32 hex digits, as `coordinator secret` makes


@pytest.fixture
def runner(qapp):
    r = Runner()
    yield r
    r.shutdown()


def test_passphrase_estimate_orders_sensibly():
    assert passphrase_bits("") == 0
    assert passphrase_bits("aaaaaaaaaaaa") < passphrase_bits("password") < 45
    assert passphrase_bits("maple river") < 45
    assert passphrase_bits("correct horse battery") >= 60
    assert passphrase_bits("Tr0ub4dor&3x!") >= 45


def test_wizard_refuses_bad_input_and_keeps_what_was_typed(qtbot, tmp_path, runner):
    wizard = SetupWizard(tmp_path / "v", runner, kdf=FAST_KDF)
    qtbot.addWidget(wizard)
    wizard.show()
    nxt = wizard.button(QWizard.WizardButton.NextButton)
    qtbot.keyClicks(wizard.clinic.van, "Van 1")
    click(qtbot, nxt)
    assert wizard.currentPage() is wizard.clinic
    assert "Clinic name: is required" in wizard.clinic.error.text()
    assert wizard.clinic.van.text() == "Van 1"
    qtbot.keyClicks(wizard.clinic.clinic, "Night Van")
    wizard.clinic.timezone.setCurrentText("Mars/Olympus")
    click(qtbot, nxt)
    assert "unknown time zone" in wizard.clinic.error.text()
    wizard.clinic.timezone.setCurrentText("America/Toronto")
    wizard.clinic.van_code.setText("VAN/1")
    click(qtbot, nxt)
    assert wizard.currentPage() is wizard.clinic
    assert "Van code: must be 1 to 16 capital letters" in wizard.clinic.error.text()
    wizard.clinic.van_code.setText("VAN1")
    click(qtbot, nxt)
    qtbot.keyClicks(wizard.staff.name, "Nora Nurse")
    click(qtbot, nxt)
    page = wizard.passphrase
    qtbot.keyClicks(page.first, "maple river")
    assert page.strength.text().startswith("Too easy")
    click(qtbot, nxt)
    assert "too easy to guess" in page.error.text()
    page.first.clear()
    qtbot.keyClicks(page.first, PASSPHRASE)
    qtbot.keyClicks(page.second, PASSPHRASE + "x")
    click(qtbot, nxt)
    assert "differ" in page.error.text() and page.second.text() == ""
    qtbot.keyClicks(page.second, PASSPHRASE)
    click(qtbot, nxt)
    assert wizard.currentPage() is wizard.keys
    qtbot.keyClicks(wizard.keys.export_key, "ssh-ed25519 AAAA")
    created = []
    wizard.created.connect(created.append)
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    assert "must be an age public key" in wizard.keys.error.text()
    assert not Vault.exists(tmp_path / "v") and created == []
    recovery = pyrage.x25519.Identity.generate()
    wizard.keys.export_key.setText(str(pyrage.x25519.Identity.generate().to_public()))
    wizard.keys.recovery_key.setText(str(recovery.to_public()))
    qtbot.keyClicks(wizard.keys.uic_secret, "program secret from the coordinator")
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    assert "Program code secret: is too weak" in wizard.keys.error.text()
    assert "coordinator secret --out FILE" in wizard.keys.error.text()
    assert not Vault.exists(tmp_path / "v") and created == []
    wizard.keys.uic_secret.clear()
    qtbot.keyClicks(wizard.keys.uic_secret, STRONG)
    click(qtbot, wizard.button(QWizard.WizardButton.FinishButton))
    qtbot.waitUntil(lambda: bool(created), timeout=10000)
    vault = created[0]
    try:
        assert vault.settings.clinic_name == "Night Van" and vault.staff.name == "Nora Nurse"
        assert vault.settings.recovery_recipient == str(recovery.to_public())
        assert vault.keyfile.recover(str(recovery)) == vault.data_key
        assert vault.settings.uic_secret == STRONG
    finally:
        vault.lock()


def test_creation_failure_is_shown_and_the_wizard_stays(qtbot, tmp_path, runner, vault_dir, vault):
    vault.lock()
    wizard = SetupWizard(vault_dir, runner, kdf=FAST_KDF)  # a vault is already there
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.clinic.clinic.setText("X")
    wizard.clinic.van.setText("Y")
    wizard.staff.name.setText("Someone")
    wizard.passphrase.first.setText(PASSPHRASE)
    wizard.accept()
    qtbot.waitUntil(lambda: "not created" in wizard.keys.error.text(), timeout=10000)
    assert "already exists" in wizard.keys.error.text()
    assert wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def locked_window(qtbot, vault, vault_dir, runner) -> UnlockWindow:
    """The vault locked, no name remembered, the unlock window shown and active."""
    vault.lock()
    prefs.remember_name(None)
    window = UnlockWindow(vault_dir, runner)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    return window


def test_unlock_remembers_the_name_only_when_asked(qtbot, tmp_path, vault_dir, vault, runner):
    staff.add(vault, "Omar Outreach", "outreach", "another long passphrase", kdf=FAST_KDF)
    window = locked_window(qtbot, vault, vault_dir, runner)
    qtbot.waitUntil(window.name.isVisible)  # two staff members: the name is asked
    qtbot.waitUntil(window.name.hasFocus)  # none remembered: the name comes first
    opened = []
    window.unlocked.connect(opened.append)
    qtbot.keyClicks(window.name, "nora nurse")
    window.remember.setChecked(True)
    qtbot.keyClicks(window.passphrase, PASSPHRASE)
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    opened[0].lock()
    assert prefs.remembered_name() == "Nora Nurse"
    assert UnlockWindow(vault_dir, runner).name.text() == "Nora Nurse"
    prefs.remember_name(None)


def test_unknown_staff_and_damaged_vault_messages(qtbot, tmp_path, vault_dir, vault, runner):
    staff.add(vault, "Omar Outreach", "outreach", "another long passphrase", kdf=FAST_KDF)
    vault.lock()
    clock = FakeClock()
    guard = UnlockGuard(vault_dir, clock=clock, sleep=clock.advance)
    for _ in range(4):  # earlier failures: the next wait is 8 s
        guard.failed()
    window = UnlockWindow(vault_dir, runner, guard=guard)
    qtbot.addWidget(window)
    window.show()
    assert "4 failed attempts. Wait 8 s" in window.message.text()
    clock.advance(8)
    qtbot.waitUntil(window.unlock_button.isEnabled, timeout=2000)
    qtbot.waitUntil(window.name.isVisible)  # two staff members: the name is asked
    window.name.setText("Nobody")
    qtbot.keyClicks(window.passphrase, PASSPHRASE)
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "Wait 16 s" in window.message.text())
    assert window.message.text().startswith("No staff member with that name in this vault.")
    assert not window.unlock_button.isEnabled()
    clock.advance(4)
    window._tick()
    assert "Wait 12 s" in window.message.text()
    clock.advance(12)
    qtbot.waitUntil(window.unlock_button.isEnabled, timeout=2000)
    (vault_dir / "vault.keys").write_text("{}")
    window.name.setText("Nora Nurse")
    qtbot.keyClicks(window.passphrase, PASSPHRASE)
    qtbot.keyClick(window.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "damaged" in window.message.text(), timeout=5000)
    assert window.passphrase.isEnabled()


def test_unlock_asks_only_the_passphrase_when_the_vault_has_one_staff_member(
        qtbot, vault_dir, vault, runner):
    window = locked_window(qtbot, vault, vault_dir, runner)
    qtbot.waitUntil(window.passphrase.hasFocus)  # the cursor is there from the start
    qtbot.waitUntil(lambda: window.hint.text() == "Enter your passphrase, then press Enter.")
    assert not window.name.isVisible() and not window.remember.isVisible()
    opened = []
    window.unlocked.connect(opened.append)
    qtbot.keyClicks(QApplication.focusWidget(), PASSPHRASE)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(opened), timeout=10000)
    assert opened[0].staff.name == "Nora Nurse"
    opened[0].lock()


def test_setup_letterhead_tab_moves_on(qtbot, tmp_path, runner):
    wizard = SetupWizard(tmp_path / "new", runner, kdf=FAST_KDF)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.activateWindow()
    letterhead = wizard.clinic.letterhead
    letterhead.setFocus()
    qtbot.waitUntil(letterhead.hasFocus)
    qtbot.keyClicks(letterhead, "123 Main St")
    qtbot.keyClick(letterhead, Qt.Key.Key_Tab)
    assert letterhead.toPlainText() == "123 Main St" and not letterhead.hasFocus()
