"""The UIC recipe and its incomplete codes."""
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
