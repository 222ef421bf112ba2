"""The synthetic demo vault: deterministic for a seed, realistic enough to work with through
the records API (search, visits, referrals, incidents), audit chain intact, and the CLI."""
import unicodedata
from datetime import timedelta

import pyrage
import pytest
from conftest import FAST_KDF, PASSPHRASE

import main
from flows import demo
from flows.demo import generator
from records import audit, clients, clock, incidents, referrals, search, visits
from records.errors import VaultExists
from records.owner import VaultBusy
from records.models import SERVICES, SUPPLIES, TEST_SERVICES
from records.vault import Vault

END = "2026-W10"
TABLES = ("clients", "client_fts", "shifts", "visits", "visit_services", "visit_supplies",
          "directory", "referrals", "incidents")


def dump(vault) -> dict:
    return {t: vault.db.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in TABLES}


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    """One 150-client, 3-week demo vault shared by the read-only tests."""
    vault, identity, counts = demo.create(tmp_path_factory.mktemp("demo") / "v", "Demo Nurse",
                                          PASSPHRASE, clients=150, weeks=3, seed=7,
                                          end_week=END, kdf=FAST_KDF)
    yield vault, identity, counts
    vault.lock()


def test_same_seed_same_records_other_seed_other_records(made, tmp_path):
    vault, _, _ = made
    again, _, _ = demo.create(tmp_path / "a", "Demo Nurse", PASSPHRASE, clients=150, weeks=3,
                              seed=7, end_week=END, kdf=FAST_KDF)
    other, _, _ = demo.create(tmp_path / "b", "Demo Nurse", PASSPHRASE, clients=150, weeks=3,
                              seed=8, end_week=END, kdf=FAST_KDF)
    try:
        assert dump(again) == dump(vault)
        assert dump(other)["clients"] != dump(vault)["clients"]
        assert dump(other)["visits"] != dump(vault)["visits"]
    finally:
        again.lock()
        other.lock()


def test_counts_roughly_match(made):
    vault, _, counts = made
    count = lambda sql: vault.db.execute(sql).fetchone()[0]  # noqa: E731
    assert count("SELECT count(*) FROM clients") == counts.clients == 150
    assert count("SELECT count(*) FROM visits") == counts.visits
    assert count("SELECT count(*) FROM visits WHERE client_id IS NULL") == counts.anonymous
    assert 9 <= counts.shifts == count("SELECT count(*) FROM shifts") <= 15
    # Every client has a first contact; at most one visit per shift each.
    assert count("SELECT count(DISTINCT client_id) FROM visits") == 150
    assert 150 * 2 < counts.visits - counts.anonymous <= 150 * counts.shifts
    assert 0 < counts.anonymous < counts.visits / 3
    assert counts.directory == 12 == count("SELECT count(*) FROM directory")
    assert count("SELECT count(*) FROM client_fts") == 150
    assert count("SELECT count(*) FROM referrals") == counts.referrals
    assert count("SELECT count(*) FROM incidents") == counts.incidents


def test_visits_fall_inside_shifts_and_local_weeks(made):
    vault, _, _ = made
    tz = vault.settings.timezone
    start, _ = clock.week_bounds("2026-W08", tz)
    _, end = clock.week_bounds(END, tz)
    shifts = {r[0]: (clock.from_db(r[1]), clock.from_db(r[2])) for r in vault.db.execute(
        "SELECT id, started_at, ended_at FROM shifts")}
    for shift_start, shift_end in shifts.values():
        hours = (shift_end - shift_start) / timedelta(hours=1)
        assert 4 <= hours <= 7.5
        assert shift_start.astimezone(clock.zone(tz)).hour in range(18, 23)
        assert start <= shift_start < end
    for shift_id, at, day, week in vault.db.execute(
            "SELECT shift_id, occurred_at, local_date, iso_week FROM visits"):
        at = clock.from_db(at)
        assert shifts[shift_id][0] <= at <= shifts[shift_id][1]
        assert day == clock.local_date(at, tz).isoformat()
        assert week == clock.iso_week(clock.local_date(at, tz)) in ("2026-W08", "2026-W09", "2026-W10", "2026-W11")


def test_records_read_back_through_the_records_api(made):
    vault, _, _ = made
    ids = [r[0] for r in vault.db.execute("SELECT id FROM clients ORDER BY id")]
    every_visit = [v for cid in ids for v in visits.for_client(vault, cid)]
    assert all(v.quick or v.reason for v in every_visit)
    assert any(v.quick for v in every_visit) and any(not v.quick for v in every_visit)
    services = [s for v in every_visit for s in v.services]
    assert {s.kind for s in services} <= set(SERVICES)
    assert all(s.result for s in services if s.kind in TEST_SERVICES)
    assert {k for v in every_visit for k in v.supplies} <= set(SUPPLIES)
    assert all(v.needles_returned <= v.supplies.get("needles", 0) for v in every_visit)
    made_refs = [r for cid in ids for r in referrals.for_client(vault, cid)]
    assert made_refs and any(r.status != "made" for r in made_refs)
    found = incidents.find(vault)
    assert found and all(i.what_happened and i.area for i in found)
    with_plate = [i for i in found if i.plate_partial]
    plate = with_plate[0].plate_partial
    assert with_plate[0].id in [i.id for i in incidents.find(vault, text=plate[:2])]
    settings = vault.settings
    assert settings.letterhead and settings.schedule and settings.uic_secret


def test_export_recipient_matches_the_identity(made):
    vault, identity, _ = made
    sealed = pyrage.encrypt(b"weekly", [pyrage.x25519.Recipient.from_str(
        vault.settings.export_recipient)])
    assert pyrage.decrypt(sealed, [pyrage.x25519.Identity.from_str(identity)]) == b"weekly"


def test_search_works_on_demo_data(made):
    vault, _, _ = made
    newest = clients.get(vault, vault.db.execute("SELECT max(id) FROM clients").fetchone()[0])
    assert newest.id in [h.id for h in search.search(vault, newest.name[:2])]
    hits = search.search(vault, newest.uic)
    assert newest.id in [h.id for h in hits]
    # Accents are ignored: "Éloïse" is found by "eloise".
    for row in vault.db.execute("SELECT id, name FROM clients"):
        plain = search.normalise(row[1])
        if plain != row[1].casefold() and plain.isascii():
            assert row[0] in [h.id for h in search.search(vault, plain)]


def test_names_are_varied_and_codes_mostly_complete(tmp_path):
    vault, _, counts = demo.create(tmp_path / "v", "Demo Nurse", PASSPHRASE, clients=400,
                                   weeks=1, seed=3, end_week=END, kdf=FAST_KDF)
    try:
        rows = vault.db.execute("SELECT name, uic_complete, legal_name, phone FROM clients").fetchall()
        names = [r[0] for r in rows]
        assert sum(n.startswith("Ma") for n in names) >= 20
        assert sum(n.startswith("Jo") for n in names) >= 10
        assert any(not n.isascii() for n in names)
        assert any(unicodedata.name(c[0]).startswith(("GREEK", "CYRILLIC", "ARABIC", "CJK"))
                   for n in names for c in n[:1])
        complete = sum(r[1] for r in rows)
        assert 0.7 * len(rows) <= complete < len(rows)
        assert 0 < sum(bool(r[2]) for r in rows) < len(rows) / 2
        assert 0 < sum(bool(r[3]) for r in rows) < len(rows) / 2
    finally:
        vault.lock()


def test_audit_chain_verifies_and_summarises_batches(made):
    vault, _, _ = made
    assert audit.verify(vault.db).ok
    entries = vault.db.execute("SELECT action, entity, detail FROM audit ORDER BY seq").fetchall()
    assert entries[0][:2] == ("create", "vault")
    assert [e[1] for e in entries[1:]] == ["directory", "shift", "client", "visit"]
    assert all(e[0] == "demo" for e in entries[1:])
    assert entries[3][2] == "150 clients"


def test_batches_are_separate_transactions(tmp_path, monkeypatch):
    monkeypatch.setattr(generator, "BATCH", 40)
    vault, _, counts = demo.create(tmp_path / "v", "Demo Nurse", PASSPHRASE, clients=100,
                                   weeks=2, seed=7, end_week=END, kdf=FAST_KDF)
    try:
        entries = vault.db.execute("SELECT entity, entity_id FROM audit WHERE action = 'demo'"
                                   " ORDER BY seq").fetchall()
        assert [e for e in entries if e[0] == "client"] == [
            ("client", "1-40"), ("client", "41-80"), ("client", "81-100")]
        visit_batches = [e for e in entries if e[0] == "visit"]
        assert len(visit_batches) == -(-counts.visits // 40)
        assert visit_batches[-1][1].endswith(f"-{counts.visits}")
        assert audit.verify(vault.db).ok
    finally:
        vault.lock()


def test_create_refuses_an_existing_vault(vault, vault_dir):
    before = dump(vault)
    with pytest.raises(VaultBusy):  # while it is open, before anything is read
        demo.create(vault_dir, "Demo Nurse", PASSPHRASE, clients=5, weeks=1, kdf=FAST_KDF)
    vault.lock()
    with pytest.raises(VaultExists):
        demo.create(vault_dir, "Demo Nurse", PASSPHRASE, clients=5, weeks=1, kdf=FAST_KDF)
    again = Vault.open(vault_dir, None, PASSPHRASE)
    try:
        assert dump(again) == before
    finally:
        again.lock()


def test_cli_demo_creates_once_and_refuses_then(tmp_path, capsys):
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n")
    args = ["--data-dir", str(tmp_path / "v"), "--passphrase-file", str(secret)]
    assert main.main(["demo", *args, "--clients", "20", "--weeks", "1", "--seed", "5"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"created a demo vault in {tmp_path / 'v'}: 20 clients, ")
    assert out[1].split()[-1].startswith("AGE-SECRET-KEY-")
    assert main.main(["demo", *args]) == 1
    assert capsys.readouterr().err == (
        f"error: a vault already exists in {tmp_path / 'v'}; the demo needs a new folder\n")
    vault = Vault.open(tmp_path / "v", "Demo Nurse", PASSPHRASE)
    try:
        assert vault.staff.name == "Demo Nurse"
        assert vault.db.execute("SELECT count(*) FROM clients").fetchone()[0] == 20
    finally:
        vault.lock()


def test_cli_demo_rejects_bad_sizes(tmp_path, capsys):
    secret = tmp_path / "pass.txt"
    secret.write_text(PASSPHRASE + "\n")
    args = ["--data-dir", str(tmp_path / "v"), "--passphrase-file", str(secret)]
    assert main.main(["demo", *args, "--weeks", "0"]) == 1
    assert capsys.readouterr().err == "error: weeks: must be at least 1\n"
