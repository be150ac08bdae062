"""Question detection for webinar chat in English, Dutch, French, Spanish, Portuguese and Swahili.

Every message is kept for the record; detection only decides where it goes:

* ``question``: for the panel, queued and ranked;
* ``logistics``: questions about slides, recordings, links, interpretation: a separate list;
* ``chatter``: greetings, thanks, audio/tech talk, host announcements, remarks: record only.

Rules, in order: a host's message is an announcement unless it carries an explicit prefix; an
explicit prefix (``Q:``, ``Vraag:``, ``Question :``, ``Pregunta:``, ``Pergunta:``, ``Swali:``) makes a
question; logistics wording makes a logistics question; greeting/thanks/tech wording in a message
without a real question makes chatter; a question mark, an opening interrogative or an "I would like
to ask" phrase makes a question. Anything else is chatter (a remark), kept in the transcript.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.core.model import MessageKind
from bot.core.text import fold

_PREFIX = re.compile(
    r"^\s*(?:\*\*)?(?:q|qn|vraag(?:je)?|question|pregunta|pergunta|swali|frage|domanda)"
    r"(?:\s*\d+)?\s*[:.\-–)]\s*(?:\*\*)?",
    re.IGNORECASE,
)

# Words that make a question logistical on their own ("will the slides be shared?")...
_LOGISTICS = re.compile(
    r"\b(slides?|slide deck|recording|recorded|recordings?|opname|opgenomen|sheets|dia'?s|"
    r"enregistrement|enregistr[eé]e?|diapos?|diapositives?|grabaci[oó]n|grabad[oa]|"
    r"diapositivas?|gravac[aã]o|gravad[oa]|slaidi|rekodi|certificate|certificaat|certificat|"
    r"certificado|cheti|interpretation|interpreters?|tolk|vertaling|interpr[eé]tation|"
    r"traduction|traducci[oó]n|tradu[cç][aã]o|tafsiri|mkalimani|breakout rooms?|break-?out|"
    r"pauze|pause|coffee break|mapumziko|intervalo)\b",
    re.IGNORECASE,
)
# ...and words that only do with a sharing/availability verb nearby ("the link between aid and
# trade" is not logistics, "where can I find the link?" is).
_LOGISTICS_WEAK = re.compile(
    r"\b(link|links|deck|presentatie|presentation|presentaci[oó]n|apresenta[cç][aã]o|"
    r"mawasilisho|register|registration|inschrijving|inscription|inscripci[oó]n|"
    r"inscri[cç][aã]o|usajili|zoom link|webinar link)\b",
    re.IGNORECASE,
)
_LOGISTICS_VERB = re.compile(
    r"\b(share|shared|sharing|send|sent|available|access|download|post|posted|upload|"
    r"circulate|circulated|get|find|where|when|will there|is there|gedeeld|delen|"
    r"gestuurd|sturen|beschikbaar|krijgen|vinden|waar|wanneer|komt er|partag|envoy|"
    r"disponible|recevoir|trouver|o[uù]|quand|compartir|compartid|enviar|enviad|"
    r"disponibles?|recibir|d[oó]nde|cu[aá]ndo|habr[aá]|hay|compartilh|partilh|enviad|"
    r"dispon[ií]ve(?:l|is)|receber|onde|quando|vai ter|haver[aá]|zitashirikiwa|"
    r"itashirikiwa|tutapata|zitatumwa|itatumwa|wapi|lini|kutakuwa|how long|start|end|"
    r"begin|ends?|duurt|commence|termine|empieza|termina|come[cç]a|termina|itaanza|"
    r"itaisha|what time|hoe laat|[aà] quelle heure|a qu[eé] hora|que horas|saa ngapi)",
    re.IGNORECASE,
)

_GREETING = re.compile(
    r"^\s*(hello|hi|hey|hiya|good (morning|afternoon|evening|day)|greetings|welcome|"
    r"goedemorgen|goedemiddag|goedenavond|hallo|hoi|dag allemaal|bonjour|bonsoir|salut|"
    r"hola|buen(os|as) (d[ií]as|tardes|noches)|saludos|ol[aá]|oi|bom dia|boa (tarde|noite)|"
    r"sauda[cç][oõ]es|habari|hamjambo|jambo|mambo|salaam|salamu|shikamoo|niaje|"
    r"karibu|morning|evening|afternoon)\b",
    re.IGNORECASE,
)
_THANKS = re.compile(
    r"\b(thank(s| you)|thx|ty|cheers|great (session|talk|panel|webinar)|well done|bedankt|"
    r"dank( je| u)?( wel)?|merci|gracias|obrigad[oa]|asante|shukrani|nashukuru|"
    r"applause|bravo|👏|🙏)\b",
    re.IGNORECASE,
)
_TECH = re.compile(
    r"(can'?t hear|cannot hear|no (audio|sound)|audio|sound|mute[d]?|unmute|echo|frozen|"
    r"freez|lagg?ing|my (connection|internet)|bad connection|reconnect|screen ?share|"
    r"camera|mic(rophone)?\b|geen geluid|hoor (je|jullie|niks|niets)|verbinding|"
    r"je n'?entends|on n'?entend|pas de son|le son|connexion|no se (oye|escucha)|"
    r"no (oigo|escucho)|sin sonido|conexi[oó]n|n[aã]o (consigo ouvir|ou[cç]o|estou ouvindo)|"
    r"sem som|conex[aã]o|hatusikii|sisikii|sauti|mtandao|hakuna sauti)",
    re.IGNORECASE,
)
_ANNOUNCEMENT = re.compile(
    r"^\s*(reminder|herinnering|rappel|recordatorio|lembrete|kumbusho|welcome (to|everyone)|"
    r"we will (start|begin|resume|now)|we'?ll (start|begin|take|now)|please (use|post|type|put|"
    r"write|keep)|the recording will|this session is being recorded|next up|our next speaker)",
    re.IGNORECASE,
)

_INTERROGATIVE = re.compile(
    r"^\s*(?:@\w+[,:]?\s*)?(?:and|but|so|en|maar|et|mais|y|pero|e|mas|na|lakini)?\s*"
    r"(what|how|why|when|where|who|whom|whose|which|will|would|could|can|should|shall|is|are|"
    r"was|were|do|does|did|has|have|had|may|might|must|isn'?t|aren'?t|don'?t|doesn'?t|"
    r"wat|hoe|waarom|wanneer|waar|wie|welke?|kan|kunnen|kunt|zal|zullen|zou|zouden|"
    r"is|zijn|heeft|hebben|wordt|worden|gaat|gaan|moet|moeten|mag|welk|"
    r"qu'?est-ce|que|quel(le)?s?|comment|pourquoi|quand|o[uù]|qui|est-ce|peut-on|pouvez|"
    r"allez|y a-t-il|existe-t-il|combien|"
    r"qu[eé]|c[oó]mo|por ?qu[eé]|cu[aá]ndo|d[oó]nde|qui[eé]n(es)?|cu[aá]l(es)?|cu[aá]nto|"
    r"hay|puede[n]?|podr[ií]a[n]?|existe|"
    r"o que|como|por ?que|quando|onde|quem|qual|quais|quanto|h[aá]|pode[m]?|poderia[m]?|"
    r"je|nini|vipi|kwa nini|lini|wapi|nani|ipi|gani|jinsi|kuna|mnaweza|tunaweza|"
    r"mtawezaje|mnafanyaje|ni kwa nini|ni vipi|wizara)\b",
    re.IGNORECASE,
)
_ASK_PHRASE = re.compile(
    r"(i('d| would) like to (ask|know)|i wonder|i was wondering|my question|question for|"
    r"question to|curious (to know|whether|if|how|what)|could the panel|@panel|"
    r"ik (wil|zou) graag (vragen|weten)|mijn vraag|vraag aan|ik vraag me af|"
    r"je (voudrais|aimerais) (demander|savoir)|ma question|question [aà]|je me demande|"
    r"(quisiera|quiero|me gustar[ií]a) (preguntar|saber)|mi pregunta|pregunta para|"
    r"(gostaria|queria) de (perguntar|saber)|minha pergunta|pergunta para|"
    r"ningependa (kuuliza|kujua)|swali langu|swali kwa|nauliza)",
    re.IGNORECASE,
)
_QMARK = re.compile(r"[?？¿؟]")


@dataclass(frozen=True, slots=True)
class Detection:
    """What a chat message is, with the text to queue (prefix removed) and a short reason."""

    kind: MessageKind
    text: str
    reason: str


def strip_prefix(text: str) -> tuple[str, bool]:
    """Remove an explicit question prefix; tell whether there was one."""
    match = _PREFIX.match(text)
    if match and match.end() < len(text):
        return text[match.end() :].strip(), True
    return text.strip(), False


def _looks_like_question(text: str) -> bool:
    if _QMARK.search(text) or _ASK_PHRASE.search(text):
        return True
    return bool(_INTERROGATIVE.match(text)) and len(text.split()) >= 4


def _is_logistics(text: str) -> bool:
    if _LOGISTICS.search(text):
        return True
    return bool(_LOGISTICS_WEAK.search(text) and _LOGISTICS_VERB.search(text))


def _is_small_talk(text: str) -> str | None:
    """Greeting, thanks or tech talk, when that is all the message is about."""
    words = len(text.split())
    if _TECH.search(text) and words <= 25:
        return "audio/tech"
    if _THANKS.search(text) and words <= 20 and not _ASK_PHRASE.search(text):
        return "thanks"
    if _GREETING.match(text) and words <= 14:
        return "greeting"
    return None


def detect(text: str, *, from_host: bool = False) -> Detection:
    """Classify one public chat message as question, logistics or chatter."""
    body, prefixed = strip_prefix(text)
    if not body or len(fold(body)) < 3:
        return Detection(MessageKind.CHATTER, body, "empty")
    if from_host and not prefixed:
        return Detection(MessageKind.CHATTER, body, "host announcement")
    if _is_logistics(body) and (prefixed or _looks_like_question(body)):
        return Detection(MessageKind.LOGISTICS, body, "logistics")
    if prefixed:
        return Detection(MessageKind.QUESTION, body, "explicit prefix")
    if _ANNOUNCEMENT.match(body):
        return Detection(MessageKind.CHATTER, body, "announcement")
    small_talk = _is_small_talk(body)
    if small_talk is not None:
        # "Hello from Nairobi! What is the ministry's plan for ...?" is still a question.
        rest = _strip_small_talk_opening(body)
        if (
            rest
            and _looks_like_question(rest)
            and len(rest.split()) >= 5
            and not _TECH.search(rest)
        ):
            return Detection(MessageKind.QUESTION, body, "question after greeting")
        return Detection(MessageKind.CHATTER, body, small_talk)
    if _looks_like_question(body) and len(body.split()) >= 3:
        return Detection(MessageKind.QUESTION, body, "question form")
    return Detection(MessageKind.CHATTER, body, "remark")


def _strip_small_talk_opening(text: str) -> str:
    """Drop a leading greeting/thanks sentence: 'Hi all from Goma! How ...' -> 'How ...'."""
    parts = re.split(r"(?<=[!.,;:])\s+|\n+", text, maxsplit=1)
    if len(parts) == 2 and (_GREETING.match(parts[0]) or _THANKS.search(parts[0])):
        return parts[1].strip()
    return ""
