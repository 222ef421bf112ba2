"""Bridge the vault's change listeners to one Qt signal; widgets refresh what they show."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from records.vault import Change, Vault


class Changes(QObject):
    """`changed(Change)` for every write the vault reports (entity, entity_id, action)."""

    changed = Signal(object)

    def __init__(self, vault: Vault, parent: QObject | None = None):
        super().__init__(parent)
        vault.subscribe(self.changed.emit)
