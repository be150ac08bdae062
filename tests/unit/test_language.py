"""Language identification: deterministic, six languages, sensible on very short texts."""

import pytest

from bot.language import UNDETERMINED, LanguageDetector

DETECTOR = LanguageDetector()

SAMPLES = {
    "en": "How will the ministry make sure local organisations get direct funding?",
    "nl": "Hoe zorgt het kabinet voor beleidscoherentie tussen handel en hulp?",
    "fr": "Comment le ministère va-t-il protéger les défenseurs des droits humains ?",
    "es": "¿Cómo van a apoyar a los movimientos sociales en Colombia?",
    "pt": "Quem decide as prioridades das parcerias entre o Norte e o Sul?",
    "sw": "Je, wizara itatoa ufadhili wa moja kwa moja kwa mashirika ya ndani?",
}


@pytest.mark.parametrize(("lang", "text"), SAMPLES.items())
def test_supported_languages(lang: str, text: str) -> None:
    assert DETECTOR.detect(text) == lang


def test_deterministic_across_instances_and_calls() -> None:
    text = "Mambo vipi, hii ni swali fupi kuhusu ufadhili"
    other = LanguageDetector()
    assert {DETECTOR.detect(text) for _ in range(5)} == {other.detect(text)}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("asante sana!", "sw"),
        ("Q: waarom?", "nl"),
        ("merci", "fr"),
        ("gracias", "es"),
        ("obrigada", "pt"),
    ],
)
def test_short_texts_fall_back_to_function_words(text: str, lang: str) -> None:
    assert DETECTOR.detect(text) == lang


@pytest.mark.parametrize("text", ["ok", "+1", "👍👍", "12:30", ""])
def test_too_short_to_tell_is_undetermined_not_a_guess(text: str) -> None:
    assert DETECTOR.detect(text) == UNDETERMINED
