"""Pieces several documents print the same way: the letterhead, the van's schedule, the staff
contact, a destination's details, the clinic's local time. Each takes the document's Guard, so
on a client copy program wording and typed text pass the forbidden-word check or stay off.

Nothing prints twice: a letterhead line that only repeats the clinic's name is left out (the
setup asks for "name, address, phone"), and so is the name or role a staff member typed at
the start of their contact line ("Nora, RN - 514-555-0100" prints "514-555-0100" under
"Nora Tremblay, Nurse"), which is labelled Phone when a phone number is all that is left."""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime

from reportlab.platypus import Flowable

from records import clock, vocab
from records.models import LANGUAGES, DirectoryEntry, Settings, Staff
from reports import page
from reports.neutral import Guard
from reports.text import t

# Credentials staff put after their name ("Nora, RN"); with the name and the role label, a
# leading part of the contact line made only of these repeats what the letter already says.
_CREDENTIALS = frozenset({"rn", "rpn", "np", "lpn", "bscn", "bsn", "msw", "rsw", "md", "inf",
                          "nurse", "infirmière", "infirmier"})
_SEPARATOR = re.compile(r"\s*[,;]\s*|\s+[-–—|·/]\s+")
_PHONE = re.compile(r"^\+?[\d\s().\-]{7,}(?:\s*(?:ext\.?|x|poste)\s*\d+)?$", re.IGNORECASE)


def local(moment: datetime, settings: Settings) -> datetime:
    return moment.astimezone(clock.zone(settings.timezone))


def today_in_clinic(settings: Settings) -> date:
    """Today in the clinic's zone: the date letters carry, and the print job's title."""
    return clock.local_date(clock.now_utc(), settings.timezone)


def _words(text: str) -> set[str]:
    return {word.casefold() for word in re.findall(r"[^\W\d_]+", text)}


def _folded(text: str) -> str:
    return " ".join(text.casefold().split())


def repeats_name(line: str, name: str) -> bool:
    """True when a letterhead line is the clinic's name or its beginning
    ("Night Van Outreach" under "Night Van Outreach (demo)")."""
    line, name = _folded(line), _folded(name)
    return bool(line) and name.startswith(line) and not name[len(line):len(line) + 1].isalnum()


def contact_line(staff: Staff) -> str:
    """The contact line without a leading part that only repeats the staff member's name,
    role or credentials; "" when nothing else is left."""
    line = staff.contact_line.strip()
    known = _words(staff.name) | _CREDENTIALS
    for lang in LANGUAGES:
        known |= _words(vocab.label("role", staff.role, lang))
    starts, ends = [0], []
    for separator in _SEPARATOR.finditer(line):
        ends.append(separator.start())
        starts.append(separator.end())
    ends.append(len(line))
    for start, end in zip(starts, ends):
        part, words = line[start:end], _words(line[start:end])
        if not words or not words <= known or any(c.isdigit() for c in part):
            return line[start:]
    return ""


def contact_row(line: str, lang: str) -> tuple[str, str]:
    """The contact line with its label: Phone for a phone number alone, else Contact."""
    return t("phone" if _PHONE.match(line) else "contact", lang), line


def clinic_name(settings: Settings, guard: Guard, lang: str) -> str:
    """The clinic's name, or a neutral stand-in when it would give a topic away."""
    return guard.keep(settings.clinic_name, t("neutral_clinic", lang)) or t("neutral_clinic", lang)


def header(settings: Settings, guard: Guard, lang: str, title: str,
           subtitle: Sequence[str]) -> list[Flowable]:
    name = clinic_name(settings, guard, lang)
    lines = [line for line in settings.letterhead
             if guard.ok(line) and not repeats_name(line, name)]
    return page.letterhead(name, lines, title, subtitle)


def schedule(settings: Settings, guard: Guard, lang: str) -> list[Flowable]:
    entries = [(e.when, e.site) for e in settings.schedule if guard.ok(f"{e.when} {e.site}")]
    if not entries:
        return []
    return page.heading(t("schedule", lang)) + [page.fields(entries)]


def contact(staff: Staff, guard: Guard, lang: str) -> list[Flowable]:
    """Who to talk to: the staff member's name and contact line, and an open invitation."""
    name = guard.keep(staff.name, vocab.client_label("role", staff.role, guard.disclose, lang))
    story = page.heading(t("your_contact", lang)) + [page.para(name, "card")]
    line = guard.keep(contact_line(staff))
    if line:
        story.append(page.fields([contact_row(line, lang)]))
    return story + [page.para(t("questions", lang))]


def destination_rows(entry: DirectoryEntry, guard: Guard, lang: str,
                     full: bool) -> list[tuple[str, str]]:
    """Name, (kind,) address, phone, hours. `full` (service copies) uses the real name and
    the kind; a client copy uses the name on paper."""
    if full:
        rows = [(t("to", lang), entry.name),
                (t("service_kind", lang), vocab.label("directory_kind", entry.kind, lang))]
    else:
        neutral_kind = vocab.client_label("directory_kind", entry.kind, guard.disclose, lang)
        rows = [(t("service", lang), guard.keep(entry.name_on_paper, neutral_kind))]
    for key, value in (("address", entry.address), ("phone", entry.phone),
                       ("hours", entry.hours)):
        if value.strip() and guard.ok(value):
            rows.append((t(key, lang), value))
    return rows
