"""The main window: a toolbar and menus of actions (each on a keyboard shortcut), the shift
bar, and a page area (ui/form_host.py). The home page finds a client; other pages are pushed
on top and popped when they emit `saved`, `cancelled` or `back`.

The window holds client data only in its pages; `teardown()` keeps any unsaved form as an
encrypted draft, then destroys them all (on lock).
"""
from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
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
from ui.form_host import FormHost
from ui.shift_bar import ShiftBar
from ui.unlock import main_title

# name -> (menu text, shortcut, menu). Listed in the F1 help (ui.shortcuts_help) in this order.
# The texts are translated where shown (MainWindow context); QT_TRANSLATE_NOOP marks them.
ACTIONS = {
    "find": (QT_TRANSLATE_NOOP("MainWindow", "&Find a client"), "Ctrl+F", "Client"),
    "new_client": (QT_TRANSLATE_NOOP("MainWindow", "&New client"), "Ctrl+N", "Client"),
    "visit": (QT_TRANSLATE_NOOP("MainWindow", "Record &visit"), "Ctrl+R", "Client"),
    "quick_contact": (QT_TRANSLATE_NOOP("MainWindow", "&Quick contact"), "Ctrl+K", "Client"),
    "referral": (QT_TRANSLATE_NOOP("MainWindow", "&Referral"), "Ctrl+Shift+R", "Client"),
    "incident": (QT_TRANSLATE_NOOP("MainWindow", "&Incident report"), "Ctrl+I", "Client"),
    "history": (QT_TRANSLATE_NOOP("MainWindow", "&History / correct"), "Ctrl+H", "Client"),
    "print": (QT_TRANSLATE_NOOP("MainWindow", "&Print..."), "Ctrl+P", "Client"),
    "incidents": (QT_TRANSLATE_NOOP("MainWindow", "Incident re&ports (search)"),
                  "Ctrl+Shift+I", "Clinic"),
    "shift": (QT_TRANSLATE_NOOP("MainWindow", "Start / end &shift"), "Ctrl+Shift+S", "Clinic"),
    "directory": (QT_TRANSLATE_NOOP("MainWindow", "Service &directory"), "Ctrl+Shift+D",
                  "Clinic"),
    "staff": (QT_TRANSLATE_NOOP("MainWindow", "S&taff"), "Ctrl+Shift+T", "Clinic"),
    "settings": (QT_TRANSLATE_NOOP("MainWindow", "Se&ttings"), "Ctrl+,", "Clinic"),
    "export": (QT_TRANSLATE_NOOP("MainWindow", "Weekly &export"), "Ctrl+Shift+E", "Clinic"),
    "alert_sheet": (QT_TRANSLATE_NOOP("MainWindow", "Safety &alert sheet"), "Ctrl+Shift+A",
                    "Clinic"),
    "print_queue": (QT_TRANSLATE_NOOP("MainWindow", "Print-later &queue"), "Ctrl+Shift+Q",
                    "Clinic"),
    "lock": (QT_TRANSLATE_NOOP("MainWindow", "&Lock"), "Ctrl+L", "Clinic"),
    "quit": (QT_TRANSLATE_NOOP("MainWindow", "Lock and &quit"), "Ctrl+Q", "Clinic"),
    "night": (QT_TRANSLATE_NOOP("MainWindow", "&Night theme"), "Ctrl+Shift+N", "View"),
    "language": (QT_TRANSLATE_NOOP("MainWindow", "&Language..."), "Ctrl+Shift+G", "View"),
    "shortcuts": (QT_TRANSLATE_NOOP("MainWindow", "&Keyboard shortcuts"), "F1", "Help"),
}
# The menus, by the names ACTIONS uses.
MENUS = {"Client": QT_TRANSLATE_NOOP("MainWindow", "&Client"),
         "Clinic": QT_TRANSLATE_NOOP("MainWindow", "&Clinic"),
         "View": QT_TRANSLATE_NOOP("MainWindow", "&View"),
         "Help": QT_TRANSLATE_NOOP("MainWindow", "&Help")}
TOOLBAR = ("find", "new_client", "visit", "quick_contact", "referral", "incident", None,
           "export", "night", "lock")
NIGHT_PREF = "night_theme"


class MainWindow(QMainWindow):
    lock_requested = Signal()
    quit_requested = Signal()
    language_changed = Signal(str)  # the staff member's new language, to apply now (ui/app.py)

    def __init__(self, vault, parent=None):
        super().__init__(parent)
        self.vault = vault
        self.changes = Changes(vault, self)
        self.export_dialog = None
        self.setWindowTitle(main_title(vault.settings.van_name))
        self.setMinimumSize(1024, 600)
        screenfit.place_main(self, prefs.geometry("main"))

        self.stack = QStackedWidget()
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
        self.host = FormHost(self, self.stack, self.home)
        self.host.changed.connect(self._sync_print_action)
        self.host.home_again.connect(lambda: self._focus_home(refresh=True))
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
            "settings": lambda: self.open_form("settings"),
            "export": self.open_export, "lock": self.lock_requested.emit,
            "print": self.print_for_client, "alert_sheet": self.print_alert_sheet,
            "print_queue": self.open_print_queue,
            "quit": self.quit_requested.emit, "night": self.toggle_night,
            "shortcuts": self.show_shortcuts, "language": self.choose_language,
        }
        menus = {}
        for name, (source, shortcut, menu) in ACTIONS.items():
            text = self.tr(source)
            action = QAction(text, self)
            action.setShortcut(QKeySequence(shortcut))
            if name == "lock":  # works whatever window or dialog of the app has focus
                action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{text.replace('&', '')} ({keys})")
            action.triggered.connect(handlers[name])
            if menu not in menus:
                menus[menu] = self.menuBar().addMenu(self.tr(MENUS[menu]))
                menus[menu].setObjectName(menu)  # its name in MENUS, in any language
            menus[menu].addAction(action)
            self.actions_by_name[name] = action
        if self.vault.is_police_liaison:
            for name in ("new_client", "visit", "quick_contact", "referral", "incident", "history",
                         "print", "alert_sheet"):
                self.actions_by_name[name].setEnabled(False)
        night = self.actions_by_name["night"]
        night.setCheckable(True)
        night.setChecked(theme.is_night())
        toolbar = self.addToolBar(self.tr("Actions"))
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

    def no_client(self) -> str:
        return self.tr("Open a client first (Ctrl+F finds one).")

    # --- pages ------------------------------------------------------------------------
    def current_page(self) -> QWidget:
        return self.stack.currentWidget()

    def open_form(self, name: str, **context) -> None:
        self.host.open_form(name, **context)

    def offer_drafts(self) -> None:
        """After unlock: offer back a form left unsaved at the last lock."""
        self.host.offer_drafts()

    def go_home(self) -> None:
        if self.host.form_open():
            return
        self.host.pop_to_home()
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
        self.host.pop_to_home()
        page = ClientPage(self.vault, client_id, self.changes)
        page.action.connect(lambda name, context: self.print_for_client() if name == "print"
                            else self.open_form(name, **context))
        self.host.show_page(page, browser=True)

    def new_client(self, name: str = "") -> None:
        if self.host.form_open():
            return
        if not name and self.search is not None and self.current_page() is self.search:
            name = self.search.box.text().strip()
        form = ClientRegister(self.vault, name=name)
        form.open_existing.connect(lambda client_id: (self.host.page_done(form),
                                                      self.open_client(client_id)))
        self.host.show_page(form, on_saved=lambda client: self.open_client(client.id))

    def _client_form(self, name: str, required: bool = False) -> None:
        page = self.client_page()
        if page is None and required:
            if not self.host.form_open():
                self.say(self.no_client())
            return
        self.open_form(name, client_id=page.client_id if page else None)

    def _history(self) -> None:
        page = self.client_page()
        if page is None:
            self.say(self.no_client())
            return
        page.request("history")

    def open_incidents(self) -> None:
        if self.search is None:  # the police liaison's home page already is the list
            self.go_home()
            return
        if self.host.form_open():
            return
        self.host.pop_to_home()
        page = forms.create("incidents", self.vault)
        if hasattr(page, "open_requested"):
            page.open_requested.connect(lambda i: self.open_form("incident", incident_id=i))
        self.host.show_page(page, browser=True)

    # --- printing ---------------------------------------------------------------------
    def _sync_print_action(self) -> None:
        """Ctrl+P prints from the search and client pages; inside a form (the referral
        form's "Save and print") the form owns the key, so the window's action steps back.
        So does Ctrl+Shift+R in a form that refers by itself (a new visit's "Save and refer")."""
        if not self.vault.is_police_liaison:
            page = self.current_page()
            self.actions_by_name["print"].setEnabled(page in self.host.browsers)
            self.actions_by_name["referral"].setEnabled(not getattr(page, "can_refer", False))

    def print_for_client(self) -> None:
        """The selected visit's summary or referral's letter; otherwise the client's latest
        referral, or latest visit."""
        page = self.client_page()
        if page is None:
            self.say(self.no_client())
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
                    self.say(self.tr("Nothing to print yet: this client has no referral "
                                     "and no visit."))
                    return
        self.preview(job)

    def print_alert_sheet(self) -> None:
        first, last = printing.last_days(self.vault)
        self.preview(PrintJob("alert_sheet", date_from=first, date_to=last))

    def preview(self, job: PrintJob) -> None:
        """The print preview (copy and language can be switched there)."""
        from ui.print_preview import PrintPreview
        dialog = self.print_dialog = PrintPreview(self.vault, job, parent=self)
        dialog.unavailable.connect(
            lambda reason: self.say(self.tr("Cannot print: {reason}").format(reason=reason)))
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
        self.export_dialog = ExportDialog(self.vault, parent=self)
        self.export_dialog.open()

    def toggle_night(self) -> None:
        night = not theme.is_night()
        theme.apply(QApplication.instance(), night)
        self.actions_by_name["night"].setChecked(night)
        staff_ops.set_pref(self.vault, NIGHT_PREF, night)

    def choose_language(self) -> None:
        from ui.language_dialog import LanguageDialog
        self.language_dialog = LanguageDialog(self)
        self.language_dialog.open()

    def show_shortcuts(self) -> None:
        from ui.shortcuts_help import ShortcutsDialog
        menus = {item.menu().objectName(): item.menu().actions()
                 for item in self.menuBar().actions()}
        self.shortcuts_dialog = ShortcutsDialog(menus, self)
        self.shortcuts_dialog.open()

    def teardown(self) -> str:
        """Keep any unsaved form as a draft, then destroy every page holding client data
        (on lock); the window goes with it. A running export is cancelled; the vault is
        closed afterwards on the runner. Returns what the unlock window should say, if
        anything (a draft that could not be kept)."""
        notice = self.host.keep_drafts()
        self.changes.detach()
        QApplication.instance().focusWindowChanged.disconnect(self._lock_reaches_dialogs)
        if self.export_dialog is not None and shiboken6.isValid(self.export_dialog):
            self.export_dialog.cancel()
        prefs.save_geometry("main", self.saveGeometry())
        self.host.pop_to_home()
        if self.search is not None:
            self.search.wipe()
        for child in self.findChildren(QDialog):
            child.reject()
            child.deleteLater()
        self.hide()
        self.deleteLater()
        return notice
