"""The safety alert sheet handed out from the van.

Only incidents the reporter agreed to put on the sheet (`consent_sheet`), not voided, that
happened in the period (dates in the clinic's local time, both ends included). Each one shows
when, where, the description of the person and the vehicle, the partial plate, the aggressor's
phone number and what happened: a bad-date sheet warns by what the man did, so the account is
printed as the nurse wrote it (the incident form says so, and asks for it without names).
Nothing that names the reporter is printed: no client, no staff member, no record dates; and
records.printing leaves the account off when it carries the linked reporter's name.

The sheet travels in pockets, so its title, letterhead and metadata are neutral.
"""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from reportlab.platypus import Flowable, Paragraph, Spacer

from records.models import Incident, Settings
from reports import blocks, page
from reports.neutral import Guard
from reports.text import date_time, long_date, t


def alert_sheet(incidents: Iterable[Incident], settings: Settings, *, date_from: date,
                date_to: date, language: str = "en") -> bytes:
    """The alert sheet as PDF bytes, newest incident first."""
    lang = language
    guard = Guard()
    shown = sorted(
        (i for i in incidents if i.consent_sheet and not i.voided
         and date_from <= blocks.local(i.occurred_at, settings).date() <= date_to),
        key=lambda i: i.occurred_at, reverse=True)
    period = t("alert_period", lang, start=long_date(date_from, lang),
               end=long_date(date_to, lang))
    story = blocks.header(settings, guard, lang, t("alert_title", lang), [])
    story += [page.para(period, "card"), page.para(t("alert_intro", lang)), Spacer(0, 6)]
    if not shown:
        story.append(page.para(t("alert_none", lang), "card"))
    width = page.frame_width(settings.paper_size)
    for incident in shown:
        story += [_card(incident, settings, lang, width), Spacer(0, 8)]
    name = blocks.clinic_name(settings, guard, lang)
    return page.render(story, paper_size=settings.paper_size, lang=lang,
                       title=t("alert_meta", lang), author=name, subject=t("alert_meta", lang),
                       running_header=f"{name} · {t('alert_title', lang)} · {period}",
                       footer_note=t("alert_footer", lang))


def _card(incident: Incident, settings: Settings, lang: str, width: float) -> Flowable:
    when = blocks.local(incident.occurred_at, settings)
    title = (f"{date_time(when, lang, weekday=True)}"
             f" · {incident.area.strip() or t('unknown_area', lang)}")
    rows = [(t("person", lang), incident.person_description),
            (t("vehicle", lang), incident.vehicle_description),
            (t("plate", lang), incident.plate_partial),
            (t("phone", lang), incident.phone),
            (t("what_happened", lang), incident.what_happened)]
    rows = [(label, value) for label, value in rows if value.strip()]
    body = [Paragraph(page.markup(title), page.styles()["card"])]
    if rows:
        body.append(page.fields(rows))
    return page.keep([page.boxed(body, width)])
