"""One row per measure and size: our time, the baseline's time in the same run, the ratio
(or, for memory, the difference) against its target; the table and the JSON file."""
from __future__ import annotations

import json
import os
import platform
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone


@dataclass
class Row:
    key: str
    label: str
    size: int
    ours: float
    baseline: float
    limit: float | None        # the highest ratio (or difference, for "delta") allowed;
                               # None: only `abs_limit` is a target
    target: str
    unit: str = "ms"
    compare: str = "ratio"     # "ratio": ours / baseline; "delta": ours - baseline;
    #                            "abs": ours itself against `limit` (baseline: for reference)
    abs_limit: float | None = None  # also required of `ours` itself, e.g. one 60 Hz frame
    detail: dict = field(default_factory=dict)

    @property
    def value(self) -> float:
        if self.compare == "delta":
            return self.ours - self.baseline
        if self.compare == "abs":
            return self.ours
        return self.ours / self.baseline if self.baseline > 0 else float("inf")

    @property
    def ok(self) -> bool:
        return ((self.limit is None or self.value <= self.limit)
                and (self.abs_limit is None or self.ours <= self.abs_limit))

    def to_json(self) -> dict:
        return asdict(self) | {"value": round(self.value, 3), "ok": self.ok}


def machine() -> dict:
    cpu = platform.processor()
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next((line.split(":", 1)[1].strip() for line in f
                        if line.startswith("model name")), cpu)
    except OSError:
        pass
    memory_gb = None
    try:
        memory_gb = round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1)
    except (ValueError, OSError):
        pass
    import PySide6
    import sqlcipher3
    sqlite = sqlcipher3.connect(":memory:").execute("select sqlite_version()").fetchone()[0]
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_gb": memory_gb,
            "os": platform.platform(), "python": platform.python_version(),
            "pyside6": PySide6.__version__, "sqlite": sqlite}


def _fmt(value: float, unit: str) -> str:
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.3g} ms" if value < 100 else f"{value:.0f} ms"


def _cell(row: Row) -> str:
    if row.compare == "delta":
        shown = f"{row.value:+.0f} MB"
    elif row.compare == "abs":
        return f"{_fmt(row.ours, row.unit)} (idle {_fmt(row.baseline, row.unit)})" + (
            "" if row.ok else " !")
    else:
        shown = f"{row.value:.2f}x"
    mark = "" if row.ok else " !"
    return f"{_fmt(row.ours, row.unit)} / {_fmt(row.baseline, row.unit)} = {shown}{mark}"


def _size_name(size: int) -> str:
    return f"{size // 1000}k" if size >= 1000 and size % 1000 == 0 else str(size)


def growth(rows: list[Row]) -> dict[str, dict]:
    """Per measure: how ours and the baseline grow from the smallest to the largest size."""
    out: dict[str, dict] = {}
    by_key: dict[str, list[Row]] = {}
    for row in rows:
        by_key.setdefault(row.key, []).append(row)
    for key, found in by_key.items():
        found.sort(key=lambda r: r.size)
        first, last = found[0], found[-1]
        if first.size == last.size:
            continue
        out[key] = {"from": first.size, "to": last.size,
                    "ours": round(last.ours / first.ours, 2) if first.ours else None,
                    "baseline": (round(last.baseline / first.baseline, 2)
                                 if first.baseline else None)}
    return out


def table(rows: list[Row]) -> str:
    """Markdown: one line per measure, one column per size, then growth and verdict."""
    sizes = sorted({r.size for r in rows})
    grown = growth(rows)
    keys = list(dict.fromkeys(r.key for r in rows))
    head = (["measure", "target"] + [f"{_size_name(s)} clients: ours / baseline" for s in sizes]
            + ["growth (ours, baseline)", "met"])
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for key in keys:
        found = {r.size: r for r in rows if r.key == key}
        any_row = next(iter(found.values()))
        cells = [any_row.label, any_row.target]
        cells += [_cell(found[s]) if s in found else "" for s in sizes]
        g = grown.get(key)
        cells.append(f"x{g['ours']} , x{g['baseline']}" if g else "")
        cells.append("yes" if all(r.ok for r in found.values()) else "NO")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def document(rows: list[Row], command: str) -> dict:
    return {"generated": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "command": command, "machine": machine(),
            "sizes": sorted({r.size for r in rows}),
            "all_met": all(r.ok for r in rows),
            "rows": [r.to_json() for r in rows], "growth": growth(rows)}


def write(path, rows: list[Row], command: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(document(rows, command), indent=1, ensure_ascii=False) + "\n")
    tmp.replace(path)
