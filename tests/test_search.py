"""Search as you type: ranked by how the words match what the list shows, then last contact."""
from datetime import timedelta

from records import audit, clients, clock, search, visits

NOW = clock.now_utc().replace(second=0)


def seen(vault, client, days_ago: float, **fields):
    """A visit `days_ago` days before now."""
    return visits.record(vault, client_id=client.id, occurred_at=NOW - timedelta(days=days_ago),
                         **fields)


def registered(vault, name, days_ago: float = 400, **fields):
    """A client registered `days_ago` days ago (registration counts as a contact)."""
    client = clients.register(vault, name, **fields)
    vault.db.execute("UPDATE clients SET created_at = ? WHERE id = ?",
                     [clock.to_db(NOW - timedelta(days=days_ago)), client.id])
    search.reindex(vault.db, client.id)
    return client


def ids(vault, text, **options):
    return [h.id for h in search.search(vault, text, **options)]


def test_prefixes_over_what_the_list_shows(vault):
    rose = clients.register(vault, "Rose Tremblay", aliases=["Red"], ref="A-102",
                            gender="F", uic_first="Marie", uic_last="Smith", birth_year=1990)
    elo = clients.register(vault, "Éloïse", legal_name="Eloise Gagnon", gender="F")
    assert ids(vault, "r") == [rose.id]
    assert ids(vault, "tremb") == [rose.id]
    assert ids(vault, "red") == [rose.id]
    assert ids(vault, "fmasm") == [rose.id]
    assert search.search(vault, "fmasm")[0].uic == "FMASM1990" == rose.uic
    assert ids(vault, "a-102") == [rose.id]
    assert ids(vault, "elo") == [elo.id]       # accents ignored
    assert ids(vault, "ro tr") == [rose.id]
    assert ids(vault, "ro zz") == []
    assert ids(vault, '"*') == [elo.id, rose.id]  # punctuation only: everyone, recent first
    assert ids(vault, "f") == [rose.id]  # Éloïse's code is incomplete: not shown, not searched


def test_the_legal_name_is_searched_only_while_shown_and_that_is_audited(vault):
    doc = clients.register(vault, "Doc", legal_name="Marie Dawn Leblanc")
    marie = clients.register(vault, "Marie")
    before = audit.head(vault.db)[0]
    assert ids(vault, "dawn") == [] and ids(vault, "marie") == [marie.id]
    assert audit.head(vault.db)[0] == before  # a plain search writes nothing
    assert all(h.legal_name == "" for h in search.search(vault, "marie"))

    hits = search.search(vault, "marie", hidden=True)
    assert [h.id for h in hits] == [marie.id, doc.id]  # the legal name ranks last
    assert hits[1].legal_name == "Marie Dawn Leblanc" and search.RANKS[hits[1].rank] == (
        "legal name, whole words")
    entries = vault.db.execute("SELECT action, entity, detail FROM audit WHERE seq > ?",
                               [before]).fetchall()
    assert entries == [("search_hidden", "client", f"legal names shown: 1 ({doc.id})")]
    assert "marie" not in entries[0][2].casefold()  # never the typed text

    search.search(vault, "nobody", hidden=True)  # even a search that finds none is audited
    assert audit.head(vault.db)[0] == before + 2


def test_krystal_f_finds_krystal_f_before_a_newer_client_with_that_alias(vault):
    krystal = registered(vault, "Krystal F.", gender="F")
    courtney = registered(vault, "Courtney", aliases=["Bunny", "Krystal"], gender="F",
                                uic_first="Courtney", uic_last="Fox", birth_year=1994)
    seen(vault, krystal, 300)
    seen(vault, courtney, 1)
    assert ids(vault, "krystal f") == [krystal.id, courtney.id]
    assert ids(vault, "krystal") == [krystal.id, courtney.id]


def test_whole_word_before_prefix(vault):
    jo = registered(vault, "Jo")
    joanne = registered(vault, "Joanne")
    jo_smith = registered(vault, "Jo Smith")
    seen(vault, jo, 90)
    seen(vault, jo_smith, 30)
    seen(vault, joanne, 1)
    assert ids(vault, "jo") == [jo_smith.id, jo.id, joanne.id]
    assert ids(vault, "jo s") == [jo_smith.id]
    hits = search.search(vault, "jo")
    assert [search.RANKS[h.rank] for h in hits] == ["name, whole words"] * 2 + ["name"]


def test_name_before_alias_before_code_or_ref(vault):
    by_ref = registered(vault, "Kim", ref="AB-12")
    by_alias = registered(vault, "Lee", aliases=["Abby"])
    by_name = registered(vault, "Abigail")
    by_code = registered(vault, "Pat", gender="X", uic_first="Ab", uic_last="Cd",
                               birth_year=1980)
    for days, client in enumerate((by_ref, by_code, by_alias, by_name)):
        seen(vault, client, days)  # the worse the match, the more recent the contact
    assert ids(vault, "ab") == [by_name.id, by_alias.id, by_ref.id]
    assert ids(vault, "xabcd") == [by_code.id]
    hits = {h.id: h for h in search.search(vault, "ab")}
    assert hits[by_ref.id].on_ref and not hits[by_name.id].on_ref


def test_recent_contact_first_among_equals_and_voiding_moves_back(vault):
    first, second, third = (registered(vault, "Sam") for _ in range(3))
    seen(vault, first, 2)
    latest = seen(vault, second, 1)
    seen(vault, second, 40)  # an older visit entered later changes nothing
    seen(vault, third, 10)
    assert ids(vault, "sam") == [second.id, first.id, third.id]
    hits = search.search(vault, "sam")
    assert hits[0].last_contact == NOW - timedelta(days=1)

    visits.void(vault, latest.id, "entered for the wrong client")
    assert ids(vault, "sam") == [first.id, third.id, second.id]  # now last seen 40 days ago
    assert search.search(vault, "sam")[2].last_contact == NOW - timedelta(days=40)


def test_a_client_never_seen_ranks_by_registration(vault):
    old = registered(vault, "Ash", 30)
    seen(vault, old, 3)
    new = clients.register(vault, "Ash")  # registered now, no visit yet
    assert ids(vault, "ash") == [new.id, old.id]


def test_hits_carry_what_the_list_shows(vault):
    many = clients.register(vault, "Zoë", aliases=["Zee", "Ève Marie", 'Q "the" \\ one'],
                            pronouns="they/them", ref="Z-1", gender="X", uic_first="Zoe",
                            uic_last="Roy", birth_year=1999)
    clients.register(vault, "Zack", gender="M")
    first, second = search.search(vault, "z")
    assert (first.name, first.uic, first.ref, first.aliases, first.pronouns) == (
        "Zack", "", "", (), "")  # an incomplete code shows as none
    assert second.id == many.id and second.ref == "Z-1" and second.pronouns == "they/them"
    assert second.aliases == ("Zee", "Ève Marie", 'Q "the" \\ one') and second.uic == "XZORO1999"
    assert search.search(vault, "")[0].aliases == ()  # the no-query path gives the same shape


def _page_through(vault, text, size):
    seen_ids, before = [], None
    while True:
        page = search.search(vault, text, limit=size, before_id=before)
        if not page:
            return seen_ids
        seen_ids += [h.id for h in page]
        before = page[-1].id


def test_keyset_pages_follow_the_ranked_order_once(vault):
    made = []
    with vault.write("create", "client"):
        for i in range(51):
            made.append(clients.insert_row(vault, clients.clean(
                {"name": ["Ma", "Mabel", "Kit"][i % 3], "aliases": ["Ma"] if i % 3 == 2 else []})))
    for i, client_id in enumerate(made):
        if i % 4:
            visits.record(vault, client_id=client_id, occurred_at=NOW - timedelta(hours=i % 7))
    whole = ids(vault, "ma", limit=1000)
    assert sorted(whole) == sorted(made)
    assert ids(vault, "ma") == whole[:50]
    assert len(search.search(vault, "")) == 50  # a page is 50 unless asked otherwise
    for size in (1, 7, 10, 45):
        assert _page_through(vault, "ma", size) == whole
    assert _page_through(vault, "", 8) == ids(vault, "", limit=1000)
    ranks = [h.rank for h in search.search(vault, "ma", limit=1000)]
    assert ranks == sorted(ranks) and set(ranks) == {0, 1, 2}


def test_updates_merges_and_deletion_refresh_the_index(vault):
    a = registered(vault, "Sam")
    clients.update(vault, a.id, name="Samira")
    assert [h.name for h in search.search(vault, "samir")] == ["Samira"]
    assert search.search(vault, "sam")[0].rank == 1  # no longer the whole word "sam"
    b = registered(vault, "Sammy")
    seen(vault, b, 1)
    clients.merge(vault, a.id, b.id)
    assert ids(vault, "sammy") == [a.id]
    assert search.search(vault, "samira")[0].last_contact == NOW - timedelta(days=1)  # moved
    clients.delete_at_request(vault, a.id)
    assert ids(vault, "sam") == []


def test_the_triggers_and_a_full_rebuild_agree(vault):
    people = [registered(vault, f"P{i}") for i in range(5)]
    made = [seen(vault, p, d) for p, d in zip(people, (5, 1, 3, 8))]
    visits.correct(vault, made[2].id, occurred_at=NOW - timedelta(days=30))
    vault.db.execute("DELETE FROM visits WHERE id = ?", [made[3].id])
    seen(vault, people[4], 2)
    clients.merge(vault, people[0].id, people[4].id)  # moves a newer visit onto P0
    keys = lambda: vault.db.execute("SELECT * FROM client_seen ORDER BY 1").fetchall()  # noqa: E731
    entries = lambda: vault.db.execute("SELECT rowid, terms FROM client_fts ORDER BY 1").fetchall()  # noqa: E731
    by_triggers = keys(), entries()
    search.rebuild(vault.db)
    assert (keys(), entries()) == by_triggers
    assert ids(vault, "p") == [people[1].id, people[0].id, people[2].id, people[3].id]
