"""The wording checks a near-duplicate merge must pass besides the learned score: each check
blocks the kind of wrong merge it is for, and lets paraphrases and translations through."""

from __future__ import annotations

import pytest

from models.dup_eval import DEMO_CHECKS
from models.dup_guards import asks, check, names, numbers, same_language

RESULTS_AND_REPORTING = DEMO_CHECKS[0][1]


def test_the_demo_wrong_merges_are_blocked_and_the_issue_pair_is_not() -> None:
    iati = check(DEMO_CHECKS[0][0], DEMO_CHECKS[0][1])
    assert not iati.ok and iati.rule == "names" and "iati" in iati.reason
    migration = check(*DEMO_CHECKS[1][:2])
    assert not migration.ok and migration.rule == "wording"
    assert "migration" in migration.reason
    assert check(*DEMO_CHECKS[2][:2]).ok  # the issue's true cross-language pair


def test_numbers_are_normalised() -> None:
    assert numbers("back to 0,7% of GNI by 2030?") == {"0.7", "2030"}
    assert numbers("0.7 % in 2030") == numbers("0,7% en 2030")
    assert numbers("2.400 millones") == numbers("2.4 billion")
    assert numbers("no numbers here") == frozenset()


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("how big is the cut to the aid budget in 2025?", "how big is the cut in 2027?"),
        ("will NL go back to 0.7% of GNI?", "c'est vrai que le budget descend à 0,5 % du RNB ?"),
        ("how big is the cut in 2025?", "how big is the cut?"),  # one language: one-sided counts
    ],
)
def test_different_numbers_block(a: str, b: str) -> None:
    result = check(a, b)
    assert not result.ok and result.rule == "numbers"


def test_a_number_worded_out_in_another_language_does_not_block() -> None:
    assert check(
        "how often do we report now, every 6 months?", "Hoe vaak moeten partners rapporteren?"
    ).ok


def test_names_and_their_spellings() -> None:
    assert names("What does the embassy do in Kenya about IATI?") == ["kenya", "iati"]
    assert names("Kenya first: is it?") == []  # a capital that opens a sentence is no name
    assert names("Q: Will the Netherlands and the NGOs in the Global South...") == []
    assert names("EU-handelsakkoorden") == ["eu"]
    kenya = "what is the embassy doing about the crackdown on protesters in Kenya?"
    uganda = "Que fait l'ambassade face à la répression des manifestants en Ouganda ?"
    assert not check(kenya, uganda).ok  # two names, each missing on the other side
    assert check(
        "what is the embassy doing about the crackdown on protesters in Uganda?", uganda
    ).ok  # Uganda / Ouganda
    assert check(
        "Will the Dutch contribution to the WHO stay the same?",
        "a contribuição holandesa para a OMS vai continuar igual?",
    ).ok  # a known translation of the acronym
    assert not check("Will the Dutch contribution to the WHO stay the same?",
                     "Will the Dutch contribution to UNFPA stay the same?").ok  # fmt: skip
    # a name only one side has, between two languages, may just be worded otherwise
    assert check("is SRHR funding being cut as well?", "wordt er ook op seksuele gezondheid bezuinigd?").ok  # fmt: skip


def test_two_asks_against_one() -> None:
    assert asks("How will results be measured?") == 1
    assert asks(RESULTS_AND_REPORTING) == 2  # ", and will ..."
    assert asks("how much is in the fund and who can apply?") == 2
    assert asks("who decides? us or the ministry?") == 1  # a clarification, not an ask
    assert asks("Worden de eisen eenvoudiger, en wie kiest de indicatoren?") == 2
    assert asks("uma organização do sul pode liderar, e aí gere o orçamento todo?") == 2
    assert asks("Is policy coherence on the agenda, given the cuts to the budget?") == 1
    result = check(
        "will the reporting requirements be simplified?",
        "Will the reporting requirements be simplified, and who chooses the indicators?",
    )
    assert not result.ok and result.rule == "asks"


def test_the_same_sentence_about_another_subject() -> None:
    assert same_language("Is migration on the cabinet's agenda?", "Is gender on the agenda?")
    assert not same_language(
        "Is policy coherence on the cabinet's agenda?",
        "Hoe zorgt het kabinet voor beleidscoherentie?",
    )
    blocked = check(
        "why does NL fund the coast guard in libya?", "why does NL fund border control in libya?"
    )
    assert not blocked.ok and blocked.rule == "wording"
    # a typo, an inflection or an added filler is not another subject
    assert check("is migration on the cabinets agenda at all?", "Is migration on the cabinet's agenda?").ok  # fmt: skip
    assert check(
        "how much of the grant do intermediaries keep?",
        "how much of the grant do the intermediary NGOs keep for themselves?",
    ).ok


def test_lengths_and_a_readable_reason() -> None:
    short, long = "funding?", "will the ministry fund local organisations directly from next year?"
    result = check(short, long)
    assert not result.ok and result.rule == "length" and "1 and 10 words" in result.reason
    assert check(long, long).ok and check(long, long).reason == ""
