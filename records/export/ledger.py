"""Audit anchoring at the coordinator: the memory of each van's audit chain outside the van.

Each bundle carries the van's audit head (seq, hash) and, for each earlier export of that
van, the chain's hash at that export's sequence as the van's log holds it now. The ledger (a
small JSON file beside the keyring, written atomically) keeps every (seq, hash, week) point
merges have seen, per van. A bundle whose points disagree with the ledger at a sequence it
covers (a different hash, or an earlier export it no longer lists) means the van's history
changed: a log cut back and regrown, a restore from an old backup. That is a warning, not a
refusal (restores and out-of-order merges exist); it is printed, kept in the merged
`indicators.json`, and the van's points are then replaced by the new chain's (the change is
kept in the ledger's `changes`), so each change is reported once.

Not promised: someone holding the van's data key can rewrite the van's whole history before
its first export is merged, and a rewrite only shows at the next merge after it.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from .. import clock
from ..errors import ClinicError
from ..fsutil import atomic_write

FORMAT = "van-clinic-audit-ledger"
MAX_BYTES = 64 * 1024 * 1024


class LedgerError(ClinicError):
    """The ledger cannot be read or written."""


def default_path(keyring_path) -> Path:
    """Beside the keyring: vans.json -> vans.ledger.json."""
    path = Path(keyring_path)
    return path.with_name(f"{path.stem}.ledger.json")


@dataclass
class Ledger:
    path: Path
    vans: dict[str, dict[str, list]] = field(default_factory=dict)  # van -> seq -> [hash, week]
    changes: list[dict] = field(default_factory=list)

    def observe(self, van: str, week: str, head: dict, anchors) -> str | None:
        """Compare one authentic bundle's points (`anchors`: (seq, hash, week) of earlier
        exports) with what was seen; remember them. Returns the warning when the van's
        history changed."""
        points = {str(seq): [digest, w] for seq, digest, w in anchors}
        points[str(head["seq"])] = [head["hash"], week]
        seen = self.vans.setdefault(van, {})
        differs = [w for seq, (digest, w) in seen.items()
                   if int(seq) <= head["seq"] and points.get(seq, [None])[0] != digest]
        warning = None
        if differs:
            earlier, later = sorted((min(differs), week))
            warning = f"{van}: audit history changed between {earlier} and {later}"
            self.changes.append({"van": van, "between": [earlier, later],
                                 "noticed_at": clock.to_db(clock.now_utc())})
            for seq in [s for s in seen if int(s) <= head["seq"]]:
                del seen[seq]
        seen.update(points)
        return warning

    def save(self) -> None:
        doc = {"format": FORMAT, "version": 1, "vans": self.vans, "changes": self.changes}
        try:
            atomic_write(self.path, (json.dumps(doc, separators=(",", ":")) + "\n").encode())
        except OSError as exc:
            raise LedgerError(f"cannot write the audit ledger {self.path}: "
                              f"{exc.strerror}") from None


def load(path) -> Ledger:
    """The ledger at `path`; none yet is an empty ledger."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise LedgerError(f"{path} is too large to be an audit ledger")
        doc = json.loads(path.read_bytes())
    except FileNotFoundError:
        return Ledger(path)
    except OSError as exc:
        raise LedgerError(f"cannot read the audit ledger {path}: {exc.strerror}") from None
    except (ValueError, RecursionError):
        doc = None
    try:
        if doc.get("format") != FORMAT:
            raise ValueError
        vans = {van: {str(int(seq)): [str(p[0]), str(p[1])] for seq, p in points.items()}
                for van, points in doc["vans"].items()}
        return Ledger(path, vans, list(doc["changes"]))
    except (AttributeError, KeyError, TypeError, ValueError, IndexError):
        raise LedgerError(f"{path} is not an audit ledger (or it is damaged); move it "
                          "aside to start a new one") from None
