"""Round 5: the audience asked, moderators who say so, participants' own logistics, side talk.

Every example is invented for these tests (none is taken from an evaluation set).
"""

from __future__ import annotations

import pytest

from bot.core.detect import detect
from bot.core.hosts import infer_hosts
from bot.core.model import MessageKind
from bot.core.text import name_key


@pytest.mark.parametrize(
    "text",
    [
        "Before we dive in, a show of hands: who has applied for this fund before?",
        "How many of you already use mobile money for the cooperative?",
        "One question to you all: what worries you most about the new levy?",
        "Combien d'entre vous travaillent avec des coopératives de pêche ?",
        "Une question pour vous tous : quel est votre plus grand défi cette année ?",
        "¿Cuántos de ustedes han participado en un presupuesto participativo?",
        "Tercera pregunta: ¿qué le pedirían al ministerio? Respondan con una palabra.",
        "Quantos de vocês já trabalharam com rádios comunitárias?",
        "Quem aqui já leu o relatório anual? Escrevam sim ou não",
        "Wie van jullie heeft al eens een subsidie aangevraagd bij de gemeente?",
        "Hoeveel van jullie werken met vrijwilligers?",
        "Wer von euch war schon einmal in Arusha?",
        "Wangapi kati yenu mmeshiriki mkutano wa bajeti?",
        "Does everyone see the map now?",
        "Can you all hear the video sound?",
        "Tout le monde entend bien l'interprète ?",
        "¿Todas ven el documento compartido?",
        "Kunnen jullie mijn scherm zien?",
        "Tell us in the chat: which region are you working in?",
        "Is your district affected? Just type yes or no",
        "Ok, sharing now. Do you see the chart?",
        "チャットに書いてください：どの地域から参加していますか？",
        "이 분야에서 일해보신 분 계신가요?",
        "Können alle die Folien sehen?",
        "Todos estão vendo a apresentação?",
        "Voyez-vous tous l'écran ?",
        "Mnaniona vizuri?",
        "皆さんの中で、現地に行ったことがある方はいますか？",
        "경험이 있으신 분은 손 들어주세요",
    ],
)
def test_a_question_to_the_audience_is_a_prompt_whoever_posts_it(text: str) -> None:
    found = detect(text)
    assert found.kind is MessageKind.CHATTER
    assert found.reason == "prompt"


@pytest.mark.parametrize(
    "text",
    [
        "A question for all the panelists: how will the fund reach rural women?",
        "Una pregunta para todas las ponentes: ¿qué cambia con la nueva ley?",
        "How many of the 40 districts have a working clinic?",
        "Why does everyone see the levy as a tax on the poor?",
        "Do you see a role for churches in the distribution?",
        "Voyez-vous un risque pour les femmes rurales ?",
        "How many of you on the panel have visited the camps?",
        "Wie van jullie sprekers heeft de regeling zelf gebruikt?",
        "Je, mnaona changamoto gani katika sheria hii?",
    ],
)
def test_a_question_about_the_audience_or_to_the_panel_stays_a_question(text: str) -> None:
    assert detect(text).kind is MessageKind.QUESTION


@pytest.mark.parametrize(
    "opening",
    [
        "Hi all, I'm Rosa and I'll be moderating this afternoon.",
        "Buenas tardes, soy Inés y voy a moderar la sesión.",
        "Bonsoir, je suis Karim et je modère ce débat.",
        "Olá a todos, eu vou moderar a conversa de hoje.",
        "Goedemiddag, ik modereer vandaag het gesprek.",
        "Guten Tag, ich moderiere heute die Runde.",
        "Merci d'indiquer votre nom et votre institution dans le chat.",
        "本日の司会を務めます田中です。",
        "오늘 사회를 맡은 김민지입니다.",
    ],
)
def test_one_who_says_they_moderate_is_a_host(opening: str) -> None:
    chat = [
        ("Ines Moder", opening),
        ("Tomas Part", "Hello from Quito"),
        ("Ines Moder", "Do you think the reform goes far enough?"),
    ]
    assert name_key("Ines Moder") in infer_hosts(chat)


def test_two_audience_prompts_make_a_host_and_a_participant_is_not() -> None:
    chat = [
        ("Lea Brandt", "Does everyone see the slides?"),
        ("Omar Said", "Is the levy applied to imports too?"),
        ("Lea Brandt", "Quick show of hands: how many of you work in health?"),
        ("Omar Said", "Will it be phased in?"),
    ]
    hosts = infer_hosts(chat)
    assert name_key("Lea Brandt") in hosts
    assert name_key("Omar Said") not in hosts


@pytest.mark.parametrize(
    "text",
    [
        "Is the break 10 or 15 minutes? I need to call my office",
        "La pause est de combien, 10 minutes ?",
        "O intervalo é de 10 minutos?",
        "How much time do we have left? I have a train at six",
        "¿Cuánto tiempo nos queda? Tengo otra reunión",
        "Hoeveel tijd hebben we nog?",
        "I was put in room 4 but I work on water, can I move?",
        "In which group am I for the exercise?",
        "Are the groups assigned by the organisers or do we choose?",
        "Los grupos son elegidos por el profesor?",
        "Is the feedback form working? It shows me an error page",
        "El formulario no funciona, ¿lo pueden revisar?",
        "Where is the assignment for next week? not on Moodle",
        "Onde está o trabalho final? não encontro",
        "Will the minutes be in French too?",
        "Are the notes available in Swahili as well?",
        "Is there a recording of day 2? I missed the morning",
        "Est-ce que le débat est retransmis en direct ?",
        "Is 14:00 CET the same time zone as Kigali?",
        "Could someone post the agenda in the chat?",
        "هل الترجمة الفورية متاحة للجميع؟",
    ],
)
def test_a_participants_own_logistics_is_not_for_the_panel(text: str) -> None:
    assert detect(text).kind is MessageKind.LOGISTICS


@pytest.mark.parametrize(
    "text",
    [
        "Will the ministry share the audit with the government of Kenya?",
        "Do donors share their mapping data with the ministry?",
        "How long is the transition period for small farmers?",
        "Does the plan assign groups of villages to each clinic?",
    ],
)
def test_substance_that_looks_like_running_the_event_stays_a_question(text: str) -> None:
    assert detect(text).kind is MessageKind.QUESTION


@pytest.mark.parametrize(
    "text",
    [
        "lol why is the wifi always down at these things??",
        "haha who chose this background music?",
        "jajaja ¿quién eligió esa foto?",
        "Who ordered the rain today? 😂",
        "Qui a choisi cette musique d'attente ? 🤣",
    ],
)
def test_a_joke_phrased_as_a_question_is_side_talk(text: str) -> None:
    found = detect(text)
    assert found.kind is MessageKind.CHATTER
    assert found.reason == "joke"


def test_a_sheepish_emoji_does_not_make_a_question_a_joke() -> None:
    assert detect("Sorry if this is basic 😅 but how is the levy collected?").kind is (
        MessageKind.QUESTION
    )


@pytest.mark.parametrize(
    "text",
    [
        "Could you stay on the budget slide - why did the health share fall in 2022?",
        "Can you go back to the previous slide? where does the 12% come from?",
        "Amina, pause on the map slide please - which districts are in red?",
    ],
)
def test_a_question_after_asking_to_stay_on_a_slide_is_a_question(text: str) -> None:
    assert detect(text).kind is MessageKind.QUESTION


def test_only_asking_to_stay_on_a_slide_is_logistics() -> None:
    assert detect("Could you go back to the previous slide please?").kind is (MessageKind.LOGISTICS)


@pytest.mark.parametrize(
    "text",
    [
        "Following Ruth - do the same rules apply to cooperatives",
        "Building on what Kofi said: is there a budget line for this",
        "Suite à Marie - est-ce que la loi couvre aussi les villes",
        "Dr Osei are the new clinics staffed by nurses or volunteers",
        "Prof Lindqvist is the model calibrated on rural data",
        "Eu queria saber se o programa cobre também as escolas",
        "J'aimerais savoir si le fonds accepte les associations informelles",
        "Ik vraag me af of de regeling ook voor zzp'ers geldt",
        "Ich frage mich, ob das Gesetz auch für Städte gilt",
    ],
)
def test_asking_after_a_lead_in_a_title_or_indirectly(text: str) -> None:
    assert detect(text).kind is MessageKind.QUESTION


@pytest.mark.parametrize(
    "text",
    [
        "Interesting, I was wondering the same",
        "Great point! I had the same question",
        "Moi aussi, j'avais la même question",
        "なるほど、私も知りたかったです",
        "좋네요, 저도 궁금했어요",
    ],
)
def test_agreeing_in_the_past_tense_is_agreement(text: str) -> None:
    found = detect(text)
    assert found.kind is MessageKind.CHATTER
    assert found.reason == "agree"


@pytest.mark.parametrize(
    "text",
    [
        "And who pays for it in the end? Nobody. As always.",
        "Qu'est-ce qui a changé ? Rien, depuis dix ans.",
        "¿Y quién lo controla? Nadie.",
    ],
)
def test_a_question_its_asker_answers_at_once_is_rhetorical(text: str) -> None:
    found = detect(text)
    assert found.kind is MessageKind.CHATTER
    assert found.reason == "rhetorical"


@pytest.mark.parametrize(
    "text",
    [
        "Does the program cover type 2 diabetes?",
        "Is the fund open to NGOs, yes/no?",
        "How can I change the policy at district level?",
        "How much time is needed for a land title?",
        "The pause in US funding is 90 days, what happens after?",
        "Does this form of cooperation work in rural areas?",
        "Je ne trouve pas de données sur Mopti dans le rapport, existent-elles ?",
        "Quem trabalha com isso no ministério?",
        "Will the data be published with the report?",
        "What is the link between aid and work in the camps?",
        "In which group of countries does Chad fall?",
    ],
)
def test_round5_shapes_do_not_catch_questions_of_substance(text: str) -> None:
    assert detect(text).kind is MessageKind.QUESTION


def test_a_participant_who_facilitates_elsewhere_is_not_a_host() -> None:
    chat = [
        (
            "Kwame Boateng",
            "I'm facilitating a similar process in Kumasi, how did you involve chiefs?",
        ),
        ("Kwame Boateng", "Hola a todos y todas, what budget did the pilot have?"),
    ]
    assert name_key("Kwame Boateng") not in infer_hosts(chat)
