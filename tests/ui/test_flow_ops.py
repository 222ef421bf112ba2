"""The slow use cases in the app run on the one runner, never on the GUI thread, with their
steps shown: the staff-removal re-key, the backup at lock (on the unlock window), the client
merge. Locking waits
for a running re-key; a refused one says why and changes nothing."""
import errno
import threading

import pytest
from conftest import FAST_KDF, PASSPHRASE
from formkit import save_keys, show, type_into
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressBar, QProgressDialog
from shellkit import ready_app  # noqa: F401 (fixture)

import records.clients
from records import backup, clients, fsutil, rekey, settings, staff, visits
from records.errors import UnknownStaff
from records.vault import Vault
from ui.merge_dialog import MergeForm
from ui.runner import shared
from ui.staff_editor import StaffEditor


@pytest.fixture
def hold(monkeypatch):
    """hold(module, name): `module.name` waits on the runner until `go` is set; `inside` says
    it started, `seen` on which thread it ran (True: the runner's). Every gate opens at the
    end of the test, so a failed one leaves no job waiting."""
    gates = []

    def make(module, name):
        inside, go, seen = threading.Event(), threading.Event(), []
        real = getattr(module, name)

        def waiting(*args, **kwargs):
            seen.append(shared().on_worker())
            inside.set()
            assert go.wait(20)
            return real(*args, **kwargs)
        monkeypatch.setattr(module, name, waiting)
        gates.append(go)
        return inside, go, seen
    yield make
    for go in gates:
        go.set()


def steps_shown(parent, label):
    """The op's progress dialog over `parent`, with `label`; its bar."""
    dialog = parent.findChild(QProgressDialog)
    assert dialog is not None and dialog.labelText() == label
    return dialog.findChild(QProgressBar)


def remove(qtbot, editor, name):
    rows = [editor.table.item(r, 0).text() for r in range(editor.table.rowCount())]
    editor.table.setCurrentCell(rows.index(name), 0)
    qtbot.mouseClick(editor.remove_button, Qt.LeftButton)
    qtbot.mouseClick(editor.confirm_remove, Qt.LeftButton)


def test_staff_removal_rekeys_on_the_runner_with_its_steps_shown(qtbot, vault, vault_dir,
                                                                 hold):
    staff.add(vault, "Omar Outreach", "outreach", "omar's passphrase", kdf=FAST_KDF)
    inside, go, seen = hold(rekey, "remove_staff")
    editor = show(qtbot, StaffEditor(vault, kdf=FAST_KDF))
    remove(qtbot, editor, "Omar Outreach")
    assert inside.wait(20)
    bar = steps_shown(editor, "Re-keying the vault…")
    qtbot.waitUntil(lambda: (bar.value(), bar.maximum()) == (0, 2))  # the first of two steps
    assert not editor.save_button.isEnabled() and not editor.remove_button.isEnabled()
    go.set()
    qtbot.waitUntil(lambda: "was removed" in editor.status.text(), timeout=20_000)
    assert seen == [True]
    assert [editor.table.item(r, 0).text() for r in range(editor.table.rowCount())] == [
        "Nora Nurse"]
    vault.lock()
    with pytest.raises(UnknownStaff):
        Vault.open(vault_dir, "Omar Outreach", "omar's passphrase")


def test_lock_during_the_removal_rekey_waits_for_it(qtbot, ready_app, hold):
    app = ready_app
    staff.add(app.vault, "Omar Outreach", "outreach", "omar's passphrase", kdf=FAST_KDF)
    inside, go, _ = hold(rekey, "remove_staff")
    app.main.open_form("staff")
    remove(qtbot, app.main.current_page(), "Omar Outreach")
    assert inside.wait(20)
    vault = app.vault
    with qtbot.waitSignal(app.closed, timeout=20_000):
        app.lock()
        assert app.main is None and vault.is_open  # the screen clears; the close waits
        go.set()
    assert not vault.is_open
    Vault.open(app.data_dir, "Nora Nurse", PASSPHRASE).lock()  # re-keyed whole, then closed
    with pytest.raises(UnknownStaff):
        Vault.open(app.data_dir, "Omar Outreach", "omar's passphrase")


def test_a_removal_refused_by_a_full_disk_says_so_and_changes_nothing(qtbot, vault, vault_dir,
                                                                      monkeypatch):
    staff.add(vault, "Omar Outreach", "outreach", "omar's passphrase", kdf=FAST_KDF)
    keys = (vault_dir / "vault.keys").read_bytes()

    def full(stage):
        if stage == "after_temp_write":
            raise OSError(errno.ENOSPC, "no space")
    monkeypatch.setattr(fsutil, "crash_hook", full)
    editor = show(qtbot, StaffEditor(vault, kdf=FAST_KDF))
    remove(qtbot, editor, "Omar Outreach")
    qtbot.waitUntil(lambda: not editor.banner.isHidden(), timeout=20_000)
    assert editor.banner.text().startswith("Not saved. the system refused the write")
    assert "the vault is unchanged" in editor.banner.text()
    assert editor.remove_button.isEnabled() and editor.save_button.isEnabled()
    assert [editor.table.item(r, 0).text() for r in range(editor.table.rowCount())] == [
        "Nora Nurse", "Omar Outreach"]
    monkeypatch.setattr(fsutil, "crash_hook", None)
    assert (vault_dir / "vault.keys").read_bytes() == keys
    assert sorted(p.name for p in vault_dir.iterdir() if p.name.startswith("vault.keys")) == [
        "vault.keys"]
    vault.lock()
    Vault.open(vault_dir, "Omar Outreach", "omar's passphrase").lock()


def test_the_lock_backup_runs_on_the_runner_with_its_steps_shown(qtbot, ready_app, tmp_path,
                                                                 hold):
    app = ready_app
    stick = tmp_path / "stick"
    stick.mkdir()
    settings.update(app.vault, backup_folder=str(stick))
    clients.register(app.vault, "Robin")
    inside, go, seen = hold(backup, "check")
    bar = app.unlock_window.backup
    with qtbot.waitSignal(app.closed, timeout=20_000) as closed:
        app.lock()
        assert inside.wait(20)
        qtbot.waitUntil(bar.isVisible)  # the backup is taking a while: its steps show
        assert (bar.value(), bar.maximum()) == (0, len(backup.STEPS))
        assert bar.text() == "Backing up the vault: step 0 of 4"
        go.set()
    [made] = backup.backups_in(stick)
    assert closed.args == [made] and seen == [True] and not bar.isVisible()


def test_merge_runs_on_the_runner_and_a_failure_changes_nothing(qtbot, vault, monkeypatch):
    keep = clients.register(vault, "Rosie Red")
    other = clients.register(vault, "Rosa")
    visits.record(vault, client_id=other.id)
    form = show(qtbot, MergeForm(vault, client_id=keep.id))
    type_into(qtbot, form.picker.query, "rosa")
    assert form.save_button.isEnabled()
    ran_on = []

    def broken(vault, client_id):
        ran_on.append(shared().on_worker())
        raise RuntimeError("the search index broke")
    index = records.clients._index
    monkeypatch.setattr(records.clients, "_index", broken)
    save_keys(qtbot, form)
    qtbot.waitUntil(lambda: not form.banner.isHidden(), timeout=20_000)
    assert form.banner.text() == "Not saved. the merge stopped with an error (RuntimeError)"
    assert ran_on == [True] and form.save_button.isEnabled()
    assert vault.db.execute("SELECT merged_into FROM clients WHERE id = ?",
                            [other.id]).fetchone()[0] is None
    assert len(visits.for_client(vault, other.id)) == 1
    assert clients.get(vault, keep.id).aliases == ()

    monkeypatch.setattr(records.clients, "_index", index)
    with qtbot.waitSignal(form.saved, timeout=20_000) as signal:
        save_keys(qtbot, form)
    assert "Rosa" in signal.args[0].aliases
    assert len(visits.for_client(vault, keep.id)) == 1
