"""The program code secret: `coordinator secret` makes one, a new secret must be strong
wherever it is entered (command line, settings editor; the wizard in tests/ui), and a vault
that already holds a weak one still opens and works but is warned about."""
import base64
import re

import pyrage
import pytest
from conftest import FAST_KDF, PASSPHRASE, TEST_SETTINGS

import main
from records import settings as settings_store
from records import uic
from records.errors import ValidationError
from records.models import Settings
from records.vault import Vault

DEMO = "demo-0d6b3f9e2a714c58b1e09a7f3c2d64e5"  # the shape flows.demo makes


def run(capsys, *args):
    code = main.main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.mark.parametrize("secret", [
    DEMO, "3f9a0c6e1b7d42a8e5c09f1d6b3a7e24", "3F9A0C6E1B7D42A8E5C09F1D6B3A7E24" * 2,
    base64.b64encode(bytes(range(7, 23))).decode(),                 # 16 bytes, padded
    base64.urlsafe_b64encode(bytes(range(200, 224))).decode().rstrip("="),
])
def test_generated_secrets_are_strong(secret):
    assert uic.strong_secret(secret) and uic.check_secret(secret) == secret


@pytest.mark.parametrize("secret", [
    "a", "program-secret", "from the coordinator", "",
    "3f9a0c6e1b7d42a8e5c09f1d6b3a7e2",           # 31 hex digits
    "3f9a0c6e1b7d42a8e5c09f1d",                  # 24 hex digits (also valid base64)
    "0" * 64, "ab" * 16,                          # long but a few characters repeated
    "passwordpasswordpassword",                   # base64-shaped words
    "correcthorsebatterystaple1",                 # not canonical base64
    base64.b64encode(bytes(range(15))).decode(),  # 15 bytes
])
def test_weak_secrets_are_refused_saying_how_to_get_one(secret):
    assert not uic.strong_secret(secret)
    with pytest.raises(ValidationError, match="coordinator secret --out FILE"):
        uic.check_secret(secret)


def test_hashes_still_key_on_the_secret_text():
    """Existing vaults keep their hashes: the HMAC key is the secret's UTF-8 text."""
    import hashlib
    import hmac
    assert uic.keyed_hash("FMASM1990", DEMO) == hmac.new(
        DEMO.encode(), b"FMASM1990", hashlib.sha256).hexdigest()


def test_coordinator_secret_writes_one_line_of_64_hex_digits(tmp_path, capsys):
    out = tmp_path / "program.secret"
    code, stdout, err = run(capsys, "coordinator", "secret", "--out", out)
    assert code == 0 and err == "" and str(out) in stdout
    text = out.read_text()
    assert re.fullmatch(r"[0-9a-f]{64}\n", text)
    assert text.strip() not in stdout
    assert out.stat().st_mode & 0o777 == 0o600
    code, _, err = run(capsys, "coordinator", "secret", "--out", out)
    assert code == 1 and "already exists" in err and err.count("\n") == 1
    assert out.read_text() == text
    assert run(capsys, "coordinator", "secret", "--out", out, "--force")[0] == 0
    assert out.read_text() != text and uic.strong_secret(out.read_text().strip())


def test_coordinator_secret_refuses_a_vault_folder(vault, vault_dir, capsys):
    code, _, err = run(capsys, "coordinator", "secret", "--out", vault_dir / "program.secret")
    assert code == 1 and "vault folder" in err and err.count("\n") == 1
    assert not (vault_dir / "program.secret").exists()


@pytest.fixture
def common(vault, vault_dir, tmp_path):
    vault.lock()
    pp = tmp_path / "pp"
    pp.write_text(PASSPHRASE + "\n")
    return ["--data-dir", vault_dir, "--passphrase-file", pp]


def secret_now(vault_dir) -> str:
    opened = Vault.open(vault_dir, None, PASSPHRASE)
    try:
        return opened.settings.uic_secret
    finally:
        opened.lock()


def test_settings_set_refuses_a_weak_secret(common, vault_dir, capsys):
    code, out, err = run(capsys, "settings", "set", "uic_secret", "--value", "a", *common)
    assert code == 1 and out == "" and err.count("\n") == 1
    assert err.startswith("error: uic_secret: is too weak")
    assert "python main.py coordinator secret --out FILE" in err
    assert secret_now(vault_dir) == TEST_SETTINGS.uic_secret


def test_settings_set_takes_a_made_secret_and_the_demo_one(common, vault_dir, tmp_path,
                                                             capsys):
    made = tmp_path / "program.secret"
    assert run(capsys, "coordinator", "secret", "--out", made)[0] == 0
    assert run(capsys, "settings", "set", "uic_secret", "--value-file", made, *common)[0] == 0
    assert secret_now(vault_dir) == made.read_text().strip()
    code, out, err = run(capsys, "settings", "set", "uic_secret", "--value", DEMO, *common)
    assert (code, out, err) == (0, "uic_secret updated\n", "")
    assert secret_now(vault_dir) == DEMO


@pytest.fixture
def weak_vault(vault_dir):
    """A vault made before the rule, holding a weak secret: the storage layer accepts it."""
    settings = Settings(clinic_name="Old Van", van_code="VAN1", uic_secret="program-secret",
                        export_recipient=str(pyrage.x25519.Identity.generate().to_public()))
    v = Vault.create(vault_dir, "Nora Nurse", PASSPHRASE, settings=settings, kdf=FAST_KDF)
    yield v
    v.lock()


def test_a_weak_secret_in_the_vault_is_warned_about_not_refused(weak_vault, vault_dir,
                                                                tmp_path, capsys):
    assert settings_store.weak_secret_warning(weak_vault.settings)
    assert not settings_store.weak_secret_warning(TEST_SETTINGS)
    # Other settings still save, and the weak secret stays (no automatic rotation).
    settings_store.update(weak_vault, van_name="Van 2")
    assert weak_vault.settings.uic_secret == "program-secret"
    weak_vault.lock()
    pp = tmp_path / "pp"
    pp.write_text(PASSPHRASE)
    common = ["--data-dir", vault_dir, "--passphrase-file", pp]
    code, out, err = run(capsys, "settings", "show", *common)
    assert code == 0 and "uic_secret\t(set)" in out
    assert err.startswith("warning: the program code secret is weak") and err.count("\n") == 1
    assert "coordinator secret --out FILE" in err and "program-secret" not in err + out
    code, out, err = run(capsys, "export", "--week", "2026-W10", "--out", tmp_path / "w.age",
                         *common)
    assert code == 0 and (tmp_path / "w.age").exists()
    assert err.startswith("warning: the program code secret is weak")


def test_no_warning_for_a_strong_secret(common, tmp_path, capsys):
    code, _, err = run(capsys, "settings", "show", *common)
    assert code == 0 and err == ""
