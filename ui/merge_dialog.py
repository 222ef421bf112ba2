"""Merge a duplicate into the client on screen: pick the other record, compare both side by
side, confirm. The other record's visits, referrals and incidents move to this one and its
name becomes an alias. The merge (one transaction, seconds for a client with years of visits)
runs on the app's runner (ui/ops.py): `saved` is emitted when it is done."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QGridLayout, QGroupBox, QLabel, QVBoxLayout

from records import clients, incidents, referrals, visits
from records.errors import ClinicError, ValidationError
from ui.form_base import FormBase
from ui.ops import Op
from ui.widgets import ClientPicker, hint, named


def summary(vault, client) -> list[tuple[str, str]]:
    """What the nurse compares: name, aliases, code and how much is on record, keyed by the
    English caption (ClientCard shows the caption in the app's language)."""
    incomplete = QCoreApplication.translate("ClientCard", "{code} (incomplete)")
    return [
        ("Name", client.name),
        ("Also known as", ", ".join(client.aliases) or "—"),
        ("Code (UIC)", (client.uic if client.uic_complete else incomplete.format(code=client.uic))
         if client.uic else "—"),
        ("Visits", str(len(visits.for_client(vault, client.id, include_voided=False)))),
        ("Referrals", str(len(referrals.for_client(vault, client.id)))),
        ("Incident reports", str(len(incidents.find(vault, client_id=client.id)))),
    ]


class ClientCard(QGroupBox):
    """A two-column summary of one client, empty until set."""

    def __init__(self, title: str):
        super().__init__(title)
        self.grid = QGridLayout(self)
        self.values: dict[str, QLabel] = {}  # by English caption
        captions = {"Name": self.tr("Name"), "Also known as": self.tr("Also known as"),
                    "Code (UIC)": self.tr("Code (UIC)"), "Visits": self.tr("Visits"),
                    "Referrals": self.tr("Referrals"),
                    "Incident reports": self.tr("Incident reports")}
        for row, (key, caption) in enumerate(captions.items()):
            value = named(QLabel("—"), self.tr("{card}: {caption}").format(card=title,
                                                                            caption=caption))
            value.setWordWrap(True)
            self.values[key] = value
            self.grid.addWidget(QLabel(caption), row, 0)
            self.grid.addWidget(value, row, 1)
        self.grid.setColumnStretch(1, 1)

    def show_client(self, vault, client) -> None:
        rows = dict(summary(vault, client)) if client else {}
        for caption, value in self.values.items():
            value.setText(rows.get(caption, "—"))


class MergeForm(FormBase):
    def __init__(self, vault, parent=None, *, client_id: int):
        super().__init__(vault, parent)
        self.set_heading(self.tr("Merge duplicate records"))
        self.save_button.setText(self.tr("Merge"))
        self.save_button.setAccessibleName(self.save_button.text())
        self.keep = clients.get(vault, client_id)
        self.other = None
        self.working: Op | None = None  # the merge, on the runner
        duplicate = self.tr("Duplicate to merge")
        self.picker = ClientPicker(vault, duplicate, exclude_id=client_id)
        self.field("merge", self.picker.query, duplicate)
        self.picker.picked.connect(self._picked)
        self.keep_card = ClientCard(self.tr("Keep this record"))
        self.keep_card.show_client(vault, self.keep)
        self.other_card = ClientCard(self.tr("Merge this one into it"))
        self.explain = hint(self.tr("Find the duplicate record, check both, then Merge (Ctrl+S)."),
                            wrap=True)
        cards = QGridLayout()
        cards.addWidget(self.keep_card, 0, 0)
        cards.addWidget(self.other_card, 0, 1)
        layout = QVBoxLayout(self.body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(duplicate))
        layout.addWidget(self.picker)
        layout.addLayout(cards)
        layout.addWidget(self.explain)
        layout.addStretch(1)
        self.save_button.setEnabled(False)
        self.setFocusProxy(self.picker.query)

    def _picked(self, hit) -> None:
        self.other = clients.get(self.vault, hit.id) if hit else None
        self.other_card.show_client(self.vault, self.other)
        self.save_button.setEnabled(self.other is not None)
        if self.other:
            self.explain.setText(self.tr(
                "“{other}” will be merged into “{keep}”: its visits, referrals and incident "
                "reports move to the kept record and its name becomes an alias. This cannot be "
                "undone from here.").format(other=self.other.name, keep=self.keep.name))

    def commit(self):
        """Start the merge on the runner; returns None (`saved` follows when it is done)."""
        if self.working is not None:
            return None
        if self.other is None:
            raise ValidationError("merge",
                                  self.tr("find and choose the duplicate record first"))
        vault, keep_id, other_id = self.vault, self.keep.id, self.other.id
        self.save_button.setEnabled(False)
        self.working = Op(self, lambda _progress: clients.merge(vault, keep_id, other_id)) \
            .success(self._merged).failure(self._failed) \
            .with_progress(self.tr("Merging the records…"))
        self.working.run_in_background()
        return None

    def _merged(self, kept) -> None:
        self.working = None
        self.saved.emit(kept)

    def _failed(self, exc: BaseException) -> None:
        self.working = None
        self.save_button.setEnabled(self.other is not None)
        if not isinstance(exc, ClinicError):
            exc = ClinicError(self.tr("the merge stopped with an error ({name})")
                              .format(name=type(exc).__name__))
        self.show_error(exc)
