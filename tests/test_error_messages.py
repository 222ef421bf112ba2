"""The messages of records errors: English text as before (the command line, logs and tests
read str(exc)), and the same message in French for a screen (records.messages.translate),
through the shared catalog, values in place."""
import ast
import dataclasses
from pathlib import Path

import pytest

import records.errors
from records import clients, clock, directory, incidents, outputs, owner, referrals, staff
from records import validate, visits
from records.catalogs.__main__ import ERRORS, template
from records.errors import (ClinicError, DiskFull, Locked, Message, NotFound, ValidationError,
                            VaultDamaged, WrongPassphrase, joined, msg)
from records.field_names import FIELDS
from records.messages import field_name, translate
from records.models import Settings

ROOT = Path(__file__).resolve().parent.parent
NBSP, NNBSP = "\u00a0", "\u202f"


def raised(call, *args, **kwargs) -> ClinicError:
    with pytest.raises(ClinicError) as info:
        call(*args, **kwargs)
    return info.value


def test_a_message_is_its_english_text_and_keeps_template_and_values():
    message = msg("no visit with id {visit_id}", visit_id=7)
    assert message == "no visit with id 7" and type(str(message)) is str
    assert message.template == "no visit with id {visit_id}" and message.params == {"visit_id": 7}
    assert str(NotFound(message)) == "no visit with id 7"


def test_converted_sites_say_what_they_said_before(vault, tmp_path):
    """A sample of raise sites, each with the English its f-string gave before."""
    (tmp_path / "taken.pdf").write_bytes(b"x")
    samples = [
        (raised(validate.text, "note", "x" * 201),
         "note: is too long (201 characters, at most 200)"),
        (raised(validate.text, "site", "a\u202eb"),
         "site: contains a bidirectional control character (U+202E) that would reorder the text"),
        (raised(validate.quantity, "supplies.needles", 10_001),
         "supplies.needles: is more than 10000"),
        (raised(validate.choice, "urgency", "soon", ("routine", "urgent")),
         "urgency: must be one of: routine, urgent"),
        (raised(validate.van_code, "van_code", "van 1"),
         "van_code: must be 1 to 16 capital letters, digits, - or _, starting with a letter or "
         "digit (e.g. VAN1)"),
        (raised(clock.parse_week, "2026-W60"), "week: 2026 has no week 60"),
        (raised(clock.parse_week, "soon"), "week: 'soon' is not an ISO week like 2026-W47"),
        (raised(visits.get, vault, 99), "no visit with id 99"),
        (raised(staff.get, vault, 42), "no staff member with id 42"),
        (raised(directory.get, vault, 5), "no service with id 5 in the directory"),
        (raised(visits.record, vault, client_id=None, colour="red"),
         "colour: is not a visit field"),
        (raised(outputs.check_file, tmp_path / "taken.pdf"),
         f"{tmp_path / 'taken.pdf'} already exists; nothing was written (use --force to "
         "replace it)"),
        (Locked(), "the vault is locked"),
        (WrongPassphrase(), "wrong passphrase"),
        (DiskFull(), "the system refused the write (file-size limit, full or failing disk); "
                     "nothing was saved; the vault is unchanged; run check"),
    ]
    for error, english in samples:
        assert str(error) == english


def test_the_disk_full_message_and_the_owner_lock(monkeypatch, tmp_path):
    usage = type("Usage", (), {"free": 12_000_000})
    monkeypatch.setattr(records.errors.shutil, "disk_usage", lambda _folder: usage)
    monkeypatch.setattr(records.errors.os.path, "ismount", lambda path: path == "/")
    error = records.errors.refused_write(tmp_path)
    assert str(error) == ("the disk is full (12 MB free on /); nothing was saved; the vault is "
                          "unchanged; free some space and try again")
    assert translate(error, "fr") == (
        f"le disque est plein (12 Mo libres sur /){NNBSP}; rien n'a été enregistré{NNBSP}; le "
        f"coffre est inchangé{NNBSP}; libérez de l'espace et réessayez")

    monkeypatch.setattr(owner, "holder", lambda _dir: msg(
        "pid {pid} on {host} since {since}", pid=4242, host="van-laptop", since="21:05"))
    first = owner.acquire(tmp_path / "vault")
    try:
        busy = raised(owner.acquire, tmp_path / "vault")
    finally:
        first.release()
    assert str(busy) == ("the vault is open in another window or command (pid 4242 on "
                         "van-laptop since 21:05)")
    assert translate(busy, "fr") == ("le coffre est ouvert dans une autre fenêtre ou commande "
                                     "(processus 4242 sur van-laptop depuis 21:05)")


def test_french_with_the_values_in_place(vault):
    too_long = raised(validate.text, "note", "x" * 201)
    assert translate(too_long, "fr") == \
        f"remarque{NBSP}: est trop long (201 caractères, au plus 200)"
    assert translate(raised(visits.get, vault, 99), "fr") == \
        "aucune visite portant l'identifiant 99"
    assert translate(raised(validate.quantity, "supplies.needles", 10_001), "fr") == \
        f"matériel (Aiguilles et seringues){NBSP}: dépasse 10000"
    required = ValidationError("staff name", "is required")
    assert translate(required, "fr") == f"nom du membre du personnel{NBSP}: est obligatoire"
    assert translate(required.problem, "fr") == "est obligatoire"
    assert translate(required, "en") == "staff name: is required"


def test_nested_messages_are_translated_each_on_its_own():
    damaged = VaultDamaged(joined(msg("the vault is locked"), ".", msg(
        " No backup of this vault was found in the folders it was backed up to.")))
    assert str(damaged) == ("the vault is locked. No backup of this vault was found in the "
                            "folders it was backed up to.")
    assert translate(damaged, "fr") == ("le coffre est verrouillé. Aucune sauvegarde de ce "
                                        "coffre n'a été trouvée dans les dossiers où il a été "
                                        "sauvegardé.")
    skipped = raised(clock.to_utc, clock.datetime(2026, 3, 8, 2, 30), "America/Toronto")
    assert translate(skipped, "fr") == (
        f"heure{NBSP}: n'existe pas dans le fuseau America/Toronto{NBSP}: les horloges avancent "
        f"de 1 heure cette nuit-là (EST à EDT){NNBSP}; tapez l'heure que montrait l'horloge")


def test_a_message_the_catalog_lacks_stays_english():
    assert translate(ClinicError("a message nobody translated"), "fr") == \
        "a message nobody translated"
    assert translate(NotFound(), "fr") == ""
    assert translate(ValueError("not ours"), "fr") == "not ours"


def test_a_translation_that_lost_a_placeholder_gives_the_english(monkeypatch):
    import records.messages

    class Broken:
        def gettext(self, _text):
            return "aucune visite portant l'identifiant {numero}"
    monkeypatch.setattr(records.messages, "translation", lambda _lang: Broken())
    assert translate(msg("no visit with id {visit_id}", visit_id=3), "fr") == "no visit with id 3"


# --- every message reaches the catalog ----------------------------------------------------

def _calls():
    """(file, line, name, message argument) of every msg() call and error raised with a
    message in records/ and flows/."""
    for path in sorted([*(ROOT / "records").rglob("*.py"), *(ROOT / "flows").rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = getattr(func, "id", None) or getattr(func, "attr", None)
            position = 1 if name in ("ValidationError", "AmbiguousTime") else \
                0 if name in (*ERRORS, "msg") else None
            if position is not None and len(node.args) > position:
                yield path.relative_to(ROOT), node.lineno, name, node.args[position]


def test_no_message_is_an_f_string_or_pasted_together():
    """Babel cannot extract an f-string, a + or a .format(): such a message would stay in
    English on a French screen."""
    pasted = [f"{path}:{line} {name}" for path, line, name, arg in _calls()
              if isinstance(arg, (ast.JoinedStr, ast.BinOp))
              or isinstance(arg, ast.Call) and getattr(arg.func, "attr", None) == "format"]
    assert pasted == []
    assert len(list(_calls())) > 250  # the check does look at the raise sites


def test_every_literal_message_is_in_the_catalog():
    ids = {message.id for message in template() if message.id}
    literals = {arg.value for _path, _line, _name, arg in _calls()
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str)}
    assert literals and literals <= ids


def _field_literals():
    for path in sorted([*(ROOT / "records").rglob("*.py"), *(ROOT / "flows").rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            func, first = node.func, node.args[0]
            checked = getattr(func, "id", None) in ("ValidationError", "AmbiguousTime") or \
                getattr(getattr(func, "value", None), "id", None) == "validate"
            if checked and isinstance(first, ast.Constant) and isinstance(first.value, str):
                yield first.value


def test_every_field_name_has_a_place_in_the_catalog():
    listed = {english for _context, english in FIELDS}
    named = set(_field_literals()) | set(clients.FIELDS) | set(directory.FIELDS) | \
        set(visits._EDITABLE) | set(referrals._EDITABLE) | set(incidents._EDITABLE) | \
        {field.name for field in dataclasses.fields(Settings)}
    assert named - listed == set()
    assert all(field_name(name, "fr") != name or name in ("client", "clients", "allergies",
                                                          "destination", "document",
                                                          "confirmation")
               for name in listed)


def test_message_survives_a_copy():
    import copy
    import pickle
    message = msg("no visit with id {visit_id}", visit_id=7)
    for twin in (copy.deepcopy(message), pickle.loads(pickle.dumps(message))):
        assert isinstance(twin, Message) and twin == message and twin.params == message.params
