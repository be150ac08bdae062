"""Question detection: what reaches the panel, what goes to logistics, what stays chatter."""

import pytest

from bot.core.detect import detect, strip_prefix
from bot.core.model import MessageKind

QUESTIONS = [
    "Q: How will the ministry simplify reporting for small partners?",
    "Vraag: hoe zorgt het kabinet voor beleidscoherentie?",
    "Question : quelle est la position du ministère sur la cohérence des politiques ?",
    "Pregunta: ¿cómo van a proteger a las defensoras del territorio?",
    "Pergunta: quem decide as prioridades das parcerias?",
    "Swali: Je, wizara itatoa ufadhili wa moja kwa moja kwa mashirika ya ndani?",
    "Will the ministry fund local organisations directly?",
    "Waarom krijgen zuidelijke organisaties geen directe financiering?",
    "Comment le ministère va-t-il protéger l'espace civique au Burundi",
    "¿Por qué las organizaciones del Norte siguen recibiendo los fondos?",
    "Como o ministério vai compartilhar os riscos com as organizações locais?",
    "je wizara itasaidiaje watetezi wa haki za binadamu",
    "I would like to ask the panel about direct funding for youth groups",
    "Hello from Goma! How will the ministry support women's movements in eastern DRC?",
]
CHATTER = [
    "Good morning everyone!",
    "Goedemiddag allemaal vanuit Den Haag",
    "Bonjour à tous depuis Bujumbura",
    "Habari za mchana kutoka Nairobi! 👋",
    "Thank you, great panel",
    "Asanteni sana kwa mjadala huu mzuri 🙏",
    "can't hear anything",
    "no se escucha nada",
    "hatusikii sauti",
    "I agree with the previous speaker",
    "ok",
]
LOGISTICS = [
    "Will the slides be shared after the webinar?",
    "¿Habrá grabación del webinar?",
    "Worden de slides gedeeld?",
    "Est-ce que l'enregistrement sera disponible ?",
    "Slaidi zitashirikiwa baada ya mkutano?",
    "is er een pauze?",
    "Where can I find the link to the report?",
    "can't hear anything, is the audio working?",  # an audio question, not a report
]


@pytest.mark.parametrize("text", QUESTIONS)
def test_real_questions_are_queued(text: str) -> None:
    assert detect(text).kind is MessageKind.QUESTION


@pytest.mark.parametrize("text", CHATTER)
def test_greetings_thanks_and_tech_talk_are_not_queued(text: str) -> None:
    assert detect(text).kind is MessageKind.CHATTER


@pytest.mark.parametrize("text", LOGISTICS)
def test_logistics_questions_go_to_their_own_list(text: str) -> None:
    assert detect(text).kind is MessageKind.LOGISTICS


def test_the_link_between_policies_is_not_logistics() -> None:
    assert detect("What is the link between trade policy and aid?").kind is MessageKind.QUESTION


def test_host_announcements_are_chatter_unless_prefixed() -> None:
    assert (
        detect("What a great first round, shall we continue?", from_host=True).kind
        is MessageKind.CHATTER
    )
    assert (
        detect("Q: what about direct funding for youth?", from_host=True).kind
        is MessageKind.QUESTION
    )


def test_prefix_is_removed_from_the_queued_text() -> None:
    assert strip_prefix("Q: Why so?") == ("Why so?", True)
    assert strip_prefix("Swali 2: Je?") == ("Je?", True)
    assert (
        detect("Vraag: hoe nu verder met de subsidies?").text == "hoe nu verder met de subsidies?"
    )
    assert strip_prefix("Quality matters") == ("Quality matters", False)
