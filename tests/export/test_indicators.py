"""The week's numbers against a hand count of the week built in conftest.build_week.

Hand count (2026-W10, America/Toronto):
contacts 1 A visit Mon, 2 anon Mon, 3 B visit Tue, 4 B2 quick Wed (B2 = B's code; a voided
quick contact of B that day does not count), 5 anon Thu, 6 anon Thu, 7 D visit Fri, 8 E visit
Sat, 9 E quick Sun 01:30 EST, 10 anon Sun 03:30 EDT, 11 E quick Sun 12:00, 12 anon Sun 23:59
(named 7, anonymous 5: uneven, so swapping the two rules shows). Visits on Sunday
1 March 23:59 and Monday 9 March 00:00 fall outside.
"""
import csv
import io
import json

from weekdata import WEEK, coordinator, week_vault  # noqa: F401 (fixtures)

from helpers import indicators, open_bundle
from flows.export import build

# Every indicator that is not 0, counted by hand from conftest.build_week.
EXPECTED_NONZERO = {
    "contacts.total": 12, "contacts.named": 7, "contacts.anonymous": 5, "contacts.quick": 8,
    "clients.unique": 3,        # A, B (= B2), D (deleted: counted by its kept hash)
    "clients.new": 2,           # B and D; A visited on 20 February
    "clients.returning": 1,     # A
    "clients.incomplete_code": 1,  # E
    "contacts.monday": 2, "contacts.tuesday": 1, "contacts.wednesday": 1,
    "contacts.thursday": 2, "contacts.friday": 1, "contacts.saturday": 1,
    "contacts.sunday": 4,
    "shifts.sessions": 2, "shifts.hours": 7.0,  # 4 h Monday + 3 h across the DST change
    "services.wound_care": 1, "services.sti_test": 1, "services.hiv_test": 1,
    "services.hcv_test": 1, "services.counselling": 2, "services.basic_needs": 2,
    "tests.hiv_test.negative": 1, "tests.sti_test.not_recorded": 1,
    "tests.hcv_test.pending": 1,
    "referrals.made": 3, "referrals.made.addictions": 1, "referrals.made.shelter": 1,
    "referrals.made.sexual_health": 1,
    "referrals.outcome.attended": 2,  # B's (made Tuesday) and A's (made on the Monday)
    "referrals.outcome.not_attended": 1,
    "referrals.outcome.earlier_weeks": 1,  # A's from February; the Monday one is this week's
    "supplies.needles": 35,     # 10 + 20 + 5
    "supplies.condoms": 22,     # 5 + 3 + 10 + 2 + 1 + 1
    "supplies.pipes": 2, "supplies.naloxone_injectable": 2, "supplies.naloxone_nasal": 1,
    "supplies.sharps_containers": 1, "supplies.naloxone_kits": 3,
    "needles.returned": 23,     # 8 + 15
    "contacts.secondary": 2, "overdose.reversals": 1,
    "incidents.reported": 3, "incidents.consent_sheet": 2, "incidents.consent_police": 1,
    "incidents.record_only": 1,
}
SOME_ZEROS = ("services.vaccination", "tests.hiv_test.positive", "referrals.made.legal_aid",
              "referrals.outcome.declined", "services.pregnancy_test")


def test_numbers_match_the_hand_count(week_vault, coordinator):
    files = open_bundle(build(week_vault, WEEK).payload, coordinator)
    values = indicators(files)
    assert {k: v for k, v in values.items() if v} == EXPECTED_NONZERO
    assert all(values.get(k, 0) == 0 for k in SOME_ZEROS)
    assert len(values) == 78  # every code present, zeros included


def test_csv_and_dhis2_carry_the_same_exact_numbers(week_vault, coordinator):
    files = open_bundle(build(week_vault, WEEK).payload, coordinator)
    values = indicators(files)
    rows = list(csv.DictReader(io.StringIO(files["indicators.csv"].decode())))
    assert {r["indicator"]: float(r["value"]) for r in rows} == values
    assert {(r["van"], r["week"]) for r in rows} == {("VAN1", WEEK)}
    dhis = json.loads(files["dhis2.json"])
    assert (dhis["period"], dhis["orgUnit"]) == ("2026W10", "VAN1")
    by_code = {d["dataElement"]: d["value"] for d in dhis["dataValues"]}
    assert by_code["HR_CONTACTS_TOTAL"] == "12"
    assert by_code["HR_TESTS_HIV_TEST_NEGATIVE"] == "1"
    assert by_code["HR_SHIFTS_HOURS"] == "7"
    assert len(by_code) == len(values)


def test_line_list_has_one_row_per_contact(week_vault, coordinator):
    files = open_bundle(build(week_vault, WEEK).payload, coordinator)
    rows = list(csv.DictReader(io.StringIO(files["contacts.csv"].decode())))
    assert len(rows) == 12
    assert [r["weekday"] for r in rows].count("Sunday") == 4
    hashes = [r["client"] for r in rows]
    assert hashes[2] == hashes[3] != ""           # B and B2: one person
    assert hashes[7] == hashes[8] == hashes[10] == ""  # E: incomplete code, no hash
    assert sum(h == "" for h in hashes) == 8      # 6 anonymous + 2 of E
    assert rows[0]["birth_band"] == "1985-1989"
    assert rows[0]["services"] == "wound_care;hiv_test:negative"
    assert rows[0]["referrals"] == "addictions"
    assert rows[2]["supplies"] == "naloxone_nasal=1" and rows[2]["secondary"] == "yes"


def test_exporting_an_unchanged_week_twice_gives_the_same_numbers(week_vault, coordinator):
    from records.export import bundle
    first = open_bundle(build(week_vault, WEEK).payload, coordinator)
    built = build(week_vault, WEEK)
    bundle.record(week_vault, built, str(coordinator.to_public()))  # the audit log grows
    second = open_bundle(build(week_vault, WEEK).payload, coordinator)
    for name in ("indicators.json", "indicators.csv", "contacts.csv", "fhir.json",
                 "dhis2.json"):
        assert first[name] == second[name]


def test_an_empty_week_still_produces_a_bundle(vault, coordinator):
    built = build(vault, "2026-W20", recipient=str(coordinator.to_public()))
    files = open_bundle(built.payload, coordinator)
    assert not any(indicators(files).values())
    assert files["contacts.csv"].decode().strip().count("\n") == 0  # header only
    assert json.loads(files["fhir.json"])["entry"] == []
    assert built.file_name == "PAR-VAN1-2026-W20.age"
