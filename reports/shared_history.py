"""The "shared history" part of a referral letter: exactly the topics the client ticked.

- clinical_history: active problems, medications, allergies, and recent results and services
  that belong to no other topic;
- hiv_sti_hep: recent HIV, STI and hepatitis C tests with their results;
- the other topics: a line saying the client chose to share it, and related recent services.

It says only what was shared, never that nothing exists: clinical history lists recent results
only when some belong to it (a result of an unticked topic is held back, so "none on record"
would be false, and "held back" would give it away); the HIV, STI and hepatitis topic lists
every result of its own, so "none on record" is true there.

A free-text field (problems, medications, allergies) that mentions a topic the client did not
tick is left out with a note, on every copy: ticking "clinical history" does not share an HIV
status written in the problem list. The client's copy speaks to the client ("you chose").
"""
from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date

from reportlab.platypus import Flowable, Paragraph

from records import vocab
from records.models import TOPICS, Client, ServiceItem
from reports import page
from reports.neutral import find_forbidden
from reports.text import long_date, pair, t


def _item_line(day: date, item: ServiceItem, disclose: Collection[str], lang: str) -> str:
    text = pair(long_date(day, lang), vocab.client_label("service", item.kind, disclose, lang),
                lang)
    if item.result:
        text += f", {vocab.label('test_result', item.result, lang).lower()}"
    return text


def _recent(recent: Sequence[tuple[date, ServiceItem]], topics: set[str | None],
            disclose: Collection[str], lang: str) -> list[str]:
    chosen = [(d, i) for d, i in recent if vocab.topic_of("service", i.kind) in topics]
    chosen.sort(key=lambda pair: pair[0], reverse=True)
    return [_item_line(d, i, disclose, lang) for d, i in chosen]


def _free_text(value: str, disclose: Collection[str], lang: str, to_client: bool) -> str:
    if not value.strip():
        return t("none_recorded", lang)
    if find_forbidden(value, disclose):
        return t("withheld_client" if to_client else "withheld", lang)
    return value


def shared_history(client: Client | None, disclose: Collection[str],
                   recent: Sequence[tuple[date, ServiceItem]], lang: str, *,
                   to_client: bool = False) -> list[Flowable]:
    """Flowables for each ticked topic, in the fixed topic order; [] when none is ticked.
    `to_client`: worded for the client's own copy."""
    story: list[Flowable] = []
    for topic in (topic for topic in TOPICS if topic in disclose):
        story.append(Paragraph(page.markup(vocab.label("topic", topic, lang)),
                               page.styles()["card"]))
        if topic == "clinical_history":
            if client is not None:
                story.append(page.fields([
                    (t(key, lang), _free_text(getattr(client, key), disclose, lang, to_client))
                    for key in ("problems", "medications", "allergies")
                ]))
            lines = _recent(recent, {topic, None}, disclose, lang)
            if not lines:
                continue
            label = t("recent_results", lang)
        elif topic == "hiv_sti_hep":
            lines = _recent(recent, {topic}, disclose, lang) or [t("no_recent", lang)]
            label = t("recent_results", lang)
        else:
            story.append(page.para(t("topic_shared_client" if to_client else "topic_shared",
                                     lang)))
            lines = _recent(recent, {topic}, disclose, lang)
            if not lines:
                continue
            label = t("recent_services", lang)
        story.append(page.fields([(label, "\n".join(lines))]))
    return story
