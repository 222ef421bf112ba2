"""5. A refused write is not damage: under a file-size limit (or on a full disk) a command
says the system refused the write and that nothing changed, with no restore advice; the
vault then opens intact with nothing lost. "The disk is full" only when it is."""
import errno
import os
import resource
import signal
import subprocess
import sys
from types import SimpleNamespace

import pytest
import sqlcipher3
from conftest import FAST_KDF, PASSPHRASE, TEST_SETTINGS
from safety_helpers import REPO, flip_byte, snapshot
from test_safety_journal import WAL, _old_format_crash

from cli import common as cli
from records import backup, errors, visits
from records.errors import WRITE_REFUSED, DiskFull, VaultDamaged
from records.vault import DB_NAME, Vault

REFUSED_LINE = f"error: {WRITE_REFUSED}\n"
LIMIT = 1024  # bytes: less than one journal record, more than the unlock guard's state file


def _limited(*argv: str, limit: int = LIMIT) -> subprocess.CompletedProcess:
    """`python main.py ...` with RLIMIT_FSIZE set (and SIGXFSZ ignored, so a write past the
    limit fails with EFBIG instead of killing the process), as `ulimit -f` does."""
    def cap():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
    return subprocess.run([sys.executable, str(REPO / "main.py"), *argv], cwd=REPO,
                          capture_output=True, text=True, input=PASSPHRASE, timeout=120,
                          preexec_fn=cap, env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})


def _options(folder):
    return ["--data-dir", str(folder), "--passphrase-file", "-"]


def _vault_with_visits(folder, count=5) -> list[int]:
    vault = Vault.create(folder, "Nora Nurse", PASSPHRASE, settings=TEST_SETTINGS, kdf=FAST_KDF)
    try:
        return [visits.record(vault, note=f"visit {n}", site="corner").id for n in range(count)]
    finally:
        vault.lock()


def _intact_with(folder, ids, clinic_name=TEST_SETTINGS.clinic_name):
    vault = Vault.open(folder, None, PASSPHRASE)
    try:
        assert backup.problems(vault.db) == []
        assert vault.settings.clinic_name == clinic_name
        assert [r[0] for r in vault.db.execute("SELECT id FROM visits ORDER BY id")] == ids
    finally:
        vault.lock()


def test_a_write_refused_by_a_file_size_limit(vault_dir):
    ids = _vault_with_visits(vault_dir)
    result = _limited("settings", "set", "clinic_name", "--value", "Renamed",
                      *_options(vault_dir))
    assert (result.returncode, result.stderr) == (1, REFUSED_LINE), result.stderr
    assert "restore" not in result.stderr.lower()
    _intact_with(vault_dir, ids)
    # Control: the same command without the limit saves.
    assert _limited("settings", "set", "clinic_name", "--value", "Renamed",
                    *_options(vault_dir), limit=resource.RLIM_INFINITY).returncode == 0
    _intact_with(vault_dir, ids, clinic_name="Renamed")


def test_check_that_must_write_under_a_file_size_limit(vault_dir, tmp_path):
    """An old vault's WAL is merged into the database at the first open: under the limit
    that write is refused, and check says so instead of "damaged, restore"."""
    _vault_with_visits(vault_dir)
    image = tmp_path / "image"
    ids = _old_format_crash(vault_dir, image)
    before = snapshot(image)
    result = _limited("check", *_options(image))
    assert (result.returncode, result.stderr) == (1, REFUSED_LINE), result.stderr
    assert (image / WAL).exists()
    assert snapshot(image)[WAL] == before[WAL], "the WAL is kept for the next open"
    checked = _limited("check", *_options(image), limit=resource.RLIM_INFINITY)
    assert checked.returncode == 0 and checked.stdout.startswith("vault intact"), checked.stderr
    vault = Vault.open(image, None, PASSPHRASE)
    try:
        present = {r[0] for r in vault.db.execute("SELECT id FROM visits")}
    finally:
        vault.lock()
    assert set(ids) <= present


def test_check_of_an_intact_vault_under_a_file_size_limit_only_reads(vault_dir):
    ids = _vault_with_visits(vault_dir)
    result = _limited("check", *_options(vault_dir))
    assert result.returncode == 0 and result.stdout.startswith("vault intact"), result.stderr
    _intact_with(vault_dir, ids)


@pytest.fixture
def low_space(monkeypatch):
    usage = SimpleNamespace(total=32_000_000_000, used=31_995_000_000, free=5_000_000)
    monkeypatch.setattr(errors.shutil, "disk_usage", lambda path: usage)


def test_a_full_disk_is_called_full_with_the_space_left(vault, low_space):
    with pytest.raises(DiskFull) as refused:
        with vault.write("create", "visit"):
            raise sqlcipher3.OperationalError("database or disk is full")
    message = str(refused.value)
    assert message.startswith("the disk is full (5 MB free on /")
    assert "nothing was saved" in message and "restore" not in message.lower()


def test_plenty_of_space_is_not_called_a_full_disk(vault):
    for refusal in (sqlcipher3.OperationalError("database or disk is full"),
                    sqlcipher3.OperationalError("disk I/O error")):
        with pytest.raises(DiskFull) as refused:
            with vault.write("create", "visit"):
                raise refusal
        assert str(refused.value) == WRITE_REFUSED


def _run(raised, folder):
    def command(args):
        raise raised
    return cli.run_command(SimpleNamespace(func=command, data_dir=str(folder)))


@pytest.mark.parametrize("raised", [
    sqlcipher3.OperationalError("disk I/O error"),
    sqlcipher3.OperationalError("database or disk is full"),
    OSError(errno.ENOSPC, "No space left on device"),
    OSError(errno.EFBIG, "File too large"),
    OSError(errno.EDQUOT, "Disk quota exceeded"),
])
def test_every_refusal_reaching_the_command_line_is_one_line(raised, tmp_path, capsys):
    assert _run(raised, tmp_path) == 1
    assert capsys.readouterr().err == REFUSED_LINE


def test_the_command_line_says_full_only_when_it_is(tmp_path, capsys, low_space):
    assert _run(OSError(errno.ENOSPC, "No space left on device"), tmp_path) == 1
    assert capsys.readouterr().err.startswith("error: the disk is full (5 MB free on /")


def test_real_damage_found_by_check_names_the_newest_backup(vault, vault_dir, tmp_path):
    for n in range(40):
        visits.record(vault, note=f"note {n} " + "z" * 3000)
    made = backup.write_backup(vault, tmp_path / "usb")
    vault.lock()
    flip_byte(vault_dir / DB_NAME, (vault_dir / DB_NAME).stat().st_size - 4096 + 200)
    vault = Vault.open(vault_dir, None, PASSPHRASE)
    try:
        with pytest.raises(VaultDamaged) as damaged:
            backup.check(vault)
    finally:
        vault.lock()
    assert f"Newest good backup: {made}" in str(damaged.value)
