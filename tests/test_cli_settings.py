"""`settings show` and `settings set`: a vault made from the command line can be configured
for exports without the GUI."""
import pyrage
from conftest import PASSPHRASE

import main
from records.vault import Vault

STRONG = "3f9a0c6e1b7d42a8e5c09f1d6b3a7e24"


def run(capsys, *args):
    code = main.main(list(args))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_set_and_show_settings(vault, vault_dir, tmp_path, capsys):
    vault.lock()
    pp = tmp_path / "pp"
    pp.write_text(PASSPHRASE + "\n")
    secret = tmp_path / "secret"
    secret.write_text(STRONG + "\n")
    common = ["--data-dir", str(vault_dir), "--passphrase-file", str(pp)]
    key = str(pyrage.x25519.Identity.generate().to_public())
    assert run(capsys, "settings", "set", "uic_secret", "--value-file", str(secret), *common)[0] == 0
    assert run(capsys, "settings", "set", "export_recipient", "--value", key, *common)[0] == 0
    assert run(capsys, "settings", "set", "letterhead", "--value", "Night Van",
               "--value", "1 Main St", *common)[0] == 0
    assert run(capsys, "settings", "set", "idle_lock_minutes", "--value", "3", *common)[0] == 0
    code, out, _ = run(capsys, "settings", "show", *common)
    assert code == 0
    assert "uic_secret\t(set)" in out and STRONG not in out
    assert f"export_recipient\t{key}" in out and "letterhead\tNight Van; 1 Main St" in out
    opened = Vault.open(vault_dir, None, PASSPHRASE)
    assert opened.settings.uic_secret == STRONG
    assert opened.settings.idle_lock_minutes == 3
    opened.lock()


def test_bad_settings_are_one_clear_line(vault, vault_dir, tmp_path, capsys):
    vault.lock()
    pp = tmp_path / "pp"
    pp.write_text(PASSPHRASE + "\n")
    common = ["--data-dir", str(vault_dir), "--passphrase-file", str(pp)]
    for args, words in ((["colour", "--value", "red"], "not a setting"),
                        (["idle_lock_minutes", "--value", "soon"], "whole number"),
                        (["export_recipient", "--value", "ssh-rsa AAA"], "age public key"),
                        (["recovery_recipient", "--value", "age1x"], "set-recovery"),
                        (["van_code"], "give the new value")):
        code, _, err = run(capsys, "settings", "set", *args, *common)
        assert code == 1 and words in err and "Traceback" not in err
        assert err.count("\n") == 1
