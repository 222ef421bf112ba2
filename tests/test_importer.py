"""Spreadsheet import: round trip of the three files, every kind of problem reported as
'file, line, column: problem' with nothing imported, dry runs, encodings, and the CLI."""
from datetime import datetime, timezone

import pytest
from conftest import PASSPHRASE

import main
from records import audit, clients, clock, directory, importer, search, visits
from records.models import ServiceItem
from records.vault import Vault

CLIENTS = ("ref,Name,legal_name,gender,birth_year,phone,notes,aliases,pronouns,uic_first,uic_last\r\n"
           "C1,Rose,Marie Smith,F,1990,555-0101,Prefers texts,Red;Ro,she/her,,\r\n"
           "\r\n"
           "C2,Éloïse,,female,1985,,,,,Éloïse,Tremblay\r\n"
           "C3,Kit,,,,,,,,,\r\n")
VISITS = ("client_ref,date,site,services,note\n"
          "C1,2026-03-14 22:30,Dundas & Adelaide,wound_care;HIV test: negative,Dressing changed\n"
          "C1,2026-03-21,Van delivery,,\n"
          "C2,2026-03-15T01:30,York & Richmond,counselling ; sti_test,\n"
          "OLD-7,2026-03-16 20:00,,\"Basic needs (food, clothing, hygiene)\",\n")
DIRECTORY = ("name,paper_name,kind,address,phone,hours,notes\n"
             "Housing Access Centre,,Shelter and housing,355 Wellington St,519-555-0149,"
             "Mon-Fri,\n"
             "Rapid Access Clinic,Health Centre,addictions,200 Queens Ave,,,\n")


def write(tmp_path, name: str, text: str, encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def table_counts(vault) -> dict:
    return {t: vault.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("clients", "client_fts", "visits", "visit_services", "directory", "audit")}


@pytest.fixture
def files(tmp_path):
    """The three files, the clients one with a byte-order mark, CRLF and an empty line."""
    return {"clients_csv": write(tmp_path, "clients.csv", CLIENTS, "utf-8-sig"),
            "visits_csv": write(tmp_path, "visits.csv", VISITS),
            "directory_csv": write(tmp_path, "directory.csv", DIRECTORY)}


@pytest.fixture
def old_client(vault):
    return clients.register(vault, "Cookie", ref="OLD-7")


def test_round_trip_of_all_three_files(vault, files, old_client):
    before = audit.head(vault.db)[0]
    counts = importer.run(vault, **files)
    assert counts == importer.Counts(clients=3, visits=4, directory=2)

    rose = clients.by_ref(vault, "C1")
    assert (rose.name, rose.legal_name, rose.gender, rose.birth_year, rose.phone) == \
        ("Rose", "Marie Smith", "F", 1990, "555-0101")
    assert rose.contact_notes == "Prefers texts" and rose.aliases == ("Red", "Ro")
    assert rose.pronouns == "she/her" and rose.uic == "FMASM1990" and rose.uic_complete
    eloise = clients.by_ref(vault, "C2")
    assert eloise.gender == "F" and eloise.uic == "FELTR1985"
    assert not clients.by_ref(vault, "C3").uic_complete

    tz = vault.settings.timezone
    rose_visits = visits.for_client(vault, rose.id)
    assert [v.occurred_at for v in rose_visits] == [
        clock.parse_local("2026-03-21", tz), clock.parse_local("2026-03-14 22:30", tz)]
    first = rose_visits[1]
    assert first.services == (ServiceItem("wound_care"), ServiceItem("hiv_test", "negative"))
    assert first.site == "Dundas & Adelaide" and first.note == "Dressing changed"
    assert first.staff_id == vault.staff.id and not first.quick
    # 01:30 local on Sunday 15 March is 05:30 UTC (EDT began on 8 March).
    assert visits.for_client(vault, eloise.id)[0].occurred_at == datetime(
        2026, 3, 15, 5, 30, tzinfo=timezone.utc)
    assert visits.for_client(vault, eloise.id)[0].services == (
        ServiceItem("counselling"), ServiceItem("sti_test"))
    assert visits.for_client(vault, old_client.id)[0].services == (ServiceItem("basic_needs"),)

    entries = {e.name: e for e in directory.entries(vault)}
    assert entries["Housing Access Centre"].kind == "shelter"
    assert entries["Rapid Access Clinic"].name_on_paper == "Health Centre"

    assert [h.id for h in search.search(vault, "elo")] == [eloise.id]
    assert [h.id for h in search.search(vault, "ro")] == [rose.id]

    rows = list(vault.db.query("SELECT * FROM audit WHERE seq > ? ORDER BY seq", [before]))
    assert [(r["action"], r["entity"], r["staff"]) for r in rows] == [
        ("import", "directory", "Nora Nurse"), ("import", "client", "Nora Nurse"),
        ("import", "visit", "Nora Nurse"), ("import", "", "Nora Nurse")]
    assert rows[1]["entity_id"] == f"{old_client.id + 1}-{old_client.id + 3}"
    assert "Rose" not in " ".join(r["detail"] for r in rows)
    assert audit.verify(vault.db).ok


BAD_CASES = {
    "unknown column": ("clients.csv", "ref,name,colour\nC9,Sky,blue\n",
                       "clients.csv, line 1, column #3: is not a clients column"),
    "missing column": ("visits.csv", "client_ref,site\nC1,Van delivery\n",
                       "visits.csv, line 1, column date: is required but missing"),
    "duplicate ref in the file": ("clients.csv", "ref,name\nC9,Sky\n\nC9,Kim\n",
                                  "clients.csv, line 4, column ref: this ref is already used on line 2"),
    "duplicate ref in the vault": ("clients.csv", "ref,name\nOLD-7,Sky\n",
                                   "clients.csv, line 2, column ref: this ref is already used by "
                                   "a client in the vault"),
    "bad date": ("visits.csv", "client_ref,date\nC1,2026-03-14\nC1,2026-13-01\n",
                 "visits.csv, line 3, column date: is not an ISO date"),
    "unknown service": ("visits.csv", "client_ref,date,services\nC1,2026-03-14,wound_care;massage\n",
                        "visits.csv, line 2, column services: item 2 is not a service"),
    "bad test result": ("visits.csv", "client_ref,date,services\nC1,2026-03-14,hiv_test:maybe\n",
                        "visits.csv, line 2, column services: item 1 has an unknown test result"),
    "bad birth year": ("clients.csv", "ref,name,birth_year\nC9,Sky,1850\n",
                       "clients.csv, line 2, column birth_year: is not a birth year"),
    "unknown client_ref": ("visits.csv", "client_ref,date\nC1,2026-03-14\nC404,2026-03-14\n",
                           "visits.csv, line 3, column client_ref: is not the ref of a client"),
    "bad directory kind": ("directory.csv", "name,kind\nSomewhere,spa\n",
                           "directory.csv, line 2, column kind: must be one of"),
    "value without a column": ("clients.csv", "ref,name,\nC9,Sky,extra\n",
                               "clients.csv, line 2, column #3: has a value but the header"),
    "row wider than the header": ("clients.csv", "ref,name\nC9,Sky,extra\n",
                                  "clients.csv, line 2, column #3: the row has 3 values, the "
                                  "header has 2 columns"),
}


@pytest.mark.parametrize("case", BAD_CASES)
def test_one_bad_row_imports_nothing(vault, files, old_client, tmp_path, case):
    name, text, message = BAD_CASES[case]
    files[f"{name.split('.')[0]}_csv"] = write(tmp_path, name, text)
    before = table_counts(vault)
    with pytest.raises(importer.ImportFailed) as failed:
        importer.run(vault, **files)
    assert any(str(p).startswith(message) for p in failed.value.problems), failed.value.problems
    assert "nothing was imported" in str(failed.value)
    assert table_counts(vault) == before


def test_every_problem_is_listed_in_one_run(vault, tmp_path):
    bad_clients = write(tmp_path, "people.csv",
                        "ref,name,gender,birth_year\nA,,Q,1850\nA,Jo,F,1990\n")
    bad_visits = write(tmp_path, "visits.csv", "client_ref,date\nZ,soon\n")
    with pytest.raises(importer.ImportFailed) as failed:
        importer.run(vault, clients_csv=bad_clients, visits_csv=bad_visits)
    assert [(p.file, p.line, p.column) for p in failed.value.problems] == [
        ("people.csv", 2, "name"), ("people.csv", 2, "gender"), ("people.csv", 2, "birth_year"),
        ("people.csv", 3, "ref"), ("visits.csv", 2, "client_ref"), ("visits.csv", 2, "date")]


def test_problems_stop_at_the_cap(vault, tmp_path):
    rows = "".join(f"C{i},Sky,1850\n" for i in range(importer.MAX_PROBLEMS + 50))
    path = write(tmp_path, "clients.csv", "ref,name,birth_year\n" + rows)
    with pytest.raises(importer.ImportFailed) as failed:
        importer.run(vault, clients_csv=path)
    assert len(failed.value.problems) == importer.MAX_PROBLEMS and failed.value.truncated
    assert "stopped after" in str(failed.value)


def test_dry_run_checks_and_writes_nothing(vault, files, old_client):
    before = table_counts(vault)
    assert importer.run(vault, dry_run=True, **files) == importer.Counts(3, 4, 2)
    assert table_counts(vault) == before


def test_non_utf8_file_is_a_clear_problem(vault, tmp_path):
    path = write(tmp_path, "clients.csv", "ref,name\nC1,Rose\nC2,Éloïse\n", "latin-1")
    with pytest.raises(importer.ImportFailed) as failed:
        importer.run(vault, clients_csv=path)
    assert [str(p) for p in failed.value.problems] == [
        "clients.csv, line 3: is not UTF-8 text (byte 0xC9); save the spreadsheet as "
        "'CSV UTF-8' and import again"]


def test_empty_and_missing_files_are_problems(vault, tmp_path):
    empty = write(tmp_path, "clients.csv", "\r\n\r\n")
    with pytest.raises(importer.ImportFailed) as failed:
        importer.run(vault, clients_csv=empty, visits_csv=tmp_path / "nope.csv")
    assert [str(p) for p in failed.value.problems] == [
        "clients.csv: is empty: a header line naming the columns is needed",
        "nope.csv: cannot read the file: No such file or directory"]


# --- command line --------------------------------------------------------------------------

@pytest.fixture
def cli_vault(vault, vault_dir, tmp_path):
    """The test vault, locked, and a passphrase file for the CLI."""
    vault.lock()
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n")
    return ["--data-dir", str(vault_dir), "--passphrase-file", str(secret)]


def test_cli_import_and_dry_run(cli_vault, files, vault_dir, capsys):
    args = ["--clients", str(files["clients_csv"]), "--directory", str(files["directory_csv"])]
    assert main.main(["import", *cli_vault, *args, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert out == "would import 3 clients, 0 visits, 2 directory entries (dry run: nothing was written)\n"
    assert main.main(["import", *cli_vault, *args]) == 0
    assert capsys.readouterr().out == "imported 3 clients, 0 visits, 2 directory entries\n"
    vault = Vault.open(vault_dir, None, PASSPHRASE)
    try:
        assert clients.by_ref(vault, "C2").name == "Éloïse"
    finally:
        vault.lock()


def test_cli_import_failure_lists_problems_and_exits_1(cli_vault, tmp_path, capsys):
    path = write(tmp_path, "visits.csv", "client_ref,date,services\nC1,2026-02-30,massage\n")
    assert main.main(["import", *cli_vault, "--visits", str(path)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err == [
        "visits.csv, line 2, column client_ref: is not the ref of a client in the clients "
        "file or the vault",
        "visits.csv, line 2, column date: is not an ISO date or date-time (YYYY-MM-DD or "
        "YYYY-MM-DDTHH:MM)",
        "visits.csv, line 2, column services: item 1 is not a service; use one of: "
        "wound_care, sti_test, hiv_test, hcv_test, pregnancy_test, vaccination, contraception, "
        "naloxone_training, counselling, basic_needs",
        "error: nothing was imported: 3 problems in the files"]
    assert main.main(["import", *cli_vault]) == 1
    assert capsys.readouterr().err == (
        "error: nothing to import: give --clients, --visits and/or --directory CSV files\n")
