"""Find a client: a search box with focus, results as you type, a lazily paged list.

Typing searches what a row shows: names, aliases, code (UIC) and ref (records.search), best
match first, then the most recent contact. Each row shows what tells people apart: pronouns,
aliases, the code or "no code", the ref when a typed word matched it, the last contact date.
The legal name is searched only while "Show legal names" is ticked; the rows then show it and
each such search is audited. Down or Page Down moves into the list, Enter opens the
highlighted client (Enter in the box opens the first, best one). The list model fetches a
page at a time with keyset paging, so scrolling through 100k clients never re-reads earlier
rows.
"""
from __future__ import annotations

from PySide6.QtCore import (QCoreApplication, QEvent, QModelIndex, QStringListModel, Qt,
                            QTimer, Signal)
from PySide6.QtWidgets import (QCheckBox, QHBoxLayout, QLabel, QLineEdit, QListView,
                               QPushButton, QVBoxLayout, QWidget)

from records import clock, search

# Rows fetched per query and per scroll: a small screen's list plus a few. Qt asks for the
# next page by itself (fetchMore) when a taller window or a scroll reaches the end.
PAGE = 25
# Each keystroke restarts this short timer; a query costs about a millisecond even over
# 100k clients (benchmarks/bench_search.py), so the delay only coalesces pasted text.
DEBOUNCE_MS = 30


def describe(hit: search.SearchHit, zone, legal: bool = False) -> str:
    """One row: what tells two people of the same name apart, all of it visible."""
    parts = [f"{hit.name} ({hit.pronouns})" if hit.pronouns else hit.name]
    if hit.aliases:
        parts.append(QCoreApplication.translate("ClientSearch", "also {aliases}").format(
            aliases=", ".join(hit.aliases)))
    parts.append(hit.uic or QCoreApplication.translate("ClientSearch", "no code"))
    if hit.on_ref:
        parts.append(QCoreApplication.translate("ClientSearch", "ref {ref}").format(ref=hit.ref))
    if legal:
        parts.append(QCoreApplication.translate("ClientSearch", "legal name {name}").format(
            name=hit.legal_name) if hit.legal_name
            else QCoreApplication.translate("ClientSearch", "no legal name"))
    parts.append(QCoreApplication.translate("ClientSearch", "last contact {day}").format(
        day=hit.last_contact.astimezone(zone).date().isoformat()))  # ISO in fr_CA too
    return " · ".join(parts)


class ClientListModel(QStringListModel):
    """Search hits for one query, fetched page by page as the view scrolls.

    The row texts live in Qt's own string list and the model overrides none of the calls a
    view makes per row (data, flags, rowCount): each would be a call into Python for every
    row painted or laid out. With a Python rowCount() a page of 50 cost 36 ms at 10k rows and
    300 ms at 100k (benchmarks/bench_memory.py). Qt's accessibility falls back from
    AccessibleTextRole to the display text, and the view, not the model, is read-only."""

    def __init__(self, vault, parent=None):
        super().__init__(parent)
        self._vault = vault
        self._text = ""
        self._hits: list[search.SearchHit] = []
        self._more = False
        self._legal = False
        self._zone = None

    def set_query(self, text: str, legal: bool = False) -> None:
        """Nothing typed lists nothing: the home screen shows no names to someone walking up.
        `legal`: search and show legal names too (records.search audits it)."""
        self._text, self._legal = text, legal
        self._zone = clock.zone(self._vault.settings.timezone)
        self._hits = (search.search(self._vault, text, limit=PAGE, hidden=legal)
                      if text.strip() else [])
        self._more = len(self._hits) == PAGE
        self.setStringList([describe(hit, self._zone, legal) for hit in self._hits])

    def clear(self) -> None:
        self._text, self._hits, self._more, self._legal = "", [], False, False
        self.setStringList([])

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and self._more

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if parent.isValid() or not self._more:
            return
        page = search.search(self._vault, self._text, limit=PAGE, before_id=self._hits[-1].id,
                             hidden=self._legal)
        self._more = len(page) == PAGE
        if page:
            first = len(self._hits)
            self._hits.extend(page)
            self.insertRows(first, len(page))
            for row, hit in enumerate(page, first):
                self.setData(self.index(row), describe(hit, self._zone, self._legal))

    def client_id(self, row: int) -> int | None:
        return self._hits[row].id if 0 <= row < len(self._hits) else None


class ClientSearch(QWidget):
    """The home page. Signals say what the nurse chose; the main window acts on them."""

    open_client = Signal(int)
    new_client = Signal(str)       # the typed text, to pre-fill the name
    anonymous_contact = Signal()

    def __init__(self, vault, parent=None):
        super().__init__(parent)
        self.box = QLineEdit(objectName="search", clearButtonEnabled=True,
                             placeholderText=self.tr("Find a client: name, alias, code or ref"))
        self.box.setAccessibleName(self.tr("Find a client"))
        self.model = ClientListModel(vault, self)
        self.list = QListView(objectName="results", uniformItemSizes=True,
                              editTriggers=QListView.EditTrigger.NoEditTriggers)
        self.list.setAccessibleName(self.tr("Clients found"))
        self.list.setModel(self.model)
        self.count = QLabel(objectName="muted")
        self.new_button = QPushButton(self.tr("New client (Ctrl+N)"))
        self.new_button.setAccessibleName(self.tr("New client"))
        self.anon_button = QPushButton(self.tr("No name (anonymous): quick contact (Ctrl+K)"))
        self.anon_button.setAccessibleName(self.tr("Anonymous quick contact"))
        self.legal = QCheckBox(self.tr("Show &legal names (audited)"))
        self.legal.setAccessibleName(self.tr("Show and search legal names (audited)"))

        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addWidget(self.anon_button)
        buttons.addWidget(self.legal)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.box)
        layout.addLayout(buttons)
        layout.addWidget(self.list, 1)

        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self.box.textChanged.connect(lambda _: self._timer.start())
        self.box.textChanged.connect(self._label_new_button)
        self.box.returnPressed.connect(self._open_first)
        self.box.installEventFilter(self)
        self.list.installEventFilter(self)
        self.list.activated.connect(self._open_index)
        self.new_button.clicked.connect(lambda: self.new_client.emit(self.box.text().strip()))
        self.anon_button.clicked.connect(self.anonymous_contact.emit)
        self.legal.toggled.connect(lambda _: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        self._timer.stop()
        self.model.set_query(self.box.text(), self.legal.isChecked())
        rows = self.model.rowCount()
        if rows == 0 and self.box.text().strip():
            self.count.setText(self.tr("No match. Ctrl+N registers a new client."))
        elif not self.box.text().strip():
            self.count.setText(self.tr("Type a name, alias, code or ref."))
        elif self.model.canFetchMore():  # more on scrolling
            self.count.setText(self.tr("%n+ found", "", rows))
        else:
            self.count.setText(self.tr("%n found", "", rows))
        if rows:
            self.list.setCurrentIndex(self.model.index(0))

    def _label_new_button(self, text: str) -> None:
        text = text.strip()
        self.new_button.setText(self.tr("New client “{name}” (Ctrl+N)").format(name=text[:30])
                                if text else self.tr("New client (Ctrl+N)"))

    def focus_search(self, select_all: bool = True) -> None:
        self.box.setFocus()
        if select_all:
            self.box.selectAll()

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.box and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown) and self.model.rowCount():
                self._flush()
                self.list.setFocus()
                if not self.list.currentIndex().isValid():
                    self.list.setCurrentIndex(self.model.index(0))
                return True
        if (obj is self.list and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Up and self.list.currentIndex().row() <= 0):
            self.box.setFocus()  # Up from the first row goes back to the box
            return True
        return super().eventFilter(obj, event)

    def _flush(self) -> None:
        if self._timer.isActive():
            self.refresh()

    def _open_first(self) -> None:
        self._flush()
        index = self.list.currentIndex()
        client_id = self.model.client_id(index.row() if index.isValid() else 0)
        if client_id is not None:
            self.open_client.emit(client_id)

    def _open_index(self, index: QModelIndex) -> None:
        client_id = self.model.client_id(index.row())
        if client_id is not None:
            self.open_client.emit(client_id)

    def wipe(self) -> None:
        """Forget the typed text and the results (on lock)."""
        for widget in (self.box, self.legal):
            widget.blockSignals(True)
        self.box.clear()
        self.legal.setChecked(False)
        for widget in (self.box, self.legal):
            widget.blockSignals(False)
        self._timer.stop()
        self.model.clear()
