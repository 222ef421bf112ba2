"""`python -m records.catalogs`: extract the marked strings of records/, reports/ and flows/
with Babel, bring each language's .po up to date with them (new strings empty, strings gone
dropped), then compile each .po into its .mo. `--check` changes nothing and exits 1 when a .po
is out of step with the code, has a string left untranslated or fuzzy, or its .mo is stale.

Marked strings: N_("...") and C_("context", "...") (records.i18n), msg("...") and the
messages given to the errors of ERRORS (records/messages.py), gettext("..."),
ngettext("...", "...", n), pgettext("context", "..."); a comment starting "Translators:" on
the line before reaches the translator."""
from __future__ import annotations

import argparse
import gettext
import re
import sys
from io import BytesIO

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

from records.catalogs import DOMAIN, ROOT, SOURCES, TRANSLATED, mo_file, po_file
from records.i18n import LOCALES

# The errors whose message (the first argument) a screen can show: a literal given to one is
# in the catalog. The coordinator's own errors (bundles, keyring, ledger) are command line only.
ERRORS = ("ClinicError", "NoVault", "VaultExists", "WrongPassphrase", "UnknownStaff",
          "VaultDamaged", "DiskFull", "AccessDenied", "NotFound", "Locked", "VaultBusy",
          "OutputRefused", "VaultTooNew", "NothingMerged")
KEYWORDS = {
    "N_": None, "C_": ((1, "c"), 2),
    "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    # the messages of errors a screen shows (records/messages.py)
    "msg": None, "ValidationError": (2,), "AmbiguousTime": (2,),
    **{name: None for name in ERRORS},
}
COMMENT_TAGS = ("Translators:",)
HEADER = """\
# {language} translations of the printed documents and code labels of van-clinic.
# Fill in the msgstr lines (Canadian French: docs/translating.md), then run
#     .venv/bin/python -m records.catalogs
#"""
# The one header line that changes with Babel's version alone: comparisons leave it out, so a
# new Babel release does not make the committed files "stale".
_GENERATOR = re.compile(rb'^"Generated-By: .*\n', re.MULTILINE)


def template() -> Catalog:
    """Every marked string of the sources, in file order."""
    catalog = Catalog(domain=DOMAIN, project="van-clinic", charset="utf-8")
    for package in SOURCES:
        for filename, lineno, message, comments, context in extract_from_dir(
                ROOT / package, [("**.py", "python")], keywords=KEYWORDS,
                comment_tags=COMMENT_TAGS, strip_comment_tags=True):
            catalog.add(message, None, [(f"{package}/{filename}", lineno)],
                        auto_comments=comments, context=context)
    return catalog


def updated(language: str, source: Catalog) -> Catalog:
    """The language's catalog with exactly the strings of `source`, translations kept.
    No fuzzy matching: a changed string comes back empty, to be translated again."""
    path = po_file(language)
    if path.exists():
        with path.open("rb") as f:
            catalog = read_po(f, locale=LOCALES[language], domain=DOMAIN)
    else:
        catalog = Catalog(locale=LOCALES[language], domain=DOMAIN, project="van-clinic",
                          header_comment=HEADER.format(language=Locale.parse(LOCALES[language]).english_name), fuzzy=False)
    created = catalog.creation_date  # update() would take the template's: today
    catalog.update(source, no_fuzzy_matching=True)
    catalog.creation_date = created
    catalog.obsolete.clear()
    return catalog


def po_bytes(catalog: Catalog) -> bytes:
    out = BytesIO()
    write_po(out, catalog, no_location=True, omit_header=False, width=96)
    return out.getvalue()


def mo_bytes(po: bytes, language: str) -> bytes:
    """The .mo compiled from the .po text: what is committed must equal this."""
    out = BytesIO()
    write_mo(out, read_po(BytesIO(po), locale=LOCALES[language], domain=DOMAIN))
    return out.getvalue()


def same_po(one: bytes, other: bytes) -> bool:
    return _GENERATOR.sub(b"", one) == _GENERATOR.sub(b"", other)


def _mo_content(mo: bytes) -> tuple[list, dict]:
    messages = sorted((m.context or "", repr(m.id), repr(m.string))
                      for m in read_mo(BytesIO(mo)) if m.id)
    headers = gettext.GNUTranslations(BytesIO(mo)).info()
    headers.pop("generated-by", None)
    return messages, headers


def same_mo(one: bytes, other: bytes) -> bool:
    """The same translations and headers (the generator's version aside)."""
    return _mo_content(one) == _mo_content(other)


def problems(language: str, po: bytes) -> list[str]:
    """Strings without a translation (every plural form counts) or marked fuzzy."""
    found = []
    for message in read_po(BytesIO(po), locale=LOCALES[language], domain=DOMAIN):
        if not message.id:
            continue
        forms = message.string if isinstance(message.string, tuple) else (message.string,)
        label = message.id if isinstance(message.id, str) else message.id[0]
        if not all(forms):
            found.append(f"{language}: untranslated: {label!r}")
        if message.fuzzy:
            found.append(f"{language}: fuzzy: {label!r}")
    return found


def check(source: Catalog) -> list[str]:
    found = []
    for language in TRANSLATED:
        po = po_file(language).read_bytes()
        if not same_po(po_bytes(updated(language, source)), po):
            found.append(f"{po_file(language).relative_to(ROOT)} is out of step with the code")
        found += problems(language, po)
        mo = mo_file(language)
        if not mo.exists() or not same_mo(mo.read_bytes(), mo_bytes(po, language)):
            found.append(f"{mo.relative_to(ROOT)} differs from a fresh compile of its .po")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m records.catalogs", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 on anything to update or translate")
    args = parser.parse_args(argv)
    source = template()
    if args.check:
        found = check(source)
        for line in found:
            print(line, file=sys.stderr)
        if found:
            print("run python -m records.catalogs, then translate what is empty",
                  file=sys.stderr)
        return 1 if found else 0
    for language in TRANSLATED:
        po = po_bytes(updated(language, source))
        po_file(language).parent.mkdir(parents=True, exist_ok=True)
        po_file(language).write_bytes(po)
        mo_file(language).write_bytes(mo_bytes(po, language))
        for line in problems(language, po):
            print(line, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
