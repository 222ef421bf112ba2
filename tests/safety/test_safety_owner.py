"""Issue 11, failure 1: one owner at a time. A second window or command opening the vault
while another holds it is refused at once (it used to delete the re-key's vault.keys.next
and so destroy the vault); the holder's death (kill -9) frees the vault.

The long operations run as real commands (`python main.py ...`) in a child process. The
barrier is what the child says ('re-keying' on its stderr) or the hint file naming it as the
holder; the child is then stopped (SIGSTOP, where the platform has it) so that the second
opener certainly runs while the first is in the middle of its work, and resumed after."""
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time

import pytest
from conftest import FAST_KDF, PASSPHRASE
from safety_helpers import REPO, child, cli

from flows import demo
from records import backup, owner, staff, visits
from records.errors import ClinicError, VaultDamaged
from records.vault import NEXT_KEY_NAME, Vault

NURSE = "Demo Nurse"
SECOND = "Bea Nurse"
SECOND_PASS = "bea's own passphrase"


def busy_line(pid: int) -> re.Pattern:
    """The refusal, naming the holder."""
    host = re.escape(socket.gethostname())
    return re.compile(rf"error: the vault is open in another window or command "
                      rf"\(pid {pid} on {host} since \d\d:\d\d\)\n")


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory):
    """A demo vault of a few thousand clients with a second nurse, made once; each test
    works on a copy."""
    folder = tmp_path_factory.mktemp("owner") / "demo"
    vault, _, _ = demo.create(folder, NURSE, PASSPHRASE, clients=3000, weeks=8, seed=11,
                              kdf=FAST_KDF)
    try:
        staff.add(vault, SECOND, "nurse", SECOND_PASS, kdf=FAST_KDF)
    finally:
        vault.lock()
    return folder


@pytest.fixture
def big(demo_folder, tmp_path):
    folder = tmp_path / "vault"
    shutil.copytree(demo_folder, folder)
    (tmp_path / "pass").write_text(PASSPHRASE + "\n", encoding="utf-8")
    return folder


def _lower_priority() -> None:  # in the child: a loaded machine runs the test first
    os.nice(10)


def start(*argv: str) -> subprocess.Popen:
    """`python main.py ...` in the background, as a user would start it."""
    return subprocess.Popen([sys.executable, str(REPO / "main.py"), *argv], cwd=REPO,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            preexec_fn=_lower_priority if os.name == "posix" else None)


def pause(proc: subprocess.Popen) -> None:
    if hasattr(signal, "SIGSTOP"):
        os.kill(proc.pid, signal.SIGSTOP)
    assert proc.poll() is None, "the first command must still be running"


def resume(proc: subprocess.Popen) -> tuple[str, str]:
    if hasattr(signal, "SIGCONT"):
        os.kill(proc.pid, signal.SIGCONT)
    return proc.communicate(timeout=120)


def wait_until_holder(folder, proc: subprocess.Popen) -> None:
    """Until the hint file names the child as the vault's holder (it is written once the
    lock is taken)."""
    while proc.poll() is None:
        try:
            if json.loads(owner.hint_path(folder).read_text(encoding="utf-8"))["pid"] == proc.pid:
                return
        except (OSError, ValueError, KeyError):
            pass
        time.sleep(0.002)
    pytest.fail(f"the command ended before holding the vault: {proc.communicate()}")


def common(folder, tmp_path, staff_name=NURSE) -> list[str]:
    return ["--data-dir", str(folder), "--staff", staff_name,
            "--passphrase-file", str(tmp_path / "pass")]


# --- failure 1 ---------------------------------------------------------------------------

def test_check_during_staff_remove_is_refused_and_the_removal_completes(big, tmp_path):
    remove = start("staff", "remove", *common(big, tmp_path), "--name", SECOND)
    line = remove.stderr.readline()
    assert line.startswith("re-keying"), (line, remove.communicate())
    pause(remove)
    assert (big / NEXT_KEY_NAME).exists()  # what the second process used to delete
    checked = cli("check", *common(big, tmp_path))
    out, err = resume(remove)
    assert checked.returncode == 1 and checked.stdout == ""
    assert busy_line(remove.pid).fullmatch(checked.stderr), checked.stderr
    assert remove.returncode == 0, err
    assert f"removed {SECOND}" in out
    assert not (big / NEXT_KEY_NAME).exists()
    vault = Vault.open(big, NURSE, PASSPHRASE)
    try:
        assert [m.name for m in staff.all_staff(vault)] == [NURSE]
        assert backup.check(vault) > 1000  # every page's HMAC and integrity_check
    finally:
        vault.lock()
    with pytest.raises(ClinicError):
        Vault.open(big, SECOND, SECOND_PASS)


# --- every long operation: a second opener is refused and the first completes -------------

def test_check_during_passwd_rekey_is_refused_and_the_re_key_completes(big, tmp_path):
    (tmp_path / "new").write_text("a brand new passphrase\n", encoding="utf-8")
    passwd = start("passwd", *common(big, tmp_path), "--new-passphrase-file",
                   str(tmp_path / "new"), "--rekey")
    line = passwd.stderr.readline()
    assert line.startswith("re-keying"), (line, passwd.communicate())
    pause(passwd)
    assert (big / NEXT_KEY_NAME).exists()
    checked = cli("check", *common(big, tmp_path))
    out, err = resume(passwd)
    assert checked.returncode == 1 and busy_line(passwd.pid).fullmatch(checked.stderr)
    assert passwd.returncode == 0, err
    assert not (big / NEXT_KEY_NAME).exists()
    Vault.open(big, NURSE, "a brand new passphrase").lock()


def refused_during(folder, *argv: str) -> str:
    """Run a command; while it holds the vault, an open here is refused; it then completes.
    Returns its standard output."""
    proc = start(*argv)
    wait_until_holder(folder, proc)
    pause(proc)
    with pytest.raises(owner.VaultBusy) as refused:
        Vault.open(folder, NURSE, PASSPHRASE)
    out, err = resume(proc)
    assert busy_line(proc.pid).fullmatch(f"error: {refused.value}\n"), str(refused.value)
    assert proc.returncode == 0, err
    return out


def test_open_during_a_backup_is_refused_and_the_backup_completes(big, tmp_path):
    out = refused_during(big, "backup", *common(big, tmp_path), "--to", str(tmp_path / "usb"))
    assert out.startswith("backup written and verified: ")
    assert len(list((tmp_path / "usb").glob("van-clinic-backup-*"))) == 1


def test_open_during_an_import_is_refused_and_the_import_completes(big, tmp_path):
    rows = "".join(f"IMP{n},Imported Client {n}\n" for n in range(3000))
    (tmp_path / "clients.csv").write_text("ref,name\n" + rows, encoding="utf-8")
    out = refused_during(big, "import", *common(big, tmp_path),
                         "--clients", str(tmp_path / "clients.csv"))
    assert out.startswith("imported 3000 clients")
    vault = Vault.open(big, NURSE, PASSPHRASE)
    try:
        assert vault.db.execute("SELECT count(*) FROM clients WHERE name LIKE 'Imported %'"
                                ).fetchone()[0] == 3000
    finally:
        vault.lock()


def test_staff_remove_is_refused_while_the_app_or_a_command_holds_the_vault(big, tmp_path):
    holder = Vault.open(big, NURSE, PASSPHRASE)
    try:
        refused = cli("staff", "remove", *common(big, tmp_path), "--name", SECOND)
    finally:
        holder.lock()
    assert refused.returncode == 1 and busy_line(os.getpid()).fullmatch(refused.stderr)
    assert SECOND in [m.name for m in _staff_after(big)]


def _staff_after(folder):
    vault = Vault.open(folder, NURSE, PASSPHRASE)
    try:
        return staff.all_staff(vault)
    finally:
        vault.lock()


def test_recover_is_refused_while_held_and_finishes_an_interrupted_re_key(vault, vault_dir,
                                                                         monkeypatch):
    import pyrage

    from records import fsutil, rekey
    identity = pyrage.x25519.Identity.generate()
    rekey.set_recovery(vault, str(identity.to_public()))
    before = (vault_dir / "vault.keys").read_bytes()
    with pytest.raises(owner.VaultBusy):
        rekey.recover(vault_dir, str(identity), "Nora Nurse", "a new passphrase", kdf=FAST_KDF)
    assert (vault_dir / "vault.keys").read_bytes() == before

    olly = staff.add(vault, "Olly Outreach", "outreach", SECOND_PASS, kdf=FAST_KDF)

    def stop(stage):
        if stage == "after_rekey":
            raise KeyboardInterrupt
    monkeypatch.setattr(fsutil, "crash_hook", stop)
    with pytest.raises(KeyboardInterrupt):
        rekey.remove_staff(vault, olly.id)
    monkeypatch.setattr(fsutil, "crash_hook", None)
    vault.lock()
    assert (vault_dir / NEXT_KEY_NAME).exists()  # the database has the new key already
    recovered = rekey.recover(vault_dir, str(identity), "Nora Nurse", "a new passphrase",
                             kdf=FAST_KDF)
    try:
        assert not (vault_dir / NEXT_KEY_NAME).exists()
        assert [m.name for m in staff.all_staff(recovered)] == ["Nora Nurse"]
    finally:
        recovered.lock()
    Vault.open(vault_dir, None, "a new passphrase").lock()


# --- the holder dies ---------------------------------------------------------------------------

def test_kill_9_of_the_holder_frees_the_vault(vault, vault_dir):
    vault.lock()
    saver = child("visits", dir=str(vault_dir), passphrase=PASSPHRASE, start=0)
    try:
        assert saver.stdout.readline() == "ready\n"
        acked = saver.stdout.readline().split()
        with pytest.raises(owner.VaultBusy):
            Vault.open(vault_dir, None, PASSPHRASE)
    finally:
        saver.kill()  # SIGKILL: no clean-up runs in the child
        saver.communicate(timeout=60)
    assert acked[0] == "ack"
    again = Vault.open(vault_dir, None, PASSPHRASE)
    try:
        assert visits.get(again, int(acked[2])).note.startswith("visit 0 ")
    finally:
        again.lock()


# --- the same process ----------------------------------------------------------------------------

def test_a_second_open_in_the_same_process_is_refused_until_the_first_locks(vault, vault_dir):
    with pytest.raises(owner.VaultBusy, match=rf"\(pid {os.getpid()} on "):
        Vault.open(vault_dir, None, PASSPHRASE)
    with pytest.raises(owner.VaultBusy):
        Vault.create(vault_dir, "Someone Else", PASSPHRASE, kdf=FAST_KDF)
    assert vault.is_open and vault.db.execute("SELECT count(*) FROM staff").fetchone()
    vault.lock()
    Vault.open(vault_dir, None, PASSPHRASE).lock()


def test_every_failed_open_lets_go_of_the_vault(vault, vault_dir):
    vault.lock()
    with pytest.raises(ClinicError, match="wrong passphrase"):
        Vault.open(vault_dir, None, "not the passphrase")
    (vault_dir / "vault.db").write_bytes(b"\0" * 4096)
    with pytest.raises(VaultDamaged):
        Vault.open(vault_dir, None, PASSPHRASE)
    with owner.acquire(vault_dir) as lock:
        assert lock.held


def test_create_takes_the_vault_before_writing_anything(tmp_path):
    folder = tmp_path / "new"
    with owner.acquire(folder):
        with pytest.raises(owner.VaultBusy):
            Vault.create(folder, "Nora Nurse", PASSPHRASE, kdf=FAST_KDF)
    assert not folder.exists()
    made = Vault.create(folder, "Nora Nurse", PASSPHRASE, kdf=FAST_KDF)
    try:
        assert owner.lock_path(folder) == tmp_path / "new.lock"
        assert json.loads(owner.hint_path(folder).read_text())["pid"] == os.getpid()
        assert sorted(p.name for p in tmp_path.iterdir()) == ["new", "new.lock", "new.lock-owner"]
    finally:
        made.lock()
    assert not owner.hint_path(folder).exists()


def test_two_names_for_one_folder_share_one_lock(vault, vault_dir, tmp_path):
    link = tmp_path / "link"
    link.symlink_to(vault_dir, target_is_directory=True)
    with pytest.raises(owner.VaultBusy):
        Vault.open(link, None, PASSPHRASE)
    with pytest.raises(owner.VaultBusy):
        Vault.open(tmp_path / "." / "vault", None, PASSPHRASE)


def test_a_mistyped_folder_leaves_nothing_behind(tmp_path):
    with pytest.raises(ClinicError, match="no vault in"):
        Vault.open(tmp_path / "typo", None, PASSPHRASE)
    assert list(tmp_path.iterdir()) == []


# --- no OS locks -------------------------------------------------------------------------------------

def _no_os_locks(monkeypatch, error):
    """The call filelock locks with (flock on Unix, msvcrt.locking on Windows) fails."""
    def refuse(*args):
        raise error
    if os.name == "nt":
        import msvcrt
        monkeypatch.setattr(msvcrt, "locking", refuse)
    else:
        import fcntl
        monkeypatch.setattr(fcntl, "flock", refuse)


@pytest.mark.parametrize("error", [OSError(38, "Function not implemented"), NotImplementedError()],
                         ids=["ENOSYS", "NotImplementedError"])
def test_a_file_system_without_os_locks_is_refused(vault, vault_dir, monkeypatch, capsys, error):
    import main
    vault.lock()
    before = {p.name: p.read_bytes() for p in vault_dir.iterdir()}
    _no_os_locks(monkeypatch, error)
    with pytest.raises(owner.VaultBusy, match="no OS file locks"):
        Vault.open(vault_dir, None, PASSPHRASE)
    (vault_dir.parent / "pass").write_text(PASSPHRASE)
    code = main.main(["check", "--data-dir", str(vault_dir),
                      "--passphrase-file", str(vault_dir.parent / "pass")])
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1
    assert err.startswith(f"error: cannot lock the vault folder {vault_dir}: its file system "
                          "offers no OS file locks")
    assert {p.name: p.read_bytes() for p in vault_dir.iterdir()} == before
    monkeypatch.undo()
    Vault.open(vault_dir, None, PASSPHRASE).lock()


def test_a_lock_file_that_cannot_be_used_is_named(vault, vault_dir):
    vault.lock()
    owner.lock_path(vault_dir).unlink()
    owner.lock_path(vault_dir).mkdir()  # not a file: it cannot be opened to lock
    with pytest.raises(owner.VaultBusy, match=f"cannot use the lock file "
                                              f"{re.escape(str(owner.lock_path(vault_dir)))} "):
        Vault.open(vault_dir, None, PASSPHRASE)


# --- leftovers ---------------------------------------------------------------------------------------

def test_check_reports_every_leftover(vault, vault_dir, tmp_path, capsys):
    import main
    backup.write_backup(vault, tmp_path / "usb")
    vault.lock()
    shutil.copy(vault_dir / "vault.keys", vault_dir / NEXT_KEY_NAME)  # a re-key that never ran
    (vault_dir / ".vault.keys.tmp-0123456789ab").write_bytes(b"half")
    (tmp_path / "usb" / ".van-clinic-backup-2026-03-01_120000.partial-ab12cd34").mkdir()
    (tmp_path / ".vault.restore-1a2b3c4d").mkdir()
    (tmp_path / "vault.replaced-20260301T120000Z").mkdir()  # kept by a restore
    (tmp_path / "pass").write_text(PASSPHRASE)
    code = main.main(["check", "--data-dir", str(vault_dir),
                      "--passphrase-file", str(tmp_path / "pass")])
    out = capsys.readouterr().out.splitlines()
    assert code == 0
    assert out[-1].startswith("vault intact: ")
    notes = out[:-1]
    assert len(notes) == 5, out
    assert any(NEXT_KEY_NAME in n and "before it committed" in n for n in notes)
    assert any(".vault.keys.tmp-0123456789ab" in n and "interrupted" in n for n in notes)
    assert any(".partial-ab12cd34" in n and "backup" in n for n in notes)
    assert any(".vault.restore-1a2b3c4d" in n and "restore" in n for n in notes)
    assert any("vault.replaced-20260301T120000Z" in n and "kept on purpose" in n for n in notes)
    assert not (vault_dir / NEXT_KEY_NAME).exists()  # the holder resolved it


def test_a_hint_that_cannot_be_written_does_not_name_a_dead_holder(vault, vault_dir, monkeypatch):
    from records.errors import DiskFull
    vault.lock()
    owner.hint_path(vault_dir).write_text('{"pid": 999999, "host": "gone", "since": 0}')

    def full(path, data):
        raise DiskFull()
    monkeypatch.setattr(owner, "atomic_write", full)
    held = Vault.open(vault_dir, None, PASSPHRASE)
    try:
        with pytest.raises(owner.VaultBusy) as refused:
            Vault.open(vault_dir, None, PASSPHRASE)
        assert str(refused.value) == "the vault is open in another window or command"
    finally:
        held.lock()
