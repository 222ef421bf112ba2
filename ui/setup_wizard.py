"""First run: clinic, van, first staff member, passphrase, optional keys; creates the vault.

Creating the vault derives the staff member's key (Argon2id calibrated to this laptop, or the
`kdf` given by the caller) in the background runner; the wizard ends with the vault unlocked.
"""
from __future__ import annotations

import math
import re
import zoneinfo
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit,
                               QProgressBar, QVBoxLayout, QWizard, QWizardPage)

from records import vocab
from records.models import MIN_PASSPHRASE, ROLES
from ui import i18n
AGE_KEY = re.compile(r"^age1[02-9ac-hj-np-z]{58}$")
MIN_BITS = 45


def passphrase_bits(passphrase: str) -> float:
    """A rough entropy estimate: words for a passphrase of several words, else characters
    from the character classes used. Repeats and very short inputs score low."""
    if not passphrase:
        return 0.0
    words = passphrase.split()
    if len(words) >= 3 and all(len(w) >= 3 for w in words):
        by_words = len(set(w.casefold() for w in words)) * 11.0  # ~ a 2000-word vocabulary
    else:
        by_words = 0.0
    pool = 0
    pool += 26 if re.search(r"[a-z]", passphrase) else 0
    pool += 26 if re.search(r"[A-Z]", passphrase) else 0
    pool += 10 if re.search(r"\d", passphrase) else 0
    pool += 33 if re.search(r"[^a-zA-Z\d]", passphrase) else 0
    distinct = len(set(passphrase))
    by_chars = min(len(passphrase), 2 * distinct) * math.log2(max(pool, 2)) * 0.6
    return max(by_words, by_chars)


def strength_label(bits: float) -> str:
    translate = QCoreApplication.translate
    if bits < MIN_BITS:
        return translate("SetupWizard", "Too easy to guess: add another word or two.")
    if bits < 60:
        return translate("SetupWizard", "Fair. A longer passphrase would be safer.")
    return translate("SetupWizard", "Strong.")


def check_age_key(text: str, field: str) -> str:
    text = text.strip()
    if text and not AGE_KEY.match(text):
        from records.errors import ValidationError
        raise ValidationError(field, QCoreApplication.translate(
            "SetupWizard", "must be an age public key: 62 characters starting with age1"))
    return text


def _problem(field: str, problem: str) -> str:
    return QCoreApplication.translate("SetupWizard", "{field}: {problem}").format(
        field=field, problem=problem)


@dataclass
class Answers:
    clinic_name: str
    van_name: str
    van_code: str
    timezone: str
    letterhead: tuple[str, ...]
    staff_name: str
    role: str
    contact_line: str
    passphrase: str
    export_recipient: str = ""
    recovery_recipient: str = ""
    uic_secret: str = ""


def create_vault(data_dir: Path, answers: Answers, kdf=None):
    """The background job: create the vault (and its recovery slot) and return it unlocked."""
    from records.models import Settings
    from records.vault import KEY_NAME, Vault
    settings = Settings(clinic_name=answers.clinic_name, van_name=answers.van_name,
                        van_code=answers.van_code, timezone=answers.timezone,
                        letterhead=answers.letterhead,
                        export_recipient=answers.export_recipient,
                        recovery_recipient=answers.recovery_recipient,
                        uic_secret=answers.uic_secret)
    vault = Vault.create(data_dir, answers.staff_name, answers.passphrase, role=answers.role,
                         contact_line=answers.contact_line, settings=settings, kdf=kdf)
    if answers.recovery_recipient:
        try:
            vault.keyfile.set_recovery(answers.recovery_recipient, vault.data_key)
            vault.keyfile.save(vault.path / KEY_NAME)
        except BaseException:
            vault.lock()  # lets go of the vault: the wizard's next try may open it
            raise
    return vault


def _line(name: str, text: str = "", placeholder: str = "") -> QLineEdit:
    edit = QLineEdit(text, placeholderText=placeholder)
    edit.setAccessibleName(name)
    return edit


def _error_label() -> QLabel:
    label = QLabel(objectName="error", wordWrap=True)
    label.setAccessibleName(QCoreApplication.translate("SetupWizard", "Problem"))
    return label


class ClinicPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Your clinic"))
        self.setSubTitle(self.tr("These appear on letters and on the weekly export. You can "
                                 "change them later."))
        self.clinic = _line(self.tr("Clinic name"),
                            placeholder=self.tr("e.g. Night Outreach Clinic"))
        self.van = _line(self.tr("Van name"), placeholder=self.tr("e.g. Van 1"))
        self.van_code = _line(self.tr("Van code"), "VAN1")
        self.van_code.setToolTip(self.tr("A short code identifying this van in the weekly "
                                         "export: 1 to 16 capital letters, digits, - or _ "
                                         "(e.g. VAN1)."))
        self.timezone = QComboBox(editable=True)
        self.timezone.setAccessibleName(self.tr("Time zone"))
        self.timezone.addItems(sorted(zoneinfo.available_timezones()))
        from PySide6.QtCore import QTimeZone
        system = bytes(QTimeZone.systemTimeZoneId()).decode() or "America/Toronto"
        self.timezone.setCurrentText(system if system in zoneinfo.available_timezones()
                                     else "America/Toronto")
        self.letterhead = QPlainTextEdit(placeholderText=self.tr(
            "One line each: address, phone (the clinic name prints above them)"))
        self.letterhead.setAccessibleName(self.tr("Letterhead lines"))
        self.letterhead.setTabChangesFocus(True)  # Enter starts a new line; Tab moves on
        self.letterhead.setFixedHeight(96)
        self.error = _error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("Clinic name"), self.clinic)
        form.addRow(self.tr("Van name"), self.van)
        form.addRow(self.tr("Van code"), self.van_code)
        form.addRow(self.tr("Time zone"), self.timezone)
        form.addRow(self.tr("Letterhead"), self.letterhead)
        form.addRow(self.error)

    def validatePage(self) -> bool:  # noqa: N802
        self.error.setText(self._problem())
        return not self.error.text()

    def _problem(self) -> str:
        from records.clock import zone
        from records.errors import ValidationError
        from records.validate import van_code
        for label, edit in ((self.tr("Clinic name"), self.clinic),
                            (self.tr("Van name"), self.van), (self.tr("Van code"), self.van_code)):
            if not edit.text().strip():
                return _problem(label, self.tr("is required"))
        try:
            van_code("van_code", self.van_code.text())
            zone(self.timezone.currentText().strip())
        except ValidationError as exc:
            label = self.tr("Time zone") if exc.field == "timezone" else self.tr("Van code")
            return _problem(label, i18n.error_text(exc.problem))
        return ""

    def letterhead_lines(self) -> tuple[str, ...]:
        return tuple(l.strip() for l in self.letterhead.toPlainText().splitlines() if l.strip())


class StaffPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("You, the first staff member"))
        self.setSubTitle(self.tr("You can add other staff members later, each with their own "
                                 "passphrase."))
        self.name = _line(self.tr("Your name"), placeholder=self.tr("The name you sign in with"))
        self.role = QComboBox()
        self.role.setAccessibleName(self.tr("Role"))
        for code in ROLES:
            self.role.addItem(vocab.label("role", code, i18n.current()), code)
        self.contact = _line(self.tr("Contact line"),
                             placeholder=self.tr("e.g. Nora, RN - 555-0100 (printed on letters)"))
        self.error = _error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Role"), self.role)
        form.addRow(self.tr("Contact line"), self.contact)
        form.addRow(self.error)

    def validatePage(self) -> bool:  # noqa: N802
        if not self.name.text().strip():
            self.error.setText(_problem(self.tr("Name"), self.tr("is required")))
            return False
        self.error.clear()
        return True


class PassphrasePage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Your passphrase"))
        self.setSubTitle(self.tr("It unlocks the records. Nobody can recover it for you: "
                                 "several words you will remember work best."))
        self.first = _line(self.tr("Passphrase"))
        self.first.setEchoMode(QLineEdit.EchoMode.Password)
        self.second = _line(self.tr("Passphrase again"))
        self.second.setEchoMode(QLineEdit.EchoMode.Password)
        self.meter = QProgressBar(maximum=100, textVisible=False)
        self.meter.setAccessibleName(self.tr("Passphrase strength"))
        self.meter.setFixedHeight(8)
        self.strength = QLabel(objectName="muted")
        self.error = _error_label()
        form = QFormLayout(self)
        form.addRow(self.tr("Passphrase"), self.first)
        form.addRow(self.tr("Type it again"), self.second)
        form.addRow(self.tr("Strength"), self.meter)
        form.addRow("", self.strength)
        form.addRow(self.error)
        self._shown = ""  # the problem on screen, until it is fixed
        self.first.textChanged.connect(self._update)
        self.second.textChanged.connect(self._recheck)

    def _update(self, text: str) -> None:
        bits = passphrase_bits(text)
        self.meter.setValue(min(100, int(bits)))
        self.strength.setText(strength_label(bits) if text else "")
        self._recheck()

    def _problem(self) -> str:
        text = self.first.text()
        if len(text) < MIN_PASSPHRASE:
            return self.tr("must be at least %n character(s)", "", MIN_PASSPHRASE)
        if passphrase_bits(text) < MIN_BITS:
            return self.tr("is too easy to guess: add another word or two")
        if text != self.second.text():
            return self.tr("the two passphrases differ: type them again")
        return ""

    def _recheck(self) -> None:
        """A refusal stays only while it is still true: once the passphrase is long
        enough (or the two match) its message goes, and the next one waits for Next."""
        if self._shown and self._problem() != self._shown:
            self._shown = ""
            self.error.clear()

    def validatePage(self) -> bool:  # noqa: N802
        problem = self._problem()
        self._shown = problem
        if not problem:
            self.error.clear()
            return True
        self.error.setText(_problem(self.tr("Passphrase"), problem))
        if problem == self.tr("the two passphrases differ: type them again"):
            self.second.clear()
        return False


class KeysPage(QWizardPage):
    def __init__(self):
        super().__init__()
        self.setTitle(self.tr("Keys (optional)"))
        self.setSubTitle(self.tr("From the program coordinator. Leave them empty if you do not "
                                 "have them yet; they can be added in Settings."))
        self.export_key = _line(self.tr("Coordinator's export key"), placeholder="age1...")
        self.recovery_key = _line(self.tr("Recovery key"), placeholder="age1...")
        self.uic_secret = _line(self.tr("Program code secret"))
        self.uic_secret.setEchoMode(QLineEdit.EchoMode.Password)
        secret_help = QLabel(self.tr("Given by the coordinator to every van (64 hex digits): "
                                     "exports carry a keyed hash of each client's code, never "
                                     "the code itself."), wordWrap=True, objectName="muted")
        export_help = QLabel(self.tr("The weekly export is encrypted to this key, so only the "
                                     "program coordinator can read it."),
                             wordWrap=True, objectName="muted")
        recovery_help = QLabel(self.tr("Whoever holds the matching secret key can reopen the "
                                       "records if every passphrase is forgotten; keep it "
                                       "offline."), wordWrap=True, objectName="muted")
        self.busy = QProgressBar(maximum=0, textVisible=False)
        self.busy.setAccessibleName(self.tr("Creating the records"))
        self.busy.hide()
        self.error = _error_label()
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Coordinator's export key"), self.export_key)
        form.addRow("", export_help)
        form.addRow(self.tr("Recovery key"), self.recovery_key)
        form.addRow("", recovery_help)
        form.addRow(self.tr("Program code secret"), self.uic_secret)
        form.addRow("", secret_help)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.busy)
        layout.addWidget(self.error)

    def validatePage(self) -> bool:  # noqa: N802
        from records import uic
        from records.errors import ValidationError
        try:
            check_age_key(self.export_key.text(), self.tr("Coordinator's export key"))
            check_age_key(self.recovery_key.text(), self.tr("Recovery key"))
        except ValidationError as exc:
            self.error.setText(_problem(exc.field, exc.problem))
            return False
        try:
            if self.uic_secret.text().strip():
                uic.check_secret(self.uic_secret.text().strip())
        except ValidationError as exc:
            self.error.setText(_problem(self.tr("Program code secret"),
                                        i18n.error_text(exc.problem)))
            return False
        self.error.clear()
        return True


class SetupWizard(QWizard):
    """Emits `created(vault)` once the vault exists and is unlocked."""

    created = Signal(object)

    def __init__(self, data_dir: Path, runner, *, kdf=None, parent=None):
        super().__init__(parent)
        self._data_dir = Path(data_dir)
        self._runner = runner
        self._kdf = kdf
        self._creating = False
        self.setWindowTitle(QCoreApplication.translate("AppTitle", "Records — first setup"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, False)
        self.clinic, self.staff = ClinicPage(), StaffPage()
        self.passphrase, self.keys = PassphrasePage(), KeysPage()
        for page in (self.clinic, self.staff, self.passphrase, self.keys):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("Create records"))
        self.resize(640, 480)

    def answers(self) -> Answers:
        return Answers(
            clinic_name=self.clinic.clinic.text().strip(), van_name=self.clinic.van.text().strip(),
            van_code=self.clinic.van_code.text().strip(),
            timezone=self.clinic.timezone.currentText().strip(),
            letterhead=self.clinic.letterhead_lines(), staff_name=self.staff.name.text().strip(),
            role=self.staff.role.currentData(), contact_line=self.staff.contact.text().strip(),
            passphrase=self.passphrase.first.text(),
            export_recipient=self.keys.export_key.text().strip(),
            recovery_recipient=self.keys.recovery_key.text().strip(),
            uic_secret=self.keys.uic_secret.text().strip())

    def accept(self) -> None:
        """Finish: create in the background; the wizard closes only once it worked."""
        if self._creating or not self.validateCurrentPage():
            return
        self._creating = True
        answers = self.answers()
        for button in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton,
                       QWizard.WizardButton.CancelButton):
            self.button(button).setEnabled(False)
        self.keys.error.clear()
        self.keys.busy.show()
        self._runner.run(lambda: create_vault(self._data_dir, answers, self._kdf),
                         self._created, self._failed)

    def _created(self, vault) -> None:
        self.keys.busy.hide()
        self.passphrase.first.clear()
        self.passphrase.second.clear()
        QWizard.done(self, QWizard.DialogCode.Accepted)
        self.created.emit(vault)

    def _failed(self, error: BaseException) -> None:
        self._creating = False
        self.keys.busy.hide()
        for button in (QWizard.WizardButton.FinishButton, QWizard.WizardButton.BackButton,
                       QWizard.WizardButton.CancelButton):
            self.button(button).setEnabled(True)
        self.keys.error.setText(self.tr("The records were not created: {problem}").format(
            problem=i18n.error_text(error)))
