"""What a crash leaves beside the database, read before SQLite replays it.

The vault commits through a rollback journal (`vault.db-journal`, see vault.connect); the
app before it used a write-ahead log (`vault.db-wal`), which an existing vault may still
hold. SQLite replays either the first time the database is read, and stops at the first
record whose checksum does not match *without an error*: a hot journal is then only partly
rolled back, a WAL loses every commit from that record on, and `integrity_check` still
passes. So before opening, `problem()` reads the file in its documented format
(https://www.sqlite.org/fileformat.html, "The Rollback Journal" and "The WAL File Format")
and says what is wrong when replaying it could lose or corrupt saved records; the caller
reports that as damage and leaves both files untouched. The checksums are SQLite's own
additive sums over the (already encrypted) pages: format parsing, not cryptography.

When in doubt it says damaged: a torn write at the very end of a WAL, from a commit that
never returned, is taken for damage too.
"""
from __future__ import annotations

import struct
from pathlib import Path

from .errors import VaultDamaged, msg

JOURNAL_MAGIC = bytes.fromhex("d9d505f920a163d7")
WAL_MAGIC = 0x377F0682  # the low bit set: checksums over big-endian words
WAL_VERSION = 3007000
WAL_HEADER = 32
WAL_FRAME_HEADER = 24
_MASK = 0xFFFFFFFF


REPLAY_DAMAGED = msg("the database has damaged pages after replaying what an interrupted save "
                  "left; nothing more was changed")
# Beside the database file: (suffix, what it is).
LEFTOVERS = (("-journal", msg("the journal of a save that was interrupted")),
             ("-wal", msg("the log of recent saves kept by versions before this one")))


def check_leftovers(db_path: Path) -> bool:
    """Raise VaultDamaged if replaying the journal or WAL beside `db_path` could lose saved
    records; True when there is one to replay (the caller then checks every page after)."""
    found = problem(db_path)
    if found:
        raise VaultDamaged(found)
    return any(_size(db_path, suffix) > 0 for suffix, _what in LEFTOVERS)


def problem(db_path: Path) -> str | None:
    """Why replaying the journal or WAL beside `db_path` could lose saved records, or None."""
    db_path = Path(db_path)
    for suffix, what in LEFTOVERS:
        path = db_path.with_name(db_path.name + suffix)
        read = _journal_problem if suffix == "-journal" else _wal_problem
        try:
            with open(path, "rb") as f:
                found = read(f, _size(db_path, suffix), db_path)
        except FileNotFoundError:
            continue
        if found:
            return msg("{name}, {what}, is damaged ({found}); opening would lose saved records, "
                       "so nothing was opened or changed and {name} is kept.", name=path.name,
                       what=what, found=found)
    return None


def _size(db_path: Path, suffix: str) -> int:
    try:
        return db_path.with_name(db_path.name + suffix).stat().st_size
    except FileNotFoundError:
        return 0


def _power_of_two(value: int, low: int, high: int) -> bool:
    return low <= value <= high and value & (value - 1) == 0


# --- the rollback journal ------------------------------------------------------------------

def _journal_problem(f, size: int, db_path: Path) -> str | None:
    """A hot journal is one or more segments: a header (magic, record count, checksum seed,
    original database size in pages, sector size, page size) padded to the sector size, then
    records (page number, page image, checksum). A header whose magic is all zeros was never
    finished (SQLite writes the magic only after syncing the records, before it writes any
    database page): nothing after it was applied, so it ends the journal harmlessly."""
    header = f.read(28)
    if len(header) < 8 or header[:8] == bytes(8):
        return None
    if header[:8] != JOURNAL_MAGIC or len(header) < 28:
        return "its header is not a journal header"
    _n, _seed, original, sector, page = struct.unpack(">5I", header[8:28])
    if not (_power_of_two(page, 512, 65536) and _power_of_two(sector, 32, 65536)):
        return "its header gives an impossible page or sector size"
    db_pages = db_path.stat().st_size // page if db_path.exists() else 0
    if original > db_pages:  # a transaction here never shrinks the file (no VACUUM)
        return "its header gives a database size the database file does not have"
    record = 4 + page + 4
    offset, segment, seen = 0, 0, set()
    while True:
        segment += 1
        if segment > 1:
            f.seek(offset)
            header = f.read(28)
            if len(header) < 8 or header[:8] == bytes(8):
                return None
            if header[:8] != JOURNAL_MAGIC or len(header) < 28:
                return f"the header of its part {segment} is damaged"
        count, seed = struct.unpack(">2I", header[8:16])
        if count == _MASK:  # "as many as the file holds" (only without sync; not ours)
            count = (size - offset - sector) // record
        f.seek(offset + sector)
        for n in range(1, count + 1):
            data = f.read(record)
            if len(data) < record:
                return f"it ends inside record {n} of part {segment}"
            number = int.from_bytes(data[:4], "big")
            if not 1 <= number <= original or number in seen:
                return f"record {n} of part {segment} names an impossible page"
            seen.add(number)
            image = data[4:4 + page]
            expected = (seed + sum(image[page - 200:0:-200])) & _MASK
            if int.from_bytes(data[4 + page:], "big") != expected:
                return f"record {n} of part {segment} fails its checksum"
        end = offset + sector + count * record
        offset = -(-end // sector) * sector
        if offset >= size:
            return None


# --- the write-ahead log of older versions ---------------------------------------------------

def _wal_sums(data: bytes, s0: int, s1: int, big_endian: bool) -> tuple[int, int]:
    """SQLite's WAL checksum: a running pair of sums over 32-bit words, modulo 2**32 (taken
    once at the end: Python's integers do not overflow, and that is faster)."""
    words = struct.unpack(f"{'>' if big_endian else '<'}{len(data) // 4}I", data)
    pairs = iter(words)
    for x0, x1 in zip(pairs, pairs):
        s0 += x0 + s1
        s1 += x1 + s0
    return s0 & _MASK, s1 & _MASK


def _wal_problem(f, size: int, db_path: Path) -> str | None:
    """SQLite keeps the WAL's frames up to the last commit of an unbroken chain: each frame
    carries the header's two salts and a checksum that continues the previous one. A frame
    with an old salt legitimately ends the chain (the WAL was restarted and is being
    overwritten). Damage is a broken header, or a frame of the current generation (one salt
    matches) that breaks the chain while it, or a frame after it, ends a commit: SQLite
    would drop that commit and every one after it."""
    if size <= WAL_HEADER:
        return None
    header = f.read(WAL_HEADER)
    magic, version, page, _seq, salt1, salt2, c1, c2 = struct.unpack(">8I", header)
    page = 65536 if page == 1 else page
    big = bool(magic & 1)
    if (magic & ~1) != WAL_MAGIC or version != WAL_VERSION or \
            not _power_of_two(page, 512, 65536) or \
            _wal_sums(header[:24], 0, 0, big) != (c1, c2):
        return "its header is damaged"
    sums = (c1, c2)
    broken = None
    for n in range(1, (size - WAL_HEADER) // (WAL_FRAME_HEADER + page) + 1):
        frame = f.read(WAL_FRAME_HEADER + page)
        number, commit, s1, s2, k1, k2 = struct.unpack(">6I", frame[:WAL_FRAME_HEADER])
        if broken is None:
            if (s1, s2) == (salt1, salt2) and number:
                sums = _wal_sums(frame[:8] + frame[WAL_FRAME_HEADER:], *sums, big)
                if sums == (k1, k2):
                    continue
            broken = n
        if commit and (s1 == salt1 or s2 == salt2):
            return (f"frame {broken} breaks the checksum chain" +
                    (f" before the commit in frame {n}" if n != broken else ""))
    return None
