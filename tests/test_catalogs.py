"""The gettext catalogs of the documents and code labels (records/catalogs/): complete, in step
with the code, compiled, and written as a Canadian French translator would."""
import re
from io import BytesIO

import pytest
from babel.messages.pofile import read_po

from records.catalogs import TRANSLATED, mo_file, po_file
from records.catalogs.__main__ import (
    check, mo_bytes, po_bytes, problems, same_mo, same_po, template, updated,
)
from records.i18n import LOCALES

NBSP, NNBSP = "\u00a0", "\u202f"
# French that is spelled as the English (checked one by one).
SAME_IN_FRENCH = {
    "Vaccination", "Contraception", "Pipes", "Condoms", "Urgent", "Service", "Services",
    "Signature", "Allergies", "Note", "{label} (×{count})",
    # error messages and the field names they give (records/messages.py)
    "client", "clients", "allergies", "destination", "document", "confirmation",
    "{minutes} minutes",
}
# Words a Canadian French health text does not use for these ideas (OQLF): a referral is an
# « orientation », an e-mail a « courriel ».
NOT_THESE_WORDS = ("référence", "référent", "aiguillage", "e-mail", "email")


@pytest.fixture(scope="module")
def source():
    return template()


def messages(language):
    with po_file(language).open("rb") as f:
        return [m for m in read_po(f, locale=LOCALES[language]) if m.id]


@pytest.mark.parametrize("language", TRANSLATED)
def test_every_string_is_translated_and_none_is_fuzzy(language):
    assert problems(language, po_file(language).read_bytes()) == []


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_po_is_in_step_with_the_code(language, source):
    assert same_po(po_bytes(updated(language, source)), po_file(language).read_bytes()), \
        "run python -m records.catalogs"


@pytest.mark.parametrize("language", TRANSLATED)
def test_the_committed_mo_equals_a_fresh_compile(language):
    fresh = mo_bytes(po_file(language).read_bytes(), language)
    assert same_mo(mo_file(language).read_bytes(), fresh)


def test_the_command_check_passes(source):
    assert check(source) == []


def test_the_checks_would_notice(source):
    """An empty or fuzzy translation, a string the code dropped or added, a stale .mo."""
    po = po_file("fr").read_bytes()
    emptied = po.replace('msgstr "Lettre d\'orientation"'.encode(), b'msgstr ""')
    assert problems("fr", emptied) == ["fr: untranslated: 'Referral letter'"]
    fuzzy = po.replace(b'msgid "Referral letter"', b'#, fuzzy\nmsgid "Referral letter"')
    assert problems("fr", fuzzy) == ["fr: fuzzy: 'Referral letter'"]
    assert not same_po(po_bytes(updated("fr", source)), emptied)
    assert not same_mo(mo_bytes(emptied, "fr"), mo_file("fr").read_bytes())
    source.add("A string only the code has")
    try:
        assert not same_po(po_bytes(updated("fr", source)), po)
    finally:
        source.delete("A string only the code has")


def test_same_po_ignores_only_the_babel_version_line():
    po = po_file("fr").read_bytes()
    other = re.sub(rb'"Generated-By: Babel [^"]*"', b'"Generated-By: Babel 99.0\\\\n"', po)
    assert other != po and same_po(other, po)
    assert not same_po(po.replace(b"Orientation", b"Orientatio"), po)


@pytest.mark.parametrize("language", TRANSLATED)
def test_placeholders_are_kept(language):
    for message in messages(language):
        assert sorted(re.findall(r"\{\w*\}", message.string)) == \
            sorted(re.findall(r"\{\w*\}", message.id)), message.id


@pytest.mark.parametrize("language", TRANSLATED)
def test_nothing_is_left_in_english(language):
    left = {m.id for m in messages(language) if m.string == m.id}
    assert left == SAME_IN_FRENCH


def test_french_typography():
    """A no-break space before ":" and inside « », a narrow one before ; ? ! (none of them
    after an ordinary space or a letter). A colon inside a time or a format (HH:MM) is none."""
    for message in messages("fr"):
        text = message.string
        assert not re.search(r"[^\u00a0]:(?=\s|$)", text), text
        assert not re.search(r"[^\u202f][;?!]", text), text
        assert not re.search(r"«[^\u00a0]|[^\u00a0]»", text), text


def test_french_terminology():
    for message in messages("fr"):
        words = re.findall(r"[\w'-]+", message.string.casefold())
        for word in NOT_THESE_WORDS:
            assert not any(w == word or w.startswith(word) for w in words), message.string
