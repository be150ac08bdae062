"""Round 2 of the detection rules, on examples written for these tests (not from any set)."""

from __future__ import annotations

import pytest

from bot.core.address import small_talk
from bot.core.detect import detect
from bot.core.hosts import infer_hosts
from bot.core.model import MessageKind

Q, L, C = MessageKind.QUESTION, MessageKind.LOGISTICS, MessageKind.CHATTER


@pytest.mark.parametrize(
    ("text", "kind", "reason"),
    [
        # closing tags on a comment ask nobody
        ("Donors never fund core costs, right?", C, "tag"),
        ("Les bailleurs arrivent toujours en retard, non ?", C, "tag"),
        ("Sempre a mesma conversa, né?", C, "tag"),
        ("Claro, el problema es el dinero, ¿verdad?", C, "tag"),
        ("Dat hadden we vorig jaar ook al gezien, toch?", C, "tag"),
        ("Mahal talaga ang kuryente dito, di ba?", C, "tag"),
        ("Ugh, the deadline moved again... who could have guessed?!", C, "remark"),
        # ... but a conclusion put to the speaker, or a real question before the tag, asks
        ("So pooled funds reach local groups faster, right?", Q, "mark"),
        ("Donc la réforme ne change rien pour les communes, non ?", Q, "mark"),
        ("Why do audits take a year? That is far too slow, no?", Q, "mark"),
        ("Did the fund ever reach women's groups, has it?", Q, "mark"),
    ],
)
def test_tag_questions(text: str, kind: MessageKind, reason: str) -> None:
    found = detect(text)
    assert (found.kind, found.reason) == (kind, reason), found


@pytest.mark.parametrize(
    "text",
    [
        "Sorry all, am I audible now?",
        "Is this better?",
        "Désolé, c'est mieux maintenant ?",
        "¿Me escuchan ahora?",
        "Beter zo?",
        "Mnanisikia sasa?",
        "이제 잘 들리시나요?",
        "私の声、聞こえますか？",
    ],
)
def test_a_speakers_own_audio_check_is_chatter(text: str) -> None:
    found = detect(text)
    assert (found.kind, found.reason) == (C, "check"), found


def test_an_audio_check_phrase_inside_a_real_question_still_asks() -> None:
    assert detect("Isn't it better to give the money straight to the cooperatives?").kind is Q


@pytest.mark.parametrize(
    "text",
    [
        "Will the presentations be shared with us afterwards?",
        "Les diapositives seront-elles envoyées aux participants ?",
        "¿Van a compartir las presentaciones después?",
        "As apresentações ficam disponíveis onde?",
        "Kan iemand de link naar het formulier opnieuw plaatsen?",
        "Is the video for everyone frozen, or just me?",
        "El audio está fallando para todos o solo para mí?",
        "La voix de l'intervenant coupe pour quelqu'un d'autre ?",
        "Is the Spanish channel working? I only hear English",
        "¿Se está grabando esta sesión?",
        "How much time is left before the break?",
        "Il reste combien de temps ?",
        "Will this come up in the exam?",
        "Is chapter 3 part of the required reading?",
        "When is the response paper due?",
        "Where do I find the feedback form for today?",
        "Which breakout group should the Kenya team join?",
        "Could you make the font size a bit larger?",
    ],
)
def test_logistics_in_more_shapes(text: str) -> None:
    found = detect(text)
    assert found.kind is L, found


@pytest.mark.parametrize(
    "text",
    [
        # "registration" of an association, a pause in growth, the volume of aid: substance
        "Est-ce que le ministère motive ses refus d'enregistrement des ONG ?",
        "Als we de uitbreiding op pauze zetten, wat gebeurt er dan met het personeel?",
        "¿Cómo se explica el volumen de fondos que no llega a los municipios?",
        "Pode o projeto falhar se o governo mudar?",
        "¿Qué pasa con los fondos congelados por la auditoría?",
        "Is the licence of this dataset open, or can we not reuse the notebook code?",
    ],
)
def test_trap_words_in_substantive_questions(text: str) -> None:
    found = detect(text)
    assert found.kind is Q, found


@pytest.mark.parametrize(
    "text",
    [
        "Ndashaka kumenya niba amashuri yo mu cyaro azabona inkunga",
        "ninauliza kama serikali za mitaa zina bajeti ya maji",
        "Gusto ko lang malaman kung sino ang magbabayad sa mga boluntaryo",
        "Em muốn hỏi là quỹ này có hỗ trợ hợp tác xã không",
        "म जान्न चाहन्छु कि स्थानीय तहले यो बजेट कसरी खर्च गर्छ",
        "میں جاننا چاہتا ہوں کہ کسانوں کو یہ رقم کب ملے گی",
        "Queria entender como funciona o fundo rotativo nas aldeias",
        "Je pense que la vraie question est : qui paiera l'entretien des pompes",
        "I'd be curious to hear the panel on how elders were involved",
        "Could Amina say more about the grievance mechanism",
        "这两个基金有什么区别",
        "地方政府能不能直接申请这笔资金",
        "若者の参加をどう確保しているのか気になります",
        "የከተማ ነዋሪዎች ምን ዓይነት ድጋፍ ያገኛሉ",
        "کیا خواتین کارکنوں کو بھی یہ الاؤنس ملے گا",
        "के स्थानीय सरकारले यो नीति लागू गर्न सक्छ",
        "Ma jiraa qorshe lagu caawinayo dhallinyarada magaalada",
        "Naka ngeen di dimbali ndaw ñi ñu dellusi",
    ],
)
def test_questions_without_a_mark_in_more_languages(text: str) -> None:
    found = detect(text)
    assert found.kind is Q, found


@pytest.mark.parametrize(
    "text",
    [
        "Dr Achieng, you said arrears doubled. Is that across all counties",
        "Marco, you mentioned a 40% target. By when",
        "Prof. Silva, o senhor falou em autonomia. Autonomia para quem",
        "Fatou, les coopératives reçoivent-elles encore des semences gratuites",
        "Tomás, after the floods and the budget cuts, are municipal funds still reaching the water boards",
        "Quick q: is the fund open to unregistered groups",
        "Gender parity is in every plan now. Where is it in the budget",
        "Is Malawi part of the pilot at all, or only Zambia",
    ],
)
def test_a_later_sentence_or_clause_asks(text: str) -> None:
    found = detect(text)
    assert found.kind is Q, found


PEERS = {"grace otieno", "henrik larsen", "rizky pratama", "segundo quispe"}


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Grace, are you in Nairobi too?", C),
        ("Mas Rizky, kamu di Surabaya juga?", C),
        ("Don Segundo, ¿usted también trabaja con la junta?", C),
        ("Grace do you still have the report from last year?", C),
        ("Grace, can you send me that report later?", C),
        ("Henrik, you mentioned a 30% target. Is that for the whole portfolio?", Q),
        ("Henrik, would local partners be co-applicants or sub-grantees?", Q),
    ],
)
def test_questions_to_a_participant(text: str, kind: MessageKind) -> None:
    found = detect(text, peers=PEERS)
    assert found.kind is kind, found


def test_small_talk_needs_a_second_person_or_a_resource() -> None:
    assert small_talk("are you also at the university?")
    assert not small_talk("is the reserve policy also part of the strategy?")
    assert not small_talk("you said the fund is also open to cities. Since when?")


@pytest.mark.parametrize(
    "text",
    [
        'A réagi à "Merci pour la présenta..." avec 👍',
        'Reaccionó a "¿Cuándo abre la convo..." con ❤️',
        'Reageerde op "Wanneer begint de pi..." met 👍',
        '"予算はいつ決まりますか？"に👍で反応しました',
        '"언제 시작하나요?"에 👍(으)로 반응함',
    ],
)
def test_localised_reaction_lines_are_chatter(text: str) -> None:
    found = detect(text)
    assert (found.kind, found.reason) == (C, "reaction"), found


def test_greeting_formula_shaped_as_a_question_is_a_greeting() -> None:
    assert detect("Salaam aleekum ! Nanga def ?").kind is C
    assert detect("Hello all! How are you?").kind is C
    assert detect("Hello all! How are the cooperatives financed?").kind is Q


def test_welcome_to_week_n_and_polls_make_a_host() -> None:
    chat = [
        ("Ruth Mbeki", "Good morning all, welcome to week 3. Questions in the chat please."),
        ("Ruth Mbeki", "Quick poll: has aid conditionality ever worked? Yes/No"),
        ("Omar Haddad", "Interpretation: Arabic and English channels are open."),
        ("Omar Haddad", "Reminder: the reading for next week is in the reader."),
        ("Lena Vogel", "Is budget support still used by donors?"),
    ]
    assert infer_hosts(chat) == {"ruth mbeki", "omar haddad"}
