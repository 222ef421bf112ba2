"""The sentences and headings of the printed documents, and dates written out in each
language. English is the source text here; other languages come from the gettext catalogs
(records.i18n, records/catalogs/), dates and numbers from Babel, never from the system locale.

Labels for codes live in `records.vocab`; this is the wording around them. Every phrase that
can reach a client copy is neutral: tests run the forbidden-word check on the documents.
"""
from __future__ import annotations

from datetime import date, datetime

from records.i18n import N_, long_date, number, time_of_day, translation

__all__ = ["date_time", "long_date", "pair", "t", "topic_list"]

_PHRASES: dict[str, str] = {
    # Page
    "page_n_of_m": N_("Page {n} of {m}"),
    "neutral_clinic": N_("Community health"),
    # Translators: the PDF's "creator" field, seen in a file's properties; names no service.
    "creator": N_("Clinic records"),
    # Translators: a label and its value ("Phone: 519-555-0142"); French puts a no-break
    # space before the colon.
    "pair": N_("{label}: {value}"),
    # Translators: between topics in a sentence ("mental health; clinical history").
    "topic_separator": N_("; "),
    # Translators: a date and a time of day ("November 25, 2025, 21:30").
    "date_time": N_("{date}, {time}"),
    # Translators: a service given several times today ("Lab test (×4)").
    "times": N_("{label} (×{count})"),
    # Referral letter
    "referral_meta": N_("Letter"),
    "referral_subject": N_("Referral"),
    "referral_title": N_("Referral letter"),
    "referral_client_title": N_("Your referral"),
    "copy_service": N_("Copy for the receiving service"),
    "copy_client": N_("Your copy"),
    "to": N_("To"),
    "service_kind": N_("Type of service"),
    "address": N_("Address"),
    "phone": N_("Phone"),
    "contact": N_("Contact"),
    "hours": N_("Hours"),
    "regarding": N_("Regarding"),
    "client_code": N_("Client code (UIC)"),
    "pronouns": N_("Pronouns"),
    "urgency": N_("Urgency"),
    "consent": N_("Consent"),
    "consent_none": N_(
        "{name} agreed to this referral. With their agreement this letter shares the reason "
        "and request below, and no other health history."),
    "consent_topics": N_(
        "{name} agreed to this referral and to sharing the following with your service: "
        "{topics}. Nothing else about them is shared in this letter."),
    "the_client": N_("The client"),
    "reason": N_("Reason for referral"),
    "request": N_("What we are asking"),
    "history": N_("Shared history"),
    "told": N_("What the client was told"),
    "notes": N_("Notes from the referring staff"),
    "referred_by": N_("Referred by"),
    "name": N_("Name"),
    "service": N_("Service"),
    "signature": N_("Signature"),
    "reply": N_("Reply / counter-referral"),
    "reply_intro": N_("Please complete this section and return it to {name}{contact}."),
    # Translators: boxes to tick. No-break spaces keep the boxes apart (a paragraph collapses
    # ordinary spaces): keep them between the choices.
    "reply_outcome": N_("☐ Seen\u00a0\u00a0\u00a0 ☐ Did not attend\u00a0\u00a0\u00a0 ☐ Declined"
                        "\u00a0\u00a0\u00a0 ☐ Referred elsewhere"),
    "outcome": N_("Outcome"),
    "seen_on": N_("Seen on (date)"),
    "seen_by": N_("Seen by"),
    "findings": N_("Findings"),
    "plan": N_("Recommendations"),
    "follow_up_van": N_("Follow-up for us"),
    "signature_date": N_("Signature and date"),
    # Referral, client copy
    "where_to_go": N_("Where to go"),
    "for": N_("For"),
    "referral_date": N_("Referral made on"),
    "how_soon": N_("How soon"),
    "talked": N_("What we talked about"),
    "talked_neutral": N_(
        "We went over what to expect at this appointment. Ask us if anything is unclear."),
    "letter_shares": N_("What the letter shares"),
    "letter_shares_none": N_(
        "The letter gives the reason for the referral and no other health history."),
    "letter_shares_topics": N_("With your agreement, the letter also shares: {topics}."),
    "your_contact": N_("Your contact"),
    "questions": N_("Questions, or a change of plans? Talk to us any time."),
    "schedule": N_("When and where to find us"),
    # Shared history
    "topic_shared": N_("The client chose to share this with your service."),
    "topic_shared_client": N_("You chose to share this with the service."),
    "problems": N_("Active problems"),
    "medications": N_("Medications"),
    "allergies": N_("Allergies"),
    "none_recorded": N_("None recorded"),
    "withheld": N_("Not shown: it mentions a topic the client did not agree to share."),
    "withheld_client": N_("Not shown: it mentions a topic you did not choose to share."),
    "recent_results": N_("Recent results"),
    "recent_services": N_("Recent services"),
    "no_recent": N_("None on record."),
    # Visit summary
    "summary_meta": N_("Visit summary"),
    "summary_client_title": N_("Your visit"),
    "summary_clinical_title": N_("Visit record"),
    "copy_clinical": N_("Clinical copy"),
    "confidential": N_("Confidential: clinical record"),
    "done_today": N_("What we did today"),
    "talked_only": N_("We talked and checked in."),
    "next_steps": N_("What to do next"),
    "next_neutral": N_("Come and see us if anything changes or if you have questions."),
    "your_referrals": N_("Your referrals"),
    "client": N_("Client"),
    "anonymous": N_("Anonymous contact (no client record)"),
    "when": N_("Date and time"),
    "site": N_("Site"),
    "staff": N_("Staff"),
    "visit_reason": N_("Reason"),
    "services": N_("Services"),
    "supplies": N_("Supplies"),
    "needles_returned": N_("Needles returned"),
    "secondary": N_("Collected for someone else"),
    "reversals": N_("Overdose reversals reported"),
    "follow_up": N_("Follow-up"),
    "note": N_("Note"),
    "referrals": N_("Referrals"),
    "status": N_("Status"),
    "yes": N_("Yes"),
    "corrected": N_("Version {n} (corrected)"),
    # Alert sheet
    "alert_meta": N_("Safety alert"),
    "alert_title": N_("Safety alert"),
    "alert_period": N_("Reports from {start} to {end}"),
    "alert_intro": N_(
        "Shared with the consent of the people who reported them; they are never named. "
        "If something feels wrong, trust it, and tell someone where you are going."),
    "alert_none": N_("No alerts for this period."),
    "alert_footer": N_("Pass this sheet on to people who may need it."),
    "person": N_("Person"),
    "vehicle": N_("Vehicle"),
    "plate": N_("Plate (partial)"),
    "what_happened": N_("What happened"),
    "unknown_area": N_("Area not given"),
}


def t(key: str, lang: str, **values: object) -> str:
    """The phrase `key` in `lang`, with its {placeholders} filled in."""
    return translation(lang).gettext(_PHRASES[key]).format(**values)


def pair(label: str, value: object, lang: str) -> str:
    """"Label: value" as the language writes it ("Label : value" in French); a number is
    written the language's way."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = number(value, lang)
    return t("pair", lang, label=label, value=value)


def date_time(moment: datetime, lang: str, weekday: bool = False) -> str:
    """"November 25, 2025, 21:30" / "25 novembre 2025, 21 h 30" (clinic-local `moment`)."""
    return t("date_time", lang, date=long_date(moment.date(), lang, weekday),
             time=time_of_day(moment.time(), lang))


def topic_list(labels: list[str], lang: str = "en") -> str:
    """Topic labels inside a sentence: "HIV, STI and hepatitis; clinical history".
    Semicolons, since labels carry commas; a capital is kept only for acronyms."""
    return t("topic_separator", lang).join(
        label[:1].lower() + label[1:] if label[1:2].islower() else label for label in labels)
