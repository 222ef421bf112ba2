"""Strict import (issue 11, failure 7): a stray quote, a row of the wrong width or a service
listed twice is an error naming file, line and column, and nothing is imported; messages never
echo a cell; the visits file takes supplies, needles returned, secondary distribution and
anonymous quick contacts; hostile files are refused without a traceback."""
import pytest
from conftest import PASSPHRASE

import main
from records import clients, importer, visits
from records.export import linelist
from records.models import ServiceItem

from test_importer import table_counts, write

SECRET = "Zebulon-Quartz"  # a value that must never appear in a message


def problems_of(vault, **files) -> list[str]:
    before = table_counts(vault)
    with pytest.raises(importer.ImportFailed) as failed:
        importer.run(vault, **files)
    assert table_counts(vault) == before
    return [str(p) for p in failed.value.problems]


# --- failure 7: the stray quote ------------------------------------------------------------

FIVE_CLIENTS = ("ref,name,notes\n"
                "C1,Rose,\n"
                f"C2,Kit,\"{SECRET} said hi\n"
                "C3,Sky,\n"
                "C4,Jo,\n"
                "C5,Ash,\n")


def test_an_unclosed_quote_is_an_error_and_nothing_is_imported(vault, tmp_path, capsys):
    path = write(tmp_path, "clients.csv", FIVE_CLIENTS)
    assert problems_of(vault, clients_csv=path) == [
        "clients.csv, line 3, column notes: a quote opens a value here and is never closed"]
    vault.lock()
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE)
    code = main.main(["import", "--data-dir", str(tmp_path / "vault"), "--passphrase-file",
                      str(secret), "--clients", str(path)])
    out, err = capsys.readouterr()
    assert code == 1 and "imported" not in out
    assert err.splitlines()[-1] == "error: nothing was imported: 1 problem in the files"
    assert SECRET not in err and "Traceback" not in err


def test_a_stray_quote_closed_later_still_fails(vault, tmp_path):
    """The unclosed quote pairs with a later one: what follows is not a valid value."""
    text = FIVE_CLIENTS.replace("C5,Ash,", 'C5,Ash,"fine"')
    problems = problems_of(vault, clients_csv=write(tmp_path, "clients.csv", text))
    assert len(problems) == 1 and problems[0].startswith("clients.csv, line 6, column notes:")
    assert SECRET not in problems[0]


def test_quotes_in_the_middle_of_a_value_are_errors(vault, tmp_path):
    for row, column in ((f'C1,Ro"se,{SECRET}', "name"), (f'C1,"Rose"{SECRET},', "name"),
                        (f'"C1"x,Rose,{SECRET}', "ref")):
        problems = problems_of(vault, clients_csv=write(tmp_path, "clients.csv",
                                                        f"ref,name,notes\n{row}\n"))
        assert len(problems) == 1 and problems[0].startswith(
            f"clients.csv, line 2, column {column}: "), problems
        assert SECRET not in problems[0]


def test_quoted_values_may_hold_commas_quotes_and_line_breaks(vault, tmp_path):
    text = ('ref,name,notes\r\n'
            'C1,"Rose, ""Red""","first line\r\nsecond line"\r\n'
            'C2,Kit,\r\n')
    assert importer.run(vault, clients_csv=write(tmp_path, "clients.csv", text)).clients == 2
    rose = clients.by_ref(vault, "C1")
    assert rose.name == 'Rose, "Red"' and rose.contact_notes == "first line\nsecond line"
    bad = write(tmp_path, "later.csv", 'ref,name,notes\nC3,"Sky\nline",x\nC4,Jo,"\n')
    assert problems_of(vault, clients_csv=bad) == [
        "later.csv, line 4, column notes: a quote opens a value here and is never closed"]


# --- rows of the wrong width ---------------------------------------------------------------------

def test_a_row_with_more_or_fewer_fields_than_the_header(vault, tmp_path):
    text = (f"ref,name,notes\nC1,Rose,{SECRET}\nC2,Kit\nC3,Sky,{SECRET},{SECRET}\n"
            "C4,Jo,\n")
    problems = problems_of(vault, clients_csv=write(tmp_path, "clients.csv", text))
    assert problems == [
        "clients.csv, line 3, column notes: the row has 2 values, the header has 3 columns",
        "clients.csv, line 4, column #4: the row has 4 values, the header has 3 columns"]


# --- a service listed twice ----------------------------------------------------------------------

def test_a_service_listed_twice_is_an_error(vault, tmp_path):
    clients.register(vault, "Rose", ref="C1")
    for cell in ("hiv_test: pending; hiv_test: negative", "HIV test; hiv_test",
                 "wound_care;wound_care"):
        path = write(tmp_path, "visits.csv", f'client_ref,date,services\nC1,2026-03-14,"{cell}"\n')
        problems = problems_of(vault, visits_csv=path)
        assert len(problems) == 1 and problems[0].startswith(
            "visits.csv, line 2, column services: ") and "twice" in problems[0], problems


def test_a_supply_listed_twice_is_an_error(vault, tmp_path):
    path = write(tmp_path, "visits.csv", "date,supplies\n2026-03-14,needles: 10; Needles and syringes: 5\n")
    problems = problems_of(vault, visits_csv=path)
    assert len(problems) == 1 and "column supplies" in problems[0] and "twice" in problems[0]


# --- messages never echo a cell --------------------------------------------------------------------

def test_no_message_echoes_a_cell(vault, tmp_path):
    clients.register(vault, "Old", ref=SECRET)
    people = write(tmp_path, "clients.csv",
                   f"ref,name,{SECRET}\n{SECRET},Sky,x\nC2,Kit,y\nC2,Jo,z\n")
    visit_rows = write(tmp_path, "visits.csv",
                       "client_ref,date,services,supplies,secondary,needles_returned\n"
                       f"{SECRET}x,2026-03-14,{SECRET},{SECRET}: 3,{SECRET},{SECRET}\n"
                       f"C2,2026-03-14,hiv_test: {SECRET},needles: {SECRET},yes,1\n")
    problems = problems_of(vault, clients_csv=people, visits_csv=visit_rows)
    assert len(problems) >= 8
    for problem in problems:
        assert SECRET.lower() not in problem.lower(), problem
        assert "C2" not in problem, problem


# --- what a harm-reduction spreadsheet holds -------------------------------------------------------

def test_supplies_needles_returned_secondary_and_anonymous_contacts(vault, tmp_path):
    rose = clients.register(vault, "Rose", ref="C1")
    path = write(tmp_path, "visits.csv",
                 "client_ref,date,site,services,supplies,needles_returned,secondary\n"
                 "C1,2026-03-14 22:30,Van,hiv_test: negative,needles: 10; condoms: 5,3,no\n"
                 ",2026-03-14 22:40,Van,,\"Naloxone kit (nasal spray): 2; pipes: 4\",,yes\n"
                 ',2026-03-14 22:50,"=HYPERLINK(""x"")",,,12,\n')
    counts = importer.run(vault, visits_csv=path)
    assert counts == importer.Counts(visits=3, anonymous=2)
    [visit] = visits.for_client(vault, rose.id)
    assert visit.services == (ServiceItem("hiv_test", "negative"),)
    assert visit.supplies == {"needles": 10, "condoms": 5}
    assert visit.needles_returned == 3 and not visit.secondary and not visit.quick
    rows = vault.db.execute("SELECT id, site FROM visits WHERE client_id IS NULL ORDER BY id")
    anonymous = [(visits.get(vault, vid), site) for vid, site in rows]
    assert [(v.quick, v.supplies, v.needles_returned, v.secondary) for v, _ in anonymous] == [
        (True, {"naloxone_nasal": 2, "pipes": 4}, 0, True), (True, {}, 12, False)]
    assert anonymous[1][1] == '=HYPERLINK("x")'  # kept as typed ...
    assert linelist.safe_cell(anonymous[1][1]).startswith("'")  # ... and never a formula out


@pytest.mark.parametrize("row, column, problem", [
    (",2026-03-14,,,,", "supplies", "needs supplies or needles_returned"),
    (",2026-03-14,counselling,needles: 1,,", "services", "anonymous quick contact"),
    (",2026-03-14,,needles: 1,,maybe", "secondary", "yes or no"),
    (",2026-03-14,,needles,,", "supplies", "quantity"),
    (",2026-03-14,,bandages: 3,,", "supplies", "is not a supply"),
    (",2026-03-14,,needles: -1,,", "supplies", "negative"),
    (",2026-03-14,,,lots,", "needles_returned", "whole number"),
])
def test_bad_harm_reduction_cells(vault, tmp_path, row, column, problem):
    path = write(tmp_path, "visits.csv",
                 "client_ref,date,services,supplies,needles_returned,secondary\n" + row + "\n")
    problems = problems_of(vault, visits_csv=path)
    assert any(p.startswith(f"visits.csv, line 2, column {column}: ") and problem in p
               for p in problems), problems


# --- hostile files -------------------------------------------------------------------------------

def test_hostile_files_are_refused_without_a_traceback(vault, tmp_path):
    huge = write(tmp_path, "huge.csv", "ref,name,notes\nC1,Rose," + "x" * 2_000_000 + "\n")
    assert problems_of(vault, clients_csv=huge) == [
        "huge.csv, line 2, column notes: is too long (2000000 characters, at most 20000)"]
    nul = write(tmp_path, "nul.csv", "ref,name\nC1,Ro\x00se\n")
    assert problems_of(vault, clients_csv=nul) == [
        "nul.csv, line 2: contains a NUL byte: this is not a text CSV file; save the "
        "spreadsheet as 'CSV UTF-8' and import again"]
    giant = tmp_path / "giant.csv"
    with open(giant, "wb") as f:
        f.truncate(importer.MAX_BYTES + 1)
    assert problems_of(vault, clients_csv=giant) == [
        f"giant.csv: is larger than {importer.MAX_BYTES // 2**20} MB; split it into "
        "smaller files"]
    header = write(tmp_path, "wide.csv", ",".join(f"c{i}" for i in range(5000)) + "\n1\n")
    problems = problems_of(vault, clients_csv=header)
    assert len(problems) == importer.MAX_PROBLEMS


def test_formula_looking_cells_are_kept_as_text(vault, tmp_path):
    path = write(tmp_path, "clients.csv", 'ref,name,notes\nC1,"=1+2",@SUM(A1)\nC2,-Kit,+1 555\n')
    assert importer.run(vault, clients_csv=path).clients == 2
    assert clients.by_ref(vault, "C1").name == "=1+2"
    assert clients.by_ref(vault, "C2").contact_notes == "+1 555"
