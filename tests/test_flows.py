"""The use cases in flows/, called directly as both front ends call them: back up, restore,
import, re-key. Each reports its steps to a progress callback (from 0, never backwards, the
same total throughout, ending with done == total) and leaves nothing half-written when it
is refused."""
import pytest
from conftest import FAST_KDF, PASSPHRASE

from flows.backup_restore import back_up, restore
from flows.import_files import ImportFailed, import_files
from flows.rekey_vault import REKEYING, active_member, change_passphrase, remove_staff
from records import audit, backup, clients, settings, staff
from records.errors import NotFound, UnknownStaff, WrongPassphrase
from records.vault import Vault


class Steps(list):
    """A progress callback that keeps what it heard."""

    def __call__(self, done, total, what):
        assert isinstance(what, str) and what
        self.append((done, total, what))

    @property
    def done(self):
        return [d for d, _, _ in self]

    def check_finished(self):
        """Called, from 0, monotonic, one total, ending at it."""
        totals = {t for _, t, _ in self}
        assert len(totals) == 1, self
        total = totals.pop()
        assert self.done == sorted(self.done) and self.done[-1] == total, self
        return total


def test_back_up_into_a_folder_reports_each_step(vault, tmp_path):
    steps = Steps()
    made = back_up(vault, tmp_path / "stick", progress=steps)
    assert made.parent == tmp_path / "stick" and backup.read_manifest(made)
    assert steps.check_finished() == len(backup.STEPS) == 4
    assert steps.done == [0, 1, 2, 3, 4]
    assert [w for _, _, w in steps][:4] == list(backup.STEPS)


def test_rolling_back_up_with_nothing_changed_still_ends(vault, tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    settings.update(vault, backup_folder=str(folder))
    assert back_up(vault, progress=Steps()) is not None
    steps = Steps()
    assert back_up(vault, progress=steps) is None
    assert steps == [(4, 4, "nothing to do")]


def test_back_up_refused_writes_nothing_and_reports_no_step(vault, vault_dir):
    steps, before = Steps(), audit.head(vault.db)
    with pytest.raises(Exception, match="inside a vault folder"):
        back_up(vault, vault_dir / "backups", progress=steps)
    assert steps == [] and not (vault_dir / "backups").exists()
    assert audit.head(vault.db) == before


def test_restore_reports_each_step_and_brings_the_backup_back(vault, vault_dir, tmp_path):
    clients.register(vault, "Kept")
    made = back_up(vault, tmp_path / "stick")
    clients.register(vault, "After the backup")
    vault.lock()
    steps = Steps()
    result = restore(made, vault_dir, "Nora Nurse", PASSPHRASE, progress=steps)
    assert result.staff == "Nora Nurse" and result.replaced.exists()
    assert steps.check_finished() == 5 and steps.done == [0, 1, 2, 3, 4, 5]
    again = Vault.open(vault_dir, None, PASSPHRASE)
    try:
        assert [r["name"] for r in again.db.query("SELECT name FROM clients")] == ["Kept"]
    finally:
        again.lock()


def test_restore_with_a_wrong_passphrase_changes_nothing(vault, vault_dir, tmp_path):
    made = back_up(vault, tmp_path / "stick")
    clients.register(vault, "After the backup")
    vault.lock()
    before = sorted(p.name for p in vault_dir.parent.iterdir())
    steps = Steps()
    with pytest.raises(WrongPassphrase):
        restore(made, vault_dir, "Nora Nurse", "not the passphrase at all", progress=steps)
    assert steps.done == [0, 1]  # it stopped at "checking who you are"
    assert sorted(p.name for p in vault_dir.parent.iterdir()) == before
    again = Vault.open(vault_dir, None, PASSPHRASE)
    try:
        assert again.db.execute("SELECT count(*) FROM clients").fetchone()[0] == 1
    finally:
        again.lock()


def test_restore_of_a_missing_folder_reports_nothing(tmp_path):
    steps = Steps()
    with pytest.raises(NotFound):
        restore(tmp_path / "nowhere", tmp_path / "vault", progress=steps)
    assert steps == []


CLIENTS = "ref,name\nC1,Rose\nC2,Kit\n"
VISITS = "client_ref,date,needles_returned\nC1,2026-03-14 22:30,\n,2026-03-15,20\n"
DIRECTORY = "name,kind\nHousing Access Centre,shelter\n"


@pytest.fixture
def files(tmp_path):
    paths = {}
    for kind, text in (("clients", CLIENTS), ("visits", VISITS), ("directory", DIRECTORY)):
        paths[f"{kind}_csv"] = tmp_path / f"{kind}.csv"
        paths[f"{kind}_csv"].write_text(text, encoding="utf-8")
    return paths


def test_import_reports_each_file_then_the_writing(vault, files):
    steps = Steps()
    counts = import_files(vault, **files, progress=steps)
    assert (counts.clients, counts.visits, counts.directory, counts.anonymous) == (2, 2, 1, 1)
    assert steps.check_finished() == 4 and steps.done == [0, 1, 2, 3, 4]
    assert [w for _, _, w in steps][:4] == ["checking directory.csv", "checking clients.csv",
                                            "checking visits.csv", "importing"]


def test_a_dry_run_checks_every_file_and_ends_without_writing(vault, files):
    steps, before = Steps(), audit.head(vault.db)
    assert import_files(vault, clients_csv=files["clients_csv"], dry_run=True,
                        progress=steps).clients == 2
    assert steps.check_finished() == 2 and steps.done == [0, 2]
    assert audit.head(vault.db) == before
    assert vault.db.execute("SELECT count(*) FROM clients").fetchone()[0] == 0


def test_a_refused_import_writes_nothing(vault, files):
    files["visits_csv"].write_text("client_ref,date\nNOBODY,2026-03-14\n", encoding="utf-8")
    steps, before = Steps(), audit.head(vault.db)
    with pytest.raises(ImportFailed) as refused:
        import_files(vault, **files, progress=steps)
    assert "visits.csv, line 2, column client_ref" in str(refused.value.problems[0])
    assert steps.done == [0, 1, 2]  # checked all three, never started writing
    assert audit.head(vault.db) == before
    assert vault.db.execute("SELECT count(*) FROM clients").fetchone()[0] == 0


def test_removing_a_staff_member_reports_the_rekey(vault, vault_dir):
    omar = staff.add(vault, "Omar Outreach", "outreach", PASSPHRASE, kdf=FAST_KDF)
    assert active_member(vault, "  omar   OUTREACH ").id == omar.id
    steps = Steps()
    remove_staff(vault, omar.id, progress=steps)
    assert steps.check_finished() == 2 and steps.done == [0, 1, 2]
    assert steps[1][2] == REKEYING == "re-keying ..."
    assert active_member(vault, "Omar Outreach") is None
    vault.lock()
    with pytest.raises(UnknownStaff):
        Vault.open(vault_dir, "Omar Outreach", PASSPHRASE)


def test_removing_yourself_is_refused_before_any_rekey(vault):
    steps, before = Steps(), vault.data_key
    with pytest.raises(Exception, match="cannot remove yourself"):
        remove_staff(vault, vault.staff.id, progress=steps)
    assert steps.done == [0] and vault.data_key == before


@pytest.mark.parametrize("rekey_now", [True, False])
def test_changing_a_passphrase_reports_its_steps(vault, vault_dir, rekey_now):
    new = "a brand new passphrase"
    key, steps = vault.data_key, Steps()
    change_passphrase(vault, PASSPHRASE, new, rekey_now=rekey_now, kdf=FAST_KDF,
                      progress=steps)
    if rekey_now:
        assert steps.done == [0, 1, 2] and steps[1][2] == REKEYING and vault.data_key != key
    else:
        assert steps.done == [0, 1] and vault.data_key == key
    steps.check_finished()
    vault.lock()
    Vault.open(vault_dir, None, new).lock()


def test_a_wrong_current_passphrase_changes_nothing(vault, vault_dir):
    steps = Steps()
    with pytest.raises(WrongPassphrase):
        change_passphrase(vault, "not my passphrase at all", "a brand new passphrase",
                          rekey_now=True, kdf=FAST_KDF, progress=steps)
    assert steps.done == [0]
    vault.lock()
    Vault.open(vault_dir, None, PASSPHRASE).lock()
