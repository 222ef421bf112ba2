"""The words a client copy must not carry, and the check every client copy goes through.

A client copy at the default (no topic ticked) carries none of FORBIDDEN_WORDS, title and PDF
metadata included. Each word belongs to the disclosure topics that allow it: ticking a topic
lets that topic's words through and no others.

Matching ignores case, accents, hyphens and spacing ("Méthadone", "harm-reduction"). A word
matches as a whole word or at the start of one, so its inflections and the words built on it
are caught ("needles", "seringues", "sexuelle", "sexuellement", "sex worker") and a word hidden
inside another is not ("sida" in "résidant"). The short acronyms in _WHOLE_WORDS match only as
whole words (plural allowed), so "STI" does not catch "still"; French "ITS" also only in
capitals, since "its" is an everyday English word (the same list checks both languages).
The list is a backstop for text typed by staff, not a guarantee: the documents never print
free text on a client copy that was written for clinicians (see reports.referral).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from dataclasses import dataclass

_SUBSTANCES = frozenset({"substance_use"})
_SEX_WORK = frozenset({"sex_work"})
_HIV_STI_HEP = frozenset({"hiv_sti_hep"})
_VIOLENCE = frozenset({"violence_police"})
_MENTAL = frozenset({"mental_health"})

# word -> topics that allow it. The first block is the list in DOMAIN.md.
FORBIDDEN_WORDS: dict[str, frozenset[str]] = {
    "sex work": _SEX_WORK,
    "prostitution": _SEX_WORK,
    "drug": _SUBSTANCES,
    "injection": _SUBSTANCES,
    "needle": _SUBSTANCES,
    "syringe": _SUBSTANCES,
    "naloxone": _SUBSTANCES,
    "overdose": _SUBSTANCES,
    "opioid": _SUBSTANCES,
    "methadone": _SUBSTANCES,
    "addiction": _SUBSTANCES,
    "harm reduction": _SUBSTANCES,
    "HIV": _HIV_STI_HEP,
    "STI": _HIV_STI_HEP,
    "hepatitis": _HIV_STI_HEP,
    "HCV": _HIV_STI_HEP,
    "sexual": _HIV_STI_HEP | _VIOLENCE,
    "assault": _VIOLENCE,
    "bad date": _SEX_WORK,
    "police": _VIOLENCE,
    # The French list in DOMAIN.md ("prostitution", "injection", "naloxone", "police" are
    # above; "méthadone" and "opioïde" are "methadone" and "opioid" once accents fold).
    "travail du sexe": _SEX_WORK,
    "travailleuse du sexe": _SEX_WORK,
    "travailleur du sexe": _SEX_WORK,
    "mauvais client": _SEX_WORK,
    "drogue": _SUBSTANCES,
    "seringue": _SUBSTANCES,
    "aiguille": _SUBSTANCES,
    "surdose": _SUBSTANCES,
    "opioïde": _SUBSTANCES,
    "toxicomanie": _SUBSTANCES,
    "dépendance": _SUBSTANCES,
    "réduction des méfaits": _SUBSTANCES,
    "VIH": _HIV_STI_HEP,
    "sida": _HIV_STI_HEP,
    "VHC": _HIV_STI_HEP,
    "ITS": _HIV_STI_HEP,
    "ITSS": _HIV_STI_HEP,
    "hépatite": _HIV_STI_HEP,
    "sexuel": _HIV_STI_HEP | _VIOLENCE,
    "agression": _VIOLENCE,
    # Beyond DOMAIN.md: common words that say the same thing, and forms a prefix misses
    # ("toxicomane" is not "toxicomanie" continued).
    "policier": _VIOLENCE,
    "prostitute": _SEX_WORK,
    "prostitué": _SEX_WORK,
    "addict": _SUBSTANCES,
    "toxicomane": _SUBSTANCES,
    "opiate": _SUBSTANCES,
    "opiacé": _SUBSTANCES,
    "heroin": _SUBSTANCES,
    "fentanyl": _SUBSTANCES,
    "cocaine": _SUBSTANCES,
    "violence": _VIOLENCE,
    "mental health": _MENTAL,
    "santé mentale": _MENTAL,
    "psychiatric": _MENTAL,
    "psychiatrique": _MENTAL,
    "suicide": _MENTAL,
}

_WHOLE_WORDS = {"HIV", "STI", "HCV", "VIH", "VHC", "ITS", "ITSS"}
_CAPITALS_ONLY = {"ITS"}


def _fold(text: str, keep_case: bool = False) -> str:
    """Lower case (unless `keep_case`), no accents, hyphens and runs of spaces as one space."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"[\s\-‐‑–—_]+", " ", bare if keep_case else bare.casefold())


def _pattern(word: str) -> re.Pattern[str]:
    body = re.escape(_fold(word, keep_case=word in _CAPITALS_ONLY))
    tail = r"s?(?!\w)" if word in _WHOLE_WORDS else ""
    return re.compile(rf"(?<!\w){body}{tail}")


_PATTERNS = {word: _pattern(word) for word in FORBIDDEN_WORDS}


def find_forbidden(text: str, disclose: Collection[str] = frozenset()) -> list[str]:
    """The forbidden words in `text` that none of the ticked topics allow."""
    folded, capitals = _fold(text), _fold(text, keep_case=True)
    return [word for word, pattern in _PATTERNS.items()
            if not FORBIDDEN_WORDS[word] & set(disclose)
            and pattern.search(capitals if word in _CAPITALS_ONLY else folded)]


@dataclass(frozen=True)
class Guard:
    """Decides what free text may go on one document.

    On a client copy (`active`) text passes only when it carries no word of an unticked topic;
    on a service or clinical copy everything passes.
    """
    disclose: frozenset[str] = frozenset()
    active: bool = True

    def ok(self, text: str) -> bool:
        return not self.active or not find_forbidden(text, self.disclose)

    def keep(self, text: str, fallback: str = "") -> str:
        return text if self.ok(text) else fallback
