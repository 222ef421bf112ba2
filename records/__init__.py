"""Domain and encrypted store of the clinic records. No Qt here; the only SQL lives here."""
from . import sqlcipher_shim  # noqa: F401  (must run before anything imports sqlite_utils)
