"""The sentences and headings of the printed documents, in English and French, and dates
written out in each language (no dependency on the system locale).

Labels for codes live in `records.vocab`; this is the wording around them. Every phrase that
can reach a client copy is neutral: tests run the forbidden-word check on the documents.
"""
from __future__ import annotations

from datetime import date

from records.models import LANGUAGES

_PHRASES: dict[str, tuple[str, str]] = {
    # Page
    "page_n_of_m": ("Page {n} of {m}", "Page {n} de {m}"),
    "neutral_clinic": ("Community health", "Santé communautaire"),
    # Referral letter
    "referral_meta": ("Letter", "Lettre"),
    "referral_subject": ("Referral", "Référence"),
    "referral_title": ("Referral letter", "Lettre de référence"),
    "referral_client_title": ("Your referral", "Votre référence"),
    "copy_service": ("Copy for the receiving service", "Copie pour le service destinataire"),
    "copy_client": ("Your copy", "Votre copie"),
    "to": ("To", "Destinataire"),
    "service_kind": ("Type of service", "Type de service"),
    "address": ("Address", "Adresse"),
    "phone": ("Phone", "Téléphone"),
    "contact": ("Contact", "Coordonnées"),
    "hours": ("Hours", "Heures"),
    "regarding": ("Regarding", "Concernant"),
    "client_code": ("Client code (UIC)", "Code de la personne (CIU)"),
    "pronouns": ("Pronouns", "Pronoms"),
    "urgency": ("Urgency", "Urgence"),
    "consent": ("Consent", "Consentement"),
    "consent_none": (
        "{name} agreed to this referral. With their agreement this letter shares the reason "
        "and request below, and no other health history.",
        "{name} a accepté cette référence. Avec son accord, cette lettre transmet le motif et "
        "la demande ci-dessous, sans autre antécédent de santé."),
    "consent_topics": (
        "{name} agreed to this referral and to sharing the following with your service: "
        "{topics}. Nothing else about them is shared in this letter.",
        "{name} a accepté cette référence et le partage de ce qui suit avec votre service : "
        "{topics}. Rien d'autre à son sujet n'est transmis dans cette lettre."),
    "the_client": ("The client", "La personne"),
    "reason": ("Reason for referral", "Motif de la référence"),
    "request": ("What we are asking", "Ce que nous demandons"),
    "history": ("Shared history", "Renseignements partagés"),
    "told": ("What the client was told", "Ce qui a été expliqué à la personne"),
    "notes": ("Notes from the referring staff", "Notes du personnel référent"),
    "referred_by": ("Referred by", "Référence faite par"),
    "name": ("Name", "Nom"),
    "service": ("Service", "Service"),
    "signature": ("Signature", "Signature"),
    "reply": ("Reply / counter-referral", "Réponse / contre-référence"),
    "reply_intro": ("Please complete this section and return it to {name}{contact}.",
                    "Veuillez remplir cette section et la retourner à {name}{contact}."),
    # No-break spaces keep the boxes apart (a Paragraph collapses ordinary spaces).
    "reply_outcome": ("☐ Seen\u00a0\u00a0\u00a0 ☐ Did not attend\u00a0\u00a0\u00a0 ☐ Declined"
                      "\u00a0\u00a0\u00a0 ☐ Referred elsewhere",
                      "☐ Vue\u00a0\u00a0\u00a0 ☐ Absente\u00a0\u00a0\u00a0 ☐ Refus"
                      "\u00a0\u00a0\u00a0 ☐ Orientée ailleurs"),
    "outcome": ("Outcome", "Résultat"),
    "seen_on": ("Seen on (date)", "Vue le (date)"),
    "seen_by": ("Seen by", "Vue par"),
    "findings": ("Findings", "Constats"),
    "plan": ("Recommendations", "Recommandations"),
    "follow_up_van": ("Follow-up for us", "Suivi pour nous"),
    "signature_date": ("Signature and date", "Signature et date"),
    # Referral, client copy
    "where_to_go": ("Where to go", "Où aller"),
    "for": ("For", "Pour"),
    "referral_date": ("Referral made on", "Référence faite le"),
    "how_soon": ("How soon", "Dans quels délais"),
    "talked": ("What we talked about", "Ce dont nous avons parlé"),
    "talked_neutral": (
        "We went over what to expect at this appointment. Ask us if anything is unclear.",
        "Nous avons vu ensemble à quoi vous attendre à ce rendez-vous. Posez-nous vos "
        "questions au besoin."),
    "letter_shares": ("What the letter shares", "Ce que la lettre transmet"),
    "letter_shares_none": (
        "The letter gives the reason for the referral and no other health history.",
        "La lettre donne le motif de la référence, sans autre antécédent de santé."),
    "letter_shares_topics": ("With your agreement, the letter also shares: {topics}.",
                             "Avec votre accord, la lettre transmet aussi : {topics}."),
    "your_contact": ("Your contact", "Votre personne-ressource"),
    "questions": ("Questions, or a change of plans? Talk to us any time.",
                  "Des questions, un changement de plans? Parlez-nous quand vous voulez."),
    "schedule": ("When and where to find us", "Quand et où nous trouver"),
    # Shared history
    "topic_shared": ("The client chose to share this with your service.",
                     "La personne a choisi de partager ce sujet avec votre service."),
    "topic_shared_client": ("You chose to share this with the service.",
                            "Vous avez choisi de partager ce sujet avec le service."),
    "problems": ("Active problems", "Problèmes actifs"),
    "medications": ("Medications", "Médicaments"),
    "allergies": ("Allergies", "Allergies"),
    "none_recorded": ("None recorded", "Rien de noté"),
    "withheld": ("Not shown: it mentions a topic the client did not agree to share.",
                 "Non affiché : mentionne un sujet que la personne n'a pas accepté de partager."),
    "withheld_client": ("Not shown: it mentions a topic you did not choose to share.",
                        "Non affiché : mentionne un sujet que vous n'avez pas choisi de partager."),
    "recent_results": ("Recent results", "Résultats récents"),
    "recent_services": ("Recent services", "Services récents"),
    "no_recent": ("None on record.", "Aucun au dossier."),
    # Visit summary
    "summary_meta": ("Visit summary", "Résumé de visite"),
    "summary_client_title": ("Your visit", "Votre visite"),
    "summary_clinical_title": ("Visit record", "Dossier de visite"),
    "copy_clinical": ("Clinical copy", "Copie clinique"),
    "confidential": ("Confidential: clinical record", "Confidentiel : dossier clinique"),
    "done_today": ("What we did today", "Ce que nous avons fait aujourd'hui"),
    "talked_only": ("We talked and checked in.", "Nous avons discuté et fait le point."),
    "next_steps": ("What to do next", "Prochaines étapes"),
    "next_neutral": ("Come and see us if anything changes or if you have questions.",
                     "Venez nous voir si quelque chose change ou si vous avez des questions."),
    "your_referrals": ("Your referrals", "Vos références"),
    "client": ("Client", "Personne"),
    "anonymous": ("Anonymous contact (no client record)", "Contact anonyme (sans dossier)"),
    "when": ("Date and time", "Date et heure"),
    "site": ("Site", "Lieu"),
    "staff": ("Staff", "Personnel"),
    "visit_reason": ("Reason", "Motif"),
    "services": ("Services", "Services"),
    "supplies": ("Supplies", "Matériel"),
    "needles_returned": ("Needles returned", "Aiguilles retournées"),
    "secondary": ("Collected for someone else", "Pris pour une autre personne"),
    "reversals": ("Overdose reversals reported", "Surdoses renversées signalées"),
    "follow_up": ("Follow-up", "Suivi"),
    "note": ("Note", "Note"),
    "referrals": ("Referrals", "Références"),
    "status": ("Status", "Statut"),
    "yes": ("Yes", "Oui"),
    "corrected": ("Version {n} (corrected)", "Version {n} (corrigée)"),
    # Alert sheet
    "alert_meta": ("Safety alert", "Alerte sécurité"),
    "alert_title": ("Safety alert", "Alerte sécurité"),
    "alert_period": ("Reports from {start} to {end}", "Signalements du {start} au {end}"),
    "alert_intro": (
        "Shared with the consent of the people who reported them; they are never named. "
        "If something feels wrong, trust it, and tell someone where you are going.",
        "Partagés avec l'accord des personnes qui les ont signalés; elles ne sont jamais "
        "nommées. Si quelque chose vous semble louche, fiez-vous à votre instinct et dites à "
        "quelqu'un où vous allez."),
    "alert_none": ("No alerts for this period.", "Aucune alerte pour cette période."),
    "alert_footer": ("Pass this sheet on to people who may need it.",
                     "Faites circuler cette feuille auprès des personnes concernées."),
    "person": ("Person", "Personne"),
    "vehicle": ("Vehicle", "Véhicule"),
    "plate": ("Plate (partial)", "Plaque (partielle)"),
    "what_happened": ("What happened", "Ce qui s'est passé"),
    "unknown_area": ("Area not given", "Secteur non précisé"),
}

_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"),
}
_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}


def _check(lang: str) -> None:
    if lang not in LANGUAGES:
        raise ValueError(f"language: expected one of {', '.join(LANGUAGES)}, got {lang!r}")


def t(key: str, lang: str, **values: object) -> str:
    _check(lang)
    return _PHRASES[key][LANGUAGES.index(lang)].format(**values)


def long_date(d: date, lang: str, weekday: bool = False) -> str:
    """"November 25, 2025" / "25 novembre 2025", optionally with the day of the week."""
    _check(lang)
    month = _MONTHS[lang][d.month - 1]
    day = _WEEKDAYS[lang][d.weekday()]
    if lang == "fr":
        text = f"{'1er' if d.day == 1 else d.day} {month} {d.year}"
        return f"{day} {text}" if weekday else text
    text = f"{month} {d.day}, {d.year}"
    return f"{day}, {text}" if weekday else text


def pair(label: str, value: object, lang: str) -> str:
    """"Label: value", with French spacing before the colon."""
    return f"{label}{' :' if lang == 'fr' else ':'} {value}"


def topic_list(labels: list[str]) -> str:
    """Topic labels inside a sentence: "HIV, STI and hepatitis; clinical history".
    Semicolons, since labels carry commas; a capital is kept only for acronyms."""
    return "; ".join(
        label[:1].lower() + label[1:] if label[1:2].islower() else label for label in labels)
