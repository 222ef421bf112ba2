"""The main window's page area: forms pushed over the home page and the pages they were
opened from, popped when they emit `saved`, `cancelled` or `back`; and the forms left
unsaved at lock, kept as a draft (records.drafts) and offered back after the next unlock.

Locking never asks: every open form with changes is kept, in the order the forms were
stacked (a referral opened with "Save and refer" comes back over its visit). Right after
unlock the nurse is asked once: Restore (the default) opens the client and the forms again,
filled as they were; Discard deletes the draft; Later (Esc) keeps it for the next unlock.
"""
from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QStackedWidget, QWidget

from records import clients, drafts
from records.errors import ClinicError
from records.printing import PrintJob
from ui import forms
from ui.form_base import ask
from ui.i18n import error_text

# What a kept form is called in the question after unlock (never whose it is).
KEPT = {"visit": QT_TRANSLATE_NOOP("FormHost", "a visit"),
        "referral": QT_TRANSLATE_NOOP("FormHost", "a referral"),
        "incident": QT_TRANSLATE_NOOP("FormHost", "an incident report"),
        "quick_contact": QT_TRANSLATE_NOOP("FormHost", "a quick contact"),
        "new_client": QT_TRANSLATE_NOOP("FormHost", "a new client's details")}
A_FORM = QT_TRANSLATE_NOOP("FormHost", "a form")


class FormHost(QObject):
    """`changed` after every push and pop; `home_again` once the home page is back on top."""

    changed = Signal()
    home_again = Signal()

    def __init__(self, window, stack: QStackedWidget, home: QWidget):
        super().__init__(window)
        self.window = window
        self.vault = window.vault
        self.stack = stack
        self.home = home
        self.browsers: list[QWidget] = [home]  # pages a form may open on top of
        self.offer: QMessageBox | None = None

    # --- pages ------------------------------------------------------------------------
    def current(self) -> QWidget:
        return self.stack.currentWidget()

    def show_page(self, widget: QWidget, on_saved: Callable[[object], None] | None = None,
                  browser: bool = False) -> None:
        """Push a page, with the cursor in its first useful field (its focus proxy); it is
        popped (and destroyed) when it emits saved, cancelled or back. `on_saved(value)`
        then runs with what the form saved."""
        if browser:
            self.browsers.append(widget)
        self.stack.addWidget(widget)
        self.stack.setCurrentWidget(widget)
        self.changed.emit()
        if hasattr(widget, "saved"):
            widget.saved.connect(lambda value: (self.window.say(forms.saved_message(widget, value)),
                                                self.page_done(widget, value, on_saved)))
        for name in ("cancelled", "back"):
            if hasattr(widget, name):
                getattr(widget, name).connect(lambda: self.page_done(widget))
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if widget.focusProxy() is None:
            first = widget.nextInFocusChain()
            if widget.isAncestorOf(first):
                first.setFocus(Qt.FocusReason.TabFocusReason)

    def page_done(self, widget: QWidget, value=None, on_saved=None) -> None:
        if self.stack.indexOf(widget) < 0:
            return
        self.stack.removeWidget(widget)
        if widget in self.browsers:
            self.browsers.remove(widget)
        widget.deleteLater()
        self.stack.setCurrentIndex(self.stack.count() - 1)
        self.changed.emit()
        if self.current() is self.home:
            self.home_again.emit()
        else:
            self.current().setFocus()
        if on_saved is not None:
            on_saved(value)

    def pop_to_home(self) -> None:
        while self.stack.count() > 1:
            widget = self.stack.widget(self.stack.count() - 1)
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.stack.setCurrentWidget(self.home)
        self.browsers[1:] = []
        self.changed.emit()

    def form_open(self) -> bool:
        """True (and a hint) when a form is being filled in: finish or cancel it first."""
        if self.current() in self.browsers:
            return False
        self.window.say(self.tr("Finish this form first: Ctrl+S saves, Esc cancels."))
        return True

    def open_form(self, name: str, **context) -> QWidget | None:
        if self.form_open():
            return None
        try:
            widget = forms.create(name, self.vault, **context)
        except Exception as exc:  # a form that refuses this account or context
            self.window.say(self.tr("Cannot open {form}: {problem}").format(
                form=forms.title(name).lower(), problem=error_text(exc)))
            return None
        self.show_form(widget)
        return widget

    def show_form(self, widget: QWidget, on_saved=None) -> None:
        if hasattr(widget, "print_requested"):  # "Save and print" on a referral
            widget.print_requested.connect(
                lambda referral: self.window.preview(PrintJob("referral", referral.id, "service")))
        if hasattr(widget, "refer_requested"):  # "Save and refer" on a new visit
            widget.refer_requested.connect(lambda visit: self.refer_with_visit(widget, visit))
        self.show_page(widget, on_saved)

    def refer_with_visit(self, visit_form: QWidget, visit: dict) -> QWidget:
        """The referral form over the visit form: saving it saves both and closes both;
        Esc goes back to the visit form as it was left."""
        form = forms.create("referral", self.vault, client_id=visit_form.client_id, visit=visit)
        self.show_form(form, on_saved=lambda _referral: self.page_done(visit_form))
        return form

    # --- drafts -----------------------------------------------------------------------
    def changed_forms(self) -> list[QWidget]:
        """Open forms with changes, bottom first (a correction inside a history page too)."""
        found = []
        for index in range(self.stack.count()):
            page = self.stack.widget(index)
            form = page if getattr(page, "draft_name", "") else getattr(page, "form", None)
            if getattr(form, "draft_name", "") and form.has_changes():
                found.append(form)
        return found

    def keep_drafts(self) -> str:
        """At lock: keep the changed forms as one draft. Never fails the lock; returns what
        the unlock window should say if the draft could not be kept."""
        changed = self.changed_forms()
        if not changed:
            return ""
        client_id = next((f.client_id for f in changed if getattr(f, "client_id", None)), None)
        pages = [{"form": f.draft_name, "context": f.draft_context(), "fields": f.values()}
                 for f in changed]
        try:
            drafts.keep(self.vault, client_id, pages)
        except ClinicError as exc:
            return self.tr("Locked, but the unsaved form could not be kept: {problem}").format(
                problem=error_text(exc))
        except Exception as exc:  # noqa: BLE001 - the lock goes on whatever happens here
            return self.tr("Locked, but the unsaved form could not be kept ({error})").format(
                error=type(exc).__name__)
        return ""

    def offer_drafts(self) -> None:
        """Right after unlock: offer the newest kept draft back (the others wait)."""
        waiting = drafts.waiting(self.vault)
        if not waiting:
            return
        draft = waiting[-1]
        kept = [self.tr(KEPT.get(page["form"], A_FORM)) for page in draft.pages]
        what = kept[0]
        for more in kept[1:]:
            what = self.tr("{first} and {second}").format(first=what, second=more)
        role = QMessageBox.ButtonRole

        def answered(index: int) -> None:
            if index == 0:
                self.restore(draft.id)
            elif index == 1:
                drafts.discard(self.vault, draft.id)
                self.window.say(self.tr("The unsaved form was discarded."))

        question = self.tr("When the app locked, {what} had not been saved. It was kept, "
                           "encrypted in the vault. Open it again as it was?").format(what=what)
        if len(waiting) > 1:
            question += " " + self.tr("%n older kept form(s) will be offered after a later "
                                      "unlock.", "", len(waiting) - 1)
        self.offer = ask(self.window, self.tr("Unsaved form kept"), question,
                         ((self.tr("&Restore"), role.AcceptRole),
                          (self.tr("&Discard"), role.DestructiveRole),
                          (self.tr("&Later"), role.RejectRole)), default=0, escape=2,
                         on_answer=answered)
        self.offer.finished.connect(lambda: setattr(self, "offer", None))

    def restore(self, draft_id: int) -> None:
        """Open the draft's client and forms again, filled as they were; the draft is
        deleted (the forms hold it now; a lock keeps it again)."""
        if self.form_open():
            return
        draft = drafts.take(self.vault, draft_id)
        if draft.client_id is not None:
            try:
                clients.get(self.vault, draft.client_id)
            except ClinicError:
                self.window.say(self.tr("The unsaved form's client is no longer on record."))
                return
            self.window.open_client(draft.client_id)
        previous = None
        for page in draft.pages:
            context = dict(page["context"])
            if page["form"] == "new_client":
                self.window.new_client("")
                form = self.current()
            elif context.pop("with_visit", False) and previous is not None:
                form = self.refer_with_visit(previous, previous.values())
            else:
                if draft.client_id is not None:
                    context["client_id"] = draft.client_id
                form = self.open_form(page["form"], **context)
            if form is None or not hasattr(form, "fill"):
                return
            form.fill(page["fields"])
            previous = form
        self.window.say(self.tr("The unsaved form is back as it was."))
