"""Search as you type: prefixes over names, aliases, UIC and ref, with keyset paging."""
from records import clients, search


def test_prefixes_over_every_name(vault):
    rose = clients.register(vault, "Rose Tremblay", aliases=["Red"], ref="A-102",
                            gender="F", uic_first="Marie", uic_last="Smith", birth_year=1990)
    elo = clients.register(vault, "Éloïse", legal_name="Eloise Gagnon")
    ids = lambda text: [h.id for h in search.search(vault, text)]  # noqa: E731
    assert ids("r") == [rose.id]
    assert ids("tremb") == [rose.id]
    assert ids("red") == [rose.id]
    assert ids("fmasm") == [rose.id]
    assert search.search(vault, "fmasm")[0].uic == "FMASM1990" == rose.uic
    assert ids("a-102") == [rose.id]
    assert ids("elo") == [elo.id]       # accents ignored
    assert ids("gagn") == [elo.id]      # legal name finds, never shows
    assert search.search(vault, "gagn")[0].name == "Éloïse"
    assert ids("ro tr") == [rose.id]
    assert ids("ro zz") == []
    assert ids('"*') == [elo.id, rose.id]  # punctuation only: everyone, newest first


def test_hits_carry_what_the_list_shows(vault):
    many = clients.register(vault, "Zoë", aliases=["Zee", "Ève Marie", 'Q "the" \\ one'],
                            pronouns="they/them", ref="Z-1")
    clients.register(vault, "Zack")
    first, second = search.search(vault, "z")
    assert first == search.SearchHit(first.id, "Zack", first.uic, "", (), "")
    assert second.id == many.id and second.ref == "Z-1" and second.pronouns == "they/them"
    assert second.aliases == ("Zee", "Ève Marie", 'Q "the" \\ one')
    assert search.search(vault, "")[0].aliases == ()  # the no-query path gives the same shape


def test_keyset_pages_cover_everyone_once(vault):
    made = [clients.register(vault, f"Ma{i:03d}").id for i in range(51)]
    assert [h.id for h in search.search(vault, "ma")] == sorted(made, reverse=True)[:50]
    assert len(search.search(vault, "")) == 50  # a page is 50 unless asked otherwise
    seen, before = [], None
    while True:
        page = search.search(vault, "ma", limit=10, before_id=before)
        if not page:
            break
        seen += [h.id for h in page]
        before = page[-1].id
    assert seen == sorted(made, reverse=True)


def test_updates_and_merges_refresh_the_index(vault):
    a = clients.register(vault, "Sam")
    clients.update(vault, a.id, name="Samira")
    assert [h.name for h in search.search(vault, "samir")] == ["Samira"]
    b = clients.register(vault, "Sammy")
    clients.merge(vault, a.id, b.id)
    assert [h.id for h in search.search(vault, "sammy")] == [a.id]
