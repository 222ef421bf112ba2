"""Codes a client chooses match codes built from the same parts: normalised alike (accents
removed, upper case), existing ones normalised by migration 0007 (kept hashes recomputed),
and a chosen code's year fills the export's birth band."""
from datetime import date, datetime, timezone

from records import clients, schema, search, uic, visits
from records.export import week as week_data

WEEK = "2026-W10"
DURING = datetime(2026, 3, 4, 3, 0, tzinfo=timezone.utc)


def test_a_chosen_code_is_normalised_like_a_built_one():
    built = uic.compute("F", "Émilie", "Ouellet", 1992)
    assert built == ("FEMOU1992", True)
    assert uic.check_chosen("FÉMOU1992") == built
    assert uic.check_chosen(" féMou1992 ") == built
    assert uic.check_chosen("ＦÉＭＯＵ１９９２") == built  # full-width forms too
    assert uic.check_chosen("F??ÇÀ1999") == ("F??CA1999", False)


def test_chosen_and_built_codes_of_one_person_hash_equal(vault):
    secret = vault.settings.uic_secret
    chosen = clients.register(vault, "Em", uic_chosen="FÉMOU1992")
    built = clients.register(vault, "Émilie", gender="F", uic_first="Émilie",
                             uic_last="Ouellet", birth_year=1992)
    assert chosen.uic == built.uic == "FEMOU1992"
    assert uic.keyed_hash(chosen.uic, secret) == uic.keyed_hash(built.uic, secret)
    assert [c.id for c in clients.likely_duplicates(vault, "Someone", "FEMOU1992", True)] == [
        chosen.id, built.id]
    for client in (chosen, built):
        visits.record(vault, client_id=client.id, occurred_at=DURING)
    people = week_data.collect(vault, WEEK).people
    assert len({p.key for p in people.values()}) == 1


def test_the_birth_band_comes_from_a_chosen_codes_year(vault):
    chosen = clients.register(vault, "Em", uic_chosen="FEMOU1992")
    odd = clients.register(vault, "Jo", uic_chosen="XJOJO2999")  # not a possible birth year
    unknown = clients.register(vault, "Al", uic_chosen="MALAL????")
    stated = clients.register(vault, "Bo", uic_chosen="MBOBO1970", birth_year=1981)
    for client in (chosen, odd, unknown, stated):
        visits.record(vault, client_id=client.id, occurred_at=DURING)
    people = week_data.collect(vault, WEEK).people
    assert [people[c.id].birth_band for c in (chosen, odd, unknown, stated)] == [
        "1990-1994", "", "", "1980-1984"]
    assert uic.birth_year("FEMOU1992", today=date(1991, 1, 1)) is None


def _as_before_0007(vault, client_id: int, code: str, complete: bool) -> None:
    """Store a chosen code as the app did before the migration (accents kept)."""
    vault.db.execute("UPDATE clients SET uic_chosen = ?, uic = ?, uic_complete = ? WHERE id = ?",
                     [code, code, int(complete), client_id])


def test_migration_normalises_old_codes_and_recomputes_kept_hashes(vault):
    secret = vault.settings.uic_secret
    live = clients.register(vault, "Em", uic_chosen="FEMOU1992")
    gone = clients.register(vault, "Emmy", uic_chosen="FEMOU1992")
    partial = clients.register(vault, "Jo", uic_chosen="X??JO1980")
    other = clients.register(vault, "Lone", uic_chosen="MLOLO1970")
    with vault.db.atomic():
        _as_before_0007(vault, live.id, "FÉMOU1992", True)
        _as_before_0007(vault, gone.id, "FÉMOU1992", True)
        _as_before_0007(vault, partial.id, "X??JÖ1980", False)
    clients.delete_at_request(vault, gone.id)
    old_hash = uic.keyed_hash("FÉMOU1992", secret)
    assert vault.db.execute("SELECT uic_hash FROM clients WHERE id = ?",
                            [gone.id]).fetchone()[0] == old_hash
    # A kept hash whose code no live record holds any more cannot be recomputed.
    orphan = clients.register(vault, "Zoé", uic_chosen="FZOZO2000")
    with vault.db.atomic():
        _as_before_0007(vault, orphan.id, "FZOÉZ2000", True)
    clients.delete_at_request(vault, orphan.id)
    orphan_hash = uic.keyed_hash("FZOÉZ2000", secret)

    with vault.db.atomic():
        vault.db.execute("DELETE FROM _sqlite_migrations WHERE name = '0007_chosen_codes_plain'")
    schema.migrate(vault.db)

    assert clients.get(vault, live.id).uic == clients.get(vault, live.id).uic_chosen == "FEMOU1992"
    assert clients.get(vault, partial.id).uic == "X??JO1980"
    assert not clients.get(vault, partial.id).uic_complete
    assert clients.get(vault, other.id).uic == "MLOLO1970"
    kept = dict(vault.db.execute("SELECT id, uic_hash FROM clients WHERE uic_hash != ''"))
    assert kept == {gone.id: uic.keyed_hash("FEMOU1992", secret), orphan.id: orphan_hash}
    assert [hit.id for hit in search.search(vault, "FEMOU1992")] == [live.id]
    assert schema.migrations.pending(vault.db) == []
