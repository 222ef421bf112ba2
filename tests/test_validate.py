"""Input checks (records/validate.py) at their boundaries: every limit is tried at the last
value it allows and the first it refuses, and every refusal's exact message is checked (the
message is what the nurse sees; it names the field and never the value)."""
from datetime import date, datetime, timedelta, timezone

import pytest

from records import clients, validate
from records.errors import ValidationError

TODAY = date(2026, 5, 1)


def refused(call, *args, **kwargs) -> str:
    with pytest.raises(ValidationError) as caught:
        call(*args, **kwargs)
    return str(caught.value)


def test_text_cleans():
    assert validate.text("name", None) == ""
    assert validate.text("name", "  Rose \t") == "Rose"
    assert validate.text("name", "Rose\u0301") == "Rosé"  # NFC: one code point
    assert validate.text("name", "Jo\u200dy") == "Jo\u200dy"  # a format character is text
    assert refused(validate.text, "name", 42) == "name: must be text"


@pytest.mark.parametrize("ch", ["\x07", "\x00", "\r", "\ud800", "\ue000", "\u0378"])
def test_text_refuses_control_and_invalid_characters(ch):
    message = f"note: contains a control or invalid character (U+{ord(ch):04X})"
    assert refused(validate.text, "note", f"a{ch}b") == message
    assert refused(validate.text, "note", f"a{ch}b", multiline=True) == message


@pytest.mark.parametrize("code", [0x202A, 0x202E, 0x2066, 0x2069])
def test_text_refuses_bidirectional_controls(code):
    message = (f"plate: contains a bidirectional control character (U+{code:04X}) that would "
               "reorder the text")
    assert refused(validate.text, "plate", f"AB{chr(code)}12") == message
    assert refused(validate.text, "plate", f"AB{chr(code)}12", multiline=True) == message


def test_characters_beside_the_bidirectional_controls_are_text():
    for code in (0x2029, 0x202F, 0x206A):  # paragraph separator, narrow no-break space, ISS
        assert validate.text("note", f"a{chr(code)}b") == f"a{chr(code)}b"


def test_line_breaks_and_tabs_only_in_multiline_text():
    assert validate.text("note", "line one\nline\ttwo", multiline=True) == "line one\nline\ttwo"
    assert refused(validate.text, "site", "a\nb") == \
        "site: contains a control or invalid character (U+000A)"
    assert refused(validate.text, "site", "a\tb") == \
        "site: contains a control or invalid character (U+0009)"


def test_text_required_and_length():
    assert refused(validate.text, "name", "   ", required=True) == "name: is required"
    assert validate.text("name", "", required=False) == ""
    assert validate.text("name", "x" * 200) == "x" * 200
    assert refused(validate.text, "name", "x" * 201) == \
        "name: is too long (201 characters, at most 200)"
    assert validate.text("ref", "x" * 5, max_len=5) == "xxxxx"
    assert refused(validate.text, "ref", "x" * 6, max_len=5) == \
        "ref: is too long (6 characters, at most 5)"


def test_text_fields_short_and_long_limits():
    values = {"site": " King & Queen ", "note": "a\nb", "other": " kept "}
    validate.text_fields(values, {"site": False, "note": True, "absent": False})
    assert values == {"site": "King & Queen", "note": "a\nb", "other": " kept "}
    validate.text_fields({"note": "x" * validate.LONG}, {"note": True})
    assert refused(validate.text_fields, {"note": "x" * (validate.LONG + 1)}, {"note": True}) \
        == f"note: is too long ({validate.LONG + 1} characters, at most 20000)"
    validate.text_fields({"site": "x" * validate.SHORT}, {"site": False})
    assert refused(validate.text_fields, {"site": "x" * 201}, {"site": False}) == \
        "site: is too long (201 characters, at most 200)"
    assert refused(validate.text_fields, {"site": "x" * 11}, {"site": False}, short_max=10) \
        == "site: is too long (11 characters, at most 10)"
    assert refused(validate.text_fields, {"site": "a\nb"}, {"site": False}).startswith("site: ")


def test_notes_keep_line_breaks_through_a_record(vault):
    client = clients.register(vault, "Rose", contact_notes="first line\nsecond\tline")
    assert clients.get(vault, client.id).contact_notes == "first line\nsecond\tline"


def test_plain():
    assert validate.plain("Éloïse") == "Eloise"
    assert validate.plain("Ａｂ") == "Ab"
    assert validate.plain(None) == ""


def test_choice():
    assert validate.choice("kind", "b", ("a", "b")) == "b"
    assert validate.choice("kind", "", ("a", "b"), empty_ok=True) == ""
    assert validate.choice("kind", None, ("a", "b"), empty_ok=True) == ""
    assert refused(validate.choice, "kind", "", ("a", "b")) == "kind: must be one of: a, b"
    assert refused(validate.choice, "kind", "c", ("a", "b"), empty_ok=True) == \
        "kind: must be one of: a, b"


def test_quantity_bounds():
    assert validate.quantity("needles", 0) == 0
    assert validate.quantity("needles", " 12 ") == 12
    assert validate.quantity("needles", 10_000) == 10_000
    assert refused(validate.quantity, "needles", 10_001) == "needles: is more than 10000"
    assert validate.quantity("kits", 5, maximum=5) == 5
    assert refused(validate.quantity, "kits", 6, maximum=5) == "kits: is more than 5"
    assert refused(validate.quantity, "needles", -1) == "needles: cannot be negative"
    for bad in (True, "2.5", 2.5, "ten", None):
        assert refused(validate.quantity, "needles", bad) == "needles: is not a whole number"


def test_birth_year_bounds():
    assert validate.birth_year("birth year", None) is None
    assert validate.birth_year("birth year", "") is None
    assert validate.birth_year("birth year", "1900", today=TODAY) == 1900
    assert validate.birth_year("birth year", 2026, today=TODAY) == 2026
    message = "birth year: is not a birth year between 1900 and 2026"
    assert refused(validate.birth_year, "birth year", 1899, today=TODAY) == message
    assert refused(validate.birth_year, "birth year", 2027, today=TODAY) == message
    assert refused(validate.birth_year, "birth year", 10_000) == "birth year: is more than 9999"
    this_year = date.today().year
    assert validate.birth_year("birth year", this_year) == this_year
    assert refused(validate.birth_year, "birth year", this_year + 1).endswith(f"and {this_year}")


def test_past_date_bounds():
    assert validate.past_date("born", None) is None and validate.past_date("born", "") is None
    assert validate.past_date("born", " 2026-03-08 ", today=TODAY) == date(2026, 3, 8)
    assert validate.past_date("born", date(1900, 1, 1), today=TODAY) == date(1900, 1, 1)
    assert validate.past_date("born", TODAY, today=TODAY) == TODAY
    impossible = "born: is not a possible date"
    assert refused(validate.past_date, "born", date(1899, 12, 31), today=TODAY) == impossible
    assert refused(validate.past_date, "born", TODAY + timedelta(days=1), today=TODAY) == impossible
    assert validate.past_date("born", date.today()) == date.today()
    assert refused(validate.past_date, "born", date.today() + timedelta(days=1)) == impossible
    assert refused(validate.past_date, "born", "08/03/2026") == "born: is not a date (YYYY-MM-DD)"
    assert refused(validate.past_date, "born", datetime(2026, 3, 8)) == "born: must be a date"
    assert refused(validate.past_date, "born", 20260308) == "born: must be a date"


def test_moment_bounds():
    utc = timezone.utc
    assert validate.moment("at", datetime(1900, 1, 1, tzinfo=utc)).year == 1900
    assert validate.moment("at", datetime(2200, 12, 31, tzinfo=utc)).year == 2200
    out = "at: is out of range (years 1900 to 2200)"
    assert refused(validate.moment, "at", datetime(1899, 12, 31, tzinfo=utc)) == out
    assert refused(validate.moment, "at", datetime(2201, 1, 1, tzinfo=utc)) == out
    naive = "at: must be a date and time with a time zone"
    assert refused(validate.moment, "at", datetime(2026, 3, 8)) == naive
    assert refused(validate.moment, "at", date(2026, 3, 8)) == naive


def test_record_ids_are_positive_64_bit_integers():
    for good in (1, 127, 2**62, 2**63 - 1):
        assert validate.record_id("client", good) == good
    for bad in (0, -1, 2**63, True, "5", 5.0, None):
        assert refused(validate.record_id, "client", bad) == "client: is not a record of this vault"


def test_existing(vault):
    rose = clients.register(vault, "Rose")
    assert validate.existing(vault.db, "client", "clients", rose.id) == rose.id
    assert refused(validate.existing, vault.db, "client", "clients", rose.id + 1) == \
        "client: is not a record of this vault"
    assert refused(validate.existing, vault.db, "client", "clients", "1") == \
        "client: is not a record of this vault"


def test_items():
    assert validate.items("aliases", None) == []
    assert validate.items("aliases", ("a", "b")) == ["a", "b"]
    assert validate.items("aliases", frozenset({"a"})) == ["a"]
    for bad in ("ab", {"a": 1}, 3):
        assert refused(validate.items, "aliases", bad) == "aliases: must be a list"


def test_text_list():
    assert validate.text_list("aliases", "Red") == ("Red",)
    assert validate.text_list("aliases", [" Red ", "", "  ", "Rosie"]) == ("Red", "Rosie")
    assert validate.text_list("aliases", None) == ()
    assert len(validate.text_list("aliases", [f"a{i}" for i in range(50)])) == 50
    assert refused(validate.text_list, "aliases", [f"a{i}" for i in range(51)]) == \
        "aliases: has 51 entries, at most 50"
    assert refused(validate.text_list, "flags", ["a", "b", "c"], max_items=2) == \
        "flags: has 3 entries, at most 2"
    assert validate.text_list("flags", ["a", "", "b"], max_items=2) == ("a", "b")
    assert refused(validate.text_list, "aliases", ["a\nb"]).startswith("aliases: contains")
    assert refused(validate.text_list, "aliases", 5) == "aliases: must be a list"


def test_known_fields(vault):
    assert validate.known_fields({}, ("name",), "a client") is None
    assert validate.known_fields({"name": 1}, ("name", "ref"), "a client") is None
    assert refused(validate.known_fields, {"name": 1, "zz": 2, "bogus": 3}, ("name",),
                   "a client") == "bogus: is not a client field"
    rose = clients.register(vault, "Rose")
    with pytest.raises(ValidationError) as caught:
        clients.update(vault, rose.id, nmae="Rosa")  # a typo is refused, not ignored
    assert caught.value.field == "nmae"
    assert clients.get(vault, rose.id).name == "Rose"


def test_van_code():
    assert validate.van_code("van", " VAN1 ") == "VAN1"
    assert validate.van_code("van", "A" * 16) == "A" * 16
    assert validate.van_code("van", "9_NORTH-2") == "9_NORTH-2"
    rule = ("van: must be 1 to 16 capital letters, digits, - or _, starting with a letter or "
            "digit (e.g. VAN1)")
    for bad in ("A" * 17, "van1", "-VAN", "_VAN", "", "VAN 1", "VAN/1", None, 1):
        assert refused(validate.van_code, "van", bad) == rule, bad
    reserved = "van: ALL and ALL-VANS name the coordinator's combined report; choose another code"
    assert refused(validate.van_code, "van", "ALL") == reserved
    assert refused(validate.van_code, "van", " ALL-VANS") == reserved
    assert validate.van_code("van", "ALL1") == "ALL1"
