"""Visit summaries: a plain-language copy for the client, or the clinical copy for the record.

Client copy: what was done today (neutral labels unless the topic is in `disclose`; test
results only for disclosed topics), what to do next (the follow-up when it is clean, otherwise
a neutral sentence), where each referral is and its hours (by its name on paper), the staff
contact and when and where the van is next. The visit's reason and note never appear on it.

Clinical copy: everything recorded, with the real labels, note included.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Literal

from reportlab.platypus import Flowable, Spacer

from records import vocab
from records.models import Client, DirectoryEntry, Referral, Settings, Staff, Visit
from reports import blocks, page
from reports.neutral import Guard
from reports.text import date_time, long_date, pair, t


def visit_summary(visit: Visit, client: Client | None, staff: Staff, settings: Settings, *,
                  copy: Literal["client", "clinical"], language: str = "en",
                  referrals: Sequence[tuple[Referral, DirectoryEntry]] = (),
                  disclose: frozenset[str] = frozenset(), today: date | None = None) -> bytes:
    """The visit summary as PDF bytes. `client` is None for an anonymous contact."""
    if copy not in ("client", "clinical"):
        raise ValueError(f"copy: expected 'client' or 'clinical', got {copy!r}")
    lang = language
    today = today or blocks.today_in_clinic(settings)
    guard = Guard(frozenset(disclose), active=copy == "client")
    referrals = [(r, e) for r, e in referrals if not r.voided]
    if guard.active:
        story = _client_copy(visit, client, staff, settings, guard, lang, referrals)
        title, footer = t("summary_client_title", lang), t("copy_client", lang)
    else:
        story = _clinical_copy(visit, client, staff, settings, guard, lang, referrals)
        title = t("summary_clinical_title", lang)
        footer = f"{t('confidential', lang)} · {long_date(today, lang)}"
    name = blocks.clinic_name(settings, guard, lang)
    return page.render(story, paper_size=settings.paper_size, lang=lang,
                       title=t("summary_meta", lang), author=name,
                       subject=t("summary_meta", lang), running_header=f"{name} · {title}",
                       footer_note=footer)


def _client_copy(visit, client, staff, settings, guard, lang, referrals) -> list[Flowable]:
    disclose = guard.disclose
    day = long_date(blocks.local(visit.occurred_at, settings).date(), lang)
    story = blocks.header(settings, guard, lang, t("summary_client_title", lang),
                          [t("copy_client", lang), day])
    if client is not None:
        name = guard.keep(client.name) or guard.keep(client.uic)
        if name.strip():
            story.append(page.fields([(t("for", lang), name)]))

    # Neutral labels repeat (four tests are four "Lab test"): print each once, with a count.
    counts: Counter[str] = Counter()
    for item in visit.services:
        text = vocab.client_label("service", item.kind, disclose, lang)
        if item.result and vocab.topic_of("service", item.kind) in (None, *disclose):
            text = pair(text, vocab.label("test_result", item.result, lang).lower(), lang)
        counts[text] += 1
    done = [t("times", lang, label=text, count=count) if count > 1 else text
            for text, count in counts.items()]
    handed: Counter[str] = Counter()
    for code, quantity in visit.supplies.items():
        if quantity:
            handed[vocab.client_label("supply", code, disclose, lang)] += quantity
    done += [pair(label, quantity, lang) for label, quantity in handed.items()]
    if visit.needles_returned and "substance_use" in disclose:
        done.append(pair(t("needles_returned", lang), visit.needles_returned, lang))
    story += page.heading(t("done_today", lang))
    story += page.items(done) if done else [page.para(t("talked_only", lang))]

    if visit.follow_up.strip():
        story += page.heading(t("next_steps", lang))
        story.append(page.para(guard.keep(visit.follow_up, t("next_neutral", lang))))
    if referrals:
        story += page.heading(t("your_referrals", lang))
        for referral, entry in referrals:
            rows = blocks.destination_rows(entry, guard, lang, full=False)
            rows.append((t("how_soon", lang), vocab.label("urgency", referral.urgency, lang)))
            story += [page.keep([page.fields(rows), Spacer(0, 6)])]
    story += blocks.contact(staff, guard, lang)
    story += blocks.schedule(settings, guard, lang)
    return story


def _clinical_copy(visit, client, staff, settings, guard, lang, referrals) -> list[Flowable]:
    when = blocks.local(visit.occurred_at, settings)
    subtitle = [t("copy_clinical", lang), date_time(when, lang)]
    if visit.version > 1:
        subtitle.append(t("corrected", lang, n=visit.version))
    story = blocks.header(settings, guard, lang, t("summary_clinical_title", lang), subtitle)

    if client is None:
        who = t("anonymous", lang)
    else:
        who = client.name + (f" · {t('client_code', lang)} {client.uic}" if client.uic else "")
    rows = [(t("client", lang), who),
            (t("when", lang), date_time(when, lang, weekday=True)),
            (t("site", lang), visit.site),
            (t("staff", lang), f"{staff.name}, {vocab.label('role', staff.role, lang)}"),
            (t("visit_reason", lang), visit.reason)]
    story.append(page.fields([(label, value) for label, value in rows if value.strip()]))

    services = []
    for item in visit.services:
        text = vocab.label("service", item.kind, lang)
        if item.result:
            text = pair(text, vocab.label("test_result", item.result, lang).lower(), lang)
        services.append(text)
    if services:
        story += page.heading(t("services", lang)) + page.items(services)

    supplies = [pair(vocab.label("supply", code, lang), quantity, lang)
                for code, quantity in visit.supplies.items() if quantity]
    if visit.needles_returned:
        supplies.append(pair(t("needles_returned", lang), visit.needles_returned, lang))
    if visit.secondary:
        supplies.append(pair(t("secondary", lang), t("yes", lang).lower(), lang))
    if visit.overdose_reversals:
        supplies.append(pair(t("reversals", lang), visit.overdose_reversals, lang))
    if supplies:
        story += page.heading(t("supplies", lang)) + page.items(supplies)

    for key, value in (("follow_up", visit.follow_up), ("note", visit.note)):
        if value.strip():
            story += page.heading(t(key, lang)) + [page.para(value)]

    if referrals:
        story += page.heading(t("referrals", lang))
        for referral, entry in referrals:
            status = vocab.label("referral_status", referral.status, lang)
            if referral.status_date:
                status += f", {long_date(referral.status_date, lang)}"
            story += [page.keep([page.fields([
                (t("to", lang), f"{entry.name} ({vocab.label('directory_kind', entry.kind, lang)})"),
                (t("urgency", lang), vocab.label("urgency", referral.urgency, lang)),
                (t("status", lang), status),
            ]), Spacer(0, 6)])]
    return story
