"""Your own passphrase, on the Settings screen: current, new twice, and whether to re-key the
vault now (flows.rekey_vault.change_passphrase). The box says what each choice revokes. The key
derivation and the re-key take a while, so they run on the app's runner (ui/ops.py): never
on the GUI thread, and locking waits for them."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QGroupBox, QLineEdit, QPushButton, QVBoxLayout

from flows.rekey_vault import change_passphrase
from records.errors import ClinicError, ValidationError, WrongPassphrase
from ui.form_base import FormBase
from ui.ops import Op
from ui.widgets import check_box, form_layout, hint, named

REKEY_NOW = QT_TRANSLATE_NOOP(
    "PassphraseBox", "The vault gets a new key: your old passphrase stops opening it, with any "
    "copy of the key file. Backups made before now still open with the passphrases of their day.")
REKEY_LATER = QT_TRANSLATE_NOOP(
    "PassphraseBox", "Until the vault is re-keyed (here, or when a staff member is removed), "
    "your old passphrase still opens it with an old copy of the key file; every backup holds one.")


class PassphraseBox(QGroupBox):
    """Registers its fields with `form`, whose banner shows what was refused."""

    def __init__(self, form: FormBase, *, kdf=None):
        super().__init__()
        self.setTitle(self.tr("Your passphrase"))
        self.form, self.kdf = form, kdf
        self.busy = False
        self.current = form.field("passphrase", named(QLineEdit(), self.tr("Current passphrase")),
                                  self.tr("Current passphrase"))
        self.new = form.field("new passphrase", named(QLineEdit(), self.tr("New passphrase")),
                              self.tr("New passphrase"))
        self.again = named(QLineEdit(), self.tr("New passphrase again"))
        for edit in (self.current, self.new, self.again):
            edit.setEchoMode(QLineEdit.Password)
        self.rekey = check_box(self.tr("Re-key the vault now"))
        self.rekey.setChecked(True)
        self.change_button = named(QPushButton(self.tr("Change passphrase")), self.tr("Change passphrase"))
        self.change_button.clicked.connect(self.change)
        self.status = hint(self._rekey_text(True), wrap=True)
        self.rekey.toggled.connect(lambda on: self.status.setText(self._rekey_text(on)))
        form_rows = form_layout()
        form_rows.addRow(self.tr("Current"), self.current)
        form_rows.addRow(self.tr("New"), self.new)
        form_rows.addRow(self.tr("New again"), self.again)
        form_rows.addRow("", self.rekey)
        column = QVBoxLayout(self)
        column.addLayout(form_rows)
        column.addWidget(self.status)
        column.addWidget(self.change_button)

    def _rekey_text(self, rekey: bool) -> str:
        return self.tr(REKEY_NOW) if rekey else self.tr(REKEY_LATER)

    def change(self) -> None:
        if self.busy:
            return
        self.form.clear_error()
        old, new, rekey = self.current.text(), self.new.text(), self.rekey.isChecked()
        if new != self.again.text():
            self.form.show_error(ValidationError("new passphrase",
                                            self.tr("the two entries are not the same")))
            return
        vault, kdf = self.form.vault, self.kdf

        def work(progress):
            change_passphrase(vault, old, new, kdf=kdf, rekey_now=rekey, progress=progress)
            return rekey
        self.busy = True
        self.change_button.setEnabled(False)
        doing = self.tr("Re-keying the vault…") if rekey else self.tr("Changing the passphrase…")
        self.status.setText(doing)
        Op(self, work).success(self._changed).failure(self._failed).with_progress(doing) \
            .run_in_background()

    def _finish(self) -> None:
        self.busy = False
        self.change_button.setEnabled(True)

    def _changed(self, rekeyed: bool) -> None:
        self._finish()
        for edit in (self.current, self.new, self.again):
            edit.clear()
        self.status.setText(self.tr("Passphrase changed.") + " " + self._rekey_text(rekeyed))

    def _failed(self, exc: BaseException) -> None:
        self._finish()
        self.status.setText(self._rekey_text(self.rekey.isChecked()))
        if isinstance(exc, WrongPassphrase):
            exc = ValidationError("passphrase", self.tr("is not your current passphrase"))
        elif not isinstance(exc, ClinicError):
            exc = ClinicError(self.tr("the passphrase change failed ({error})").format(
                error=type(exc).__name__))
        self.form.show_error(exc)
