"""The search page by keyboard: Enter opens the best match, rows tell people apart, legal
names are searched only while shown (and audited), paging keeps the ranked order."""
import os
from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from records import audit, clients, clock, search, visits
from test_pages import main  # noqa: F401  (the fixture: the main window on `vault`)
from ui.client_page import ClientPage
from ui.client_search import PAGE, ClientSearch

NOW = clock.now_utc()


def client_since(vault, name: str, days_ago: int, **fields) -> int:
    """A client registered `days_ago` days ago, as an import of older records makes one."""
    row = clients.db_row(clients.clean({"name": name, **fields}),
                         created_at=NOW - timedelta(days=days_ago))
    with vault.write("create", "client") as box:
        box["entity_id"] = vault.insert("clients", row)
        search.reindex(vault.db, box["entity_id"])
    return box["entity_id"]


def rows(page) -> list[str]:
    return [page.model.data(page.model.index(r)) for r in range(page.model.rowCount())]


def test_krystal_f_and_enter_opens_krystal_f(qtbot, main, vault):
    krystal = clients.register(vault, "Krystal F.", gender="F")
    visits.record(vault, client_id=krystal.id, occurred_at=NOW - timedelta(days=200))
    courtney = clients.register(vault, "Courtney", aliases=["Bunny", "Krystal"], gender="F",
                                uic_first="Courtney", uic_last="Fox", birth_year=1994)
    visits.record(vault, client_id=courtney.id)  # newer in every way
    qtbot.keyClicks(main.search.box, "krystal f")
    qtbot.keyClick(main.search.box, Qt.Key.Key_Return)
    assert isinstance(main.current_page(), ClientPage)
    assert main.current_page().client_id == krystal.id


def test_four_maries_differ_visibly(qtbot, vault, tmp_path):
    zone = clock.zone(vault.settings.timezone)
    client_since(vault, "Marie", 900)
    client_since(vault, "Marie", 400, pronouns="she/her")
    coded = client_since(vault, "Marie", 300, gender="F", uic_first="Marie",
                         uic_last="Roy", birth_year=1991)
    client_since(vault, "Marie", 30, aliases=["Mimi"], ref="V-17")
    visits.record(vault, client_id=coded, occurred_at=NOW - timedelta(days=2))
    page = ClientSearch(vault)
    qtbot.addWidget(page)
    page.resize(1000, 300)
    page.show()
    qtbot.keyClicks(page.box, "marie")
    page.refresh()
    shown = rows(page)
    day = lambda days: (NOW - timedelta(days=days)).astimezone(zone).date().isoformat()  # noqa: E731
    assert shown == [
        f"Marie · FMARO1991 · last contact {day(2)}",
        f"Marie · also Mimi · no code · last contact {day(30)}",
        f"Marie (she/her) · no code · last contact {day(400)}",
        f"Marie · no code · last contact {day(900)}",
    ]
    page.box.setText("v-17")
    page.refresh()
    assert rows(page) == [f"Marie · also Mimi · no code · ref V-17 · last contact {day(30)}"]
    page.box.setText("marie")
    page.refresh()
    out = Path(os.environ.get("CLINIC_SCREENSHOTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()  # the layout the new button's label asks for
    assert page.grab().save(str(out / "search-four-maries.png"))


def test_legal_names_only_while_shown_and_audited(qtbot, main, vault):
    doc = clients.register(vault, "Doc", legal_name="Dawn Marie Leblanc")
    marie = clients.register(vault, "Marie")
    page = main.search
    qtbot.keyClicks(page.box, "dawn")
    page.refresh()
    assert rows(page) == [] and "No match" in page.count.text()
    before = audit.head(vault.db)[0]

    qtbot.keyClick(page.box, Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)  # the tick's key
    qtbot.waitUntil(page.legal.isChecked)  # a button's shortcut clicks after a short animation
    assert len(rows(page)) == 1 and "legal name Dawn Marie Leblanc" in rows(page)[0]
    entries = vault.db.execute("SELECT action, detail FROM audit WHERE seq > ?",
                               [before]).fetchall()
    assert entries == [("search_hidden", f"legal names shown: 1 ({doc.id})")]
    page.box.setText("marie")
    page.refresh()
    assert [page.model.client_id(r) for r in range(2)] == [marie.id, doc.id]
    assert rows(page)[0].endswith(" · no legal name · last contact "
                                  + NOW.astimezone(clock.zone(vault.settings.timezone))
                                  .date().isoformat())

    page.legal.setChecked(False)
    assert [page.model.client_id(r) for r in range(page.model.rowCount())] == [marie.id]
    assert "legal name" not in rows(page)[0]
    page.legal.setChecked(True)
    page.wipe()  # on lock
    assert not page.legal.isChecked()


def test_paging_keeps_the_ranked_order(qtbot, vault):
    with vault.write("create", "client"):
        for i in range(PAGE * 2 + 7):
            clients.insert_row(vault, {"name": ["Sam", "Samir", "Kit"][i % 3],
                                       "aliases": ["Sam"] if i % 3 == 2 else []})
    page = ClientSearch(vault)
    qtbot.addWidget(page)
    qtbot.keyClicks(page.box, "sam")
    page.refresh()
    assert page.model.rowCount() == PAGE and page.model.canFetchMore()
    while page.model.canFetchMore():
        page.model.fetchMore()
    listed = [page.model.client_id(r) for r in range(page.model.rowCount())]
    assert listed == [h.id for h in search.search(vault, "sam", limit=1000)]
    assert len(listed) == PAGE * 2 + 7 == len(set(listed))
