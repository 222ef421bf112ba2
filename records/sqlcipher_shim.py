"""Make sqlite-utils run on sqlcipher3.

sqlcipher3's exception classes are not subclasses of the standard library's `sqlite3` ones,
while sqlite-utils catches `sqlite3.OperationalError` internally: `drop(ignore=True)`,
`insert(..., alter=True)`, `create_index(find_unique_name=True)` and `INSERT ... RETURNING`
then misbehave (the last one leaving a transaction open). sqlite-utils imports `pysqlite3`
in preference to `sqlite3` when it exists, so registering sqlcipher3 under that name before
sqlite_utils is first imported makes it catch sqlcipher3's own exceptions. This module is
imported by `records/__init__.py`, so every path into the records layer goes through it.
"""
import sys

import sqlcipher3
import sqlcipher3.dbapi2

if "sqlite_utils" in sys.modules and sys.modules.get("pysqlite3") is not sqlcipher3:
    raise ImportError("sqlite_utils was imported before records: it would not catch sqlcipher3 errors")
sys.modules["pysqlite3"] = sqlcipher3
sys.modules["pysqlite3.dbapi2"] = sqlcipher3.dbapi2
