"""sqlite-utils on the encrypted connection: the calls that break without the shim."""
import sqlcipher3


def test_sqlite_utils_catches_sqlcipher_errors(vault):
    db = vault.db
    assert isinstance(db.conn, sqlcipher3.Connection)
    db["scratch"].drop(ignore=True)  # raises without the shim
    db["scratch"].insert({"a": 1})
    db["scratch"].insert({"a": 2, "b": "new column"}, alter=True)
    assert list(db["scratch"].rows) == [{"a": 1, "b": None}, {"a": 2, "b": "new column"}]
    db["scratch"].create_index(["a"], find_unique_name=True)
    db["scratch"].create_index(["a"], find_unique_name=True)
    rows = list(db.query("INSERT INTO scratch (a, b) VALUES (3, 'x') RETURNING a"))
    assert rows == [{"a": 3}]
    assert not db.conn.in_transaction
    db["scratch"].drop()
    db["scratch"].drop(ignore=True)
