"""The documents in French: client and service copies of the referral letter and the visit
summary, with French dates and numbers from Babel and nothing left in English."""
import re
from datetime import date, time

import pytest

from pdf_helpers import (
    TODAY, client, clean_settings, destination, metadata_of, recent_tests, referral, staff,
    text_of, visit,
)
from records import vocab
from records.catalogs.__main__ import template
from records.i18n import long_date, number, time_of_day, translation
from reports import referral_letter, visit_summary
from reports.neutral import find_forbidden
from reports.text import pair, t, topic_list

NBSP, NNBSP = "\u00a0", "\u202f"


def letter(copy, disclose=frozenset()):
    return referral_letter(
        referral(reason="Asthma review", request="Please assess", client_told="Bring your card",
                 notes="Prefers mornings", disclose=disclose),
        client(), destination(name="Downtown Clinic"), staff(), clean_settings(),
        copy=copy, language="fr", recent_tests=recent_tests(), today=TODAY)


def summary(copy):
    return visit_summary(
        visit(site="Dundas", reason="Check-in", note="Doing well", follow_up="Come back Tuesday"),
        client(), staff(), clean_settings(), copy=copy, language="fr", today=TODAY,
        referrals=[(referral(), destination(name="Downtown Clinic"))])


DOCUMENTS = {
    "letter-client": lambda: letter("client"),
    "letter-service": lambda: letter("service", frozenset({"clinical_history"})),
    "summary-client": lambda: summary("client"),
    "summary-clinical": lambda: summary("clinical"),
}
# The typed fixture text of these documents (the records' own words, not ours).
TYPED = re.compile(r"Asthma review|Please assess|Bring your card|Prefers mornings|Check-in|"
                   r"Doing well|Come back Tuesday|Downtown Clinic|Downtown Health Centre|"
                   r"Tuesday 21:00-02:00|Riverside Street Health|Van phone|Mon-Fri|"
                   r"Salbutamol|Penicillin|Asthma|Dundas")


def flat(text: str) -> str:
    return " ".join(text.split())


def english_sources() -> list[str]:
    """Our English wording that French writes differently: none of it may reach a French page."""
    french = translation("fr")
    found = []
    for message in template():
        if not message.id or "{" in message.id:
            continue
        english = message.id
        if message.context:
            if french.pgettext(message.context, english) != english:
                found.append(english)
        elif french.gettext(english) != english:
            found.append(english)
    return found


@pytest.mark.parametrize("name", DOCUMENTS)
def test_no_english_left(name):
    pdf = DOCUMENTS[name]()
    printed = TYPED.sub(" ", flat(text_of(pdf)) + " " + " ".join(metadata_of(pdf).values()))
    left = [english for english in english_sources()
            if re.search(rf"(?<!\w){re.escape(english)}(?!\w)", printed)]
    assert left == []


def test_referral_letter_service_copy():
    pdf = letter("service", frozenset({"clinical_history"}))
    printed = flat(text_of(pdf))
    for expected in ("Lettre d'orientation", "Copie pour le service destinataire",
                     "25 novembre 2025", "Orientation faite le 24 novembre 2025",
                     "Degré d'urgence Bientôt (d'ici quelques jours)",
                     "Motif de l'orientation", "Antécédents médicaux",
                     "Maria Lopez, Personnel infirmier", "Réponse et suivi de l'orientation",
                     "☐ Rencontre faite", "Page 1 de 2"):
        assert expected in printed
    consent = t("consent_topics", "fr", name="Sam", topics=topic_list(["Antécédents"], "fr"))
    assert f"service{NBSP}: antécédents." in consent
    assert metadata_of(pdf)["/Title"] == "Lettre"
    assert metadata_of(pdf)["/Subject"] == "Orientation"
    assert metadata_of(pdf)["/Creator"] == "Dossiers de la clinique"


def test_referral_letter_client_copy():
    printed = flat(text_of(letter("client")))
    for expected in ("Votre orientation", "Votre copie", "Où aller", "Dans quels délais",
                     "Ce que la lettre transmet", "Votre personne-ressource",
                     "Quand et où nous trouver", "Bring your card"):
        assert expected in printed
    assert find_forbidden(printed) == []


def test_visit_summary_client_copy():
    printed = flat(text_of(summary("client")))
    for expected in ("Votre visite", "Ce que nous avons fait aujourd'hui",
                     "Analyse de laboratoire (×4)", "Matériel de santé : 40",
                     "Trousse de premiers soins : 20", "Vos orientations", "Come back Tuesday"):
        assert expected in printed
    assert find_forbidden(printed) == []


def test_visit_summary_clinical_copy():
    printed = flat(text_of(summary("clinical")))
    for expected in ("Compte rendu de visite", "Copie pour le dossier",
                     "lundi 24 novembre 2025 à 21 h 30", "Test de dépistage du VIH : négatif",
                     "Aiguilles et seringues : 10", "Aiguilles rapportées : 15",
                     "Récupéré pour une autre personne : oui", "Confidentiel : dossier clinique",
                     "Orientation faite"):
        assert expected in printed


def test_dates_times_and_numbers_come_from_babel():
    assert long_date(date(2025, 11, 1), "fr") == "1er novembre 2025"
    assert long_date(date(2026, 12, 1), "fr", weekday=True) == "mardi 1er décembre 2026"
    assert long_date(date(2025, 11, 1), "en") == "November 1, 2025"
    assert long_date(date(2025, 11, 25), "fr", weekday=True) == "mardi 25 novembre 2025"
    assert long_date(date(2025, 11, 25), "en", weekday=True) == "Tuesday, November 25, 2025"
    assert long_date(date(2026, 8, 15), "fr") == "15 août 2026"
    assert time_of_day(time(21, 30), "fr") == f"21{NBSP}h{NBSP}30"
    assert time_of_day(time(21, 30), "en") == "21:30"
    assert number(1250, "fr") == f"1{NBSP}250" and number(1250, "en") == "1,250"
    assert pair("Seringues", 1250, "fr") == f"Seringues{NBSP}: 1{NBSP}250"
    assert pair("Needles", 1250, "en") == "Needles: 1,250"


def test_french_typography_in_phrases():
    assert t("questions", "fr").startswith(f"Des questions ou un changement de plans{NNBSP}?")
    assert topic_list(["Santé mentale", "VIH, ITSS et hépatites"], "fr") == \
        f"santé mentale{NNBSP}; VIH, ITSS et hépatites"
    assert topic_list(["Mental health", "Clinical history"]) == "mental health; clinical history"


def test_labels_follow_the_language_asked_for_not_the_machine(monkeypatch):
    monkeypatch.setenv("LANGUAGE", "fr")
    monkeypatch.setenv("LANG", "fr_CA.UTF-8")
    assert vocab.label("referral_status", "declined") == "Declined"
    assert vocab.label("referral_status", "declined", "fr") == "Orientation refusée"
    assert vocab.label("test_result", "declined", "fr") == "Refusé"  # same English, context
    with pytest.raises(ValueError, match="language"):
        translation("de")


def test_the_fonts_draw_every_character_of_the_french_catalog():
    """No missing glyph (a box on paper) for an accent, a no-break space, « »..."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    from records.catalogs import po_file
    from reports import fonts
    french = "àâäçéèêëîïôöùûüÿœæÀÂÇÉÈÊËÎÏÔÖÙÛÜŒÆ«»’" + NBSP + NNBSP
    wanted = set(po_file("fr").read_text(encoding="utf-8")) - {"\n"} | set(french)
    for face in (fonts.REGULAR, fonts.BOLD):
        font = TTFontFile(str(fonts.FONT_DIR / f"{face}.ttf"))
        assert sorted(c for c in wanted if ord(c) not in font.charToGlyph) == [], face
