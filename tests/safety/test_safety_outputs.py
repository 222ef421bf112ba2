"""Outputs never clobber (issue 11, failure 6): `export --out`, `print --out`, `coordinator
keygen --out` refuse a taken name unless --force, nothing lands inside a vault or backup
folder, the refusal comes before any work, and a failure leaves no partial file."""
import errno
import hashlib
import os
import subprocess
import sys

import pyrage
import pytest
from conftest import PASSPHRASE

import main
from records import backup, fsutil, outputs, owner, settings
from records.vault import Vault

from safety_helpers import REPO


def sha(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def cli(vault, vault_dir, tmp_path):
    """The test vault (with a coordinator key), locked; runs a command in this process and
    returns its exit code."""
    settings.update(vault, export_recipient=str(pyrage.x25519.Identity.generate().to_public()))
    vault.lock()
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE + "\n")

    def run(*args):
        return main.main([*args, "--data-dir", str(vault_dir), "--passphrase-file", str(secret)])
    return run


def audit_actions(vault_dir) -> list[str]:
    vault = Vault.open(vault_dir, None, PASSPHRASE)
    try:
        return [r[0] for r in vault.db.execute("SELECT action FROM audit ORDER BY seq")]
    finally:
        vault.lock()


def one_error_line(err: str) -> str:
    assert err.startswith("error: ") and err.count("\n") == 1, err
    assert "Traceback" not in err
    return err


# --- the two attacks of failure 6 --------------------------------------------------------------

def test_export_over_the_key_file_is_refused(cli, vault_dir, capsys):
    keys, db = vault_dir / "vault.keys", vault_dir / "vault.db"
    before = (sha(keys), sha(db))
    assert cli("export", "--week", "2026-W10", "--out", str(keys)) == 1
    err = one_error_line(capsys.readouterr().err)
    assert "vault folder" in err
    assert (sha(keys), sha(db)) == before
    assert "export" not in audit_actions(vault_dir)
    assert cli("export", "--week", "2026-W10", "--out", str(keys), "--force") == 1
    assert "vault folder" in capsys.readouterr().err and sha(keys) == before[0]


def test_print_over_the_database_is_refused(cli, vault_dir, capsys):
    db = vault_dir / "vault.db"
    before = sha(db)
    assert cli("print", "alert-sheet", "--out", str(db)) == 1
    err = one_error_line(capsys.readouterr().err)
    assert "vault folder" in err
    assert sha(db) == before
    assert cli("print", "alert-sheet", "--out", str(vault_dir / "sheet.pdf"), "--force") == 1
    assert "vault folder" in capsys.readouterr().err
    assert not (vault_dir / "sheet.pdf").exists()
    assert "print" not in audit_actions(vault_dir)


def test_outputs_inside_a_backup_folder_or_on_the_lock_file_are_refused(cli, vault, vault_dir,
                                                                        tmp_path, capsys):
    assert cli("backup", "--to", str(tmp_path / "stick")) == 0
    made = backup.backups_in(tmp_path / "stick")[0]
    capsys.readouterr()
    for target in (made / "sheet.pdf", made / "vault.keys", made / "sub" / "x.pdf",
                   owner.lock_path(vault_dir), owner.hint_path(vault_dir)):
        with pytest.raises(outputs.OutputRefused):
            outputs.check_file(target, force=True)
    assert cli("print", "alert-sheet", "--out", str(made / "manifest.json"), "--force") == 1
    assert "backup folder" in one_error_line(capsys.readouterr().err)
    assert backup.read_manifest(made)  # still a good backup


# --- taken names and --force ---------------------------------------------------------------------

def test_a_taken_name_is_refused_and_force_replaces(cli, vault_dir, tmp_path, capsys):
    taken = tmp_path / "taken.pdf"
    taken.write_bytes(b"the nurse's own file")
    assert cli("print", "alert-sheet", "--out", str(taken)) == 1
    assert "already exists" in one_error_line(capsys.readouterr().err)
    assert taken.read_bytes() == b"the nurse's own file"
    assert cli("export", "--week", "2026-W10", "--out", str(taken)) == 1
    assert "already exists" in one_error_line(capsys.readouterr().err)
    assert taken.read_bytes() == b"the nurse's own file"
    assert audit_actions(vault_dir).count("print") == 0

    assert cli("print", "alert-sheet", "--out", str(taken), "--force") == 0
    assert taken.read_bytes().startswith(b"%PDF") and taken.stat().st_mode & 0o777 == 0o600
    assert cli("export", "--week", "2026-W10", "--out", str(taken), "--force") == 0
    assert taken.read_bytes().startswith(b"age-encryption.org/v1")
    assert audit_actions(vault_dir).count("print") == 1


def test_the_check_comes_before_the_passphrase_and_any_work(cli, vault_dir, tmp_path, capsys,
                                                            monkeypatch):
    taken = tmp_path / "taken.pdf"
    taken.write_bytes(b"x")
    import flows.documents
    monkeypatch.setattr(flows.documents, "job_pdf", lambda *a: pytest.fail("rendered"))
    monkeypatch.setattr(Vault, "open", classmethod(lambda *a, **k: pytest.fail("opened")))
    for args in (["print", "alert-sheet"], ["export"]):
        code = main.main([*args, "--out", str(taken), "--data-dir", str(vault_dir),
                          "--passphrase-file", str(tmp_path / "no-such-file")])
        assert code == 1 and "already exists" in one_error_line(capsys.readouterr().err)


def test_keygen_refuses_a_taken_name_and_force_keeps_the_old_key(tmp_path, capsys):
    key = tmp_path / "coordinator.key"
    assert main.main(["coordinator", "keygen", "--out", str(key)]) == 0
    first = key.read_bytes()
    capsys.readouterr()
    assert main.main(["coordinator", "keygen", "--out", str(key)]) == 1
    assert "already exists" in one_error_line(capsys.readouterr().err)
    assert key.read_bytes() == first
    assert main.main(["coordinator", "keygen", "--out", str(key), "--force"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("age1") and out.count("\n") == 1  # stdout: the public key only
    kept = [p for p in tmp_path.iterdir() if p.name.startswith("coordinator.key.replaced-")]
    assert len(kept) == 1 and kept[0].read_bytes() == first and str(kept[0]) in err
    assert key.read_bytes() != first and key.stat().st_mode & 0o777 == 0o600


# --- backup --to -------------------------------------------------------------------------------

def test_backup_into_a_vault_or_backup_folder_is_refused(cli, vault_dir, tmp_path, capsys):
    assert cli("backup", "--to", str(tmp_path / "stick")) == 0
    made = backup.backups_in(tmp_path / "stick")[0]
    capsys.readouterr()
    before = sorted(p.name for p in vault_dir.iterdir())
    for folder, what in ((vault_dir, "vault folder"), (vault_dir / "backups", "vault folder"),
                         (made, "backup folder")):
        assert cli("backup", "--to", str(folder)) == 1
        assert what in one_error_line(capsys.readouterr().err)
    assert sorted(p.name for p in vault_dir.iterdir()) == before
    assert sorted(p.name for p in made.iterdir()) == ["manifest.json", "vault.db", "vault.keys"]
    assert audit_actions(vault_dir).count("backup") == 1


# --- failures leave nothing ----------------------------------------------------------------------

@pytest.fixture(params=["unnamed file", "hidden file"])
def staging(request, monkeypatch):
    """Both ways of writing a new file: O_TMPFILE (Linux) and a hidden sibling (elsewhere)."""
    if request.param == "hidden file":
        monkeypatch.setattr(outputs, "_open_unnamed", lambda folder: None)
    return request.param


@pytest.mark.parametrize("force", [False, True])
def test_a_failure_mid_write_leaves_no_partial_file(tmp_path, monkeypatch, staging, force):
    def crash(stage):
        if stage == "after_temp_write":
            raise RuntimeError("crash")
    monkeypatch.setattr(fsutil, "crash_hook", crash)
    target = tmp_path / "out.pdf"
    if force:
        target.write_bytes(b"old")
    with pytest.raises(RuntimeError):
        outputs.write_file(target, b"new" * 1000, force=force)
    assert [p.name for p in tmp_path.iterdir()] == (["out.pdf"] if force else [])
    if force:
        assert target.read_bytes() == b"old"
    monkeypatch.setattr(fsutil, "crash_hook", None)
    outputs.write_file(target, b"new", force=force)
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]
    assert target.read_bytes() == b"new" and target.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("force", [False, True])
def test_a_refused_write_leaves_no_file(tmp_path, force):
    """A real refusal from the system (a file-size limit, as on a full disk)."""
    script = ("import resource, signal, sys; from records import outputs, errors\n"
              "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
              "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))\n"
              "try:\n"
              "    outputs.write_file(sys.argv[1], b'x' * 100_000, force=sys.argv[2] == '1')\n"
              "except errors.DiskFull as exc:\n"
              "    print(exc)\n")
    target = tmp_path / "out.pdf"
    if force:
        target.write_bytes(b"old")
    done = subprocess.run([sys.executable, "-c", script, str(target), str(int(force))],
                          cwd=REPO, capture_output=True, text=True)
    assert done.returncode == 0 and done.stderr == ""
    assert done.stdout == (f"the system refused the write (file-size limit, full or failing "
                           f"disk); {target} was not written\n")
    assert [p.name for p in tmp_path.iterdir()] == (["out.pdf"] if force else [])
    if force:
        assert target.read_bytes() == b"old"


def test_without_hard_links_a_new_file_is_renamed_into_place(tmp_path, monkeypatch):
    def no_links(*args, **kwargs):
        raise PermissionError(errno.EPERM, "Operation not permitted")
    monkeypatch.setattr(outputs, "_open_unnamed", lambda folder: None)
    monkeypatch.setattr(os, "link", no_links)
    outputs.write_file(tmp_path / "out.pdf", b"pdf")
    with pytest.raises(outputs.OutputRefused):
        outputs.write_file(tmp_path / "out.pdf", b"other")
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]
    assert (tmp_path / "out.pdf").read_bytes() == b"pdf"


def test_a_kill_mid_write_leaves_no_file_at_all(tmp_path):
    """The process dies (os._exit) after writing, before the output is named."""
    script = ("import os, sys; from records import fsutil, outputs\n"
              "fsutil.crash_hook = lambda s: os._exit(9) if s == 'after_temp_write' else None\n"
              "outputs.write_file(sys.argv[1], b'%PDF plaintext' * 1000)\n")
    done = subprocess.run([sys.executable, "-c", script, str(tmp_path / "out.pdf")], cwd=REPO)
    assert done.returncode == 9
    assert list(tmp_path.iterdir()) == []


def test_write_file_never_replaces_a_name_that_appears_meanwhile(tmp_path, monkeypatch,
                                                                 staging):
    target = tmp_path / "out.pdf"

    def appear(stage):
        if stage == "after_temp_write":
            target.write_bytes(b"someone else's")
    monkeypatch.setattr(fsutil, "crash_hook", appear)
    with pytest.raises(outputs.OutputRefused):
        outputs.write_file(target, b"mine")
    assert target.read_bytes() == b"someone else's"
    assert [p.name for p in tmp_path.iterdir()] == ["out.pdf"]


def test_a_symlink_at_the_name_is_not_followed(tmp_path, vault, vault_dir):
    link = tmp_path / "out.pdf"
    link.symlink_to(vault_dir / "vault.db")
    before = sha(vault_dir / "vault.db")
    with pytest.raises(outputs.OutputRefused):
        outputs.write_file(link, b"pdf")
    outputs.write_file(link, b"pdf", force=True)  # replaces the link, not what it points to
    assert not link.is_symlink() and link.read_bytes() == b"pdf"
    assert sha(vault_dir / "vault.db") == before


# --- folder outputs ----------------------------------------------------------------------------

def test_folder_output_is_built_aside_and_force_keeps_the_old_one(tmp_path):
    out = tmp_path / "report"
    with outputs.folder(out) as built:
        (built.staging / "a.csv").write_text("1")
        assert not out.exists()
    assert [p.name for p in out.iterdir()] == ["a.csv"] and built.replaced is None
    with pytest.raises(outputs.OutputRefused, match="not empty"):
        with outputs.folder(out):
            pytest.fail("no work before the refusal")
    with outputs.folder(out, force=True) as built:
        (built.staging / "b.csv").write_text("2")
    assert [p.name for p in out.iterdir()] == ["b.csv"]
    assert built.replaced.name.startswith("report.replaced-")
    assert [p.name for p in built.replaced.iterdir()] == ["a.csv"]
    kept = built.replaced
    with pytest.raises(RuntimeError):
        with outputs.folder(tmp_path / "other") as built:
            (built.staging / "c.csv").write_text("3")
            raise RuntimeError("failed half-way")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["report", kept.name])


def test_force_never_moves_a_folder_holding_folders(tmp_path, vault, vault_dir):
    for target in (tmp_path, vault_dir):
        with pytest.raises(outputs.OutputRefused):
            with outputs.folder(target, force=True):
                pytest.fail("no work before the refusal")
    assert (vault_dir / "vault.keys").exists()


def test_the_backup_folder_setting_refuses_a_vault_folder(vault, vault_dir, tmp_path):
    from records.errors import ValidationError
    for folder in (vault_dir, vault_dir / "backups"):
        with pytest.raises(ValidationError, match="backup_folder: .*vault folder"):
            settings.update(vault, backup_folder=str(folder))
    assert vault.settings.backup_folder == ""
    settings.update(vault, backup_folder=str(tmp_path / "stick"))
    assert vault.settings.backup_folder == str(tmp_path / "stick")
