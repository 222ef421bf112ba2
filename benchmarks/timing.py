"""Timing helpers. Ours and the baseline run interleaved, call by call, so both see the same
noise of a shared machine; figures are milliseconds."""
from __future__ import annotations

import gc
import time
from collections.abc import Callable


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * p // 100))
    return ordered[min(len(ordered), int(rank)) - 1]


def summary(values: list[float]) -> dict:
    return {"p50": round(percentile(values, 50), 4), "p95": round(percentile(values, 95), 4),
            "n": len(values)}


def clock_ms(fn: Callable[[], object]) -> float:
    start = time.perf_counter_ns()
    fn()
    return (time.perf_counter_ns() - start) / 1e6


def interleaved(ours: Callable[[], object], baseline: Callable[[], object], *, repeat: int,
                warmup: int = 2) -> tuple[list[float], list[float]]:
    """Run each `repeat` times, alternating which goes first. Garbage collection stays
    enabled, as in the app; a collection before the series starts both from the same state."""
    for _ in range(warmup):
        ours()
        baseline()
    gc.collect()
    mine, base = [], []
    for i in range(repeat):
        if i % 2:
            base.append(clock_ms(baseline))
            mine.append(clock_ms(ours))
        else:
            mine.append(clock_ms(ours))
            base.append(clock_ms(baseline))
    return mine, base
