"""Argon2id, the key derivation that turns a staff member's passphrase into the key that
opens their slot of the key file (records/keyfile.py). Each slot stores its own parameters."""
from __future__ import annotations

import dataclasses
import math
import os
import time
import unicodedata
from dataclasses import dataclass

from argon2.low_level import Type, hash_secret_raw

SALT_BYTES = 16
MIN_PASSES = 3
MIN_MEMORY_KIB = 64 * 1024
MAX_MEMORY_KIB = 128 * 1024


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost: passes, memory in KiB, lanes."""

    time_cost: int
    memory_kib: int
    parallelism: int

    def __post_init__(self):
        for f in dataclasses.fields(self):
            v = getattr(self, f.name)
            if not isinstance(v, int) or isinstance(v, bool) or v < 1:
                raise ValueError(f"KdfParams.{f.name} must be a positive integer")
        if self.memory_kib < 8 * self.parallelism:
            raise ValueError("KdfParams.memory_kib must be at least 8 KiB per lane")


def derive(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
    """The 32-byte key for `passphrase` with that salt and cost."""
    # NFC so the same passphrase typed with composed or decomposed accents gives the same key.
    secret = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return hash_secret_raw(
        secret=secret,
        salt=salt,
        time_cost=kdf.time_cost,
        memory_cost=kdf.memory_kib,
        parallelism=kdf.parallelism,
        hash_len=32,
        type=Type.ID,
    )


def passes_for(seconds_per_pass: float, target_seconds: float) -> int:
    """Passes needed to reach the target time; at least MIN_PASSES, at most 200."""
    if seconds_per_pass <= 0:
        return 200
    return max(MIN_PASSES, min(200, math.ceil(target_seconds / seconds_per_pass)))


def calibrate(target_seconds: float = 0.7, memory_kib: int = 65536) -> KdfParams:
    """Measure one Argon2id run on this machine and pick parameters for about `target_seconds`.

    Memory is held between 64 and 128 MiB; the time is reached with passes (at least 3),
    because more memory costs the laptop more than it costs an attacker's hardware.
    """
    memory_kib = max(MIN_MEMORY_KIB, min(MAX_MEMORY_KIB, int(memory_kib)))
    parallelism = max(1, min(4, os.cpu_count() or 1))
    probe = KdfParams(MIN_PASSES, memory_kib, parallelism)
    start = time.perf_counter()
    derive("calibration", b"\0" * SALT_BYTES, probe)
    elapsed = time.perf_counter() - start
    return KdfParams(passes_for(elapsed / MIN_PASSES, target_seconds), memory_kib, parallelism)
