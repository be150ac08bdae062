"""Language identification: deterministic, the languages partners write in, sensible on short texts."""

from pathlib import Path

import pytest

from bot.language import SUPPORTED, UNDETERMINED, LanguageDetector

DETECTOR = LanguageDetector()
LANGID_SET = Path(__file__).parent.parent / "fixtures" / "langid"
#: A few lines of each language of the language-ID set (the whole set is scored by
#: benchmarks/bench_langid.py): the first, a middle one and the last.
PICKED = (0, 12, 24)


def _samples() -> list[tuple[str, str]]:
    pairs = []
    for lang in SUPPORTED:
        lines = (LANGID_SET / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
        pairs += [(lang, lines[i]) for i in PICKED]
    return pairs


@pytest.mark.parametrize(("lang", "text"), _samples())
def test_each_supported_language_is_recognised(lang: str, text: str) -> None:
    assert DETECTOR.detect(text) == lang


def test_the_set_has_25_messages_in_every_supported_language() -> None:
    for lang in SUPPORTED:
        lines = (LANGID_SET / f"{lang}.txt").read_text(encoding="utf-8").splitlines()
        assert len([line for line in lines if line.strip()]) >= 25, lang


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
        ("danke", "de"),
        ("terima kasih", "id"),
        ("murakoze", "rw"),
        ("sannu", "ha"),
        ("ngiyabonga", "zu"),
        ("mahadsanid", "so"),
    ],
)
def test_short_texts_fall_back_to_function_words(text: str, lang: str) -> None:
    assert DETECTOR.detect(text) == lang


@pytest.mark.parametrize(
    ("text", "lang"),
    [("ሰላም", "am"), ("ধন্যবাদ", "bn"), ("धन्यवाद", "hi"), ("شكرا", "ar"), ("سؤال؟", "ar")],
)
def test_a_script_of_one_language_decides_even_a_single_word(text: str, lang: str) -> None:
    assert DETECTOR.detect(text) == lang


def test_persian_in_arabic_script_is_not_called_arabic() -> None:
    assert DETECTOR.detect("چگونه وزارت از سازمان‌های محلی حمایت می‌کند؟") == "fa"


@pytest.mark.parametrize(
    "text",
    [
        "Waarom krijgen lokale organisaties zo weinig geld van het ministerie?",
        "Ik vraag me af wie de prioriteiten bepaalt",
        "goeie vraag, dat wil ik ook weten",
    ],
)
def test_dutch_never_comes_back_as_afrikaans(text: str) -> None:
    assert DETECTOR.detect(text) == "nl"


def test_afrikaans_with_afrikaans_only_words_stays_afrikaans() -> None:
    assert DETECTOR.detect("Ek weet nie hoekom hulle die geld nie direk aan ons gee nie") == "af"


def test_kirundi_spellings_make_kirundi_not_kinyarwanda() -> None:
    assert DETECTOR.detect("ivyo nivyo duhura navyo mu Burundi imyaka yose") == "rn"
    assert DETECTOR.detect("ibi nibyo duhura nabyo mu Rwanda buri mwaka") == "rw"


def test_malay_spelling_is_reported_as_indonesian() -> None:
    assert (
        DETECTOR.detect("Apa yang dilakukan kerajaan untuk masyarakat sivil di kawasan ini?")
        == "id"
    )


@pytest.mark.parametrize("text", ["ok", "+1", "👍👍", "12:30", "", "https://t.co/abc @maria"])
def test_too_short_to_tell_is_undetermined_not_a_guess(text: str) -> None:
    assert DETECTOR.detect(text) == UNDETERMINED
