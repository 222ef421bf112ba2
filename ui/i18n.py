"""The app's language: our translations (ui/translations/*.qm) and Qt's own (qtbase_*.qm, for
the print, file and message dialogs), installed on the running QApplication.

Before unlock, and for a staff member who chose nothing, the app follows the system's
language (`system_language()`: French on a French system, else English). At unlock the staff
member's choice, kept in the vault as the LANGUAGE_PREF preference, is applied
(`for_staff`). Python's locale is never changed (locale.setlocale fails on a machine that
lacks the locale)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from ui.translations import LANGUAGES, qm_file

LANGUAGE_PREF = "language"  # the staff preference (records.staff.set_pref): "en", "fr" or unset
NAMES = {"en": "English", "fr": "Français"}  # each language in its own words: not translated
_installed: list[QTranslator] = []
_current = "en"


def current() -> str:
    """The language of the app's text now ("en" or "fr"): what code labels shown beside it
    (records.vocab.label(kind, code, current())) should be written in."""
    return _current


def system_language() -> str:
    """"fr" when the system's language is French, else "en". Read from Qt's default locale,
    which is the system's (QLocale.system()) unless something called QLocale.setDefault:
    only tests do, to start the app as on a French system."""
    return "fr" if QLocale().language() == QLocale.Language.French else "en"


def for_staff(stored) -> str:
    """The language for a staff member whose LANGUAGE_PREF is `stored`: their choice, or the
    system's when they chose none (or the vault holds something unknown)."""
    return stored if isinstance(stored, str) and stored in LANGUAGES else system_language()


def install(language: str) -> str:
    """Replace the installed translators with those of `language` ("en" or "fr"; anything
    else falls back to English). Returns the language now in use. Widgets made before the
    call keep their text."""
    global _current
    language = language if language in LANGUAGES else "en"
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    ours, qt = QTranslator(app), QTranslator(app)
    if ours.load(str(qm_file(language))):
        _installed.append(ours)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)):
        _installed.append(qt)
    for translator in _installed:
        app.installTranslator(translator)
    _current = language
    return language


def error_text(error) -> str:
    """A records error (or its message, or a ValidationError's problem) in the language in
    use: the catalog's translation, or the English text when it has none."""
    from records.messages import translate
    return translate(error, _current)


def field_text(field: str) -> str:
    """A ValidationError's field name in the language in use."""
    from records.messages import field_name
    return field_name(field, _current) if _current != "en" else field
