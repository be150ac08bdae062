"""Participants' own logistics, relayed questions and plainly asked questions: the rules of
:mod:`bot.core.lexicon_participant`, on examples written for these tests (not from any set)."""

from __future__ import annotations

import pytest

from bot.core.detect import detect
from bot.core.model import MessageKind

Q, L, C = MessageKind.QUESTION, MessageKind.LOGISTICS, MessageKind.CHATTER


@pytest.mark.parametrize(
    "text",
    [
        # a document or link they missed
        "Where can I find the agenda for today? Joined late",
        "Sorry where do I get the concept note, my connection dropped",
        "Où puis-je trouver la note conceptuelle ?",
        "¿Dónde puedo encontrar el documento que mencionaron?",
        "Onde posso encontrar o documento de apoio?",
        "Waar vind ik het document van vanochtend?",
        "Wo finde ich das Dokument zur Sitzung?",
        "I missed the link, could someone paste it?",
        # the next meeting or call
        "When is the next session? I want to bring a colleague",
        "Quand aura lieu la prochaine réunion ?",
        "¿Cuándo es la próxima reunión del grupo?",
        "Quando vai ser a próxima chamada?",
        "Wanneer is de volgende bijeenkomst?",
        "Wann ist die nächste Sitzung?",
        "Mkutano ujao utakuwa lini?",
        "次回の会議はいつですか？",
        "다음 모임은 언제인가요?",
        "下次会议是什么时候？",
        # a form in another language
        "Is the registration form available in Portuguese too?",
        "Le questionnaire, le formulaire est-il disponible en anglais ?",
        "¿El formulario está en inglés?",
        # changing one's name
        "How do I change my name on Zoom? It shows my sister's",
        "Comment changer mon nom dans la liste ?",
        "¿Cómo puedo cambiar mi nombre en la app?",
        "Dá para mudar o nome na tela?",
        "Hoe kan ik mijn naam wijzigen?",
        "名前を変更するにはどうすればいいですか？",
        "이름을 어떻게 바꾸나요?",
        # voting in the tool
        "The vote is not showing on my tablet, what do I do?",
        "Can I vote in the chat instead?",
        "Puedo votar por el chat? No me sale la encuesta",
        "Peut-on voter dans le chat ?",
        "Kan ik stemmen via de chat?",
        "投票ができないのですが？",
        "투표는 어디서 하나요?",
        # a survey counted for attendance, signing up for the next lecture
        "Does the feedback survey count towards attendance?",
        "La encuesta cuenta para la asistencia?",
        "Where do I sign up for the next lecture?",
        "Comment s'inscrire pour la prochaine séance ?",
        "アンケートは出席になりますか？",
        "다음 강의 신청은 어떻게 하나요?",
        # a file that does not open, a PDF, the chat file
        "The attachment won't open on my laptop, any other format?",
        "Le document ne s'ouvre pas chez moi, vous avez une version PDF ?",
        "El archivo no abre en mi celular",
        "Is there a PDF of the toolkit?",
        "Could we have the chat log after the meeting?",
        "文件打不开，有PDF版本吗？",
        # audio trouble and "can you repeat"
        "Sound dropped for a moment, could you repeat the last figure?",
        "Le son coupe, pouvez-vous répéter la dernière partie ?",
        "Is it only me? The speaker keeps freezing",
        "The sound keeps cutting, is it just me?",
        "Works for me, maybe rejoin?",
    ],
)
def test_own_logistics_is_not_for_the_panel(text: str) -> None:
    assert detect(text).kind is not Q, text


@pytest.mark.parametrize(
    "text",
    [
        # substance that only looks like it
        "Where can I find evidence that cash transfers reduce school dropout?",
        "When is the next phase of the programme expected to start in the north?",
        "Can communities vote on how the fund is spent in their district?",
        "Has the ministry changed its name since the reform, and does that affect the mandate?",
        # audio trouble, then a question of substance
        "Audio broke up, could you repeat? Also, why were the coastal districts left out?",
    ],
)
def test_substance_stays_a_question(text: str) -> None:
    assert detect(text).kind is Q, text


@pytest.mark.parametrize(
    "text",
    [
        "Translation: how will the ministry monitor the new quota?",
        "Translation for all: are the loans available to women's groups?",
        "Traducción del aymara: ¿quién decide el reparto de los fondos?",
        "Tradução do changana: as escolas vão ser reconstruídas?",
        "Traduction du wolof : qui paie les semences ?",
        "Translation / traducción: ¿qué pasa con los contratos firmados?",
        "Translation of Amadou's question: is the grant renewable?",
        "번역: 이 사업은 언제 끝나나요?",
    ],
)
def test_a_relayed_question_is_not_a_new_one(text: str) -> None:
    result = detect(text)
    assert result.kind is C and result.reason == "relay", text


def test_a_question_about_translation_is_still_asked() -> None:
    assert detect("Is translation into Hausa planned for the final report?").kind is not C


@pytest.mark.parametrize(
    "text",
    [
        "Thanks Aline, yes that's my question too",
        "Same question here",
        "C'est aussi ma question",
        "Esa es también mi pregunta",
        "Dat is ook mijn vraag",
        "저도 같은 질문입니다",
    ],
)
def test_same_question_is_agreement(text: str) -> None:
    assert detect(text).kind is C, text


@pytest.mark.parametrize("text", ["3 200 000 FCFA ?", "about 45%?", "12,5 millions ?", "1500 USD?"])
def test_a_bare_amount_answers_a_quiz(text: str) -> None:
    result = detect(text)
    assert result.kind is C and result.reason == "answer", text


def test_an_amount_in_a_question_is_asked() -> None:
    assert detect("Is 3 200 000 FCFA per school enough?").kind is Q


@pytest.mark.parametrize(
    "text",
    [
        # a name or vocative, no mark
        "Amina what made you change the model after the pilot",
        "Director, are women's cooperatives eligible under the new window",
        "Ms Ochieng, can small cooperatives apply without a bank account",
        # a short lead-in and colon
        "One more from me: can district offices report directly to the fund",
        "Quick one: are the targets set per region or nationally",
        # a conjunction, an opinion
        "and can cooperatives apply twice in the same cycle or only once",
        "Dra. Quispe, y en su opinión qué gobiernos están frenando el acuerdo",
        "Et pour le Niger, c'est prévu quand",
        "Y para Bolivia, el desembolso llega cuándo",
    ],
)
def test_plainly_asked_questions(text: str) -> None:
    assert detect(text).kind is Q, text


@pytest.mark.parametrize(
    "text",
    [
        "Kofi yes, will send it after the call",
        "Director, thanks, will share the list tomorrow.",
        "and we will continue with the next speaker.",
    ],
)
def test_replies_and_remarks_without_a_mark(text: str) -> None:
    assert detect(text).kind is not Q, text


def test_a_question_after_a_lead_in_is_not_moderating() -> None:
    result = detect("선생님 추가 질문입니다: 지역 정부의 역할은 무엇인가요?")
    assert result.kind is Q


def test_a_host_asking_for_more_questions_is_moderating() -> None:
    assert detect("추가 질문 있으신가요?").kind is C


def test_asking_after_the_break_is_not_about_the_break() -> None:
    text = "Derde vraag, misschien voor na de pauze: waarom is het budget voor onderwijs verlaagd?"
    assert detect(text).kind is Q
    assert detect("Hoe lang duurt de pauze?").kind is L


def test_asking_the_members_is_put_to_the_room() -> None:
    text = "Chair, can I ask the members something: would you back a joint statement?"
    assert detect(text).kind is C
