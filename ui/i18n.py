"""The app's language: our translations (ui/translations/*.qm) and Qt's own (qtbase_*.qm, for
the print, file and message dialogs), installed on the running QApplication."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QTranslator

from ui.translations import LANGUAGES, qm_file

_installed: list[QTranslator] = []
_current = "en"


def current() -> str:
    """The language of the app's text now ("en" or "fr"): what code labels shown beside it
    (records.vocab.label(kind, code, current())) should be written in."""
    return _current


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
