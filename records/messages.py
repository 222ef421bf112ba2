"""Error messages that can be shown in the nurse's language. A message is written in English
where it is raised and stays English text (the command line, the logs and every test read it
as before); the screens translate it through the gettext catalog (records/catalogs/).

    raise VaultBusy(msg("the vault is open in another window (pid {pid} on {host})",
                        pid=pid, host=host))
    raise ValidationError("staff name", "must not be empty")   # a plain message is its own key

A Message (records/errors.py) is the English str, plus the template and the values to put
back into the French one. Values are never client data; a value that is itself a Message or
an error is translated too. Babel finds msg("...") and the plain strings given to the errors
(records/catalogs/__main__.py KEYWORDS): a template is always a literal, never an f-string.
"""
from __future__ import annotations

from records.errors import ClinicError, Message, ValidationError, msg
from records.i18n import translation

# The catalog context of field names (records/field_names.py lists them).
FIELD = "field"


def translate(text, lang: str) -> str:
    """`text` (a Message, a plain message, or an error carrying one) in `lang`; English for
    "en" and for anything the catalog does not hold."""
    if lang == "en":
        return str(text)
    if isinstance(text, ValidationError):
        text = msg("{field}: {problem}", field=field_name(text.field, lang), problem=text.problem)
    elif isinstance(text, ClinicError):
        text = text.args[0] if text.args else ""
    if not isinstance(text, str):
        return str(text)
    template, params = (text.template, text.params) if isinstance(text, Message) else (text, {})
    params = {name: translate(value, lang) if isinstance(value, (Message, ClinicError)) else value
              for name, value in params.items()}
    translated = translation(lang).gettext(template) if template else ""
    try:
        return translated.format(**params) if params else translated
    except (KeyError, IndexError, ValueError):  # a translation that lost a placeholder
        return str(text)


def field_name(field: str, lang: str) -> str:
    """The name of a field as a ValidationError gives it ("staff name", "supplies.needles"),
    in `lang`: a known name from the catalog, a dotted one as "supplies (needles)"."""
    head, _dot, code = str(field).partition(".")
    name = translation(lang).pgettext(FIELD, head)
    if not code:
        return name
    from records.vocab import label
    for kind in ("supply", "service"):
        try:
            return f"{name} ({label(kind, code, lang)})"
        except ValueError:
            continue
    return f"{name} ({code})"
