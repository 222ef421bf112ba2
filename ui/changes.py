"""Bridge the vault's change listeners to one Qt signal; widgets refresh what they show."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from records.vault import Vault


class Changes(QObject):
    """`changed(Change)` for every write the vault reports (entity, entity_id, action)."""

    changed = Signal(object)

    def __init__(self, vault: Vault, parent: QObject | None = None):
        super().__init__(parent)
        self._vault = vault
        self._listener = self.changed.emit
        vault.subscribe(self._listener)

    def detach(self) -> None:
        """Stop listening (on lock): writes the vault still makes while it closes (the backup)
        happen on the runner's thread, after the widgets are gone."""
        self._vault.unsubscribe(self._listener)
