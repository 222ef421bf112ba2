"""The main window: a toolbar and menus of actions (each on a keyboard shortcut), the shift
bar, and a page area. The home page finds a client; other pages are pushed on top with
`show_page` and popped when they emit `saved`, `cancelled` or `back`.

The window holds client data only in its pages; `teardown()` destroys them all (on lock).
"""
from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QApplication, QDialog, QMainWindow, QSizePolicy, QStackedWidget,
                               QVBoxLayout, QWidget)

from records import printing
from records import staff as staff_ops
from records.errors import ClinicError
from records.printing import PrintJob
from ui import forms, prefs, screenfit, theme
from ui.changes import Changes
from ui.client_page import ClientPage
from ui.client_register import ClientRegister
from ui.client_search import ClientSearch
from ui.shift_bar import ShiftBar
from ui.unlock import APP_TITLE

# name -> (menu text, shortcut, menu). Listed in the F1 help (ui.shortcuts_help) in this order.
ACTIONS = {
    "find": ("&Find a client", "Ctrl+F", "Client"),
    "new_client": ("&New client", "Ctrl+N", "Client"),
    "visit": ("Record &visit", "Ctrl+R", "Client"),
    "quick_contact": ("&Quick contact", "Ctrl+K", "Client"),
    "referral": ("&Referral", "Ctrl+Shift+R", "Client"),
    "incident": ("&Incident report", "Ctrl+I", "Client"),
    "history": ("&History / correct", "Ctrl+H", "Client"),
    "print": ("&Print...", "Ctrl+P", "Client"),
    "incidents": ("Incident re&ports (search)", "Ctrl+Shift+I", "Clinic"),
    "shift": ("Start / end &shift", "Ctrl+Shift+S", "Clinic"),
    "directory": ("Service &directory", "Ctrl+Shift+D", "Clinic"),
    "staff": ("S&taff", "Ctrl+Shift+T", "Clinic"),
    "settings": ("Se&ttings", "Ctrl+,", "Clinic"),
    "export": ("Weekly &export", "Ctrl+Shift+E", "Clinic"),
    "alert_sheet": ("Safety &alert sheet", "Ctrl+Shift+A", "Clinic"),
    "print_queue": ("Print-later &queue", "Ctrl+Shift+Q", "Clinic"),
    "lock": ("&Lock", "Ctrl+L", "Clinic"),
    "quit": ("Lock and &quit", "Ctrl+Q", "Clinic"),
    "night": ("&Night theme", "Ctrl+Shift+N", "View"),
    "shortcuts": ("&Keyboard shortcuts", "F1", "Help"),
}
TOOLBAR = ("find", "new_client", "visit", "quick_contact", "referral", "incident", None,
           "export", "night", "lock")
NIGHT_PREF = "night_theme"


class MainWindow(QMainWindow):
    lock_requested = Signal()
    quit_requested = Signal()

    def __init__(self, vault, runner=None, parent=None):
        super().__init__(parent)
        self.vault = vault
        self.runner = runner
        self.changes = Changes(vault, self)
        self.export_dialog = None
        self.setWindowTitle(f"{APP_TITLE} - {vault.settings.van_name}")
        self.setMinimumSize(1024, 600)
        screenfit.place_main(self, prefs.geometry("main"))

        self.stack = QStackedWidget()
        self._browsers: list[QWidget] = []  # pages a form may open on top of
        if vault.is_police_liaison:  # sees only what was shared with the police liaison
            self.search = None
            self.home = forms.create("incidents", vault)
        else:
            self.search = self.home = ClientSearch(vault)
            self.search.open_client.connect(self.open_client)
            self.search.new_client.connect(self.new_client)
            self.search.anonymous_contact.connect(
                lambda: self.open_form("quick_contact", client_id=None))
        self.stack.addWidget(self.home)
        self._browsers.append(self.home)
        self.shift_bar = ShiftBar(vault, self.changes)
        self.shift_bar.message.connect(self.say)

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(8, 4, 8, 8)
        layout.addWidget(self.shift_bar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.actions_by_name: dict[str, QAction] = {}
        self._build_actions()
        self.statusBar()
        self._focus_home()
        QApplication.instance().focusWindowChanged.connect(self._lock_reaches_dialogs)

    # --- actions ----------------------------------------------------------------------
    def _build_actions(self) -> None:
        handlers: dict[str, Callable[[], None]] = {
            "find": self.go_home, "new_client": lambda: self.new_client(""),
            "visit": lambda: self._client_form("visit"),
            "quick_contact": lambda: self._client_form("quick_contact"),
            "referral": lambda: self._client_form("referral", required=True),
            "incident": lambda: self._client_form("incident"),
            "history": self._history, "shift": self.shift_bar.toggle,
            "incidents": self.open_incidents,
            "directory": lambda: self.open_form("directory"),
            "staff": lambda: self.open_form("staff"),
            "settings": lambda: self.open_form("settings", run=self.runner and self.runner.run),
            "export": self.open_export, "lock": self.lock_requested.emit,
            "print": self.print_for_client, "alert_sheet": self.print_alert_sheet,
            "print_queue": self.open_print_queue,
            "quit": self.quit_requested.emit, "night": self.toggle_night,
            "shortcuts": self.show_shortcuts,
        }
        menus = {}
        for name, (text, shortcut, menu) in ACTIONS.items():
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            if name == "lock":  # works whatever window or dialog of the app has focus
                action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            action.setToolTip(f"{text.replace('&', '')} ({shortcut})")
            action.triggered.connect(handlers[name])
            if menu not in menus:
                menus[menu] = self.menuBar().addMenu(f"&{menu}")
            menus[menu].addAction(action)
            self.actions_by_name[name] = action
        if self.vault.is_police_liaison:
            for name in ("new_client", "visit", "quick_contact", "referral", "incident", "history",
                         "print", "alert_sheet"):
                self.actions_by_name[name].setEnabled(False)
        night = self.actions_by_name["night"]
        night.setCheckable(True)
        night.setChecked(theme.is_night())
        toolbar = self.addToolBar("Actions")
        toolbar.setObjectName("actions")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for name in TOOLBAR:
            if name is None:
                spacer = QWidget()
                spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
                toolbar.addWidget(spacer)
            else:
                toolbar.addAction(self.actions_by_name[name])

    def _lock_reaches_dialogs(self) -> None:
        """A modal dialog (export, print preview, a message box) blocks this window's
        shortcuts, Ctrl+L included: give the lock action to whichever window of the app
        becomes active, so one keystroke still locks."""
        window = QApplication.activeWindow()
        lock = self.actions_by_name["lock"]
        if window is not None and window is not self and lock not in window.actions():
            window.addAction(lock)

    def say(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    # --- pages ------------------------------------------------------------------------
    def current_page(self) -> QWidget:
        return self.stack.currentWidget()

    def show_page(self, widget: QWidget, on_saved: Callable[[object], None] | None = None) -> None:
        """Push a page; it is popped (and destroyed) when it emits saved, cancelled or back.
        `on_saved(value)` then runs with what the form saved."""
        self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)
        self._sync_print_action()
        if hasattr(widget, "saved"):
            widget.saved.connect(lambda value: (self.say(forms.saved_message(widget, value)),
                                                self._page_done(widget, value, on_saved)))
        for name in ("cancelled", "back"):
            if hasattr(widget, name):
                getattr(widget, name).connect(lambda: self._page_done(widget))
        widget.setFocus()
        first = widget.focusWidget() or widget.nextInFocusChain()
        if first is not None and widget.isAncestorOf(first):
            first.setFocus()

    def _page_done(self, widget: QWidget, value=None, on_saved=None) -> None:
        if self.stack.indexOf(widget) < 0:
            return
        self.stack.removeWidget(widget)
        if widget in self._browsers:
            self._browsers.remove(widget)
        widget.deleteLater()
        self.stack.setCurrentIndex(self.stack.count() - 1)
        self._sync_print_action()
        if self.current_page() is self.home:
            self._focus_home(refresh=True)
        else:
            self.current_page().setFocus()
        if on_saved is not None:
            on_saved(value)

    def _pop_to_home(self) -> None:
        while self.stack.count() > 1:
            widget = self.stack.widget(self.stack.count() - 1)
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.stack.setCurrentWidget(self.home)
        self._browsers[1:] = []
        self._sync_print_action()

    def _form_open(self) -> bool:
        """True (and a hint) when a form is being filled in: finish or cancel it first."""
        page = self.current_page()
        if page in self._browsers:
            return False
        self.say("Finish this form first: Ctrl+S saves, Esc cancels.")
        return True

    def go_home(self) -> None:
        if self._form_open():
            return
        self._pop_to_home()
        self._focus_home()

    def _focus_home(self, refresh: bool = False) -> None:
        if self.search is None:
            self.home.setFocus()
            return
        if refresh:
            self.search.refresh()
        self.search.focus_search()

    def client_page(self) -> ClientPage | None:
        page = self.current_page()
        return page if isinstance(page, ClientPage) else None

    def open_client(self, client_id: int) -> None:
        self._pop_to_home()
        page = ClientPage(self.vault, client_id, self.changes)
        page.action.connect(lambda name, context: self.print_for_client() if name == "print"
                            else self.open_form(name, **context))
        self._browsers.append(page)
        self.show_page(page)

    def new_client(self, name: str = "") -> None:
        if self._form_open():
            return
        if not name and self.search is not None and self.current_page() is self.search:
            name = self.search.box.text().strip()
        form = ClientRegister(self.vault, name=name)
        form.open_existing.connect(lambda client_id: (self._page_done(form),
                                                      self.open_client(client_id)))
        self.show_page(form, on_saved=lambda client: self.open_client(client.id))

    def open_form(self, name: str, **context) -> None:
        if self._form_open():
            return
        try:
            widget = forms.create(name, self.vault, **context)
        except Exception as exc:  # a form that refuses this account or context
            self.say(f"Cannot open {forms.TITLES[name].lower()}: {exc}")
            return
        self._show_form(widget)

    def _show_form(self, widget: QWidget, on_saved=None) -> None:
        if hasattr(widget, "print_requested"):  # "Save and print" on a referral
            widget.print_requested.connect(
                lambda referral: self.preview(PrintJob("referral", referral.id, "service")))
        if hasattr(widget, "refer_requested"):  # "Save and refer" on a new visit
            widget.refer_requested.connect(lambda visit: self._refer_with_visit(widget, visit))
        self.show_page(widget, on_saved)

    def _refer_with_visit(self, visit_form: QWidget, visit: dict) -> None:
        """The referral form over the visit form: saving it saves both and closes both;
        Esc goes back to the visit form as it was left."""
        form = forms.create("referral", self.vault, client_id=visit_form.client_id, visit=visit)
        self._show_form(form, on_saved=lambda _referral: self._page_done(visit_form))

    def _client_form(self, name: str, required: bool = False) -> None:
        page = self.client_page()
        if page is None and required:
            if not self._form_open():
                self.say("Open a client first (Ctrl+F finds one).")
            return
        self.open_form(name, client_id=page.client_id if page else None)

    def _history(self) -> None:
        page = self.client_page()
        if page is None:
            self.say("Open a client first (Ctrl+F finds one).")
            return
        page.request("history")

    def open_incidents(self) -> None:
        if self.search is None:  # the police liaison's home page already is the list
            self.go_home()
            return
        if self._form_open():
            return
        self._pop_to_home()
        page = forms.create("incidents", self.vault)
        if hasattr(page, "open_requested"):
            page.open_requested.connect(lambda i: self.open_form("incident", incident_id=i))
        self._browsers.append(page)
        self.show_page(page)

    # --- printing ---------------------------------------------------------------------
    def _sync_print_action(self) -> None:
        """Ctrl+P prints from the search and client pages; inside a form (the referral
        form's "Save and print") the form owns the key, so the window's action steps back.
        So does Ctrl+Shift+R in a form that refers by itself (a new visit's "Save and refer")."""
        if not self.vault.is_police_liaison:
            page = self.current_page()
            self.actions_by_name["print"].setEnabled(page in self._browsers)
            self.actions_by_name["referral"].setEnabled(not getattr(page, "can_refer", False))

    def print_for_client(self) -> None:
        """The selected visit's summary or referral's letter; otherwise the client's latest
        referral, or latest visit."""
        page = self.client_page()
        if page is None:
            self.say("Open a client first (Ctrl+F finds one).")
            return
        entity, entity_id = page.selected() or ("", None)
        if entity == "visit":
            job = PrintJob("visit", entity_id, "client")
        elif entity == "referral":
            job = PrintJob("referral", entity_id, "service")
        else:
            try:
                job = PrintJob("referral", printing.latest_referral(self.vault, page.client_id).id,
                               "service")
            except ClinicError:
                try:
                    job = PrintJob("visit", printing.latest_visit(self.vault, page.client_id).id,
                                   "client")
                except ClinicError:
                    self.say("Nothing to print yet: this client has no referral and no visit.")
                    return
        self.preview(job)

    def print_alert_sheet(self) -> None:
        first, last = printing.last_days(self.vault)
        self.preview(PrintJob("alert_sheet", date_from=first, date_to=last))

    def preview(self, job: PrintJob) -> None:
        """The print preview (copy and language can be switched there)."""
        from ui.print_preview import PrintPreview
        try:
            dialog = self.print_dialog = PrintPreview(self.vault, job, parent=self)
        except ClinicError as exc:
            self.say(f"Cannot print: {exc}")
            return
        dialog.accepted.connect(lambda: self.say(dialog.outcome))
        dialog.open()

    def open_print_queue(self) -> None:
        from ui.print_queue import PrintQueue
        self.print_queue = PrintQueue(self.vault, self)
        self.print_queue.open()

    # --- the rest ---------------------------------------------------------------------
    def open_export(self) -> None:
        """The export dialog comes from its own module, imported only when asked for."""
        from ui.export_dialog import ExportDialog
        run = self.runner.run if self.runner is not None else None  # queue behind other work
        self.export_dialog = ExportDialog(self.vault, parent=self, run=run)
        self.export_dialog.open()

    def toggle_night(self) -> None:
        night = not theme.is_night()
        theme.apply(QApplication.instance(), night)
        self.actions_by_name["night"].setChecked(night)
        staff_ops.set_pref(self.vault, NIGHT_PREF, night)

    def show_shortcuts(self) -> None:
        from ui.shortcuts_help import ShortcutsDialog
        menus = {menu.text().replace("&", ""): menu.menu().actions()
                 for menu in self.menuBar().actions()}
        self.shortcuts_dialog = ShortcutsDialog(menus, self)
        self.shortcuts_dialog.open()

    def teardown(self) -> None:
        """Destroy every page holding client data (on lock); the window goes with it.
        A running export is cancelled; the vault is closed afterwards on the runner."""
        self.changes.detach()
        QApplication.instance().focusWindowChanged.disconnect(self._lock_reaches_dialogs)
        if self.export_dialog is not None and shiboken6.isValid(self.export_dialog):
            self.export_dialog.cancel()
        prefs.save_geometry("main", self.saveGeometry())
        self._pop_to_home()
        if self.search is not None:
            self.search.wipe()
        for child in self.findChildren(QDialog):
            child.reject()
            child.deleteLater()
        self.hide()
        self.deleteLater()
