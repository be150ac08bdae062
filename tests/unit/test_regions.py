"""Who speaks from where: DAC rule, name suffixes, invisible characters, overrides."""

from bot.app import country_table
from bot.core.model import Region
from bot.core.regions import (
    RegionRules,
    base_display_name,
    country_from_display_name,
    region_of_country,
)
from bot.core.text import name_key

TABLE = country_table()


def test_dac_recipients_are_south_and_others_north() -> None:
    assert region_of_country(TABLE.lookup("Burundi")) is Region.SOUTH
    assert region_of_country(TABLE.lookup("Kenya")) is Region.SOUTH
    assert region_of_country(TABLE.lookup("Colombia")) is Region.SOUTH
    assert region_of_country(TABLE.lookup("Netherlands")) is Region.NORTH
    assert region_of_country(TABLE.lookup("Nederland")) is Region.NORTH
    assert region_of_country(TABLE.lookup("UK")) is Region.NORTH


def test_unknown_country_stays_unknown_never_south() -> None:
    assert TABLE.lookup("Atlantis") is None
    assert region_of_country(TABLE.lookup("Atlantis")) is Region.UNKNOWN
    assert region_of_country(None) is Region.UNKNOWN


def test_country_names_match_across_languages_case_and_accents() -> None:
    assert TABLE.lookup("Moçambique").iso2 == "MZ"
    assert TABLE.lookup("MOCAMBIQUE").iso2 == "MZ"
    assert TABLE.lookup("République démocratique du Congo").iso2 == "CD"
    assert TABLE.lookup("Côte d’Ivoire") is None or TABLE.lookup("Cote d'Ivoire").iso2 == "CI"
    assert TABLE.lookup("the netherlands").iso2 == "NL"


def test_country_from_display_name_suffixes() -> None:
    assert country_from_display_name("Grace (Kenya)", TABLE).iso2 == "KE"
    assert country_from_display_name("Jean - CARE Burundi", TABLE).iso2 == "BI"
    assert country_from_display_name("Lucía Rodríguez [Colombia]", TABLE).iso2 == "CO"
    assert country_from_display_name("Kenya Smith", TABLE) is None  # a first name is not a country
    assert country_from_display_name("Pieter de Vries", TABLE) is None


def test_invisible_characters_and_case_do_not_hide_a_name_or_country() -> None:
    sneaky = "\u200bGrace\u200d Wanjiru\u2060 (\ufeffKENYA\u200e)"
    assert country_from_display_name(sneaky, TABLE).iso2 == "KE"
    assert name_key(base_display_name(sneaky)) == name_key("grace wanjiru")
    assert name_key("José PÉREZ") == name_key("jose perez")


def test_organiser_override_per_country() -> None:
    rules = RegionRules(by_country={"MX": Region.NORTH}, by_participant={})
    assert region_of_country(TABLE.lookup("Mexico")) is Region.SOUTH
    assert region_of_country(TABLE.lookup("Mexico"), rules) is Region.NORTH


def test_a_misspelt_country_gets_the_closest_name_or_alias() -> None:
    assert TABLE.suggest("Keny") == "Kenya"
    assert TABLE.suggest("Burundii") == "Burundi"
    assert TABLE.suggest("Netherland") in ("Netherlands", "Nederland")
    assert TABLE.suggest("soth", ("south", "north", "unknown")) == "south"
    assert TABLE.suggest("Atlantis") is None
