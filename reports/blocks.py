"""Pieces several documents print the same way: the letterhead, the van's schedule, the staff
contact, a destination's details, the clinic's local time. Each takes the document's Guard, so
on a client copy program wording and typed text pass the forbidden-word check or stay off."""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from reportlab.platypus import Flowable

from records import vocab
from records.models import DirectoryEntry, Settings, Staff
from reports import page
from reports.neutral import Guard
from reports.text import t


def local(moment: datetime, settings: Settings) -> datetime:
    return moment.astimezone(ZoneInfo(settings.timezone))


def today_in_clinic(settings: Settings) -> date:
    return datetime.now(ZoneInfo(settings.timezone)).date()


def clinic_name(settings: Settings, guard: Guard, lang: str) -> str:
    """The clinic's name, or a neutral stand-in when it would give a topic away."""
    return guard.keep(settings.clinic_name, t("neutral_clinic", lang)) or t("neutral_clinic", lang)


def header(settings: Settings, guard: Guard, lang: str, title: str,
           subtitle: Sequence[str]) -> list[Flowable]:
    lines = [line for line in settings.letterhead if guard.ok(line)]
    return page.letterhead(clinic_name(settings, guard, lang), lines, title, subtitle)


def schedule(settings: Settings, guard: Guard, lang: str) -> list[Flowable]:
    entries = [(e.when, e.site) for e in settings.schedule if guard.ok(f"{e.when} {e.site}")]
    if not entries:
        return []
    return page.heading(t("schedule", lang)) + [page.fields(entries)]


def contact(staff: Staff, guard: Guard, lang: str) -> list[Flowable]:
    """Who to talk to: the staff member's name and contact line, and an open invitation."""
    name = guard.keep(staff.name, vocab.client_label("role", staff.role, guard.disclose, lang))
    story = page.heading(t("your_contact", lang)) + [page.para(name, "card")]
    line = guard.keep(staff.contact_line)
    if line.strip():
        story.append(page.para(line))
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
