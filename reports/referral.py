"""Referral letters: one copy for the receiving service, one for the client.

The service copy is the clinical letter: the destination's full details, the client's name as
they chose it for paper, a consent statement, reason, urgency, request, the history of exactly
the ticked topics, what the client was told, the referring staff member with a signature line,
and a reply / counter-referral section to fill in. The free-text notes appear only when the
nurse chose `include_notes`.

The client copy is a slip for a pocket, and what it prints follows one rule a nurse can predict:
- the reason and the request are never printed: they are written for the clinician and may
  carry words a word list cannot catch;
- "what the client was told" is printed when it carries no word of an unticked topic,
  otherwise a neutral sentence stands in its place;
- notes never appear;
- the destination appears by its name on paper (by a neutral kind of service if even that
  would give a topic away), with its address, phone and hours when those are clean;
- the client's name is left off if it would give a topic away (the UIC stands in if clean);
- letterhead lines, schedule entries and the clinic name follow the same check;
- the history of ticked topics is printed, so the client sees what the letter shares.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Literal

from reportlab.platypus import Flowable, Spacer

from records import vocab
from records.models import Client, DirectoryEntry, Referral, ServiceItem, Settings, Staff
from reports import blocks, page
from reports.shared_history import shared_history
from reports.neutral import Guard
from reports.text import long_date, t, topic_list


def paper_name(referral: Referral, client: Client) -> str:
    """The client's name as they chose it for paper (legal name falls back to the chosen
    name; a missing UIC prints as a dash rather than a name the client did not choose)."""
    if referral.name_on_paper == "legal":
        return client.legal_name.strip() or client.name
    if referral.name_on_paper == "uic":
        return client.uic.strip() or "—"
    return client.name


def referral_letter(referral: Referral, client: Client, destination: DirectoryEntry,
                    staff: Staff, settings: Settings, *,
                    copy: Literal["service", "client"], language: str = "en",
                    recent_tests: Sequence[tuple[date, ServiceItem]] = (),
                    today: date | None = None) -> bytes:
    """The referral letter as PDF bytes. `recent_tests` are (date, service) pairs from recent
    visits; only those of ticked topics are printed."""
    if copy not in ("service", "client"):
        raise ValueError(f"copy: expected 'service' or 'client', got {copy!r}")
    lang = language
    today = today or blocks.today_in_clinic(settings)
    guard = Guard(frozenset(referral.disclose), active=copy == "client")
    build = _client_copy if copy == "client" else _service_copy
    story = build(referral, client, destination, staff, settings, guard, lang,
                  recent_tests, today)
    return page.render(
        story, paper_size=settings.paper_size, lang=lang, title=t("referral_meta", lang),
        author=blocks.clinic_name(settings, guard, lang), subject=t("referral_subject", lang),
        running_header=f"{blocks.clinic_name(settings, guard, lang)} · "
                       f"{t('referral_client_title' if guard.active else 'referral_title', lang)}",
        footer_note=t("copy_client" if guard.active else "copy_service", lang),
    )


def _service_copy(referral, client, destination, staff, settings, guard, lang, recent,
                  today) -> list[Flowable]:
    name = paper_name(referral, client)
    disclose = referral.disclose
    story = blocks.header(settings, guard, lang, t("referral_title", lang),
                          [t("copy_service", lang), long_date(today, lang)])
    who = [(t("client_code" if referral.name_on_paper == "uic" else "regarding", lang), name)]
    if client.pronouns.strip():
        who.append((t("pronouns", lang), client.pronouns))
    who += [(t("referral_date", lang), long_date(blocks.local(referral.made_at, settings).date(),
                                                 lang)),
            (t("urgency", lang), vocab.label("urgency", referral.urgency, lang))]
    story += [page.fields(blocks.destination_rows(destination, guard, lang, full=True)),
              Spacer(0, 6), page.fields(who)]

    shown = [vocab.label("topic", topic, lang) for topic in vocab.CODES["topic"]
             if topic in disclose]
    who = t("the_client", lang) if name == "—" else name
    consent = (t("consent_topics", lang, name=who, topics=topic_list(shown, lang)) if shown
               else t("consent_none", lang, name=who))
    story += page.heading(t("consent", lang)) + [page.para(consent)]
    for key, value in (("reason", referral.reason), ("request", referral.request)):
        if value.strip():
            story += page.heading(t(key, lang)) + [page.para(value)]
    history = shared_history(client, disclose, recent, lang)
    if history:
        story += page.heading(t("history", lang)) + history
    if referral.client_told.strip():
        story += page.heading(t("told", lang)) + [page.para(referral.client_told)]
    if referral.include_notes and referral.notes.strip():
        story += page.heading(t("notes", lang)) + [page.para(referral.notes)]
    story += _signature(staff, lang, settings)
    story += _reply_section(staff, lang, settings)
    return story


def _signature(staff: Staff, lang: str, settings: Settings) -> list[Flowable]:
    width = page.frame_width(settings.paper_size)
    rows = [(t("name", lang), f"{staff.name}, {vocab.label('role', staff.role, lang)}")]
    line = blocks.contact_line(staff)
    if line:
        rows.append(blocks.contact_row(line, lang))
    return [page.keep(page.heading(t("referred_by", lang)) + [
        page.fields(rows), Spacer(0, 4),
        page.fill_in([(t("signature", lang), 1)], width * 0.7),
    ])]


def _reply_section(staff: Staff, lang: str, settings: Settings) -> list[Flowable]:
    inner = page.frame_width(settings.paper_size) - 20
    line = blocks.contact_line(staff)
    contact = f" ({line})" if line else ""
    body = [
        page.para(t("reply", lang), "card"),
        page.para(t("reply_intro", lang, name=staff.name, contact=contact), "small"),
        Spacer(0, 4),
        page.fields([(t("outcome", lang), t("reply_outcome", lang))]),
        page.fill_in([(t("seen_on", lang), 1), (t("seen_by", lang), 1),
                      (t("findings", lang), 3), (t("plan", lang), 3),
                      (t("follow_up_van", lang), 2), (t("signature_date", lang), 1)], inner),
    ]
    return [Spacer(0, 14), page.keep([page.boxed(body, inner + 20)])]


def _client_copy(referral, client, destination, staff, settings, guard, lang, recent,
                 today) -> list[Flowable]:
    disclose = referral.disclose
    story = blocks.header(settings, guard, lang, t("referral_client_title", lang),
                          [t("copy_client", lang), long_date(today, lang)])
    name = guard.keep(paper_name(referral, client)) or guard.keep(client.uic)
    if name.strip() and name != "—":
        story.append(page.fields([(t("for", lang), name)]))
    story += page.heading(t("where_to_go", lang))
    story.append(page.fields(blocks.destination_rows(destination, guard, lang, full=False) + [
        (t("referral_date", lang),
         long_date(blocks.local(referral.made_at, settings).date(), lang)),
        (t("how_soon", lang), vocab.label("urgency", referral.urgency, lang)),
    ]))
    if referral.client_told.strip():
        story += page.heading(t("talked", lang))
        story.append(page.para(guard.keep(referral.client_told, t("talked_neutral", lang))))

    shown = [vocab.label("topic", topic, lang) for topic in vocab.CODES["topic"]
             if topic in disclose]
    story += page.heading(t("letter_shares", lang))
    story.append(page.para(t("letter_shares_topics", lang, topics=topic_list(shown, lang))
                           if shown else t("letter_shares_none", lang)))
    story += shared_history(client, disclose, recent, lang, to_client=True)
    story += blocks.contact(staff, guard, lang)
    story += blocks.schedule(settings, guard, lang)
    return story
