"""The UIC recipe and its incomplete codes."""
from datetime import date

import pytest

from records import uic
from records.errors import ValidationError


@pytest.mark.parametrize("parts, code, complete", [
    (("F", "Marie", "Smith", 1990), "FMASM1990", True),
    (("M", "Éric", "Lévesque", 1985), "MERLE1985", True),
    (("X", "jo", "o'neil", 2001), "XJOON2001", True),
    (("", "Marie", "Smith", 1990), "?MASM1990", False),
    (("F", "M", "Smith", 1990), "F??SM1990", False),
    (("F", "Marie", "", None), "FMA??????", False),
    (("F", "Светлана", "Иванова", 1979), "FСВИВ1979", True),
])
def test_recipe(parts, code, complete):
    assert uic.compute(*parts) == (code, complete)


def test_chosen_code_shape():
    assert uic.check_chosen(" fabcd1999 ") == ("FABCD1999", True)
    assert uic.check_chosen("F??CD1999") == ("F??CD1999", False)
    for bad in ("", "FABCD199", "QABCD1999", "FAB1D1999", "FABCDE1999"):
        with pytest.raises(ValidationError):
            uic.check_chosen(bad)


def test_keyed_hash_depends_on_secret():
    a = uic.keyed_hash("FMASM1990", "secret-1")
    assert len(a) == 64 and a != uic.keyed_hash("FMASM1990", "secret-2")
    assert "FMASM1990" not in a
    with pytest.raises(ValidationError):
        uic.keyed_hash("FMASM1990", "")


def test_refusals_name_the_field_and_the_rule():
    shape = "uic: must be a gender letter (F, M, X), four letters and a 4-digit year, e.g. FMASM1990"
    for bad in (None, 1990, "FABCD199"):
        with pytest.raises(ValidationError) as caught:
            uic.check_chosen(bad)
        assert str(caught.value) == shape
    with pytest.raises(ValidationError) as caught:
        uic.keyed_hash("FMASM1990", "")
    assert str(caught.value) == "uic_secret: the program's UIC secret is not set in settings"


def test_the_year_a_code_ends_with():
    today = date(2026, 5, 1)
    assert uic.birth_year("FABCD1900", today) == 1900
    assert uic.birth_year("FABCD2026", today) == 2026
    assert uic.birth_year("FABCD1899", today) is None
    assert uic.birth_year("FABCD2027", today) is None
    assert uic.birth_year("FABCD????", today) is None
    assert uic.birth_year("FABCD١٩٩٠", today) is None  # digits, but not ASCII ones
    assert uic.birth_year("", today) is None and uic.birth_year(None, today) is None
    assert uic.birth_year("FABCD2000") == 2000


@pytest.mark.parametrize("secret, strong", [
    ("0123456701234567012345670123456a", True),   # 32 hex digits, 9 distinct
    ("01234567012345670123456701234567", True),   # exactly 8 distinct: enough
    ("01234566012345660123456601234566", False),  # 7 distinct
    ("0123456789abcdef0123456789abcde", False),   # 31 hex digits
    ("demo-0123456789abcdef0123456789abcdef", True),
    ("demo-0123456789abcdef", False),             # a label does not make hex longer
    ("ABCDEFGHIJKLMNOPQRSTUVWX", True),           # base64 of 18 bytes, ending in X
    ("ABCDEFGHIJKLMNOPQRSTUV-_", True),           # URL-safe base64
    ("ABCDEFGHIJKLMNOPQRSTUA", True),             # 16 bytes: enough
    ("ABCDEFGHIJKLMNOPQRST", False),              # 15 bytes
    ("ABCDEFGHIJKLMNOPQRS-", False),              # 15 bytes, URL-safe
    ("ABCDEFGHIJKLMNOPQRS_", False),
    ("ABCDEFGH" * 3, True),                       # exactly 8 distinct characters
    ("ABCDEFGA" * 3, False),                      # 7
    ("KCkqKywtLi8wMTIzNDU2Nzg=", True),           # 17 bytes, padded
    ("KCkqKywtLi8wMTIzNDU2Nzg", True),            # the same without its padding
    ("KCkqKywtLi8wMTIzNDU2Nzh", False),           # not canonical (stray low bits)
    ("Q-0123456789abcdef012A", True),             # base64url whose tail looks like hex
    ("", False), (None, False),
])
def test_program_secret_strength(secret, strong):
    assert uic.strong_secret(secret) is strong
