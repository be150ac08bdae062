"""Finding people's names in free text: any case, any script, ordinary words left alone."""

from __future__ import annotations

import pytest

from bot.core.privacy import NameFinder

PEOPLE = ["Grace Wanjiru (Kenya)", "Justice Okoth", "Peace Mutua", "Blessing Ade"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "I fully agree with Grace Wanjiru, and Wanjiru's point",
            "I fully agree with [name], and [name]'s point",
        ),
        ("grace wanjiru said it well", "[name] said it well"),
        ("WANJIRU is right", "[name] is right"),
        ("Grace  Wanjiru asked", "[name] asked"),
        ("wanjirus and okothville are other words", "wanjirus and okothville are other words"),
        # ordinary words that are also first names: kept where they are words
        ("justice and peace programmes", "justice and peace programmes"),
        ("Justice and peace programmes matter", "Justice and peace programmes matter"),
        ("Blessings to all of you", "Blessings to all of you"),
        # ... and scrubbed where they are written as a name
        ("thanks Peace for that", "thanks [name] for that"),
        ("@Blessing could you say more?", "@[name] could you say more?"),
        ("I agree with Grace.", "I agree with [name]."),
        ("Okoth raised it", "[name] raised it"),
    ],
)
def test_names_are_found_in_any_case(text: str, expected: str) -> None:
    assert NameFinder(PEOPLE)(text) == expected


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("أحمد حسن", "قال أحمد حسن إن التمويل مهم", "قال [name] إن التمويل مهم"),
        ("प्रिया शर्मा", "प्रिया ने सवाल पूछा", "[name] ने सवाल पूछा"),
        ("ግርማ ታደሰ", "ግርማ ታደሰ ጠየቀ", "[name] ጠየቀ"),
        ("Łukasz Żółć", "ŁUKASZ asked", "[name] asked"),
    ],
)
def test_names_in_other_scripts(name: str, text: str, expected: str) -> None:
    assert NameFinder([name])(text) == expected


def test_a_name_inside_a_longer_word_of_another_script_is_not_cut() -> None:
    # "प्रिया" followed by a vowel sign is another word: combining marks are part of a word
    assert NameFinder(["प्रि"])("प्रिया") == "प्रिया"


def test_extra_ordinary_words_from_the_caller() -> None:
    find = NameFinder(["Baraka Otieno", "Kito Mwangi"], ordinary={"kito"})
    assert find("the baraka river project and the kito fund") == (
        "the baraka river project and the kito fund"
    )
    assert find("as Baraka said, and Kito agreed") == "as [name] said, and [name] agreed"


def test_connecting_words_are_never_a_name_alone() -> None:
    find = NameFinder(["Pieter de Vries"])
    assert (
        find("de rol van de overheid, zei Pieter de Vries") == "de rol van de overheid, zei [name]"
    )
