"""Hosts and speakers from the chat itself, and questions to fellow participants (invented chats)."""

import pytest

from bot.core.detect import addressed_peer, detect
from bot.core.hosts import Peers, infer_hosts, name_role
from bot.core.model import MessageKind

Q, C, L = MessageKind.QUESTION, MessageKind.CHATTER, MessageKind.LOGISTICS


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("Sipho Dlamini (Host)", "host"),
        ("Mariam Touré | co-host", "host"),
        ("Lucía Pérez - moderadora", "host"),
        ("Jean Habimana (Modérateur)", "host"),
        ("Pieter Smit (Webinar host)", "host"),
        ("Nadia Rahman (ISS, facilitator)", "host"),
        ("Tomás Ruiz (TA)", "host"),
        ("山田 花子 (ホスト)", "host"),
        ("Grace Achieng (panelist)", "speaker"),
        ("Dr. Kwabena Mensah", "speaker"),
        ("Prof. Ines Moreau (Sciences Po)", "speaker"),
        ("Grace Otieno - Chair of the Women's Network", None),
        ("Hosting Kampala (Uganda)", None),
        ("Ana : Oxfam (Colombia)", None),
        ("Kevin - Nairobi", None),
    ],
)
def test_role_tags_in_display_names(name: str, role: str | None) -> None:
    assert name_role(name) == role


def test_hosts_from_behaviour_in_several_languages() -> None:
    chat = [
        ("Lucía Pérez", "¡Bienvenidos y bienvenidas a este diálogo!"),
        ("Marc Dubois", "Bonjour à tous, merci d'être là"),
        ("Marc Dubois", "Je passe la parole à Mme Ndiaye"),
        ("Marc Dubois", "Est-ce que vous m'entendez bien ? Encore des questions ?"),
        ("佐藤 健", "ようこそ、皆さん。まもなく始めます"),
        ("Ali Hassan", "Q: how will the fund reach Somali women's groups?"),
        ("Ali Hassan", "Last question: what about the diaspora?"),
        ("Ali Hassan", "Question for the panel: is there a timeline?"),
        ("Ali Hassan", "see https://example.org/report"),
    ]
    assert infer_hosts(chat) == {"lucia perez", "marc dubois", "佐藤 健"}


def test_a_participant_who_asks_many_questions_is_no_host() -> None:
    chat = [
        ("Amina Yusuf", f"Question {i}: what happens to the fund in year {i}?") for i in range(8)
    ]
    chat += [("Amina Yusuf", "Here is our report: https://example.org/r")]
    chat += [("Amina Yusuf", "Any thoughts on the second tranche?")]
    assert infer_hosts(chat) == set()


def test_peers_are_participants_who_chatted_but_not_hosts_or_speakers() -> None:
    peers = Peers(speakers=["Hon. Rose Kagame"])
    peers.add("Joseph Mwangi (Kenya)", "Hello from Nakuru")
    peers.add("Femi Adeyemi", "Thanks Joseph, I will come back to this in the Q&A")
    peers.add("Carla Souza", "Question for Nnamdi: how do cooperatives get credit?")
    peers.add("Nnamdi Okeke", "The link is in my profile")
    peers.add("Anna Host", "Welcome all", host=True)
    peers.add("Rose Kagame", "Good question")
    assert peers.without("Carla Souza") == {"joseph mwangi kenya"}
    assert peers.without("Joseph Mwangi (Kenya)") == {"carla souza"}


@pytest.mark.parametrize(
    ("text", "peer"),
    [
        ("@Joseph which Python version are you using?", True),
        ("@Joseph Mwangi, do you work with county governments?", True),
        ("Joseph, which county are you in?", True),
        ("Joseph which county are you in?", False),  # no comma: not clearly a vocative
        ("@Dr. Joseph how do you see the role of counties?", False),
        ("@Amina how will the fund reach rural women?", False),  # never chatted
        ("How will Joseph's county benefit?", False),
    ],
)
def test_addressed_peer(text: str, peer: bool) -> None:
    assert addressed_peer(text, {"joseph mwangi kenya", "carla souza"}) is peer


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Does anyone have the 2019 evaluation report?", C),
        ("Anyone here from Rwanda?", C),
        ("Quelqu'un a le lien vers le rapport de la Banque mondiale ?", C),
        ("¿Alguien sabe si hay una versión en español del informe?", C),
        ("Weet iemand waar het jaarverslag van 2022 staat?", C),
        ("Kuna mtu anayejua ripoti hiyo inapatikana wapi?", C),
        ("Ada yang tahu laporan ini dalam bahasa Indonesia?", C),
        ("誰かこの報告書のリンクを持っていますか？", C),
        ("Does anyone know if the slides will be shared?", L),
        ("Has anyone from the ministry evaluated the pilot?", Q),
        ("Can someone explain what blended finance means here?", Q),
    ],
)
def test_questions_to_the_room_are_not_for_the_panel(text: str, kind: MessageKind) -> None:
    assert detect(text).kind is kind, detect(text)


def test_a_question_to_a_fellow_participant_needs_the_chat() -> None:
    text = "Joseph, which county are you in?"
    assert detect(text).kind is Q
    assert detect(text, peers={"joseph mwangi kenya"}).kind is C
    assert detect(text, peers={"joseph mwangi kenya"}).reason == "peer"


@pytest.mark.parametrize(
    "text",
    [
        "Any more questions for Dr. Mensah?",
        "Are there any other questions before we close?",
        "¿Alguna otra pregunta antes de cerrar?",
        "D'autres questions ?",
        "Nog meer vragen?",
        "Maswali mengine?",
        "他にご質問はありますか？",
        "추가 질문 있으신가요?",
    ],
)
def test_a_moderator_asking_for_more_questions_is_not_a_question(text: str) -> None:
    got = detect(text)
    assert got.kind is C and got.reason == "moderating"


@pytest.mark.parametrize(
    "text",
    [
        "I have two more questions: who funds this and how long does it run?",
        "Otra pregunta: ¿quién decide las prioridades?",
        "Building on other questions, how will the ministry measure success?",
    ],
)
def test_participants_more_questions_are_still_questions(text: str) -> None:
    assert detect(text).kind is Q


def test_speakers_from_what_the_chat_says_about_them() -> None:
    peers = Peers()
    peers.add("Grace Achieng", "Hello from Kisumu")
    peers.add("Kwame Boateng", "Hi all, Kwame from Kumasi")
    peers.add("Sofia Lind", "Hello from Uppsala")
    peers.add("Moderator Team", "@Grace what's your view on pooled funds?", host=True)
    peers.add("Kwame Boateng", "Thanks for the question, Sofia")
    assert peers.without("Sofia Lind") == set()
    assert peers.without("Grace Achieng") == {"sofia lind"}


def test_french_je_is_not_swahili_je() -> None:
    assert detect("Merci pour la question, je réponds à l'oral").kind is C
    assert detect("Je réponds à l'oral après cette intervention").kind is C
    assert detect("Je serikali itasaidia vijana wa vijijini").kind is Q
    assert detect("Je, mnashirikiana na kaunti").kind is Q


def test_more_host_behaviour() -> None:
    chat = [
        ("Kate Visser", "Hi all, I am your moderator today"),
        ("Jo Mensah", "I will be moderating a similar panel next week, how do you pick speakers?"),
        ("Luis Ortega", "Vamos a comenzar en cinco minutos"),
    ]
    assert infer_hosts(chat) == {"kate visser", "luis ortega"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # a speaker's own audio check asks the room, not the organisers: chatter (round 2)
        ("Sorry, is it better now?", C),
        ("Can you hear me now?", C),
        ("Is the audio cutting out for everyone or just me?", L),  # audio: never the panel's queue
        ("Is anyone from the ministry going to respond to this?", Q),
        ("Is anyone here from Rwanda?", C),
        ("Can anyone share examples of pooled funds that worked?", Q),
    ],
)
def test_audio_checks_and_room_questions(text: str, kind: MessageKind) -> None:
    assert detect(text).kind is kind, detect(text)
