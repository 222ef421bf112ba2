"""Round trips of every entity, validation, corrections with history, the role rule."""
from datetime import date, datetime, timedelta, timezone

import pytest
from conftest import FAST_KDF

from records import (clients, directory, revisions, incidents, referrals, settings, shifts,
                     staff, visits)
from records.errors import AccessDenied, NotFound, ValidationError
from records.models import ServiceItem
from records.vault import Vault

WHEN = datetime(2026, 11, 20, 3, 30, tzinfo=timezone.utc)


@pytest.fixture
def clinic(vault):
    rose = clients.register(vault, "Rose", gender="F", uic_first="Marie", uic_last="Smith",
                            birth_year=1990, aliases=["Red", "Ro"], pronouns="she/her",
                            legal_name="Marie Smith", phone="555-0101", allergies="penicillin",
                            ref="A-102")
    addictions = directory.add(vault, "Addiction Services of Thames Valley", "addictions",
                               paper_name="Thames Valley Health Centre", hours="Mon-Fri 9-5")
    police = directory.add(vault, "Police liaison officer", "police_liaison",
                           paper_name="Community liaison")
    return vault, rose, addictions, police


def test_client_round_trip_and_uic(clinic):
    vault, rose, *_ = clinic
    got = clients.get(vault, rose.id)
    assert got == rose
    assert got.uic == "FMASM1990" and got.uic_complete
    assert got.aliases == ("Red", "Ro")


def test_only_the_name_is_required(vault):
    c = clients.register(vault, "  Kit  ")
    assert c.name == "Kit" and not c.uic_complete and "?" in c.uic
    with pytest.raises(ValidationError, match="name: is required"):
        clients.register(vault, "   ")


def test_client_update_recomputes_code_and_keeps_ref_unique(clinic):
    vault, rose, *_ = clinic
    other = clients.register(vault, "Jo", ref="B-1")
    updated = clients.update(vault, rose.id, birth_year=1991)
    assert updated.uic == "FMASM1991"
    with pytest.raises(ValidationError, match="ref"):
        clients.update(vault, other.id, ref="A-102")
    assert clients.get(vault, other.id).ref == "B-1"


def test_chosen_code(vault):
    c = clients.register(vault, "Sky", uic_chosen="xabcd2001")
    assert c.uic == "XABCD2001" and c.uic_complete
    with pytest.raises(ValidationError, match="uic"):
        clients.register(vault, "Sky", uic_chosen="nope")


def test_visit_round_trip(clinic):
    vault, rose, *_ = clinic
    shift = shifts.start(vault, ["Dundas & Richmond", "Park"], at=WHEN - timedelta(hours=2))
    v = visits.record(vault, client_id=rose.id, occurred_at=WHEN,
                      services=[ServiceItem("hiv_test", "negative"), "wound_care"],
                      supplies={"needles": 20, "condoms": 12, "pipes": 0},
                      needles_returned=15, secondary=True, overdose_reversals=1,
                      reason="check-in", note="private note", follow_up="come back Tuesday")
    got = visits.get(vault, v.id)
    assert v == got  # what record() returns, built without reading back, is what is stored
    assert got.shift_id == shift.id and got.site == "Dundas & Richmond"
    assert got.services == (ServiceItem("hiv_test", "negative"), ServiceItem("wound_care", ""))
    assert got.supplies == {"needles": 20, "condoms": 12}
    assert (got.needles_returned, got.secondary, got.overdose_reversals) == (15, True, 1)
    assert got.occurred_at == WHEN
    ended = shifts.end(vault, shift.id, at=WHEN + timedelta(hours=1))
    assert ended.ended_at == WHEN + timedelta(hours=1) and shifts.current(vault) is None


def test_visit_counts_on_the_local_day(clinic):
    vault, rose, *_ = clinic
    # 05:30 UTC on Monday 2026-11-23 is 00:30 Monday in Toronto; 04:30 UTC is Sunday 23:30.
    sunday = visits.record(vault, client_id=rose.id,
                           occurred_at=datetime(2026, 11, 23, 4, 30, tzinfo=timezone.utc))
    monday = visits.record(vault, client_id=rose.id,
                           occurred_at=datetime(2026, 11, 23, 5, 30, tzinfo=timezone.utc))
    rows = dict(vault.db.execute("SELECT id, iso_week FROM visits").fetchall())
    assert rows[sunday.id] == "2026-W47" and rows[monday.id] == "2026-W48"


def test_anonymous_quick_contact(vault):
    v = visits.quick_contact(vault, None, supplies={"condoms": 10, "naloxone_nasal": 2})
    got = visits.get(vault, v.id)
    assert v == got and got.client_id is None and got.quick
    assert got.supplies["naloxone_nasal"] == 2


@pytest.mark.parametrize("fields, field", [
    ({"supplies": {"needles": -1}}, "supplies.needles"),
    ({"supplies": {"needles": "lots"}}, "supplies.needles"),
    ({"supplies": {"glitter": 1}}, "supplies"),
    ({"services": [("wound_care", "positive")]}, "services"),
    ({"services": [("hiv_test", "maybe")]}, "test result"),
    ({"note": "bad\x00byte"}, "note"),
    ({"needles_returned": 10**9}, "needles_returned"),
])
def test_bad_visit_input_saves_nothing(clinic, fields, field):
    vault, rose, *_ = clinic
    before = vault.db.execute("SELECT count(*) FROM visits").fetchone()[0]
    with pytest.raises(ValidationError) as err:
        visits.record(vault, client_id=rose.id, **fields)
    assert err.value.field == field
    assert vault.db.execute("SELECT count(*) FROM visits").fetchone()[0] == before


def test_correction_keeps_history(clinic):
    vault, rose, *_ = clinic
    v = visits.record(vault, client_id=rose.id, note="first", supplies={"condoms": 5})
    fixed = visits.correct(vault, v.id, note="second", supplies={"condoms": 6})
    assert fixed.version == 2 and fixed.note == "second" and fixed.supplies == {"condoms": 6}
    old = revisions.revisions(vault, "visit", v.id)
    assert [r.version for r in old] == [1]
    assert old[0].data["note"] == "first" and old[0].data["supplies"] == {"condoms": 5}
    voided = visits.void(vault, v.id, "entered for the wrong person")
    assert voided.voided and len(revisions.revisions(vault, "visit", v.id)) == 2
    actions = [r[0] for r in vault.db.execute(
        "SELECT action FROM audit WHERE entity = 'visit' ORDER BY seq")]
    assert actions == ["create", "correct", "void"]


def test_referral_round_trip_outcome_and_history(clinic):
    vault, rose, addictions, _ = clinic
    r = referrals.make(vault, rose.id, addictions.id, reason="wants a bed", request="intake",
                       urgency="soon", client_told="walk in before noon",
                       name_on_paper="uic", disclose={"substance_use"})
    assert referrals.get(vault, r.id) == r
    assert r.disclose == frozenset({"substance_use"}) and r.status == "made"
    assert referrals.for_client(vault, rose.id, open_only=True) == [r]
    done = referrals.set_outcome(vault, r.id, "attended", on=date(2026, 11, 24))
    assert done.status == "attended" and done.status_date == date(2026, 11, 24)
    assert referrals.for_client(vault, rose.id, open_only=True) == []
    assert revisions.revisions(vault, "referral", r.id)[0].data["status"] == "made"
    assert referrals.make(vault, rose.id, addictions.id).disclose == frozenset()


def test_referral_to_police_liaison_needs_consent(clinic):
    vault, rose, _, police = clinic
    with pytest.raises(ValidationError, match="consent"):
        referrals.make(vault, rose.id, police.id)
    assert referrals.make(vault, rose.id, police.id, disclose={"violence_police"}).id


def test_incident_round_trip_and_search(clinic):
    vault, rose, *_ = clinic
    i = incidents.report(vault, occurred_at=WHEN, area="Dundas & Egerton",
                         person_description="tall, grey beard", vehicle_description="blue van",
                         plate_partial="bx 4", phone="519-555-0199", what_happened="threatened",
                         client_id=rose.id, consent_sheet=True, consent_police=False)
    assert incidents.get(vault, i.id) == i
    assert [x.id for x in incidents.find(vault, text="BX4")] == [i.id]
    assert [x.id for x in incidents.find(vault, text="5550199")] == [i.id]
    assert incidents.find(vault, text="zz9") == []
    with pytest.raises(ValidationError, match="consent_police"):
        incidents.report(vault, occurred_at=WHEN, consent_sheet=True, consent_police=None)


def test_police_liaison_sees_only_what_was_shared(clinic, vault_dir):
    vault, rose, addictions, police = clinic
    shared = incidents.report(vault, occurred_at=WHEN, area="A", client_id=rose.id,
                              consent_sheet=False, consent_police=True)
    incidents.report(vault, occurred_at=WHEN, area="B", consent_sheet=True, consent_police=False)
    to_police = referrals.make(vault, rose.id, police.id, disclose={"violence_police"})
    referrals.make(vault, rose.id, addictions.id)
    staff.add(vault, "Pat Liaison", "police_liaison", "liaison passphrase", kdf=FAST_KDF)
    vault.lock()
    liaison = Vault.open(vault_dir, "Pat Liaison", "liaison passphrase")
    found = incidents.find(liaison)
    assert [i.id for i in found] == [shared.id] and found[0].client_id is None
    assert [r.id for r in referrals.shared_with_police(liaison)] == [to_police.id]
    with pytest.raises(AccessDenied):
        clients.get(liaison, rose.id)
    with pytest.raises(AccessDenied):
        visits.for_client(liaison, rose.id)
    from records import search
    with pytest.raises(AccessDenied):
        search.search(liaison, "ro")
    liaison.lock()


def test_directory_round_trip(vault):
    entry = directory.add(vault, "Regional HIV/AIDS Connection", "sexual_health",
                          paper_name="Regional Health Connection", phone="519-555-0000")
    assert directory.get(vault, entry.id) == entry and entry.name_on_paper.startswith("Regional H")
    directory.update(vault, entry.id, hours="Tue 1-4")
    assert [e.id for e in directory.entries(vault, "regional")] == [entry.id]
    directory.retire(vault, entry.id)
    assert directory.entries(vault) == []
    with pytest.raises(ValidationError, match="kind"):
        directory.add(vault, "X", "spa")


def test_settings_validation(vault):
    with pytest.raises(ValidationError, match="timezone"):
        settings.update(vault, timezone="Mars/Olympus")
    with pytest.raises(ValidationError, match="export_recipient"):
        settings.update(vault, export_recipient="not-a-key")
    assert vault.settings.timezone == "America/Toronto"


def test_hidden_fields_view_is_audited(clinic):
    vault, rose, *_ = clinic
    hidden = clients.reveal_hidden(vault, rose.id)
    assert hidden["legal_name"] == "Marie Smith" and hidden["phone"] == "555-0101"
    row = vault.db.execute("SELECT action, entity, entity_id FROM audit ORDER BY seq DESC").fetchone()
    assert tuple(row) == ("view_hidden", "client", str(rose.id))


def test_duplicates_and_merge(clinic):
    vault, rose, addictions, _ = clinic
    twin = clients.register(vault, "Rosie", gender="F", uic_first="Marie", uic_last="Smith",
                            birth_year=1990)
    dupes = clients.likely_duplicates(vault, "rose", twin.uic, twin.uic_complete, exclude_id=twin.id)
    assert [(d.id, d.why) for d in dupes] == [(rose.id, "same code")]
    v = visits.record(vault, client_id=twin.id, note="n")
    r = referrals.make(vault, twin.id, addictions.id)
    kept = clients.merge(vault, rose.id, twin.id)
    assert "Rosie" in kept.aliases
    assert visits.get(vault, v.id).client_id == rose.id
    assert referrals.get(vault, r.id).client_id == rose.id
    with pytest.raises(NotFound):
        clients.get(vault, twin.id)


def test_delete_at_request_removes_personal_data_keeps_counts(clinic):
    vault, rose, addictions, _ = clinic
    visits.record(vault, client_id=rose.id, note="personal note", supplies={"condoms": 3})
    referrals.make(vault, rose.id, addictions.id, reason="personal reason")
    clients.delete_at_request(vault, rose.id)
    row = next(vault.db.query("SELECT * FROM clients WHERE id = ?", [rose.id]))
    assert row["name"] == "" and row["legal_name"] == "" and row["uic"] == "" and row["ref"] is None
    assert len(row["uic_hash"]) == 64
    dump = "\n".join(str(tuple(r)) for t in ("clients", "visits", "referrals", "audit", "revisions")
                     for r in vault.db.execute(f"SELECT * FROM {t}"))
    for secret in ("Rose", "Marie", "555-0101", "penicillin", "personal note", "personal reason"):
        assert secret not in dump
    assert vault.db.execute("SELECT count(*) FROM visit_supplies").fetchone()[0] == 1
    from records import search
    assert search.search(vault, "rose") == []


def test_failed_write_leaves_nothing(vault, monkeypatch):
    before = vault.db.execute("SELECT count(*) FROM clients").fetchone()[0]
    seq_before = vault.db.execute("SELECT max(seq) FROM audit").fetchone()[0]
    import records.clients as mod

    def boom(*_):
        raise RuntimeError("crash inside the transaction")
    monkeypatch.setattr(mod, "_index", boom)
    with pytest.raises(RuntimeError):
        clients.register(vault, "Rose")
    assert vault.db.execute("SELECT count(*) FROM clients").fetchone()[0] == before
    assert vault.db.execute("SELECT max(seq) FROM audit").fetchone()[0] == seq_before


def test_migrations_recorded_from_empty_vault(vault):
    applied = [r[0] for r in vault.db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert applied[0] == "0001_initial"
    from records.schema import migrations
    assert migrations.pending(vault.db) == []


def test_empty_quick_contact_is_refused(vault):
    with pytest.raises(ValidationError, match="supplies"):
        visits.quick_contact(vault, None, supplies={"condoms": 0})
    assert vault.db.execute("SELECT count(*) FROM visits").fetchone()[0] == 0


def test_only_a_nurse_changes_settings(vault, vault_dir):
    staff.add(vault, "Out Reach", "outreach", "outreach passphrase", kdf=FAST_KDF)
    vault.lock()
    worker = Vault.open(vault_dir, "Out Reach", "outreach passphrase")
    with pytest.raises(AccessDenied):
        settings.update(worker, van_code="X")
    worker.lock()
