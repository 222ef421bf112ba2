"""New or returning across duplicate and deleted client records, whichever way the records
are found (records.export.week: by complete code, by kept hash, or by hashing every code)."""
from datetime import datetime, timezone

from records import clients, uic, visits
from records.export import week as week_data

WEEK = "2026-W10"
BEFORE = datetime(2026, 2, 20, 3, 0, tzinfo=timezone.utc)
DURING = datetime(2026, 3, 4, 3, 0, tzinfo=timezone.utc)


def _client(vault, name, first, last):
    return clients.register(vault, name, gender="F", uic_first=first, uic_last=last,
                            birth_year=1990)


def test_records_of_one_person_are_found_by_code_kept_hash_or_hashing(vault):
    # The same code on a live duplicate seen before the week: returning (found by code).
    old, dup = _client(vault, "Ann", "Ann", "Smith"), _client(vault, "Annie", "Ann", "Smith")
    visits.record(vault, client_id=old.id, occurred_at=BEFORE)
    visits.record(vault, client_id=dup.id, occurred_at=DURING)
    # Seen before the week, then deleted at request; a live record with that code comes
    # back: returning (found by the deleted record's kept hash).
    gone = _client(vault, "Bea", "Bea", "Jones")
    visits.record(vault, client_id=gone.id, occurred_at=BEFORE)
    clients.delete_at_request(vault, gone.id)
    back = _client(vault, "Bee", "Bea", "Jones")
    visits.record(vault, client_id=back.id, occurred_at=DURING)
    # Seen this week, then deleted; a live record of that code was seen before the week:
    # returning (only hashing every live code can find it).
    earlier = _client(vault, "Cat", "Cat", "Brown")
    visits.record(vault, client_id=earlier.id, occurred_at=BEFORE)
    left = _client(vault, "Kitty", "Cat", "Brown")
    visits.record(vault, client_id=left.id, occurred_at=DURING)
    clients.delete_at_request(vault, left.id)
    # A code seen for the first time: new.
    fresh = _client(vault, "Dee", "Dee", "White")
    visits.record(vault, client_id=fresh.id, occurred_at=DURING)

    people = week_data.collect(vault, WEEK).people
    assert {cid: p.new for cid, p in people.items()} == {
        dup.id: False, back.id: False, left.id: False, fresh.id: True}
    assert people[left.id].key == uic.keyed_hash(earlier.uic, vault.settings.uic_secret)
    assert len({p.key for p in people.values()}) == 4
