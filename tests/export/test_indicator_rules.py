"""Each indicator rule on a hand-made, deliberately uneven week (records/export/indicators.py
on plain WeekData, no vault): no two counts that a swapped or miscounted rule could confuse
are equal, every bucket that is counted holds more than one, and the boundaries (a referral
made on the week's Monday, a fraction of an hour) are there. test_indicators.py checks the
same rules end to end on a real vault."""
from datetime import date, timedelta

from records.export import indicators
from records.export.week import Contact, IncidentItem, Person, ReferralItem, Session, WeekData
from records.models import ServiceItem

MONDAY = date(2026, 3, 2)
DAYS = tuple(MONDAY + timedelta(days=i) for i in range(7))


def contact(number, day, client_id=None, quick=False, services=(), supplies=None,
            returned=0, secondary=False, reversals=0):
    return Contact(number=number, day=DAYS[day], site="", quick=quick, client_id=client_id,
                   services=tuple(ServiceItem(*s) if isinstance(s, tuple) else ServiceItem(s)
                                  for s in services),
                   supplies=supplies or {}, needles_returned=returned, secondary=secondary,
                   overdose_reversals=reversals, referral_kinds=())


def referral(n, kind, made_on, status="made"):
    return ReferralItem(id=n, client_id=1, kind=kind, made_on=made_on, status=status,
                        status_date=None, outcome_in_week=status != "made", contact_number=None)


def week(**overrides) -> WeekData:
    fields = dict(program="", van_code="VAN1", van_name="", timezone="America/Toronto",
                  week="2026-W10", days=DAYS, contacts=(), people={}, referrals_made=(),
                  outcomes=(), sessions=(), incidents=(), audit_seq=0, audit_head="",
                  staff="")
    return WeekData(**(fields | overrides))


PEOPLE = {
    1: Person("k-a", "", new=False), 2: Person("k-b", "", new=True),
    3: Person("k-b", "", new=True),  # another record of B: one person
    4: Person("k-c", "", new=True), 5: Person("", "", new=True), 6: Person("", "", new=False),
    7: Person("k-d", "", new=False),
}
CONTACTS = (
    contact(1, 0, 1, services=["wound_care", ("hiv_test", "negative"), "counselling"],
            supplies={"needles": 10, "condoms": 5}, returned=8),
    contact(2, 0, None, quick=True, supplies={"condoms": 3}),
    contact(3, 1, 2, services=[("hiv_test", "negative"), ("hiv_test", "positive"), "sti_test",
                               ("hcv_test", "pending")], supplies={"naloxone_nasal": 1},
            secondary=True),
    contact(4, 2, 3, quick=True, supplies={"needles": 20}, returned=15),
    contact(5, 3, None, quick=True, supplies={"needles": 5}, secondary=True),
    contact(6, 4, 4, services=["counselling", "basic_needs", "sti_test"],
            supplies={"naloxone_injectable": 2, "naloxone_nasal": 2}, reversals=2),
    contact(7, 5, 5, services=["basic_needs", ("hiv_test", "negative")], supplies={"condoms": 10}),
    contact(8, 6, 6, quick=True, supplies={"condoms": 2}, secondary=True, reversals=1),
    contact(9, 6, 1, quick=True, supplies={"pipes": 2}),
    contact(10, 6, 7, supplies={"sharps_containers": 1}),
)


def test_contacts_people_and_days():
    out = indicators.compute(week(contacts=CONTACTS, people=PEOPLE))
    assert out["contacts.total"] == 10
    assert (out["contacts.named"], out["contacts.anonymous"]) == (8, 2)
    assert out["contacts.quick"] == 5
    assert out["clients.unique"] == 4             # A, B (two records), C, D
    assert (out["clients.new"], out["clients.returning"]) == (2, 2)  # B, C / A, D
    assert out["clients.incomplete_code"] == 2    # records 5 and 6
    assert [out[f"contacts.{d.lower()}"] for d in ("Monday", "Tuesday", "Wednesday", "Thursday",
                                                   "Friday", "Saturday", "Sunday")] == \
        [2, 1, 1, 1, 1, 1, 3]


def test_services_tests_and_supplies_add_up():
    out = indicators.compute(week(contacts=CONTACTS, people=PEOPLE))
    assert (out["services.counselling"], out["services.basic_needs"]) == (2, 2)
    assert out["services.hiv_test"] == 4 and out["services.sti_test"] == 2
    assert out["services.wound_care"] == 1 and out["services.vaccination"] == 0
    assert out["tests.hiv_test.negative"] == 3 and out["tests.hiv_test.positive"] == 1
    assert out["tests.sti_test.not_recorded"] == 2  # no result entered
    assert out["tests.hcv_test.pending"] == 1 and out["tests.hcv_test.not_recorded"] == 0
    assert (out["supplies.needles"], out["supplies.condoms"], out["supplies.pipes"]) == (35, 20, 2)
    assert (out["supplies.naloxone_injectable"], out["supplies.naloxone_nasal"]) == (2, 3)
    assert out["supplies.naloxone_kits"] == 5
    assert out["needles.returned"] == 23
    assert out["contacts.secondary"] == 3
    assert out["overdose.reversals"] == 3


def test_referrals_made_and_outcomes_with_the_monday_boundary():
    made = (referral(1, "addictions", DAYS[0]), referral(2, "addictions", DAYS[3]),
            referral(3, "shelter", DAYS[6]))
    outcomes = (
        referral(1, "addictions", DAYS[0], "attended"),       # made on the Monday: this week
        referral(4, "shelter", DAYS[0] - timedelta(days=1), "attended"),  # the Sunday before
        referral(5, "addictions", date(2026, 1, 5), "declined"),
        referral(6, "shelter", DAYS[2], "declined"),
        referral(7, "legal_aid", DAYS[1], "not_attended"),
        referral(8, "legal_aid", DAYS[1], "made"),            # not an outcome
    )
    out = indicators.compute(week(referrals_made=made, outcomes=outcomes))
    assert out["referrals.made"] == 3
    assert (out["referrals.made.addictions"], out["referrals.made.shelter"]) == (2, 1)
    assert out["referrals.made.legal_aid"] == 0
    assert (out["referrals.outcome.attended"], out["referrals.outcome.declined"],
            out["referrals.outcome.not_attended"]) == (2, 2, 1)
    assert out["referrals.outcome.earlier_weeks"] == 2  # the Sunday before and January


def test_hours_keep_two_decimals():
    sessions = (Session(DAYS[0], 2.25), Session(DAYS[3], 1.5), Session(DAYS[6], 1 / 3),
                Session(DAYS[6], 0.0))  # the last one not ended
    out = indicators.compute(week(sessions=sessions))
    assert out["shifts.sessions"] == 4
    assert out["shifts.hours"] == 4.08


def test_incidents_by_consent():
    reported = (IncidentItem(True, False), IncidentItem(True, True), IncidentItem(False, False),
                IncidentItem(False, True), IncidentItem(True, False))
    out = indicators.compute(week(incidents=reported))
    assert out["incidents.reported"] == 5
    assert (out["incidents.consent_sheet"], out["incidents.consent_police"]) == (3, 2)
    assert out["incidents.record_only"] == 1


def test_an_empty_week_has_every_code_at_zero():
    out = indicators.compute(week())
    assert list(out) == list(indicators.LABELS) and set(out.values()) == {0}


def test_csv_lines():
    text = indicators.to_csv([("VAN1", "2026-W10", {"contacts.total": 3, "shifts.hours": 4.08}),
                              ("ALL", "2026-W10", {"clients.seen_at_several_vans": 1,
                                                   "custom.code": 2})])
    assert text.split("\r\n") == [
        "van,week,indicator,label,value",
        "VAN1,2026-W10,contacts.total,Contacts,3",
        "VAN1,2026-W10,shifts.hours,Hours on the street,4.08",
        "ALL,2026-W10,clients.seen_at_several_vans,Unique clients seen at more than one van,1",
        "ALL,2026-W10,custom.code,custom.code,2",
        ""]


def test_csv_without_its_header_and_with_formula_cells_escaped():
    rows = [("VAN1", "2026-W10", {"contacts.total": 3}), ("VAN2", "2026-W10", {"contacts.total": 4}),
            ("=VAN3", "-W", {"+x": "@y"})]
    assert indicators.to_csv(rows, header=False).split("\r\n") == [
        "VAN1,2026-W10,contacts.total,Contacts,3",
        "VAN2,2026-W10,contacts.total,Contacts,4",
        "'=VAN3,'-W,'+x,'+x,'@y",
        ""]
