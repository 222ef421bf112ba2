"""The translations (docs/translating.md): every message of every .ts translated, every tr()
string of ui/ in the .ts files, each committed .qm what pyside6-lrelease makes of its .ts,
and the French written with French typography and the source's placeholders."""
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ui.translations import LANGUAGES, PLURAL_ONLY, qm_file, ts_file
from ui.translations.__main__ import lrelease, main

PLACEHOLDER = re.compile(r"\{\w*\}|%n|%L?\d")


def messages(language: str):
    """(context, source, [translations], unfinished) of each message of a .ts."""
    root = ET.parse(ts_file(language)).getroot()
    for context in root.iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            forms = ([f.text or "" for f in translation.iter("numerusform")]
                     if message.get("numerus") == "yes" else [translation.text or ""])
            yield (name, message.findtext("source"), forms,
                   translation.get("type") in ("unfinished", "vanished", "obsolete"))


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language):
    missing = [f"{context}: {source!r}" for context, source, forms, unfinished
               in messages(language) if unfinished or not all(f.strip() for f in forms)]
    assert missing == []


def test_every_string_of_ui_is_in_the_ts_files(capsys):
    assert main(["--check"]) == 0, capsys.readouterr().err


def test_the_languages_are_the_records_languages():
    from records.models import LANGUAGES as RECORDS_LANGUAGES
    assert LANGUAGES == RECORDS_LANGUAGES


def test_the_english_file_holds_only_plural_forms():
    assert "en" in PLURAL_ONLY
    assert all(len(forms) == 2 for _c, _s, forms, _u in messages("en"))  # one and many


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_committed_qm_is_a_fresh_release_of_its_ts(language, tmp_path):
    fresh = tmp_path / qm_file(language).name
    lrelease(ts_file(language), fresh)
    assert qm_file(language).read_bytes() == fresh.read_bytes(), \
        f"{qm_file(language).name} is stale: run python -m ui.translations and commit it"


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_placeholders_and_accelerators(language):
    wrong = []
    for context, source, forms, _unfinished in messages(language):
        for form in forms:
            expected = sorted(PLACEHOLDER.findall(source))
            found = sorted(PLACEHOLDER.findall(form))
            if len(forms) == 1 or "%n" not in source:
                ok = found == expected
            else:  # a singular form may spell the number out ("une tentative")
                ok = set(found) <= set(expected)
            if not ok or source.count("&") != form.count("&"):
                wrong.append(f"{context}: {source!r} -> {form!r}")
    assert wrong == []


def test_french_typography():
    """A no-break space before ":" and inside « »; a narrow no-break space (or a no-break
    space) before ; ! ? — never an ordinary space, and never the mark glued to the word."""
    colon = re.compile(r"(?<!\u00a0):(\s|$)")  # "22:30" and "age1..." are not punctuation
    other = re.compile(r"(?<![\u202f\u00a0])[;!?](\s|$)")
    quotes = re.compile(r"«(?!\u00a0)|(?<!\u00a0)»")
    wrong = [f"{context}: {form!r}" for context, source, forms, _u in messages("fr")
             for form in forms
             if colon.search(form) or other.search(form) or quotes.search(form)]
    assert wrong == []


def test_the_packaged_data_lists_the_qm_files():
    root = Path(__file__).resolve().parent.parent
    assert 'ui = ["translations/*.qm"]' in (root / "pyproject.toml").read_text(encoding="utf-8")
    assert '"*.qm"' in (root / "desktop" / "van-clinic.spec").read_text(encoding="utf-8")
