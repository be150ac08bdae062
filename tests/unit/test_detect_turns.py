"""Running the event, conversation turns and unmarked asking: the rules of
:mod:`bot.core.lexicon_running` and :mod:`bot.core.lexicon_turns`, and the host and panelist
signals that go with them, on examples written for these tests (not from any set)."""

from __future__ import annotations

import pytest

from bot.core.detect import detect
from bot.core.hosts import Peers, infer_hosts, name_role
from bot.core.model import MessageKind

Q, L, C = MessageKind.QUESTION, MessageKind.LOGISTICS, MessageKind.CHATTER

PEERS = {"nour haddad", "marta ruiz", "pieter de vries", "佐藤 花子", "kim minji", "chan dara"}


@pytest.mark.parametrize(
    "text",
    [
        # the break, time left
        "What time exactly is the lunch break in WAT? I have to pick up my son",
        "When is the break?",
        "Hoe lang duurt de vergadering nog? Ik moet om vier uur weg",
        "Combien de temps dure encore la séance ?",
        # the chat itself, captions, polls and votes
        "Is the chat going to be shared afterwards? Lots of links here",
        "チャットの内容は後で共有されますか？",
        "¿Hay subtítulos en inglés?",
        "Are live captions available for this webinar?",
        "I can't see the poll, where do I click?",
        "Telt mijn stem ook als ik via de telefoon meedoe?",
        # where the session is
        "Sorry, which slide are we on now?",
        "What page in the handbook is this exercise?",
        # course running in Japanese and Korean, a module, signing up again
        "期末レポートの締め切りはいつですか？",
        "今日の出席はどうやって確認しますか？",
        "과제 양식은 어디서 받을 수 있나요?",
        "3부는 몇 시에 시작하나요?",
        "다음 모임 날짜는 정해졌나요?",
        "회의록은 언제 받을 수 있나요?",
        "When is module 5 and do we have to register again?",
        # versions of what is launched, sharing words the lists missed
        "Is the executive summary also available in Portuguese?",
        "Is the French version of the report online yet?",
        "Will there be printed copies for our district offices?",
        "Will the recording of this afternoon be sent to those who left early?",
        "Pouvez-vous repartager le lien du questionnaire ? Il ne s'ouvre pas",
        "¿Me repiten el enlace del formulario, por favor?",
        "Sorry, where do I find the background note again?",
    ],
)
def test_running_the_event_in_more_shapes(text: str) -> None:
    assert detect(text).kind is L, detect(text)


@pytest.mark.parametrize(
    "text",
    [
        "Do the nurses get a certificate recognised by the health ministry?",
        "Are national exams still held in the settlements?",
        "Will the next workshop cover the coastal districts as well?",
        "Is there any plan for a follow-up training only for women councillors?",
        "Is there a standard template the municipalities use to report on this?",
        "La pausa fiscal que proponen, ¿aplica también a las cooperativas?",
        "寄付者への説明資料の良い例はありますか？",
    ],
)
def test_what_only_looks_like_running_the_event_is_a_question(text: str) -> None:
    assert detect(text).kind is Q, detect(text)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Good question Amaru. The ministry has not published that yet", "reply"),
        ("Farida, great point, we cover it in chapter three of the book", "reply"),
        ("Bonne question Awa, on en parle dans la deuxième partie", "reply"),
        ("いい質問ですね。後で詳しく説明します", "reply"),
        ("좋은 질문입니다. 뒤에서 다룰게요", "reply"),
        ("@Tomas would you like to take Kim's question or shall I?", "handover"),
        ("Thanks Ana, great moderation. Shall we call next week?", "arrangement"),
        ("Nour, on s'appelle la semaine prochaine ?", "arrangement"),
        ("Where would they even go? Nobody wants to leave the river", "rhetorical"),
    ],
)
def test_replies_handovers_and_arrangements_are_chatter(text: str, reason: str) -> None:
    found = detect(text)
    assert (found.kind, found.reason) == (C, reason)


def test_an_acknowledgement_then_a_question_with_a_mark_is_a_question() -> None:
    found = detect("Very good point Efe. Dr Bello, has any state tried this before?")
    assert found.kind is Q


@pytest.mark.parametrize(
    "text",
    [
        "Nour, tu as la référence de cette étude ?",
        "Marta, ¿tienes el contacto de la cooperativa?",
        "Marta, ¿me pasas el enlace del informe?",
        "Pieter, heb jij de notulen van vorige keer?",
        "@Pieter which edition of the reader do you have? My pages differ",
        "Chan Dara, did your network join the river monitoring pilot?",
        "Dara, can you share that study here?",
        "佐藤さん、後で事例を教えていただけますか？",
    ],
)
def test_asking_a_fellow_participant_for_what_they_have_is_peer_talk(text: str) -> None:
    found = detect(text, peers=PEERS)
    assert (found.kind, found.reason) == (C, "peer"), found


def test_a_given_name_may_come_last_or_before_a_familiar_word() -> None:
    assert detect("Dara, do you have the report?", peers={"chan dara"}).reason == "peer"
    assert detect("Ayo bhai, can you send?", peers={"ayo bello"}).reason == "peer"
    assert detect("Dara, do you have the report?", peers={"dara"}).reason == "peer"


@pytest.mark.parametrize(
    "text",
    [
        "Weet iemand van het panel of de evaluatie openbaar is?",
        "Does anyone on the panel know whether the fund was audited?",
        "Is anyone working with the fishers' unions on the early warnings?",
        "Last one: is anyone using community radio for the alerts? It works well here",
    ],
)
def test_questions_to_the_panel_or_the_whole_event_are_questions(text: str) -> None:
    assert detect(text).kind is Q, detect(text)


@pytest.mark.parametrize(
    "text",
    [
        # indirect openers
        "I wonder whether the county budgets include disability funding",
        "Je me demande si les communes ont reçu les fonds promis",
        "Ik vraag me af of de gemeenten hierover zijn geïnformeerd",
        "Me pregunto si las cooperativas tienen acceso a ese crédito",
        "Nataka kujua kama serikali za kaunti zimepokea fedha hizo",
        "Would be good to know whether the schools hire local cooks or caterers",
        "I'd be interested to know how the households were selected",
        # elliptic "any ...", a lead-in before a colon, a fronted place
        "Any plans to extend the grant to informal traders",
        "To both ministers: any evidence that the levy reached the clinics",
        "Follow up to Juma: would the authors support a public register of donors",
        "One more on data: does the agency publish the raw figures",
        "In your survey did you also ask about mobile money",
        # sir / ma'am before the question
        "Ma'am how often is the risk map updated",
        "sir how many days does the assessment take",
        # Haitian Creole
        "Mesye Jean, ki kote fanmi yo ap jwenn lajan pou rebati kay yo",
        "Poukisa leta pa peye pwofesè yo depi sis mwa",
        # Japanese: a first sentence closed by a question particle, thanks then a question
        "地方の団体にはどのように資金が届くのでしょうか。仕組みがよく分かりませんでした",
        "ありがとうございます。農家への補償はどうでしょうか？",
        # a tag that challenges what a speaker said
        "Mme Keita, vous avez dit que les taux baissent. Mais en zone rurale, ce n'est pas le"
        " cas, non ?",
    ],
)
def test_asking_without_a_mark_or_behind_an_opening(text: str) -> None:
    assert detect(text).kind is Q, detect(text)


def test_a_plain_tag_after_a_comment_stays_a_remark() -> None:
    assert detect("Rural women are left out again, non ?").kind is C


@pytest.mark.parametrize(
    ("name", "role"),
    [
        ("Launch Team Nairobi", "host"),
        ("Secretariaat Noordkring", "host"),
        ("Session Desk 4A", "host"),
        ("네트워크 사무국", "host"),
        ("Tech Support Ama", "host"),
        ("이정민 교수", "speaker"),
        ("田中 真理（講師）", "speaker"),
        ("Co-host Kahindi Baya", "host"),
        ("Moderator: Ana Ruiz", "host"),
        ("Hostetler John", None),
        ("Okafor Emeka", None),
    ],
)
def test_team_accounts_and_titles_after_the_name(name: str, role: str | None) -> None:
    assert name_role(name) == role


def test_hosts_from_introductions_time_left_and_moving_on() -> None:
    chat = [
        ("Efe Bello", "Welcome to parallel session 2C on land and water."),
        ("Ana Lima", "Please drop your name and where you are joining from in the chat"),
        ("Tom Ruiz", "Hi all, Tom from Lima"),
        ("山田 花", "チャットにお名前とご所属をお書きください"),
        ("山田 花", "本日は録画しています。"),
        ("Kofi Mensah", "About ten minutes left, last questions please"),
        ("Kofi Mensah", "We now move to the second speaker, keep the questions coming"),
        ("Tom Ruiz", "Is there a plan for the northern districts?"),
    ]
    assert infer_hosts(chat) == {"efe bello", "ana lima", "山田 花", "kofi mensah"}


def test_a_participant_who_answers_two_askers_by_name_is_a_panelist() -> None:
    peers = Peers()
    peers.add("Amani Said", "How are the returnees registered at the border?")
    peers.add("Leila Omar", "Is the transit centre still full?")
    peers.add("Grace Achieng", "Amani, through the desk at the crossing point.")
    assert "grace achieng" in peers.without("Joe Kim")
    peers.add("Grace Achieng", "Leila, yes, three times its capacity")
    assert "grace achieng" not in peers.without("Joe Kim")
    question = "Grace, what papers do the returnees have? Many were born abroad"
    assert detect(question, peers=peers.without("Joe Kim")).kind is Q


def test_answering_one_person_twice_does_not_make_a_panelist() -> None:
    peers = Peers()
    peers.add("Amani Said", "Where is your office?")
    peers.add("Grace Achieng", "Amani, in Gulu")
    peers.add("Amani Said", "Do you work with the district?")
    peers.add("Grace Achieng", "Amani, yes since 2020")
    assert "grace achieng" in peers.without("Joe Kim")


@pytest.mark.parametrize(
    "text",
    [
        "Quick poll: which sector do you work in?",
        "Quiz: what share of aid goes to local actors?",
        "Sondage : qui a déjà reçu un financement direct ?",
        "Show of hands: who has applied to the fund before?",
        "Raise your hand if you have used the toolkit before?",
        "Any questions for Marta before we move on?",
        "Where is everyone joining from?",
    ],
)
def test_questions_to_the_audience_are_prompts(text: str) -> None:
    found = detect(text)
    assert (found.kind, found.reason) == (C, "prompt")


def test_clarifying_what_a_fellow_participant_meant_is_peer_talk() -> None:
    peers = {"ana lima", "hamid noor"}
    for text in (
        "@Ana did you mean the district or the county budget?",
        "Did you mean the 2019 framework or the new one, Ana?",
        "Hamid, you mean the old policy?",
    ):
        assert detect(text, peers=peers).reason == "peer", text
    assert detect("Can you say more about the levy, Dr Moyo?", peers=peers).kind is Q


@pytest.mark.parametrize("text", ["ok thanks?", "Thanks a lot?!", "Merci beaucoup ?"])
def test_nothing_but_thanks_is_thanks_whatever_the_mark(text: str) -> None:
    assert detect(text).kind is C


@pytest.mark.parametrize(
    "text",
    [
        "Anong oras ang break?",
        "¿Se va a compartir el chat después?",
        "O chat vai ser compartilhado depois?",
        "Je ne vois pas le sondage, où faut-il cliquer ?",
        "Which section of the report are we discussing now?",
        "À quelle page sommes-nous ?",
        "Kapan modul 4 dimulai?",
        "Le résumé est-il disponible en anglais ?",
        "Je, muhtasari unapatikana kwa Kiswahili?",
        "What is the deadline for the assignment?",
        "作业什么时候交？",
        "下半场几点开始？",
    ],
)
def test_running_the_event_in_more_languages(text: str) -> None:
    assert detect(text).kind is L, detect(text)


@pytest.mark.parametrize(
    "text",
    [
        "How does the ministry set the break-even price for maize?",
        "Will the pause in US funding affect the clinics?",
        "Is the deadline for the national plan realistic?",
        "Was the survey translated into local languages for the households?",
    ],
)
def test_words_of_running_the_event_in_substance(text: str) -> None:
    assert detect(text).kind is Q, detect(text)


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        (
            "[Q] how are the funds audited at county level",
            "how are the funds audited at county level",
        ),
        ("#question how are the funds audited", "how are the funds audited"),
        ("(Q) how are the funds audited", "how are the funds audited"),
    ],
)
def test_a_question_tag_instead_of_a_colon_is_a_prefix(text: str, rest: str) -> None:
    found = detect(text)
    assert (found.kind, found.reason, found.text) == (Q, "prefix", rest)


def test_creole_i_would_like_to_know_asks() -> None:
    assert detect("Mwen ta renmen konnen kijan yo kontwole lajan an").kind is Q


def test_any_questions_from_anyone_is_a_prompt() -> None:
    assert detect("Any questions? Feel free to put them in the chat").reason == "prompt"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Por favor escriban en el chat su nombre y desde dónde se conectan", (1, 0, 0)),
        ("Andikeni majina yenu na mnakotoka kwenye chat", (1, 0, 0)),
        ("A sessão está a ser gravada", (1, 0, 0)),
        ("请大家在聊天区写下姓名和单位", (1, 0, 0)),
        ("Quedan 10 minutos, últimas preguntas", (0, 1, 0)),
        ("Il nous reste 10 minutes", (0, 1, 0)),
        ("Zimebaki dakika 10", (0, 1, 0)),
        ("Passamos agora à próxima oradora", (0, 1, 0)),
        ("We gaan nu door naar de volgende spreker", (0, 1, 0)),
        ("还剩10分钟", (0, 1, 0)),
        ("How are the clinics staffed in the north?", (0, 0, 0)),
    ],
)
def test_host_signals_in_more_languages(text: str, found: tuple[int, int, int]) -> None:
    from bot.core.hosts import signals

    assert signals(text) == found


def test_asking_whether_the_meeting_is_recorded_is_no_host_signal() -> None:
    from bot.core.hosts import signals

    assert signals("Est-ce que la réunion est enregistrée ?") == (0, 0, 0)
    assert signals("La réunion est enregistrée. Bienvenue !")[0] == 1


@pytest.mark.parametrize(
    "text",
    [
        "주민들이 몇 시간을 걸어야 하나요?",
        "有几点建议可以分享吗？",
        "会議に出席した政府関係者は誰ですか？",
        "Can we talk about the funding cuts later in the Q&A?",
    ],
)
def test_running_words_of_a_different_sense_are_no_logistics(text: str) -> None:
    assert detect(text).kind is Q, detect(text)


@pytest.mark.parametrize("text", ["Kisa Mwangi from Nairobi here, greetings", "Tôi không. Cảm ơn"])
def test_question_words_need_their_language_around_them(text: str) -> None:
    assert detect(text).kind is C, detect(text)
