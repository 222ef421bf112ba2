"""Labels for every code in `records.models`, in English and French (English is the source
text; French comes from the gettext catalog, records.i18n, with the kind as its context).

`label()` gives the plain label staff see on screen and on service/clinical copies.
`client_label()` is the one to use on anything a client takes away: a code that belongs to a
disclosure topic (an HIV test, naloxone, needles, a sexual-health clinic...) gets a neutral label
unless the client ticked that topic. Person-first, neutral wording throughout.
"""
from __future__ import annotations

from collections.abc import Collection

from records import models
from records.i18n import C_, translation

# kind -> code -> (context, English)
_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "service": {
        "wound_care": C_("service", "Wound care"),
        "sti_test": C_("service", "STI test"),
        "hiv_test": C_("service", "HIV test"),
        "hcv_test": C_("service", "Hepatitis C test"),
        "pregnancy_test": C_("service", "Pregnancy test"),
        "vaccination": C_("service", "Vaccination"),
        "contraception": C_("service", "Contraception"),
        "naloxone_training": C_("service", "Naloxone training"),
        "counselling": C_("service", "Counselling"),
        "basic_needs": C_("service", "Basic needs (food, clothing, hygiene)"),
    },
    "test_result": {
        "pending": C_("test_result", "Result pending"),
        "negative": C_("test_result", "Negative"),
        "positive": C_("test_result", "Positive"),
        "invalid": C_("test_result", "Invalid, to be repeated"),
        "declined": C_("test_result", "Declined"),
    },
    "supply": {
        "needles": C_("supply", "Needles and syringes"),
        "pipes": C_("supply", "Pipes"),
        "condoms": C_("supply", "Condoms"),
        "naloxone_injectable": C_("supply", "Naloxone kit (injectable)"),
        "naloxone_nasal": C_("supply", "Naloxone kit (nasal spray)"),
        "sharps_containers": C_("supply", "Sharps container"),
    },
    "directory_kind": {
        "addictions": C_("directory_kind", "Addictions services"),
        "mental_health": C_("directory_kind", "Mental health services"),
        "sexual_health": C_("directory_kind", "Sexual health clinic"),
        "primary_care": C_("directory_kind", "Primary care"),
        "shelter": C_("directory_kind", "Shelter and housing"),
        "victim_services": C_("directory_kind", "Victim services"),
        "legal_aid": C_("directory_kind", "Legal aid"),
        "police_liaison": C_("directory_kind", "Police liaison"),
    },
    "urgency": {
        "routine": C_("urgency", "Routine"),
        "soon": C_("urgency", "Soon (within a few days)"),
        "urgent": C_("urgency", "Urgent"),
    },
    "referral_status": {
        "made": C_("referral_status", "Referral made"),
        "attended": C_("referral_status", "Attended"),
        "not_attended": C_("referral_status", "Did not attend"),
        "declined": C_("referral_status", "Declined"),
    },
    "name_on_paper": {
        "chosen": C_("name_on_paper", "Chosen name"),
        "legal": C_("name_on_paper", "Legal name"),
        "uic": C_("name_on_paper", "Code (UIC) only"),
    },
    "topic": {
        "substance_use": C_("topic", "Substance use"),
        "sex_work": C_("topic", "Sex work"),
        "hiv_sti_hep": C_("topic", "HIV, STI and hepatitis"),
        "mental_health": C_("topic", "Mental health"),
        "violence_police": C_("topic", "Violence and police contact"),
        "clinical_history": C_("topic", "Clinical history"),
    },
    # One line under each disclosure checkbox: what ticking it lets the letter say.
    "topic_help": {
        "substance_use": C_("topic_help",
                            "Use of alcohol or drugs, supplies and related services."),
        "sex_work": C_("topic_help", "That you do sex work."),
        "hiv_sti_hep": C_("topic_help", "HIV, STI and hepatitis status and test results."),
        "mental_health": C_("topic_help", "Mental health concerns and care."),
        "violence_police": C_("topic_help",
                              "Violence you lived through, and contact with police."),
        "clinical_history": C_("topic_help",
                               "Health problems, medications, allergies and recent results."),
    },
    "role": {
        "nurse": C_("role", "Nurse"),
        "outreach": C_("role", "Outreach worker"),
        "police_liaison": C_("role", "Police liaison officer"),
    },
    "gender": {
        "F": C_("gender", "Female"),
        "M": C_("gender", "Male"),
        "X": C_("gender", "Another gender"),
    },
    "language": {
        "en": C_("language", "English"),
        "fr": C_("language", "French"),
    },
    "paper_size": {
        "letter": C_("paper_size", "Letter (8.5 × 11 in)"),
        "A4": C_("paper_size", "A4 (210 × 297 mm)"),
    },
}

# The codes each kind must cover, straight from records.models.
CODES: dict[str, tuple[str, ...]] = {
    "service": models.SERVICES,
    "test_result": models.TEST_RESULTS,
    "supply": models.SUPPLIES,
    "directory_kind": models.DIRECTORY_KINDS,
    "urgency": models.URGENCIES,
    "referral_status": models.REFERRAL_STATUSES,
    "name_on_paper": models.NAME_ON_PAPER,
    "topic": models.TOPICS,
    "topic_help": models.TOPICS,
    "role": models.ROLES,
    "gender": models.GENDERS,
    "language": models.LANGUAGES,
    "paper_size": models.PAPER_SIZES,
}

# (kind, code) -> the disclosure topic it reveals. Anything not listed reveals nothing.
_TOPIC_OF: dict[tuple[str, str], str] = {
    ("service", "sti_test"): "hiv_sti_hep",
    ("service", "hiv_test"): "hiv_sti_hep",
    ("service", "hcv_test"): "hiv_sti_hep",
    ("service", "pregnancy_test"): "clinical_history",
    ("service", "naloxone_training"): "substance_use",
    ("supply", "needles"): "substance_use",
    ("supply", "pipes"): "substance_use",
    # Condoms on a page in someone's pocket have been used as evidence of sex work.
    ("supply", "condoms"): "sex_work",
    ("supply", "naloxone_injectable"): "substance_use",
    ("supply", "naloxone_nasal"): "substance_use",
    ("supply", "sharps_containers"): "substance_use",
    ("directory_kind", "addictions"): "substance_use",
    ("directory_kind", "mental_health"): "mental_health",
    ("directory_kind", "sexual_health"): "hiv_sti_hep",
    ("directory_kind", "victim_services"): "violence_police",
    ("directory_kind", "police_liaison"): "violence_police",
    ("role", "police_liaison"): "violence_police",
    **{("topic", t): t for t in models.TOPICS},
    **{("topic_help", t): t for t in models.TOPICS},
}

_LAB_TEST = C_("neutral", "Lab test")
_SUPPLIES = C_("neutral", "Health supplies")
_FIRST_AID_KIT = C_("neutral", "First-aid kit")
_HEALTH_SERVICE = C_("neutral", "Health service")
_SUPPORT_SERVICE = C_("neutral", "Support service")
_PERSONAL_TOPIC = C_("neutral", "Personal health topic")

# Neutral labels for client copies when the topic is not ticked.
_NEUTRAL: dict[tuple[str, str], tuple[str, str]] = {
    ("service", "sti_test"): _LAB_TEST,
    ("service", "hiv_test"): _LAB_TEST,
    ("service", "hcv_test"): _LAB_TEST,
    ("service", "pregnancy_test"): _LAB_TEST,
    ("service", "naloxone_training"): C_("neutral", "First-aid training"),
    ("supply", "needles"): _SUPPLIES,
    ("supply", "pipes"): _SUPPLIES,
    ("supply", "condoms"): _SUPPLIES,
    ("supply", "naloxone_injectable"): _FIRST_AID_KIT,
    ("supply", "naloxone_nasal"): _FIRST_AID_KIT,
    ("supply", "sharps_containers"): _SUPPLIES,
    ("directory_kind", "addictions"): _HEALTH_SERVICE,
    ("directory_kind", "mental_health"): _HEALTH_SERVICE,
    ("directory_kind", "sexual_health"): C_("neutral", "Health clinic"),
    ("directory_kind", "victim_services"): _SUPPORT_SERVICE,
    ("directory_kind", "police_liaison"): C_("neutral", "Community liaison"),
    ("role", "police_liaison"): C_("neutral", "Community liaison"),
    **{("topic", t): _PERSONAL_TOPIC for t in models.TOPICS},
    **{("topic_help", t): _PERSONAL_TOPIC for t in models.TOPICS},
}


def _pick(entry: tuple[str, str], lang: str) -> str:
    context, english = entry
    return translation(lang).pgettext(context, english)


def label(kind: str, code: str, lang: str = "en") -> str:
    """The plain label of `code` (staff screens, service and clinical copies)."""
    try:
        entry = _LABELS[kind][code]
    except KeyError:
        raise ValueError(f"no label for {kind} {code!r}") from None
    return _pick(entry, lang)


def topic_of(kind: str, code: str) -> str | None:
    """The disclosure topic a code reveals, or None when it reveals nothing sensitive."""
    return _TOPIC_OF.get((kind, code))


def client_label(kind: str, code: str, disclose: Collection[str] = frozenset(),
                 lang: str = "en") -> str:
    """The label for a client copy: neutral unless the code's topic is in `disclose`."""
    topic = topic_of(kind, code)
    if topic is None or topic in disclose:
        return label(kind, code, lang)
    return _pick(_NEUTRAL[(kind, code)], lang)
