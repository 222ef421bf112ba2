"""The vault's one connection shared by threads (the GUI and its runner): transactions never
interleave, every use after lock raises Locked, and lock waits for a running transaction."""
import threading

import pytest
from conftest import PASSPHRASE

from records import audit, clients
from records.errors import Locked
from records.vault import Vault

ROUNDS = 150


def _hammer(vault, name: str, errors: list, seen: list) -> None:
    """Transactions of two rows each, reading in between: the rows of one transaction must
    be consecutive, and no other thread's row may appear inside it."""
    try:
        for n in range(ROUNDS):
            with vault.write("test", "scratch") as box:
                first = vault.insert("scratch", {"thread": name, "n": n, "step": 0})
                newest = vault.db.execute("SELECT max(id) FROM scratch").fetchone()[0]
                second = vault.insert("scratch", {"thread": name, "n": n, "step": 1})
                box["entity_id"] = first
                seen.append((name, first, newest, second))
            list(vault.db.query("SELECT thread, count(*) FROM scratch GROUP BY thread"))
    except BaseException as exc:  # reported by the test, on its own thread
        errors.append(exc)


def test_two_threads_hammering_the_vault_never_interleave_a_transaction(vault):
    vault.db.execute("CREATE TABLE scratch (id INTEGER PRIMARY KEY, thread TEXT, n INT, "
                     "step INT)")
    heard = []
    vault.subscribe(lambda change: heard.append((threading.current_thread().name,
                                                 change.entity_id)))
    errors, seen = [], []
    threads = [threading.Thread(target=_hammer, args=(vault, name, errors, seen), name=name)
               for name in ("gui", "runner")]
    for thread in threads:
        thread.start()
    _hammer(vault, "main", errors, seen)  # a third writer: this thread
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(seen) == 3 * ROUNDS
    for _name, first, newest, second in seen:
        assert newest == first and second == first + 1
    rows = vault.db.execute("SELECT id, thread, n, step FROM scratch ORDER BY id").fetchall()
    assert len(rows) == 6 * ROUNDS
    for (id0, thread0, n0, step0), (id1, thread1, n1, step1) in zip(rows[::2], rows[1::2]):
        assert (thread1, n1, step0, step1) == (thread0, n0, 0, 1)
    # Each thread heard exactly the changes of its own transactions, after their commit.
    firsts = {name: sorted(first for who, first, _n, _s in seen if who == name)
              for name in ("gui", "runner", "main")}
    for name in ("gui", "runner"):
        assert sorted(i for who, i in heard if who == name) == firsts[name]
    assert sorted(i for who, i in heard if who == "MainThread") == firsts["main"]
    assert audit.verify(vault.db).ok  # the audit chain was appended one entry at a time


def test_use_after_lock_raises_locked(vault, vault_dir):
    kept_db = vault.db
    rose = clients.register(vault, "Rose")
    cursor = vault.db.execute("SELECT id FROM clients")
    vault.lock()
    with pytest.raises(Locked):
        vault.db  # noqa: B018 (the property is the check)
    with pytest.raises(Locked):
        kept_db.execute("SELECT 1")
    with pytest.raises(Locked):
        list(kept_db.query("SELECT id FROM clients"))
    with pytest.raises(Locked):
        cursor.fetchall()
    with pytest.raises(Locked):
        kept_db.conn.execute("INSERT INTO clients (name) VALUES ('x')")
    with pytest.raises(Locked):
        clients.register(vault, "Written after lock")
    with pytest.raises(Locked):
        vault.record("view", "client", rose.id)
    assert not vault.is_open
    # A new unlock is a new connection: the old one never writes into it.
    again = Vault.open(vault_dir, None, PASSPHRASE)
    try:
        with pytest.raises(Locked):
            kept_db.execute("INSERT INTO clients (name) VALUES ('stray')")
        assert [c["name"] for c in again.db.query("SELECT name FROM clients")] == ["Rose"]
    finally:
        again.lock()


def test_lock_waits_for_a_transaction_running_on_another_thread(vault, vault_dir):
    inside, go, order = threading.Event(), threading.Event(), []

    def writer():
        with vault.together():
            clients.register(vault, "Written before the lock")
            inside.set()
            go.wait(10)
        order.append("committed")

    def closer():
        order.append("locking")
        vault.lock()
        order.append("closed")

    writing = threading.Thread(target=writer)
    writing.start()
    inside.wait(10)
    closing = threading.Thread(target=closer)
    closing.start()
    closing.join(0.5)  # give the close every chance to go first: it must wait instead
    go.set()
    writing.join()
    closing.join()
    assert order == ["locking", "committed", "closed"]
    again = Vault.open(vault_dir, None, PASSPHRASE)
    try:
        assert [c["name"] for c in again.db.query("SELECT name FROM clients")] == [
            "Written before the lock"]
    finally:
        again.lock()
