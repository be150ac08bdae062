"""Question detection for webinar chat, in many languages (pure: no I/O).

Every message is kept for the record; detection only decides where it goes:

* ``question``: for the panel, queued and ranked;
* ``logistics``: questions about slides, recordings, links, interpretation, breaks: a separate list;
* ``chatter``: greetings, thanks, audio/tech talk, host announcements, remarks: record only.

Rules, in order (the one-word ``reason`` names the rule that decided):

1. links, e-mail addresses and @mentions are removed before anything is looked for, so the ``?``
   of ``watch?v=`` or ``edit?usp=sharing`` is no question mark (``empty`` if nothing is left);
2. a host's message is chatter (``host``) unless it carries an explicit prefix;
3. an explicit prefix (``Q:``, ``Vraag:``, ``Question :``, ``Pregunta:``, ``Pertanyaan:``, ``سؤال:``,
   ``प्रश्न:``, ``Ikibazo:``, ``ጥያቄ፦``...) makes a question (``prefix``), or logistics;
4. a question (see below) about slides, recording, links, interpretation or a break is
   ``logistics``; a message that opens with a greeting or thanks is a question only if what
   follows the greeting is one (``greeted``; ``greeting``/``thanks`` otherwise); audio/tech
   talk is ``tech`` (whole words, at most 15 words);
5. a question is: a question mark of any script (``? ？ ¿ ؟ ፧``) with at least two words, or one
   word in a spaceless script (``mark``); an asking phrase without a mark ("I am wondering
   whether", "what does ... mean", "could you elaborate"; ``phrase``); an opening interrogative
   with at least four words (``form``); anything else is a ``remark``.

Round 2 (phrases in :mod:`bot.core.lexicon_more`): a localised reaction line is ``reaction``; a
speaker's own audio check ("Is this better?", "am I audible now?") is ``check``; a comment closed
by a tag ("..., right?", "non ?", "né?") is ``tag`` unless it concludes ("So X, right?"); a
question may sit in a later sentence or a clause after a comma (``form``); a question to a fellow
participant is ``peer`` only when it is small talk or asks for a resource (:mod:`bot.core.address`).

Round 3 (shapes in :mod:`bot.core.lexicon_event`): more event logistics and what only looks like
it, "me too" (``agree``), redirected questions, questions to the room, topic-fronted questions.

Whether a question is about running the event is decided in :mod:`bot.core.logistics`.
Conversation turns (:mod:`bot.core.lexicon_turns`): a reply acknowledging a question
(``reply``), speakers handing a question over (``handover``), questions to the audience
(``prompt``), arranging to talk later (``arrangement``), rhetorical questions (``rhetorical``),
nothing but thanks (``thanks``); more ways of asking without a mark.

Round 5 (:mod:`bot.core.lexicon_audience`): questions to the audience in more shapes (``prompt``),
a participant's own logistics, a joke phrased as a question (``joke``), "me too" in the past,
a question its asker answers at once, and the question after "could you pause on the X slide -".

Round 6 (:mod:`bot.core.lexicon_participant`): participants' own logistics in more shapes, an
interpreter's relay of a question (``relay``), "that's my question too" (``agree``), a bare amount
answering a quiz (``answer``), and questions without a mark after a name, lead-in or conjunction.

All patterns are whole-word: ``You`` is not ``y`` + ``ou``, ``economic`` does not hold ``mic``.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from bot.core import lexicon as lex
from bot.core import lexicon_audience as audience
from bot.core import lexicon_event as shapes
from bot.core import lexicon_more as more
from bot.core import lexicon_participant as participant
from bot.core import lexicon_turns as turns
from bot.core.address import addressed_name, addressed_peer, small_talk, vocative_rest
from bot.core.logistics import is_logistics
from bot.core.model import MessageKind
from bot.core.question_words import (
    ASK_PHRASE as _ASK_PHRASE,
)
from bot.core.question_words import (
    AUX as _AUX,
)
from bot.core.question_words import (
    SWAHILI_JE as _SWAHILI_JE,
)
from bot.core.question_words import (
    SWAHILI_WORD as _SWAHILI_WORD,
)
from bot.core.question_words import (
    VERB_FIRST as _VERB_FIRST,
)
from bot.core.question_words import (
    WH as _WH,
)
from bot.core.text import fold

_PREFIX = re.compile(
    r"^\s*(?:\*\*)?(?:(?:quick|last|final|another|one more|laatste|derni[eè]re|[uú]ltima)\s+)?"
    r"(?:q|qn|vraag(?:je)?|question|laaj|tapuy|tambaya|ibeere|асуулт|kysymys|pregunta|pergunta|swali|frage|domanda|"
    r"pertanyaan|soalan|tanong|ikibazo|ibibazo|swali langu|sual|soru|вопрос|питання|pytanie|"
    r"otázka|kérdés|câu hỏi|سؤال|سوال|پرسش|प्रश्न|सवाल|প্রশ্ন|ጥያቄ|質問|问题|問題|질문)"
    r"(?:\s*\d+)?\s*[:.\-–)：፦፡]\s*(?:\*\*)?",
    re.IGNORECASE,
)
_URL = re.compile(
    r"(?:https?://|ftp://|www\.)\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|"
    r"\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,24}/\S*|"
    r"\b(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|org|net|edu|gov|int|info|biz|io|ly|co|"
    r"me|gg|app|dev|xyz|shop|site|online|club|top|store|link|live|news|tk|ru|cn|uk|nl|de|fr|"
    r"ke|tz|ug|za|ng|gh|rw|et|in|id|br|mx|ar|es|pt|be|ch|us|ca|au)\b",
    re.IGNORECASE,
)
_MENTION = re.compile(r"(?<!\w)@[\w.-]+")
_QMARK = re.compile(r"[?？¿؟፧⸮]")
_SPACELESS = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]")

_GREETING = re.compile(
    r"^\s*(hello|hi|hey|hiya|good (?:morning|afternoon|evening|day)|greetings|welcome|"
    r"goedemorgen|goedemiddag|goedenavond|hallo|hoi|dag allemaal|bonjour|bonsoir|salut|"
    r"hola|buen(?:os|as) (?:d[ií]as|tardes|noches)|saludos|ol[aá]|oi|bom dia|boa (?:tarde|noite)|"
    r"sauda[cç][oõ]es|habari|hamjambo|jambo|mambo|salaam|salamu|shikamoo|niaje|"
    r"karibu|morning|evening|afternoon|namaste|salam|selamat (?:pagi|siang|sore)|"
    r"こんにちは|안녕하세요|你好|大家好)\b",
    re.IGNORECASE,
)
_THANKS = re.compile(
    r"(?<!\w)(thank(?:s| you)|thx|ty|cheers|great (?:session|talk|panel|webinar|presentation)|"
    r"well done|bedankt|dank(?: je| u)?(?: wel)?|merci|gracias|obrigad[oa]|asante(?:ni)?|"
    r"shukrani|nashukuru|danke|grazie|terima kasih|applause|bravo|👏|🙏)(?!\w)",
    re.IGNORECASE,
)
_TECH = re.compile(
    r"\b(can'?t hear|cannot hear|can (?:you|everyone|anyone) hear|no (?:audio|sound)|audio|"
    r"muted?|unmute|frozen|freezing|lagg?ing|my (?:connection|internet)|"
    r"bad connection|reconnect\w*|screen ?share|share (?:your|the|my) screen|"
    r"see (?:my|your|the) screen|camera|mic|microphone|geen geluid|"
    r"hoor (?:je|jullie|niks|niets)|je n'?entends|on n'?entend|pas de son|le son|"
    r"no se (?:oye|escucha)|no (?:oigo|escucho)|sin sonido|"
    r"n[aã]o (?:consigo ouvir|ou[cç]o|estou ouvindo)|sem som)\b(?!-)",
    re.IGNORECASE,
)
_ANNOUNCEMENT = re.compile(
    r"^\s*(reminder|herinnering|rappel|recordatorio|lembrete|kumbusho|welcome (?:to|everyone)|"
    r"we will (?:start|begin|resume|now)|we'?ll (?:start|begin|take|now)|please (?:use|post|type|"
    r"put|write|keep)|the recording will|this session is being recorded|next up|"
    r"our next speaker)\b",
    re.IGNORECASE,
)

_SORRY = re.compile(r"^\s*(?:sorry|excuse me|pardon|perd[oó]n|d[ée]sol[ée]e?|sorry,)[,!.\s]+", re.I)

__all__ = [
    "Detection",
    "addressed_name",
    "addressed_peer",
    "detect",
    "strip_prefix",
    "without_links",
]


@dataclass(frozen=True, slots=True)
class Detection:
    """What a chat message is, with the text to queue (prefix removed) and a one-word reason."""

    kind: MessageKind
    text: str
    reason: str


# "[Q] ...", "#question ...", "(Q) ...": a tag instead of a colon
_TAG_PREFIX = re.compile(
    r"^\s*(?:\[(?:q|qn|question|pregunta|pergunta|vraag|swali|frage|質問|질문)\]|"
    r"\((?:q|qn|question|pregunta|pergunta|vraag|swali|frage)\)|"
    r"#(?:q|qn|question|pregunta|pergunta|vraag|swali|frage|質問|질문)(?!\w))\s*",
    re.IGNORECASE,
)


def strip_prefix(text: str) -> tuple[str, bool]:
    """Remove an explicit question prefix; tell whether there was one."""
    match = _PREFIX.match(text) or _TAG_PREFIX.match(text)
    if match and match.end() < len(text):
        return text[match.end() :].strip(), True
    return text.strip(), False


def without_links(text: str) -> str:
    """The text with links (also bare domains and short links), e-mails and @mentions removed."""
    return re.sub(r"\s+", " ", _MENTION.sub(" ", _URL.sub(" ", text))).strip()


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def _question_reason(text: str) -> str | None:
    """Why ``text`` (links removed) asks something, or None."""
    text = more.EXCLAIMED.sub("!", shapes.REDIRECT.sub(" ", text))
    tag = more.SOFT_TAG.search(text) or shapes.tag_then_comment(text, more.SOFT_TAG)
    # "M. X, vous avez dit que... non ?": a tag that challenges what someone said asks
    challenge = bool(more.REFERS.search(text)) and vocative_rest(text) != text
    if (
        tag
        and not challenge
        and not more.CONCLUDING.match(_SENTENCES.split(text[: tag.start()])[-1].strip())
    ):
        text = (text[: tag.start()].rstrip() + ". " + text[tag.end() :]).strip(" .")
    if lex.REQUEST.search(text):
        return "request"
    if _QMARK.search(text):
        if lex.SELF_ANSWER.match(text):
            return None
        if _words(text) >= 2 or len(_SPACELESS.findall(text)) >= 3:
            return "mark"
        return None
    if (
        _ASK_PHRASE.search(text)
        or lex.ASKING.search(text)
        or more.ASKING_MORE.search(text)
        or shapes.ASKING_R3.search(text)
        or turns.INDIRECT.search(text)
        or audience.INDIRECT.search(text)
        or lex.PANEL_ADDRESS.match(text)
    ):
        return "phrase"
    return _form_reason(text)


def _form_reason(text: str) -> str | None:
    """``form`` when the whole text, a later sentence or a clause after a comma opens like a
    question ("Dr X, you said... Is that measurable", "..., so why do ..."), else None."""
    if _opens_question(text):
        return "form"
    lead_in = (
        turns.LEAD_IN.match(text) or audience.FOLLOWING.match(text) or audience.TITLED.match(text)
    )  # "To both panelists: ..."
    if lead_in and _opens_question(text[lead_in.end() :]):
        return "form"
    lead = participant.LEAD_COLON.match(text)  # "Last one from me: can civil society ..."
    if lead and _words(lead.group(1)) <= 6 and _asks_plainly(text[lead.end() :], addressed=True):
        return "form"
    rest = vocative_rest(text)
    # "Arjun yes, will send on WhatsApp" answers; "Coordinator, are host families ..." asks
    addressed = rest != text and not participant.REPLY_WORD.search(text[: len(text) - len(rest)])
    if _asks_plainly(rest, addressed=addressed):
        return "form"
    sentences = [s for s in _SENTENCES.split(rest) if s and s.strip()]
    refers = bool(more.REFERS.search(text))
    for i, sentence in enumerate(sentences):
        if (i or rest != text) and _opens_question(vocative_rest(sentence.strip())):
            return "form"
        # "...誰が負うのでしょうか。日本側の...": a first sentence closed by a question particle
        long_enough = _words(sentence) >= 3 or len(_SPACELESS.findall(sentence)) >= 6
        if len(sentences) > 1 and long_enough and lex.QUESTION_END.search(sentence.strip()):
            return "form"
        # "You said X. Why" / "By when" / "Horizontal para quem": a short follow-up to a claim
        if i and refers and _words(sentence) <= 5 and _ELLIPTIC.search(sentence):
            return "form"
    last = sentences[-1] if sentences else ""
    if not last.rstrip().endswith((".", "!")):
        for clause in re.split(r"[,;]\s+", last)[1:]:
            if _words(clause) >= 4 and (
                _AUX.match(clause) or _WH.match(clause) or _CLAUSE_AUX.match(clause)
            ):
                return "form"
    return None


def _asks_plainly(text: str, *, addressed: bool) -> bool:
    """Question shapes without a mark a participant uses: after a vocative an auxiliary then a
    noun ("Coordinator, are host families counted..."), a conjunction then one ("and can groups
    ... apply again"), "in your opinion" before a question word, a name running into the
    question word ("Fatuma what would you ..."), a question word closing it ("c'est prévu quand")."""
    body = participant.CONJUNCTION.sub("", text, count=1)
    joined = body != text
    body = participant.OPINION.sub("", body, count=1)
    if (
        (addressed or joined)
        and _words(body) >= (4 if addressed else 6)
        and _CLAUSE_AUX.match(body)
    ):
        return True
    if body != text and _opens_question(body):
        return True
    name = participant.NAME_THEN_ASK.match(text)
    if name and _opens_question(text[name.end() :]):
        return True
    return (
        _words(text) >= 4
        and not text.rstrip().endswith((".", "!"))
        and bool(participant.TRAILING_WH.search(text))
    )


def _asks_after_lead(text: str) -> bool:
    """'교수님 추가 질문입니다: ...무엇인가요?': a lead-in, then a question of its own."""
    lead = participant.LEAD_COLON.match(text)
    rest = text[lead.end() :] if lead else ""
    return bool(rest) and (_QMARK.search(rest) is not None or _opens_question(rest))


_RELATIVE = re.compile(
    r"(?i)\s*(?:quem|quien|qui|whoever|who|wie) (?:quiser|quiera|veut|voudrait|wants|wil)\b"
)
# "Is Mongolia even on...": an auxiliary then a capitalised name.
_PROPER_AUX = re.compile(r"^(?:Is|Are|Was|Were|Does|Do|Did|Has|Have|Can|Could|Will|Would) [A-Z]\w+")
# After a comma: "..., are local NGOs still allowed": an auxiliary then a noun (not "mostly").
_CLAUSE_AUX = re.compile(
    r"(?i)(?:is|are|was|were|do|does|did|can|could|will|would|should|has|have)\s+"
    r"(?!\w+ly\b|\w+ed\b|not\b|also\b|still\b|just\b|being\b|been\b|a\b|an\b|very\b)\w+"
)
_ELLIPTIC = re.compile(
    r"\b(?:why|when|how|who|what|where|pourquoi|quand|comment|qui|quoi|por ?qu[eé]|cu[aá]ndo|"
    r"c[oó]mo|qui[eé]n|qu[eé]|por que|quando|quem|waarom|wanneer|hoe|wie|wat|kwa nini|lini|vipi|"
    r"nani|mengapa|kenapa|kapan|siapa|bakit|kailan|sino)\b",
    re.IGNORECASE,
)


def _opens_question(text: str) -> bool:
    """Whether ``text`` opens like a question though it has no mark."""
    body = turns.HONORIFIC.sub("", _SORRY.sub("", text)).strip()  # "sir how many days..."
    long_enough = _words(body) >= 3 or len(_SPACELESS.findall(body)) >= 6
    if long_enough and lex.QUESTION_END.search(body):
        return True
    if (body.endswith(("!", ".")) and not _AUX.match(body)) or shapes.EXCLAMATIVE.match(body):
        return False
    if _RELATIVE.match(body):  # "quem quiser continuar..." (whoever wants) asks nothing
        return False
    if _words(body) >= 4 and (
        _PROPER_AUX.match(body)
        or _WH.match(body)
        or _AUX.match(body)
        or _VERB_FIRST.match(body)
        or (
            _SWAHILI_JE.match(body)
            and (re.match(r"(?i)\s*(?:na\s+)?je\s*,", body) or _SWAHILI_WORD.search(body[3:]))
        )
        or lex.QUESTION_OPENER.match(body)
        or more.OPENER_MORE.match(body)
        or shapes.TOPIC_AUX.match(body)
        or turns.OPENER.match(body)
    ):
        return True
    return bool(long_enough and lex.QUESTION_WORD.search(body))


_SENTENCES = re.compile(r"(?<=[.?!？。؟])\s+|[\n！。？]")


# Words that are tech talk only in a short message ("echo", but not "the echo chamber of donors").
_TECH_WEAK = re.compile(
    r"\b(sound|echo|lag|sauti|volume|hearing|connection|connexion|conexi[oó]n|conex[aã]o|"
    r"verbinding|mtandao|network|internet|ijwi|codka|ድም[ፅጽ]|आवाज़?|সাউন্ড)\b",
    re.IGNORECASE,
)


def _is_tech(text: str) -> bool:
    text = shapes.MEDIA_FORMAT.sub(" ", text)  # "informes en video o audio" is no audio trouble
    words = _words(text)
    if (
        more.JUST_ME.search(text)
        or shapes.FOR_OTHERS.search(text)
        or participant.ONLY_ME.search(text)
    ) and len(text.split()) <= 20:
        return True
    if participant.REJOIN.search(text) and words <= 10:  # "I see them fine, maybe rejoin?"
        return True
    strong = _TECH.search(text) or lex.TECH.search(text)
    return (bool(strong) and words <= 15) or (bool(_TECH_WEAK.search(text)) and words <= 5)


def _after_pause(text: str) -> str:
    """The question after a request to stay on a slide ("Could you pause on the funding slide -
    is the 30% for Chad only?" asks about the 30%), or the whole text."""
    pause = audience.PAUSE_SLIDE.match(text)
    rest = text[pause.end() :].strip() if pause else ""
    return rest if rest and _question_reason(rest) is not None else text


def _opens_small(text: str) -> bool:
    """Whether the message opens with a greeting or thanks, in any language."""
    text = text.strip()
    return any(p.match(text) for p in (_GREETING, _THANKS, lex.GREETING, lex.THANKS))


def _after_opening(text: str) -> str | None:
    """What follows a leading greeting or thanks: 'Hi Kate, are we ...?' -> 'are we ...?'."""
    if not _opens_small(text):
        return None
    parts = re.split(r"(?<=[!.,;:])\s+|(?<=[。、！])\s*|\n+|\s+-\s+", text, maxsplit=1)
    if len(parts) == 2:
        return parts[1].strip()
    # No punctuation: "Hi Kate are we ..." -> from the first question word on.
    for pattern in (_WH, _AUX, _VERB_FIRST):
        words = text.split()
        for i in range(1, min(len(words), 5)):
            rest = " ".join(words[i:])
            if pattern.match(rest):
                return rest
    return ""


_HOW_ARE_YOU = re.compile(
    r"^\s*(?:how are you(?: all| doing| everyone)?|nanga def|na nga def|naka nga def|[çc]a va|"
    r"comment allez-vous|c[oó]mo est[aá]n?(?: todos)?|tudo bem|como v[aã]o|hoe gaat het|"
    r"habari (?:zenu|yako|gani)|apa kabar|kumusta (?:kayo|po)|wie geht'?s)\s*[?？!.]*\s*$",
    re.IGNORECASE,
)


def detect(text: str, *, from_host: bool = False, peers: Collection[str] = ()) -> Detection:
    """Classify one public chat message as question, logistics or chatter.

    ``peers``: name keys (:func:`bot.core.text.name_key`) of participants who have chatted and
    are neither hosts nor speakers; a question that opens by addressing one of them is for that
    participant, not the panel (``peer``).
    """
    body, prefixed = strip_prefix(text)
    plain = without_links(body)
    if not plain or len(fold(plain)) < 2:
        return Detection(MessageKind.CHATTER, body, "empty")
    if more.REACTION.match(plain):
        return Detection(MessageKind.CHATTER, body, "reaction")
    if turns.THANKS_ONLY.match(plain):  # "ok thanks?"
        return Detection(MessageKind.CHATTER, body, "thanks")
    if shapes.PLUS_ONE.search(plain) or audience.AGREE.search(
        plain
    ):  # "me too" to another's question asks nothing new
        return Detection(MessageKind.CHATTER, body, "agree")
    if participant.SAME_QUESTION.search(plain) and not _QMARK.search(plain):
        return Detection(MessageKind.CHATTER, body, "agree")  # "Yes, that's my question too"
    if from_host and not prefixed:
        return Detection(MessageKind.CHATTER, body, "host")
    if not prefixed and participant.RELAYED.match(plain):  # the asker's own message is queued
        return Detection(MessageKind.CHATTER, body, "relay")
    if participant.AMOUNT_ANSWER.match(plain):  # "42 500 000 FCFA ?" answers a quiz
        return Detection(MessageKind.CHATTER, body, "answer")
    if not prefixed and more.AUDIO_CHECK.search(plain) and _words(plain) <= 12:
        return Detection(MessageKind.CHATTER, body, "check")
    if prefixed:
        kind = MessageKind.LOGISTICS if is_logistics(plain) else MessageKind.QUESTION
        return Detection(kind, body, "logistics" if kind is MessageKind.LOGISTICS else "prefix")
    if lex.MODERATING.search(plain) and _words(plain) <= 12 and not _asks_after_lead(plain):
        return Detection(MessageKind.CHATTER, body, "moderating")
    acknowledged = turns.ACKNOWLEDGE.match(plain)  # "Good question Ren. They follow..."
    if acknowledged and not _QMARK.search(plain[acknowledged.end() :]):
        return Detection(MessageKind.CHATTER, body, "reply")
    if turns.HANDOVER.search(plain):  # "do you want to take Martina's question or shall I?"
        return Detection(MessageKind.CHATTER, body, "handover")
    if turns.PROMPT.search(plain) or (  # "Quick poll: which sector...?", "Any questions for Marta?"
        audience.AUDIENCE.search(plain)
        and not audience.NAMES_PANEL.search(plain)
        and not turns.TO_PANEL.search(plain)  # "how many of you..."
    ):
        return Detection(MessageKind.CHATTER, body, "prompt")
    if turns.ARRANGE.search(plain):  # "Thanks Ana. Shall we call next week?"
        return Detection(MessageKind.CHATTER, body, "arrangement")
    if (turns.RHETORICAL.search(plain) and len(_QMARK.findall(plain)) == 1) or (
        audience.SELF_ANSWERED.search(plain) and len(re.findall("[?？؟]", plain)) == 1
    ):  # "where would they even go?", "What changed? Nothing."
        return Detection(MessageKind.CHATTER, body, "rhetorical")
    opening = _after_opening(plain)
    if opening is not None:
        if not opening or _HOW_ARE_YOU.match(opening) or _question_reason(opening) is None:
            small = "greeting" if _GREETING.match(plain) or lex.GREETING.match(plain) else "thanks"
            return Detection(MessageKind.CHATTER, body, small)
        plain = opening
    elif _ANNOUNCEMENT.match(plain):
        return Detection(MessageKind.CHATTER, body, "announcement")
    reason = _question_reason(plain)
    if reason is None:
        if _is_tech(plain):
            return Detection(MessageKind.CHATTER, body, "tech")
        return Detection(
            MessageKind.CHATTER, body, "tag" if more.SOFT_TAG.search(plain) else "remark"
        )
    if is_logistics(_after_pause(plain)) or participant.repeat_only(
        plain, lambda rest: _question_reason(rest) is not None
    ):  # "the audio is breaking up, can you repeat ...?"
        return Detection(MessageKind.LOGISTICS, body, "logistics")
    if audience.SIDE_TALK.search(plain) and _words(plain) <= 15:  # "lol why does this happen??"
        return Detection(MessageKind.CHATTER, body, "joke")
    asks_after_repeat = participant.REPEAT.search(plain) and not participant.repeat_only(
        plain, lambda rest: _question_reason(rest) is not None
    )  # "Audio broke up, could you repeat? Also, why ...?" asks the second question
    if _is_tech(plain) and not asks_after_repeat:  # an audio/screen question is about running
        return Detection(MessageKind.LOGISTICS, body, "tech")
    to_room = not turns.TO_PANEL.search(plain) and (  # "weet iemand van het panel" is not
        lex.PEER.search(plain)
        or more.PEER_MORE.search(plain)
        or shapes.ROOM.search(plain)
        or participant.ASK_ROOM.search(plain)
    )
    to_peer = addressed_peer(body, peers) or addressed_peer(
        participant.INTERJECTION.sub("", body), peers
    )  # "Oh interesting Rehema, can you share ...?"
    if to_room or (to_peer and small_talk(plain)):
        return Detection(MessageKind.CHATTER, body, "peer")
    if opening is not None:
        return Detection(MessageKind.QUESTION, body, "greeted")
    return Detection(MessageKind.QUESTION, body, reason)
