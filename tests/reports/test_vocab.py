"""records.vocab: every code has a label in both languages, and client labels stay neutral."""
import pytest

from records import models, vocab
from reports.neutral import find_forbidden


def all_codes():
    for kind, codes in vocab.CODES.items():
        for code in codes:
            yield kind, code


@pytest.mark.parametrize("lang", models.LANGUAGES)
@pytest.mark.parametrize(("kind", "code"), list(all_codes()))
def test_every_code_has_a_label(kind, code, lang):
    assert vocab.label(kind, code, lang).strip()


@pytest.mark.parametrize("lang", models.LANGUAGES)
@pytest.mark.parametrize(("kind", "code"), list(all_codes()))
def test_client_label_carries_only_its_own_topic(kind, code, lang):
    topic = vocab.topic_of(kind, code)
    assert find_forbidden(vocab.client_label(kind, code, frozenset(), lang)) == []
    if topic:
        shown = vocab.client_label(kind, code, {topic}, lang)
        assert shown == vocab.label(kind, code, lang)
        assert find_forbidden(shown, {topic}) == []


@pytest.mark.parametrize(("kind", "code"), list(all_codes()))
def test_a_label_with_a_forbidden_word_has_a_topic(kind, code):
    """Catches a sensitive code someone forgot to map to its topic."""
    for lang in models.LANGUAGES:
        if find_forbidden(vocab.label(kind, code, lang)):
            assert vocab.topic_of(kind, code) is not None


def test_sensitive_examples():
    assert vocab.client_label("service", "hiv_test") == "Lab test"
    assert vocab.client_label("service", "hiv_test", {"hiv_sti_hep"}) == "HIV test"
    assert vocab.client_label("service", "naloxone_training") == "First-aid training"
    assert vocab.client_label("supply", "needles", lang="fr") == "Matériel de santé"
    assert vocab.client_label("service", "wound_care") == "Wound care"
    assert vocab.topic_of("directory_kind", "sexual_health") == "hiv_sti_hep"


def test_unknown_code_or_language_is_a_clear_error():
    with pytest.raises(ValueError, match="service"):
        vocab.label("service", "nope")
    with pytest.raises(ValueError, match="language"):
        vocab.label("service", "wound_care", "de")
