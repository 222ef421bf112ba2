"""3. Commits that survive: no acknowledged visit lives only in WAL frames, and a damaged
rollback journal or WAL left by a crash is reported as damage before SQLite replays it.

SQLite stops replaying a journal or WAL at the first record whose checksum fails, without an
error: every commit after it is gone and `integrity_check` still passes. Each test below
ends in one of two verdicts: every acknowledged visit present, or a "damaged" report; never
"intact" with fewer visits."""
import shutil
import signal
import subprocess
import sys

import pytest
from conftest import PASSPHRASE, TEST_SETTINGS
from safety_helpers import REPO, cli, flip_byte, snapshot

from records import audit, backup, visits
from records.errors import VaultDamaged
from records.keyfile import KdfParams
from records.vault import DB_NAME, Vault

# The hundreds of opens below would spend most of their time in Argon2 even with FAST_KDF.
TINY_KDF = KdfParams(time_cost=1, memory_kib=8, parallelism=1)
WAL = DB_NAME + "-wal"
JOURNAL = DB_NAME + "-journal"

# Saves visits, printing each id once its save has returned, then dies without closing the
# vault; with "mid", first starts one more transaction big enough to spill pages into the
# database file (a small page cache), and dies inside it.
CHILD = """
import os, signal, sys
sys.path.insert(0, sys.argv[1])
from records import visits
from records.vault import Vault
vault = Vault.open(sys.argv[2], None, sys.argv[3])
for n in range(int(sys.argv[4])):
    print(visits.record(vault, note=f"visit {n}", site="corner").id, flush=True)
if sys.argv[5] == "mid":
    vault.db.execute("PRAGMA cache_size = 10")
    with vault.together():
        for n in range(30):
            visits.record(vault, note="unsaved " + "x" * 3000, site="spill")
        os.kill(os.getpid(), signal.SIGKILL)
os.kill(os.getpid(), signal.SIGKILL)
"""


def _new_vault(folder):
    Vault.create(folder, "Nora Nurse", PASSPHRASE, settings=TEST_SETTINGS, kdf=TINY_KDF).lock()


def _killed_after_saving(folder, count=20, mid_transaction=False) -> list[int]:
    """Visit ids a child acknowledged before it was killed with SIGKILL."""
    proc = subprocess.run([sys.executable, "-c", CHILD, str(REPO), str(folder), PASSPHRASE,
                           str(count), "mid" if mid_transaction else "end"],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == -signal.SIGKILL, proc.stderr
    ids = [int(line) for line in proc.stdout.split()]
    assert len(ids) == count
    return ids


def _old_format_crash(folder, image, count=20) -> list[int]:
    """What the app before this change left after a kill -9: `count` visits saved with
    journal_mode=WAL and not yet checkpointed. The files of the open vault are copied as
    they are (the page cache is what a killed process leaves on disk)."""
    vault = Vault.open(folder, None, PASSPHRASE)
    try:
        assert vault.db.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
        vault.db.execute("PRAGMA wal_autocheckpoint = 0")
        ids = [visits.record(vault, note=f"visit {n}", site="corner").id for n in range(count)]
        image.mkdir(mode=0o700)
        for name in (DB_NAME, WAL, "vault.keys"):
            shutil.copy2(folder / name, image / name)
    finally:
        vault.lock()
    assert (image / WAL).stat().st_size > count * 4096, "the visits are in WAL frames"
    return ids


def verdict(folder, acknowledged) -> str:
    """What `check` tells the nurse: "damaged", or "intact" (with every acknowledged visit
    present) or "intact, N missing". Runs what `python main.py check` runs, in process."""
    try:
        vault = Vault.open(folder, None, PASSPHRASE)
    except VaultDamaged:
        return "damaged"
    try:
        backup.check(vault)
        if not audit.verify(vault.db, audit.recorded_heads(vault.db)).ok:
            return "damaged"
        present = {row[0] for row in vault.db.execute("SELECT id FROM visits")}
    except VaultDamaged:
        return "damaged"
    finally:
        vault.lock()
    missing = set(acknowledged) - present
    return f"intact, {len(missing)} missing" if missing else "intact"


def test_saved_visits_do_not_wait_in_a_wal(vault_dir):
    """The reproduction: 20 visits acknowledged, the process killed before it closed the
    vault, then one byte of the WAL's first frame flipped (when there is a WAL)."""
    _new_vault(vault_dir)
    ids = _killed_after_saving(vault_dir)
    wal = vault_dir / WAL
    if wal.exists() and wal.stat().st_size > 32:
        flip_byte(wal, 32 + 24 + 100)
    assert verdict(vault_dir, ids) == "intact"
    assert not wal.exists()


def test_vault_uses_a_rollback_journal_with_full_sync(vault):
    pragma = lambda name: vault.db.execute(f"PRAGMA {name}").fetchone()[0]  # noqa: E731
    assert pragma("journal_mode") == "delete"
    assert pragma("synchronous") == 2  # FULL


def test_an_old_wal_is_replayed_into_the_database(vault_dir, tmp_path):
    _new_vault(vault_dir)
    image = tmp_path / "image"
    ids = _old_format_crash(vault_dir, image)
    assert verdict(image, ids) == "intact"
    assert not (image / WAL).exists()
    assert (image / DB_NAME).stat().st_size > (vault_dir / DB_NAME).stat().st_size / 2


def test_a_flipped_byte_in_an_old_wal_is_reported_and_the_wal_kept(vault_dir, tmp_path):
    _new_vault(vault_dir)
    image = tmp_path / "image"
    _old_format_crash(vault_dir, image)
    flip_byte(image / WAL, 32 + 24 + 100)  # the first frame's page
    before = snapshot(image)
    result = cli("check", "--data-dir", str(image), "--passphrase-file", "-", stdin=PASSPHRASE)
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and result.stderr.count("\n") == 1
    assert "damaged" in result.stderr and WAL in result.stderr
    assert "intact" not in result.stdout + result.stderr
    assert snapshot(image) == before, "the WAL and the database are left byte-identical"


def test_every_512th_byte_of_an_old_wal_flipped(vault_dir, tmp_path):
    _new_vault(vault_dir)
    image = tmp_path / "image"
    ids = _old_format_crash(vault_dir, image, count=5)  # 5 commits, about 25 frames
    _flip_each_512th(image, WAL, ids, tmp_path / "run")


def test_every_512th_byte_of_a_hot_journal_flipped(vault_dir, tmp_path):
    _new_vault(vault_dir)
    ids = _killed_after_saving(vault_dir, mid_transaction=True)
    journal = vault_dir / JOURNAL
    assert journal.read_bytes()[:8] == bytes.fromhex("d9d505f920a163d7"), \
        "the child died with a hot journal (its pages already written to the database)"
    image = tmp_path / "image"
    shutil.copytree(vault_dir, image)
    assert verdict(image, ids) == "intact", "control: the undamaged journal rolls back"
    _flip_each_512th(vault_dir, JOURNAL, ids, tmp_path / "run")


def _flip_each_512th(source, name, ids, run):
    """One run per flipped byte (XOR 0x55), each on a fresh copy of the crashed vault's
    files; returns {offset: verdict}."""
    files = {path.name: path.read_bytes() for path in source.iterdir()}
    run.mkdir(mode=0o700)
    outcomes = {}
    for offset in range(0, len(files[name]), 512):
        for path in run.iterdir():
            if path.name not in files:
                path.unlink()
        for file_name, data in files.items():
            if file_name == name:
                data = bytearray(data)
                data[offset] ^= 0x55
            (run / file_name).write_bytes(data)
        outcomes[offset] = verdict(run, ids)
    wrong = {offset: v for offset, v in outcomes.items() if v not in ("intact", "damaged")}
    assert not wrong, (f"{len(wrong)} of {len(outcomes)} flips lost acknowledged visits, "
                       f"e.g. {sorted(wrong.items())[:5]}")
    assert "damaged" in outcomes.values()
    return outcomes


@pytest.mark.parametrize("where", ["header", "commit frame", "last commit's salt"])
def test_wal_damage_that_would_drop_the_last_commits(vault_dir, tmp_path, where):
    _new_vault(vault_dir)
    image = tmp_path / "image"
    ids = _old_format_crash(vault_dir, image, count=3)
    wal = image / WAL
    frame = 24 + 4096
    frames = (wal.stat().st_size - 32) // frame
    offset = {"header": 12, "commit frame": 32 + (frames - 1) * frame + 24 + 4000,
              "last commit's salt": 32 + (frames - 1) * frame + 12}[where]
    flip_byte(wal, offset)
    assert verdict(image, ids) == "damaged"
