"""Labels for every code in `records.models`, in English and French.

`label()` gives the plain label staff see on screen and on service/clinical copies.
`client_label()` is the one to use on anything a client takes away: a code that belongs to a
disclosure topic (an HIV test, naloxone, needles, a sexual-health clinic...) gets a neutral label
unless the client ticked that topic. Person-first, neutral wording throughout.
"""
from __future__ import annotations

from collections.abc import Collection

from records import models

# kind -> code -> (English, French)
_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "service": {
        "wound_care": ("Wound care", "Soins de plaies"),
        "sti_test": ("STI test", "Test de dépistage des ITSS"),
        "hiv_test": ("HIV test", "Test de dépistage du VIH"),
        "hcv_test": ("Hepatitis C test", "Test de dépistage de l'hépatite C"),
        "pregnancy_test": ("Pregnancy test", "Test de grossesse"),
        "vaccination": ("Vaccination", "Vaccination"),
        "contraception": ("Contraception", "Contraception"),
        "naloxone_training": ("Naloxone training", "Formation sur la naloxone"),
        "counselling": ("Counselling", "Relation d'aide"),
        "basic_needs": ("Basic needs (food, clothing, hygiene)",
                        "Besoins de base (nourriture, vêtements, hygiène)"),
    },
    "test_result": {
        "pending": ("Result pending", "Résultat à venir"),
        "negative": ("Negative", "Négatif"),
        "positive": ("Positive", "Positif"),
        "invalid": ("Invalid, to be repeated", "Invalide, à refaire"),
        "declined": ("Declined", "Refusé"),
    },
    "supply": {
        "needles": ("Needles and syringes", "Aiguilles et seringues"),
        "pipes": ("Pipes", "Pipes"),
        "condoms": ("Condoms", "Condoms"),
        "naloxone_injectable": ("Naloxone kit (injectable)", "Trousse de naloxone (injectable)"),
        "naloxone_nasal": ("Naloxone kit (nasal spray)", "Trousse de naloxone (vaporisateur nasal)"),
        "sharps_containers": ("Sharps container", "Contenant pour objets pointus ou tranchants"),
    },
    "directory_kind": {
        "addictions": ("Addictions services", "Services en dépendance"),
        "mental_health": ("Mental health services", "Services en santé mentale"),
        "sexual_health": ("Sexual health clinic", "Clinique de santé sexuelle"),
        "primary_care": ("Primary care", "Soins de première ligne"),
        "shelter": ("Shelter and housing", "Hébergement et logement"),
        "victim_services": ("Victim services", "Services aux victimes"),
        "legal_aid": ("Legal aid", "Aide juridique"),
        "police_liaison": ("Police liaison", "Liaison policière"),
    },
    "urgency": {
        "routine": ("Routine", "Courante"),
        "soon": ("Soon (within a few days)", "Bientôt (d'ici quelques jours)"),
        "urgent": ("Urgent", "Urgente"),
    },
    "referral_status": {
        "made": ("Referral made", "Référence faite"),
        "attended": ("Attended", "S'est présenté·e"),
        "not_attended": ("Did not attend", "Ne s'est pas présenté·e"),
        "declined": ("Declined", "Refusée"),
    },
    "name_on_paper": {
        "chosen": ("Chosen name", "Nom choisi"),
        "legal": ("Legal name", "Nom légal"),
        "uic": ("Code (UIC) only", "Code (CIU) seulement"),
    },
    "topic": {
        "substance_use": ("Substance use", "Consommation de substances"),
        "sex_work": ("Sex work", "Travail du sexe"),
        "hiv_sti_hep": ("HIV, STI and hepatitis", "VIH, ITSS et hépatites"),
        "mental_health": ("Mental health", "Santé mentale"),
        "violence_police": ("Violence and police contact", "Violence et contacts avec la police"),
        "clinical_history": ("Clinical history", "Antécédents médicaux"),
    },
    # One line under each disclosure checkbox: what ticking it lets the letter say.
    "topic_help": {
        "substance_use": ("Use of alcohol or drugs, supplies and related services.",
                          "Consommation d'alcool ou de drogues, matériel et services liés."),
        "sex_work": ("That you do sex work.", "Que vous faites du travail du sexe."),
        "hiv_sti_hep": ("HIV, STI and hepatitis status and test results.",
                        "Statut et résultats de tests pour le VIH, les ITSS et les hépatites."),
        "mental_health": ("Mental health concerns and care.",
                          "Préoccupations et soins en santé mentale."),
        "violence_police": ("Violence you lived through, and contact with police.",
                            "Violence vécue et contacts avec la police."),
        "clinical_history": ("Health problems, medications, allergies and recent results.",
                             "Problèmes de santé, médicaments, allergies et résultats récents."),
    },
    "role": {
        "nurse": ("Nurse", "Infirmier·ère"),
        "outreach": ("Outreach worker", "Intervenant·e de proximité"),
        "police_liaison": ("Police liaison officer", "Agent·e de liaison policière"),
    },
    "gender": {
        "F": ("Female", "Femme"),
        "M": ("Male", "Homme"),
        "X": ("Another gender", "Autre genre"),
    },
    "language": {
        "en": ("English", "Anglais"),
        "fr": ("French", "Français"),
    },
    "paper_size": {
        "letter": ("Letter (8.5 × 11 in)", "Lettre (8,5 × 11 po)"),
        "A4": ("A4 (210 × 297 mm)", "A4 (210 × 297 mm)"),
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

_LAB_TEST = ("Lab test", "Analyse de laboratoire")
_SUPPLIES = ("Health supplies", "Matériel de santé")
_FIRST_AID_KIT = ("First-aid kit", "Trousse de premiers soins")
_HEALTH_SERVICE = ("Health service", "Service de santé")
_SUPPORT_SERVICE = ("Support service", "Service de soutien")
_PERSONAL_TOPIC = ("Personal health topic", "Sujet de santé personnel")

# Neutral labels for client copies when the topic is not ticked.
_NEUTRAL: dict[tuple[str, str], tuple[str, str]] = {
    ("service", "sti_test"): _LAB_TEST,
    ("service", "hiv_test"): _LAB_TEST,
    ("service", "hcv_test"): _LAB_TEST,
    ("service", "pregnancy_test"): _LAB_TEST,
    ("service", "naloxone_training"): ("First-aid training", "Formation en premiers soins"),
    ("supply", "needles"): _SUPPLIES,
    ("supply", "pipes"): _SUPPLIES,
    ("supply", "condoms"): _SUPPLIES,
    ("supply", "naloxone_injectable"): _FIRST_AID_KIT,
    ("supply", "naloxone_nasal"): _FIRST_AID_KIT,
    ("supply", "sharps_containers"): _SUPPLIES,
    ("directory_kind", "addictions"): _HEALTH_SERVICE,
    ("directory_kind", "mental_health"): _HEALTH_SERVICE,
    ("directory_kind", "sexual_health"): ("Health clinic", "Clinique de santé"),
    ("directory_kind", "victim_services"): _SUPPORT_SERVICE,
    ("directory_kind", "police_liaison"): ("Community liaison", "Liaison communautaire"),
    ("role", "police_liaison"): ("Community liaison", "Liaison communautaire"),
    **{("topic", t): _PERSONAL_TOPIC for t in models.TOPICS},
    **{("topic_help", t): _PERSONAL_TOPIC for t in models.TOPICS},
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    if lang not in models.LANGUAGES:
        raise ValueError(f"language: expected one of {', '.join(models.LANGUAGES)}, got {lang!r}")
    return pair[models.LANGUAGES.index(lang)]


def label(kind: str, code: str, lang: str = "en") -> str:
    """The plain label of `code` (staff screens, service and clinical copies)."""
    try:
        pair = _LABELS[kind][code]
    except KeyError:
        raise ValueError(f"no label for {kind} {code!r}") from None
    return _pick(pair, lang)


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
