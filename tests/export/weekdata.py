"""A small hand-made week (2026-W10, Monday 2 to Sunday 8 March 2026, America/Toronto; the
clocks go forward on that Sunday at 02:00) with unique markers in every free-text field, and
the coordinator's key pair. The expected numbers are written out in test_indicators.py."""
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pyrage
import pytest

from records import clients, directory, incidents, referrals, settings, shifts, visits

WEEK = "2026-W10"
TZ = ZoneInfo("America/Toronto")
# Markers planted in every client field, note, referral text and incident text; none of
# them may appear anywhere in a bundle.
MARKERS = {
    "name": "Qzname", "legal_name": "Qzlegal Person", "alias": "Qzalias", "pronouns": "qzpro",
    "phone": "555-0199-77", "contact_notes": "Qzcontactnote", "problems": "Qzproblem",
    "medications": "Qzmedication", "allergies": "Qzallergy", "ref": "QZREF-42",
    "uic_first": "Annqzfirst", "uic_last": "Smithqzlast", "flag": "Qzflag",
    "note": "Qzvisitnote", "reason": "Qzvisitreason", "follow_up": "Qzfollowup",
    "ref_reason": "Qzrefreason", "ref_request": "Qzrequest", "ref_told": "Qztold",
    "ref_notes": "Qzrefnotes", "area": "Qzarea", "person": "Qzperson",
    "vehicle": "Qzvehicle", "plate": "QZP7", "incident_phone": "555-0142-88",
    "what": "Qzwhathappened",
}
BIRTH_DATE = "1987-04-12"


def at(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=TZ)


def person(vault, n: int, **fields):
    """A client with markers in every field (suffixed with n so each is unique)."""
    m = {k: f"{v}{n}" for k, v in MARKERS.items()}
    base = dict(legal_name=m["legal_name"], aliases=[m["alias"]], pronouns=m["pronouns"],
                phone=f"555-01{n}9", contact_notes=m["contact_notes"], problems=m["problems"],
                medications=m["medications"], allergies=m["allergies"], ref=m["ref"],
                flags=[m["flag"]])
    return clients.register(vault, m["name"], **(base | fields))


def visit(vault, client, when, **fields):
    n = client.id if client else 0
    text = dict(note=f"{MARKERS['note']}{n}", reason=f"{MARKERS['reason']}{n}",
                follow_up=f"{MARKERS['follow_up']}{n}")
    return visits.record(vault, client_id=client.id if client else None, occurred_at=when,
                         **(text | fields))


def quick(vault, client, when, supplies, **fields):
    return visits.quick_contact(vault, client.id if client else None, supplies=supplies,
                                occurred_at=when, **fields)


def refer(vault, client, dest, when, visit_id=None):
    return referrals.make(vault, client.id, dest.id, made_at=when, visit_id=visit_id,
                          reason=MARKERS["ref_reason"], request=MARKERS["ref_request"],
                          client_told=MARKERS["ref_told"], notes=MARKERS["ref_notes"])


def incident(vault, when, client, sheet, police):
    return incidents.report(vault, occurred_at=when, consent_sheet=sheet, consent_police=police,
                            area=MARKERS["area"], person_description=MARKERS["person"],
                            vehicle_description=MARKERS["vehicle"],
                            plate_partial=MARKERS["plate"], phone=MARKERS["incident_phone"],
                            what_happened=MARKERS["what"],
                            client_id=client.id if client else None)


def build_week(vault) -> dict:
    """The hand-made week. Returns the clients by letter."""
    addictions = directory.add(vault, "Qzdirectory addictions", "addictions")
    mental = directory.add(vault, "Qzdirectory mental", "mental_health")
    shelter = directory.add(vault, "Qzdirectory shelter", "shelter")
    sexual = directory.add(vault, "Qzdirectory clinic", "sexual_health")

    a = person(vault, 1, gender="F", uic_first="Annqzfirst", uic_last="Smithqzlast",
               birth_date=BIRTH_DATE)                                   # complete, returning
    b = person(vault, 2, uic_chosen="MBOJO1990", birth_year=1990)       # complete, new
    b2 = person(vault, 3, uic_chosen="MBOJO1990")                       # same person as b
    d = person(vault, 4, uic_chosen="XDEDE1975", birth_year=1975)       # new, deleted later
    e = person(vault, 5, gender="F", uic_first="Eve", uic_last="Lee")   # incomplete code
    late = person(vault, 6, uic_chosen="FLALA2000")                     # only outside the week

    # Shifts: Monday 19:00-23:00 (4 h); Sunday 00:00-04:00 local across the DST change (3 h).
    for start, end in ((at(2, 19), at(2, 23)), (at(8, 0), at(8, 4)), (at(1, 18), at(1, 20))):
        s = shifts.start(vault, ["Qzsite shift"], at=start)
        shifts.end(vault, s.id, at=end)

    # Before and after the week (not counted).
    visit(vault, a, at(20, 12, month=2), services=["counselling"])
    old_ref = refer(vault, a, mental, at(20, 12, month=2))
    visit(vault, late, at(1, 23, 59), services=["wound_care"])          # Sunday before
    visit(vault, late, at(9, 0, 0), services=["wound_care"])            # Monday after

    v1 = visit(vault, a, at(2, 20), site="King & Queen",
               services=["wound_care", ("hiv_test", "negative")],
               supplies={"needles": 10, "condoms": 5}, needles_returned=8)
    monday_ref = refer(vault, a, addictions, at(2, 20, 5), visit_id=v1.id)
    quick(vault, None, at(2, 21), {"condoms": 3}, site="King & Queen")
    visit(vault, b, at(3, 22), site="Drop-in",
          services=["sti_test", ("hcv_test", "pending"), "counselling"],
          supplies={"naloxone_nasal": 1}, secondary=True)
    b_ref = refer(vault, b, shelter, at(3, 22, 10))
    voided = quick(vault, b, at(4, 12), {"needles": 100})
    visits.void(vault, voided.id, "entered twice")
    quick(vault, b2, at(4, 23, 30), {"needles": 20}, needles_returned=15)
    quick(vault, None, at(5, 19), {"needles": 5}, secondary=True)
    quick(vault, None, at(5, 20), {"pipes": 2})
    visit(vault, d, at(6, 21), services=["counselling", "basic_needs"],
          supplies={"naloxone_injectable": 2}, overdose_reversals=1)
    refer(vault, d, sexual, at(6, 21, 5))
    visit(vault, e, at(7, 22), services=["basic_needs"], supplies={"condoms": 10})
    quick(vault, e, at(8, 1, 30), {"condoms": 2})                      # 01:30 EST, Sunday
    quick(vault, None, at(8, 3, 30), {"condoms": 1})                   # 03:30 EDT, Sunday
    quick(vault, e, at(8, 12), {"condoms": 1})                         # named 7, anonymous 5
    quick(vault, None, at(8, 23, 59), {"sharps_containers": 1})

    referrals.set_outcome(vault, b_ref.id, "attended", on=date(2026, 3, 5),
                          recorded_at=at(5, 12))
    referrals.set_outcome(vault, old_ref.id, "not_attended", on=date(2026, 3, 6),
                          recorded_at=at(6, 12))
    # Made on the week's Monday: an outcome of this week's referral, not an earlier week's.
    referrals.set_outcome(vault, monday_ref.id, "attended", on=date(2026, 3, 7),
                          recorded_at=at(7, 12))

    incident(vault, at(3, 2), a, True, False)
    incident(vault, at(4, 2), None, False, False)
    incident(vault, at(7, 2), b, True, True)
    incident(vault, at(20, 2, month=2), None, True, True)              # before the week

    clients.delete_at_request(vault, d.id)
    return {"a": a, "b": b, "b2": b2, "d": d, "e": e}


@pytest.fixture
def coordinator():
    return pyrage.x25519.Identity.generate()


@pytest.fixture
def week_vault(vault, coordinator):
    settings.update(vault, export_recipient=str(coordinator.to_public()))
    build_week(vault)
    return vault
