"""Round 3 of the detection rules, on examples written for these tests (not from any set)."""

from __future__ import annotations

import pytest

from bot.core.detect import detect
from bot.core.hosts import Peers
from bot.core.model import MessageKind

Q, L, C = MessageKind.QUESTION, MessageKind.LOGISTICS, MessageKind.CHATTER


@pytest.mark.parametrize(
    "text",
    [
        # dial-in numbers
        "My data bundle is finished, is there a dial-in number?",
        "Hebben jullie een inbelnummer voor wie thuis slecht internet heeft?",
        "Y a-t-il un numéro de téléphone pour appeler ? La connexion est mauvaise",
        # interpreters in plural forms, saving the chat
        "Zijn er tolken naar het Frans vandaag?",
        "Can the chat be saved and sent to us afterwards? Lots of good links here",
        "¿Se puede guardar el chat? Hay muchos enlaces útiles",
        "Wordt de chat opgeslagen na afloop?",
        # what time it ends, time left
        "Hoe laat stoppen we vandaag?",
        "À quelle heure se termine l'atelier ?",
        "Sorry, how many minutes are left? I have another call",
        # the next session and signing up for it
        "Is there a next session in March? I missed the first one",
        "¿Habrá una segunda sesión del taller?",
        "Where can I register for the next webinar?",
        "Can we register our colleagues from the district office too?",
        "Comment s'inscrire pour la prochaine séance ?",
        # an event summary, material in a language, sheets and folders
        "Will a summary of today's session be circulated?",
        "Is the worksheet also in Spanish? Half of my team reads Spanish only",
        "Where is the exercise sheet for group 3?",
        "The shared folder says access denied, can someone check the folder?",
        # attendance, other people's tools, the mic
        "Will attendance be taken in the breakout rooms too?",
        "Is the registration link working for others? Mine gives an error",
        "Pouvez-vous demander à Mme Sow d'approcher son micro ?",
        "Is the forum being recorded? Our members could not connect",
    ],
)
def test_running_the_event_in_more_shapes(text: str) -> None:
    assert detect(text).kind is L, detect(text)


@pytest.mark.parametrize(
    "text",
    [
        # a pointer into the talk is no request for the slides
        "On slide 7, the rise in stunting after 2019, is that drought or prices?",
        "Sur la diapo 4, pourquoi la courbe baisse-t-elle en 2021 ?",
        # the format a fund accepts is no audio trouble
        "Does the fund accept reports in audio or video? Many members cannot write",
        "¿Aceptan propuestas en video? Muchas organizaciones rurales no escriben",
        # submitting comments to a consultation is the process itself
        "Where do we send our written comments on the draft bill, and by when?",
        "Can you share the link for submitting memoranda on the housing levy?",
        # substance that shares words with the new logistics
        "How will partners register their complaints if the system is online only?",
        "How do micro and small firms benefit from the guarantee?",
        "Pourquoi son budget est coupé cette année ?",
        "Does a cash transfer work for everyone, or only for households with IDs?",
        "Will there be a second consultation round on the framework itself?",
        "What time horizon does the new strategy cover?",
    ],
)
def test_substance_that_looks_like_logistics(text: str) -> None:
    assert detect(text).kind is Q, detect(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        # "me too" asks nothing new
        ("Me too!", "agree"),
        ("I also want to know this", "agree"),
        ("Moi aussi", "agree"),
        ("Misma pregunta aquí", "agree"),
        ("Mimi pia", "agree"),
        ("私も知りたいです！", "agree"),
        ("저도 궁금합니다", "agree"),
        ("我也想知道", "agree"),
        # passing a question on, then answering it
        ("That's a question for Amina, but as far as I know the levy is 1.5%", "remark"),
        ("C'est une question pour Paul mais je crois que le fonds couvre déjà ça", "remark"),
        ("Esa es una pregunta para Lucía, pero el fondo sí financia salarios", "remark"),
        # a tag, then a comment
        ("Uganda stopped the programme in 2020, right? Big mistake", "remark"),
        ("Le Niger a quitté la CEDEAO, non ? Ça change tout pour les écoles", "remark"),
        # exclamations that open like questions
        ("Qué bueno ver a tantas organizaciones aquí, saludos desde Quito", "remark"),
        ("Que bom ouvir a Ana, trabalhamos juntas em 2019", "remark"),
        ("Wat mooi om dit voorbeeld uit Paramaribo te zien", "remark"),
        # a question to the room, not the panel
        ("For the NGOs in the room: is anyone already using mobile money for grants?", "peer"),
        ("Is anyone here already piloting this in Ghana?", "peer"),
        ("¿Alguien aquí ya trabaja con fondos comunitarios?", "peer"),
    ],
)
def test_not_for_the_panel(text: str, reason: str) -> None:
    got = detect(text)
    assert got.kind is C and got.reason == reason, got


@pytest.mark.parametrize(
    "text",
    [
        "Me too, how do we apply for the grant?",
        "Same question here: does the fund cover salaries?",
        "That's a question for Amina: does the levy apply to informal traders?",
        "Uganda stopped the programme in 2020, right? Why?",
        "Qué bueno escuchar esto, ¿pero cómo se financia?",
        "For the speakers in the room: how do you measure impact?",
        "Is anyone in the ministry already costing this plan?",
    ],
)
def test_the_same_shapes_still_ask_when_they_ask(text: str) -> None:
    assert detect(text).kind is Q, detect(text)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a topic, then a resumptive pronoun: a question without a mark
        ("The 10% levy is it paid by the county or by the traders", Q),
        ("These new bursaries are they open to girls out of school", Q),
        ("Our county allocation will it go up next year", Q),
        # ... not a clause as complement, nor a statement
        ("The point is it must be decided locally", C),
        ("The problem is they never consult the women's groups", C),
        ("This is it for today from our side", C),
        # indirect asks in Swahili and Korean
        ("Tunaomba kujua kama bajeti ya afya itaongezwa mwaka huu", Q),
        ("Tungependa kujua kwa nini miradi ya maji imesimama", Q),
        ("지원 대상이 어떻게 선정되는지 알고 싶습니다", Q),
        ("현장 평가가 예산에 반영되는지 궁금합니다", Q),
    ],
)
def test_more_questions_without_a_mark(text: str, kind: MessageKind) -> None:
    assert detect(text).kind is kind, detect(text)


def test_a_titled_name_in_the_chat_is_a_speaker() -> None:
    peers = Peers()
    peers.add("Sara Lind", "Welcome! Our guest today is Dr Tomás Rivera from Lima")
    peers.add("Tomás Rivera", "Thanks Sara, happy to be here")
    peers.add("Omar Haddou", "Bonjour à tous depuis Rabat")
    others = peers.without("Leila Benali")
    assert "omar haddou" in others and "tomas rivera" not in others
    question = "Tomás, do you work with the municipalities or directly with communities?"
    assert detect(question, peers=others).kind is Q
    # an untitled participant asked the same is still small talk between participants
    assert detect("Omar, do you work with the municipalities too?", peers=others).kind is C


def test_a_title_for_a_participant_makes_them_a_speaker_even_from_a_participant() -> None:
    peers = Peers()
    peers.add("Awino Otieno", "Merci Mme Diallo pour ces chiffres")
    peers.add("Fatou Diallo", "Avec plaisir")
    assert "fatou diallo" not in peers.without("Kofi Mensah")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Will there be a follow-up meeting with the ministry on the budget?", Q),
        ("Karibu sana, tunaomba kujua kama mkutano huu unarekodiwa", L),
        ("Yes it is they who decide in the end", C),
        ("We have a folder in English with all our tools, happy to share", C),
        ("Mobile money works for everyone in our district, right? Except the elderly", C),
        ("Can you share slide 9 again please", L),
    ],
)
def test_round3_boundaries(text: str, kind: MessageKind) -> None:
    assert detect(text).kind is kind, detect(text)


@pytest.mark.parametrize(
    "text",
    [
        "Could the ministry accept a video recording instead of the written report?",
        "¿Aceptan una grabación de voz en lugar de un informe escrito?",
        "Is there a path from the bridging course to the national certificate?",
    ],
)
def test_what_a_programme_accepts_or_awards_is_substance(text: str) -> None:
    assert detect(text).kind is Q, detect(text)


def test_the_events_own_recording_and_certificate_stay_logistics() -> None:
    assert detect("Will we get a certificate of attendance?").kind is L
    assert detect("Is there a recording of the session for those who missed it?").kind is L
