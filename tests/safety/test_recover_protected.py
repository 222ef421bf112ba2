"""`recover` with a passphrase-protected coordinator identity (what `coordinator keygen
--passphrase-file` makes): the passphrase from --identity-passphrase-file or a no-echo prompt,
the identity decrypted in memory only."""
import contextlib
import io
import os
from pathlib import Path

import pytest
from conftest import FAST_KDF, PASSPHRASE

import main
from records import keyfile
from records.vault import Vault

NEW = "a brand new passphrase"


def run(capsys, *args):
    code = main.main([str(a) for a in args])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture(scope="module")
def coordinator_key(tmp_path_factory):
    """`coordinator keygen --passphrase-file` once (scrypt is slow): (files, key, public)."""
    files = tmp_path_factory.mktemp("files")
    for name, text in (("pp", PASSPHRASE), ("kp", "coordinator key passphrase"),
                       ("wrong", "not the key passphrase"), ("new", NEW)):
        (files / name).write_text(text + "\n")
    key = files / "coordinator.key"
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = main.main(["coordinator", "keygen", "--out", str(key),
                          "--passphrase-file", str(files / "kp")])
    assert code == 0 and key.read_bytes().startswith(b"age-encryption.org/v1")
    return files, key, printed.getvalue().strip()


@pytest.fixture
def setup(coordinator_key, vault, vault_dir, capsys, monkeypatch):
    """A vault whose recovery slot belongs to the protected coordinator key; vault locked."""
    monkeypatch.setattr(keyfile, "calibrate", lambda *a, **k: FAST_KDF)
    vault.lock()
    files, key, public = coordinator_key
    code, _, err = run(capsys, "set-recovery", "--recipient", public, "--data-dir",
                       vault_dir, "--passphrase-file", files / "pp")
    assert code == 0, err
    return files, key


def recover(vault_dir, key, *extra):
    return ["recover", "--identity", key, "--data-dir", vault_dir, "--staff", "Nora Nurse",
            *extra]


def plaintext_identities(*folders: Path) -> list[Path]:
    return [p for folder in folders for p in folder.rglob("*")
            if p.is_file() and b"AGE-SECRET-KEY-1" in p.read_bytes()]


def test_recover_with_a_protected_identity_and_its_passphrase_file(setup, vault_dir, capsys):
    files, key = setup
    code, out, err = run(capsys, *recover(vault_dir, key, "--identity-passphrase-file",
                                          files / "kp", "--new-passphrase-file", files / "new"))
    assert (code, err) == (0, "") and "recovered: Nora Nurse" in out
    Vault.open(vault_dir, "Nora Nurse", NEW).lock()
    assert plaintext_identities(files, vault_dir, Path(os.environ["HOME"])) == []


def test_recover_asks_for_the_identity_passphrase_on_a_terminal(setup, vault_dir, capsys,
                                                                 monkeypatch):
    files, key = setup
    asked = []

    class Terminal:
        def isatty(self):
            return True

    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("getpass.getpass",
                        lambda prompt: asked.append(prompt) or "coordinator key passphrase")
    code, _, err = run(capsys, *recover(vault_dir, key, "--new-passphrase-file", files / "new"))
    assert (code, err) == (0, "") and asked == ["Identity passphrase: "]
    Vault.open(vault_dir, "Nora Nurse", NEW).lock()


def test_recover_refuses_a_wrong_or_missing_identity_passphrase(setup, vault_dir, capsys):
    files, key = setup
    for extra, words in ((["--identity-passphrase-file", files / "wrong"],
                          "wrong passphrase for the identity file"),
                         ([], "no identity passphrase given: use --identity-passphrase-file")):
        code, out, err = run(capsys, *recover(vault_dir, key, *extra,
                                              "--new-passphrase-file", files / "new"))
        assert code == 1 and out == "" and err.count("\n") == 1
        assert err.startswith("error: ") and words in err, err
    Vault.open(vault_dir, "Nora Nurse", PASSPHRASE).lock()  # unchanged
