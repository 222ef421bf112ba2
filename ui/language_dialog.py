"""The staff member's language (View > Language): this laptop's language, English or French.

The choice is kept in the vault with the staff member's other preferences
(records.staff.set_pref, ui.i18n.LANGUAGE_PREF). It is applied at once when the main window
can be made again without losing anything (no form open, no background job: the window
emits `language_changed` and ui/app.py rebuilds it), otherwise at the next unlock; the
dialog says which before OK, and the status bar after.
"""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel

from records import staff
from ui import i18n, runner


class LanguageDialog(QDialog):
    def __init__(self, window):
        super().__init__(window)
        self.window_ = window
        self.setWindowTitle(self.tr("Language"))
        self.choice = QComboBox()
        self.choice.setAccessibleName(self.tr("Language of the app"))
        self.choice.addItem(self.tr("This laptop's language ({language})").format(
            language=i18n.NAMES[i18n.system_language()]), None)
        for code, name in i18n.NAMES.items():
            self.choice.addItem(name, code)
        stored = staff.prefs(window.vault).get(i18n.LANGUAGE_PREF)
        self.choice.setCurrentIndex(max(0, self.choice.findData(stored)) if stored else 0)
        self.when = QLabel(objectName="muted", wordWrap=True)
        self.when.setText(self.tr("Applied now: the window opens again at its first page.")
                          if self.can_apply_now() else
                          self.tr("Takes effect at your next unlock: finish what is in "
                                  "progress first to apply it now."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QFormLayout(self)
        label = QLabel(self.tr("&Language"))
        label.setBuddy(self.choice)
        layout.addRow(label, self.choice)
        layout.addRow(self.when)
        layout.addRow(buttons)

    def can_apply_now(self) -> bool:
        """Nothing would be lost by making the window again: no form open, no job running."""
        host = self.window_.host
        return host.current() in host.browsers and not runner.shared().busy

    def accept(self) -> None:
        chosen = self.choice.currentData()
        staff.set_pref(self.window_.vault, i18n.LANGUAGE_PREF, chosen)
        language = i18n.for_staff(chosen)
        super().accept()
        if language == i18n.current():
            return
        if self.can_apply_now():
            self.window_.language_changed.emit(language)
        else:
            self.window_.say(self.tr("{language}: takes effect at your next unlock.").format(
                language=i18n.NAMES[language]))
