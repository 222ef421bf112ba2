"""Unlock: Vault.open with the vault's own (calibrated) KDF, from reading the key file to
the signed-in vault, against the Argon2id derivation alone with the slot's stored salt and
parameters. Nothing but the KDF should be slow on the unlock path."""
from __future__ import annotations

import unicodedata

from argon2.low_level import Type, hash_secret_raw

from benchmarks import vaults
from benchmarks.report import Row
from benchmarks.timing import interleaved, summary
from records.keyfile import KeyFile
from records.vault import KEY_NAME, Vault


def run(ctx) -> list[Row]:
    path = ctx.bench.path
    keyfile = KeyFile.load(path / KEY_NAME)
    slot = keyfile._slot(keyfile.slot_for(vaults.STAFF))  # the stored salt and parameters
    secret = unicodedata.normalize("NFC", vaults.PASSPHRASE).encode()

    def derive() -> None:
        hash_secret_raw(secret=secret, salt=slot.salt, time_cost=slot.kdf.time_cost,
                        memory_cost=slot.kdf.memory_kib, parallelism=slot.kdf.parallelism,
                        hash_len=32, type=Type.ID)

    def unlock() -> None:
        Vault.open(path, vaults.STAFF, vaults.PASSPHRASE).lock()

    with ctx.released():
        mine, base = interleaved(unlock, derive, repeat=3 if ctx.quick else 12, warmup=1)
    o, b = summary(mine), summary(base)
    kdf = slot.kdf
    return [Row(key="unlock", label="unlock (p50)", size=ctx.size, ours=o["p50"],
                baseline=b["p50"], limit=1.1, target="≤ 1.1x",
                detail={"kdf": {"time_cost": kdf.time_cost, "memory_kib": kdf.memory_kib,
                                "parallelism": kdf.parallelism},
                        "ours_p95": o["p95"], "baseline_p95": b["p95"], "n": o["n"]})]
