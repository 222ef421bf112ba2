"""records.client_page.load: all the client page shows, in a fixed number of queries."""
import dataclasses
from datetime import datetime, timedelta, timezone

import pytest

from records import client_page, clients, directory, incidents, referrals, visits
from records.errors import AccessDenied, NotFound
from records.models import Visit

WHEN = datetime(2026, 11, 20, 3, 30, tzinfo=timezone.utc)


def _count_queries(vault):
    """The SELECT statements run on the vault's connection, as they run."""
    seen = []
    vault.db.conn.set_trace_callback(
        lambda sql: seen.append(sql) if sql.lstrip().upper().startswith("SELECT") else None)
    return seen


@pytest.fixture
def page_client(vault):
    rose = clients.register(vault, "Rose", aliases=["Ro"])
    other = clients.register(vault, "Kit")
    clinic = directory.add(vault, "Sexual health clinic", "sexual_health", paper_name="Clinic 5")
    shelter = directory.add(vault, "Shelter", "shelter")
    for day in range(5):
        visits.record(vault, client_id=rose.id, occurred_at=WHEN - timedelta(days=day),
                      services=["wound_care", ("hiv_test", "pending")],
                      supplies={"condoms": day + 1})
    visits.record(vault, client_id=other.id, occurred_at=WHEN)
    made = referrals.make(vault, rose.id, clinic.id, made_at=WHEN - timedelta(days=3))
    done = referrals.make(vault, rose.id, shelter.id, made_at=WHEN - timedelta(days=2))
    referrals.set_outcome(vault, done.id, "attended")
    referrals.make(vault, other.id, shelter.id, made_at=WHEN)
    incidents.report(vault, occurred_at=WHEN, consent_sheet=True, consent_police=False,
                     client_id=rose.id, area="King St")
    incidents.report(vault, occurred_at=WHEN, consent_sheet=True, consent_police=False,
                     client_id=other.id)
    return rose, made, clinic, shelter


def test_load_returns_everything_the_page_shows(vault, page_client):
    rose, made, clinic, shelter = page_client
    data = client_page.load(vault, rose.id)
    assert data.client == clients.get(vault, rose.id)
    assert [v.occurred_at for v in data.visits] == [WHEN - timedelta(days=d) for d in range(5)]
    assert data.visits[0].supplies == {"condoms": 1}
    assert [s.kind for s in data.visits[-1].services] == ["wound_care", "hiv_test"]
    assert {r.destination_id for r in data.referrals} == {clinic.id, shelter.id}
    assert data.open_referrals == (made,)
    assert data.destinations == {clinic.id: clinic, shelter.id: shelter}
    assert [i.area for i in data.incidents] == ["King St"]


def test_query_count_does_not_grow_with_visits(vault, page_client):
    rose = page_client[0]
    seen = _count_queries(vault)
    client_page.load(vault, rose.id)
    before = len(seen)
    for day in range(20):
        visits.record(vault, client_id=rose.id, occurred_at=WHEN - timedelta(days=10 + day),
                      services=["counselling"], supplies={"needles": 2})
    seen.clear()
    data = client_page.load(vault, rose.id)
    assert len(data.visits) == 25
    assert len(seen) == before == 7


def test_incident_lookup_by_client_uses_an_index(vault):
    plan = vault.db.execute("EXPLAIN QUERY PLAN SELECT * FROM incidents WHERE client_id = ?"
                            " AND voided = 0 ORDER BY occurred_at DESC", [1]).fetchall()
    assert any("incidents_client" in row[-1] for row in plan)


def test_unknown_client_and_police_liaison(vault):
    with pytest.raises(NotFound):
        client_page.load(vault, 999)
    vault.staff = dataclasses.replace(vault.staff, role="police_liaison")
    with pytest.raises(AccessDenied):
        client_page.load(vault, 1)


def test_records_read_back_equal_records_built_normally(vault, page_client):
    rose = page_client[0]
    for visit in client_page.load(vault, rose.id).visits:
        rebuilt = Visit(**{f.name: getattr(visit, f.name) for f in dataclasses.fields(Visit)})
        assert visit == rebuilt and type(visit) is Visit
        with pytest.raises(dataclasses.FrozenInstanceError):
            visit.note = "changed"


def test_visit_lists_keep_their_own_services_with_limits_and_voids(vault, page_client):
    rose = page_client[0]
    newest = visits.for_client(vault, rose.id, limit=2)
    assert [v.supplies for v in newest] == [{"condoms": 1}, {"condoms": 2}]
    visits.void(vault, newest[0].id, "entered in error")
    kept = visits.for_client(vault, rose.id, include_voided=False)
    assert [v.supplies["condoms"] for v in kept] == [2, 3, 4, 5]
    assert all(len(v.services) == 2 for v in kept)
    week = visits.between(vault, WHEN - timedelta(days=2, hours=1), WHEN + timedelta(hours=1))
    assert {v.supplies.get("condoms") for v in week} == {None, 2, 3}
