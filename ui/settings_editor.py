"""Every clinic setting in one form; Save writes only what changed (audited by records).
The recovery key goes through records.rekey.set_recovery, which also gives the key file its
recovery slot (a setting alone would not let the coordinator's identity open the vault).
Your own passphrase is changed in its own box (ui/passphrase_box.py), not by Save."""
from __future__ import annotations

import dataclasses
from zoneinfo import available_timezones

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QCompleter, QGroupBox,
                               QHBoxLayout, QHeaderView, QLineEdit, QPushButton, QSpinBox,
                               QTableWidget, QTableWidgetItem, QVBoxLayout)

from records import rekey
from records.export import vankey
from records import settings as settings_store
from records.errors import ValidationError
from records.models import PAPER_SIZES, ScheduleEntry
from records.vocab import label
from ui import i18n
from ui.passphrase_box import PassphraseBox
from ui.form_base import FormBase
from ui.widgets import FolderDialog, TextBox, check_box, form_layout, hint, named


class SettingsEditor(FormBase):
    def __init__(self, vault, parent=None, *, kdf=None):
        super().__init__(vault, parent)
        self.set_heading(self.tr("Settings"))
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.setAccessibleName(self.cancel_button.text())
        left = QVBoxLayout()
        left.addWidget(self._clinic_box())
        left.addWidget(self._schedule_box(), 1)
        right = QVBoxLayout()
        right.addWidget(self._keys_box())
        right.addWidget(self._safety_box())
        self.passphrase_box = PassphraseBox(self, kdf=kdf)
        right.addWidget(self.passphrase_box)
        right.addStretch(1)
        row = QHBoxLayout(self.body)
        row.setContentsMargins(0, 0, 0, 0)
        row.addLayout(left, 1)
        row.addLayout(right, 1)
        self.load(vault.settings)
        self.setFocusProxy(self.clinic_name)

    # --- layout ----------------------------------------------------------------------
    def _line(self, name: str, caption: str) -> QLineEdit:
        return self.field(name, named(QLineEdit(), caption), caption)

    def _clinic_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Clinic and van"))
        form = form_layout()
        self.clinic_name = self._line("clinic_name", self.tr("Clinic name"))
        self.program = self._line("program", self.tr("Program"))
        self.van_name = self._line("van_name", self.tr("Van name"))
        self.van_code = self._line("van_code", self.tr("Van code"))
        zone = self.tr("Time zone")
        self.timezone = self.field("timezone", named(QComboBox(), zone), zone)
        self.timezone.setEditable(True)
        self.timezone.addItems(sorted(available_timezones()))
        self.timezone.setInsertPolicy(QComboBox.NoInsert)
        self.timezone.completer().setFilterMode(Qt.MatchContains)
        self.timezone.completer().setCompletionMode(QCompleter.PopupCompletion)
        lines, paper = self.tr("Letterhead lines"), self.tr("Paper size")
        self.letterhead = self.field("letterhead", TextBox(lines, lines=3), lines)
        self.paper_size = self.field("paper_size", named(QComboBox(), paper), paper)
        for code in PAPER_SIZES:
            self.paper_size.addItem(label("paper_size", code, i18n.current()), code)
        for widget in (self.clinic_name, self.program, self.van_name, self.van_code,
                       self.timezone):
            form.addRow(widget.accessibleName(), widget)
        form.addRow(self.tr("Letterhead"), self.letterhead)
        form.addRow("", hint(self.tr("One line per line on printed letters (at most 8).")))
        form.addRow(paper, self.paper_size)
        box.setLayout(form)
        return box

    def _schedule_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Where the van is next (printed on client copies)"))
        column = QVBoxLayout(box)
        schedule = self.tr("Van schedule")
        self.schedule = self.field("schedule", named(QTableWidget(0, 2), schedule), schedule)
        self.schedule.setHorizontalHeaderLabels((self.tr("When"), self.tr("Site")))
        self.schedule.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.schedule.verticalHeader().hide()
        self.schedule.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.schedule.setMinimumHeight(120)
        buttons = QHBoxLayout()
        add = self.add_stop_button = named(QPushButton(self.tr("Add a stop")),
                                           self.tr("Add a stop"))
        add.clicked.connect(lambda: self.add_schedule_row())
        remove = named(QPushButton(self.tr("Remove stop")), self.tr("Remove stop"))
        remove.clicked.connect(self.remove_schedule_row)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        column.addWidget(self.schedule, 1)
        column.addLayout(buttons)
        column.addWidget(hint(self.tr("For example: Tuesday 21:00-02:00 | Dundas & Richmond")))
        return box

    def _keys_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Exports and keys"))
        form = form_layout()
        self.export_recipient = self._line("export_recipient", self.tr("Coordinator's export key"))
        recovery = self.tr("Recovery key")
        self.recovery_recipient = self._line("recovery_recipient", recovery)
        self.field("recovery key", self.recovery_recipient, recovery)  # the key file's name
        for edit in (self.export_recipient, self.recovery_recipient):
            edit.setPlaceholderText("age1…")
        self.uic_secret = self._line("uic_secret", self.tr("Program code secret"))
        self.uic_secret.setEchoMode(QLineEdit.Password)
        self.show_secret = check_box(self.tr("Show the secret"))
        self.show_secret.toggled.connect(lambda on: self.uic_secret.setEchoMode(
            QLineEdit.Normal if on else QLineEdit.Password))
        form.addRow(self.tr("Export key"), self.export_recipient)
        form.addRow("", hint(self.tr(
            "The coordinator's public key; weekly exports are encrypted to it.")))
        form.addRow(recovery, self.recovery_recipient)
        form.addRow("", hint(self.tr("Can unlock the vault if every passphrase is lost.")))
        form.addRow(self.tr("Code secret"), self.uic_secret)
        form.addRow("", self.show_secret)
        form.addRow("", hint(self.tr(
            "From the coordinator; exports carry codes only hashed with it.")))
        self.secret_warning = hint("", wrap=True)
        self.secret_warning.setAccessibleName(self.tr("Code secret warning"))
        form.addRow("", self.secret_warning)
        self.van_key = named(QLineEdit(), self.tr("Van signing key"))  # as `van-key` prints it
        self.van_key.setReadOnly(True)
        self.van_key_fingerprint = hint("")
        form.addRow(self.tr("Signing key"), self.van_key)
        form.addRow("", self.van_key_fingerprint)
        box.setLayout(form)
        return box

    def _safety_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Locking and backups"))
        form = form_layout()
        idle = self.tr("Lock after minutes idle")
        self.idle_lock = self.field("idle_lock_minutes", named(QSpinBox(), idle), idle)
        self.idle_lock.setRange(1, 240)
        self.idle_lock.setSuffix(self.tr(" min"))
        self.backup_folder = self._line("backup_folder", self.tr("Backup folder"))
        choose = named(QPushButton(self.tr("Choose…")), self.tr("Choose backup folder"))
        choose.clicked.connect(self.choose_backup_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.backup_folder, 1)
        folder_row.addWidget(choose)
        keep = self.tr("Backups to keep")
        self.backup_keep = self.field("backup_keep", named(QSpinBox(), keep), keep)
        self.backup_keep.setRange(1, 365)
        form.addRow(self.tr("Lock when idle"), self.idle_lock)
        form.addRow(self.backup_folder.accessibleName(), folder_row)
        form.addRow(self.tr("Backups kept"), self.backup_keep)
        box.setLayout(form)
        return box

    # --- schedule rows ----------------------------------------------------------------
    def add_schedule_row(self, when: str = "", site: str = "") -> None:
        row = self.schedule.rowCount()
        self.schedule.insertRow(row)
        self.schedule.setItem(row, 0, QTableWidgetItem(when))
        self.schedule.setItem(row, 1, QTableWidgetItem(site))
        self.schedule.setCurrentCell(row, 0)

    def remove_schedule_row(self) -> None:
        if self.schedule.currentRow() >= 0:
            self.schedule.removeRow(self.schedule.currentRow())

    def schedule_entries(self) -> tuple[ScheduleEntry, ...]:
        """Rows with anything typed; a half-filled row is left for records to refuse."""
        entries = []
        for row in range(self.schedule.rowCount()):
            when, site = (self.schedule.item(row, col).text()
                          if self.schedule.item(row, col) else "" for col in (0, 1))
            if when.strip() or site.strip():
                entries.append(ScheduleEntry(when, site))
        return tuple(entries)

    def choose_backup_folder(self) -> None:
        dialog = FolderDialog(self.backup_folder.text(), self)
        if dialog.exec():
            self.backup_folder.setText(dialog.selected())

    # --- values ----------------------------------------------------------------------
    def load(self, s) -> None:
        for edit, value in ((self.clinic_name, s.clinic_name), (self.program, s.program),
                            (self.van_name, s.van_name), (self.van_code, s.van_code),
                            (self.export_recipient, s.export_recipient),
                            (self.recovery_recipient, s.recovery_recipient),
                            (self.uic_secret, s.uic_secret),
                            (self.backup_folder, s.backup_folder)):
            edit.setText(value)
        key = vankey.van_public_text(self.vault.db)
        self.van_key.setText(f"{s.van_code} {key}")
        self.van_key_fingerprint.setText(self.tr(
            "Fingerprint {fingerprint}: the coordinator registers this line.").format(
            fingerprint=vankey.fingerprint(key)))
        self.timezone.setCurrentText(s.timezone)
        self.letterhead.setText("\n".join(s.letterhead))
        self.paper_size.setCurrentIndex(self.paper_size.findData(s.paper_size))
        self.schedule.setRowCount(0)
        for entry in s.schedule:
            self.add_schedule_row(entry.when, entry.site)
        self.idle_lock.setValue(s.idle_lock_minutes)
        self.backup_keep.setValue(s.backup_keep)
        warning = settings_store.weak_secret_warning(s)
        self.secret_warning.setText(self.tr("Warning: {problem}.").format(problem=warning)
                                    if warning else "")
        self.secret_warning.setVisible(bool(warning))

    def values(self) -> dict:
        return {
            "clinic_name": self.clinic_name.text(), "program": self.program.text(),
            "van_name": self.van_name.text(), "van_code": self.van_code.text(),
            "timezone": self.timezone.currentText().strip(),
            "letterhead": tuple(self.letterhead.text().splitlines()),
            "paper_size": self.paper_size.currentData(),
            "schedule": self.schedule_entries(),
            "export_recipient": self.export_recipient.text().strip(),
            "recovery_recipient": self.recovery_recipient.text().strip(),
            "uic_secret": self.uic_secret.text(),
            "idle_lock_minutes": self.idle_lock.value(),
            "backup_folder": self.backup_folder.text().strip(),
            "backup_keep": self.backup_keep.value(),
        }

    def commit(self):
        current = self.vault.settings
        changes = {k: v for k, v in self.values().items() if v != getattr(current, k)}
        if not changes:
            return current
        # All valid (a changed code secret strong), or nothing written.
        settings_store.check(dataclasses.replace(current, **changes), before=current)
        recovery = changes.pop("recovery_recipient", None)
        if recovery is not None:
            if not recovery:
                raise ValidationError("recovery_recipient", self.tr(
                    "cannot be removed; enter the new key to replace it"))
            rekey.set_recovery(self.vault, recovery)
        saved = settings_store.update(self.vault, **changes) if changes else self.vault.settings
        self.load(saved)
        return saved
