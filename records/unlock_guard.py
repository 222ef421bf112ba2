"""A growing delay after wrong passphrases: 0, 1, 2, 4, 8 ... seconds, at most 30.

The count of recent failures lives OUTSIDE the vault folder (in the user's state folder,
keyed by a hash of the vault's resolved path, so a symlink or a `..` spelling of the same
folder shares the count), so a wrong passphrase leaves the vault's files byte-identical. The delay slows guessing at the keyboard; it is no defence against someone
who copies the files (the Argon2id cost of each guess is). Failures older than an hour are
forgotten. The CLI calls `open_guarded`; the UI calls `remaining()` to show a countdown
(never sleeping on the GUI thread), then `open_guarded` with `sleep` that does not block.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

from .errors import UnknownStaff, WrongPassphrase
from .fsutil import atomic_write, ensure_private_dir
from .paths import default_state_dir

MAX_DELAY = 30.0
FORGET_AFTER = 3600.0


def delay_for(failures: int) -> float:
    """Seconds to wait before the attempt that follows `failures` recent failures."""
    if failures <= 0:
        return 0.0
    return min(MAX_DELAY, float(2 ** min(failures - 1, 16)))


class UnlockGuard:
    def __init__(self, vault_path, *, state_dir: Path | None = None,
                 sleep: Callable[[float], None] | None = None,
                 clock: Callable[[], float] = time.time):
        digest = hashlib.sha256(os.fsencode(os.path.realpath(vault_path))).hexdigest()[:32]
        self._dir = Path(state_dir) if state_dir else default_state_dir() / "unlock"
        self.path = self._dir / f"{digest}.json"
        self._sleep = sleep
        self._clock = clock

    def _read(self) -> tuple[int, float]:
        try:
            data = json.loads(self.path.read_text(encoding="ascii"))
            failures, last = int(data["failures"]), float(data["last"])
        except (OSError, ValueError, KeyError, TypeError):
            return 0, 0.0
        if self._clock() - last > FORGET_AFTER:
            return 0, 0.0
        return max(0, failures), last

    @property
    def failures(self) -> int:
        return self._read()[0]

    def remaining(self) -> float:
        """Seconds left before the next attempt may be tried."""
        failures, last = self._read()
        return max(0.0, delay_for(failures) - max(0.0, self._clock() - last))

    def wait(self) -> float:
        left = self.remaining()
        if left > 0:
            (self._sleep or time.sleep)(left)
        return left

    def failed(self) -> None:
        failures, _ = self._read()
        ensure_private_dir(self._dir)
        atomic_write(self.path, json.dumps({"failures": failures + 1,
                                            "last": self._clock()}).encode("ascii"))

    def succeeded(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass


def open_guarded(path, staff_name: str | None, passphrase: str, *,
                 guard: UnlockGuard | None = None):
    """Vault.open after the delay the recent failures call for; counts this attempt."""
    from .vault import Vault
    guard = guard or UnlockGuard(path)
    guard.wait()
    try:
        vault = Vault.open(path, staff_name, passphrase)
    except (WrongPassphrase, UnknownStaff):
        guard.failed()
        raise
    guard.succeeded()
    return vault
