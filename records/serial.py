"""The vault's one database connection, serialised between threads (records/connection.py
opens it with `factory=SerialConnection`).

The GUI runs slow work on one background runner while short reads (search paging) stay on
the GUI thread, and both use the same connection. SQLite's own per-call mutex keeps the
connection from crashing, not transactions from mixing: a statement from one thread would
join (or commit, or roll back) another thread's open transaction.

`SerialConnection` takes one re-entrant mutex around every statement and every step of a
cursor, and a transaction keeps that mutex from the statement that opens it (BEGIN,
SAVEPOINT) to the one that ends it (COMMIT, ROLLBACK, RELEASE): another thread's
statements wait for the whole transaction. `in_transaction` is answered for the asking
thread only. Once closed, every use raises Locked, never sqlite's ProgrammingError and
never a write into some other database.
"""
from __future__ import annotations

import threading

import sqlcipher3

from .errors import Locked


class SerialCursor(sqlcipher3.Cursor):
    """A cursor whose statements and row fetches take the connection's mutex."""

    def _locked(self, call, *args):
        return self.connection.serially(call, self, *args)

    def execute(self, *args):
        return self._locked(sqlcipher3.Cursor.execute, *args)

    def executemany(self, *args):
        return self._locked(sqlcipher3.Cursor.executemany, *args)

    def executescript(self, *args):
        return self._locked(sqlcipher3.Cursor.executescript, *args)

    def fetchone(self):
        return self._locked(sqlcipher3.Cursor.fetchone)

    def fetchmany(self, *args):
        return self._locked(sqlcipher3.Cursor.fetchmany, *args)

    def fetchall(self):
        return self._locked(sqlcipher3.Cursor.fetchall)

    def __next__(self):
        return self._locked(sqlcipher3.Cursor.__next__)


class SerialConnection(sqlcipher3.Connection):
    """Pass as `factory=` to sqlcipher3.connect (with check_same_thread=False)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.mutex = threading.RLock()
        self.closed = False
        self._owner: int | None = None  # the thread whose transaction holds the mutex

    def serially(self, call, *args):
        """Run one sqlite call under the mutex; keep the mutex while the calling thread has a
        transaction open, let go of it once the transaction has ended."""
        with self.mutex:
            if self.closed:
                raise Locked()
            try:
                return call(*args)
            finally:
                self._settle()

    def _settle(self) -> None:
        me = threading.get_ident()
        open_now = sqlcipher3.Connection.in_transaction.__get__(self)
        if open_now and self._owner is None:
            self.mutex.acquire()  # held until the transaction ends (released below)
            self._owner = me
        elif not open_now and self._owner == me:
            self._owner = None
            self.mutex.release()

    @property
    def in_transaction(self) -> bool:
        """True only for the thread whose transaction is open."""
        return self._owner == threading.get_ident()

    def cursor(self, factory=SerialCursor):
        return self.serially(sqlcipher3.Connection.cursor, self, factory)

    def execute(self, sql, parameters=()):
        return self.cursor().execute(sql, parameters)

    def executemany(self, sql, seq):
        return self.cursor().executemany(sql, seq)

    def executescript(self, script):
        return self.cursor().executescript(script)

    def commit(self):
        return self.serially(sqlcipher3.Connection.commit, self)

    def rollback(self):
        return self.serially(sqlcipher3.Connection.rollback, self)

    def close(self) -> None:
        """Close once no other thread is inside a statement or transaction; a transaction of
        the closing thread itself is rolled back by sqlite."""
        with self.mutex:
            if self.closed:
                return
            self.closed = True
            try:
                sqlcipher3.Connection.close(self)
            finally:
                if self._owner == threading.get_ident():
                    self._owner = None
                    self.mutex.release()
