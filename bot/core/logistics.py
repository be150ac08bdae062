"""Whether a question is about running the event (``logistics``), not its substance (pure).

Strong words count anywhere in the question ("recording", "interpretation", "a break"); weak
words ("link", "presentation", "materials", "資料") only with a sharing or finding word within
:data:`NEAR` characters in the same sentence. What only looks like running the event (a pointer
into the talk, the format a fund accepts, the policy process, national exams...) is removed
first. The word lists are here and in the ``lexicon`` modules.
"""

from __future__ import annotations

import re

from bot.core import lexicon as lex
from bot.core import lexicon_audience as audience
from bot.core import lexicon_event as shapes
from bot.core import lexicon_more as more
from bot.core import lexicon_participant as participant
from bot.core import lexicon_running as running

_EVENT = (
    r"(?:session|webinar|meeting|event|talk|presentation|lecture|class|panel|q&a|call|"
    r"discussion|workshop|training|breakout rooms?|conference|dialogue|consultation)"
)
_LOGISTICS = re.compile(
    r"\b(slides?|slide deck|de sheets|dia'?s|opname|opgenomen|"
    # "recording of the session", not "recording of land titles" / "cases recorded in 2023"
    r"recordings?(?! of (?!(?:the |this |today'?s )?(?:(?:first|second|third|last|previous|"
    r"earlier|morning|opening) )?(?:part|" + _EVENT[3:] + r"))(?! (?:system|practice)s?)|"
    r"(?:" + _EVENT + r"|it|this|that)(?: \w+)? (?:is |be |being |been |was |are |get )*recorded|"
    r"(?<!d')(?<!de l')enregistrement(?! (?:des|de l'|d'une?|du) (?!session|webinaire|r[ée]union))|"
    r"enregistr[eé]e?|diapos?|diapositives?|grabaci[oó]n|grabad[oa]|"
    r"diapositivas?|grava[cç][aã]o|gravad[oa]|slaidi|rekodi|interpreters?|tolk|"
    # "interpretation into French", not "your interpretation of Article 5"
    r"(?<!your )(?<!legal )(?:interpretation|vertaling|interpr[eé]tation|traduction|"
    r"traducci[oó]n|tradu[cç][aã]o|tafsiri)(?! (?:of|de|du|des|del|da|do|van)\b)|mkalimani|"
    r"breakout rooms?|break-?out|(?<!op )pauze|coffee break|lunch break|mapumziko|intervalo(?! de)|"
    # "a break", "la pause", not "a break-even point" or "the pause in US funding"
    r"(?<!juste )(?<!just )(?:(?:a|the|any|short|comfort) (?:break|pause)|une pause|la pause|una pausa|la pausa|"
    r"uma pausa)(?!-| (?:in|of|on|for|avant|before|antes|de|des|du|dans|en|del|na|no|van|im|der|di|della)\b)|"
    r"pause caf[eé]|el descanso|um intervalo|"
    r"what time (?:does|do|will|is)|how long (?:is|will|does) (?:the|this) "
    r"(?:session|webinar|meeting|break))\b",
    re.IGNORECASE,
)
# Words that are logistics only with a sharing/availability verb nearby ("the link between aid
# and trade" is not logistics, "where can I find the link?" is).
_LOGISTICS_WEAK = re.compile(
    r"\b(link|links|deck|presentatie|presentation|presentaci[oó]n|apresenta[cç][aã]o|"
    r"mawasilisho|registration|inschrijving|inscription|inscripci[oó]n|certificaat|cheti|"
    r"inscri[cç][aã]o|usajili|zoom link|webinar link|materials?|handouts?|agenda|minutes|"
    r"q&a|captions?|subtitles|transcript)(?!\w)",
    re.IGNORECASE,
)
_LOGISTICS_VERB = re.compile(
    r"\b(share|shared|sharing|send|sent|available|access|download|post|posted|upload|"
    r"circulate|circulated|get|find|where|when|will there|is there|put|paste|drop|resend|"
    r"repost|again|gedeeld|delen|"
    r"gestuurd|sturen|beschikbaar|krijgen|vinden|waar|wanneer|komt er|partag\w*|envoy\w*|"
    r"disponible|recevoir|trouver|o[uù]|quand|compartir|compartid\w*|enviar|enviad\w*|"
    r"disponibles?|recibir|d[oó]nde|cu[aá]ndo|habr[aá]|hay|compartilh\w*|partilh\w*|"
    r"dispon[ií]ve(?:l|is)|receber|onde|quando|vai ter|haver[aá]|zitashirikiwa|"
    r"itashirikiwa|tutapata|zitatumwa|itatumwa|wapi|lini|kutakuwa|how long|start|end|"
    r"begin|ends?|duurt|commence|termine|empieza|termina|come[cç]a|itaanza|"
    r"itaisha|what time|hoe laat|[aà] quelle heure|a qu[eé] hora|que horas|saa ngapi)\b",
    re.IGNORECASE,
)

#: How close (in characters) a sharing word must be to "link", "presentation", "資料"...
NEAR = 40
_SENTENCES = re.compile(r"(?<=[.?!？。؟])\s+|[\n！。？]")


def is_logistics(text: str) -> bool:
    """Whether a question (links removed) is about running the event, not its substance."""
    text = audience.NOT_RUNNING.sub(
        " ", running.NOT_RUNNING.sub(" ", text)
    )  # "national exams", "the next workshop cover X"
    text = participant.DEFERRAL.sub(": ", text)  # "maybe for after the break: why ..."
    text = shapes.NOT_EVENT.sub(
        " ", shapes.POINTER.sub(" ", text)
    )  # "On slide 12, ..." is the talk
    if shapes.PROCESS.search(text):  # submitting comments to the consultation: the process itself
        return False
    strong = (
        _LOGISTICS,
        lex.LOGISTICS_STRONG,
        more.LOGISTICS_MORE,
        shapes.LOGISTICS_R3,
        running.RUNNING,
        audience.OWN_RUNNING,
        participant.OWN_LOGISTICS,
    )
    if any(p.search(text) for p in strong):
        return True
    for sentence in _SENTENCES.split(text):
        things = [
            m.span()
            for p in (
                _LOGISTICS_WEAK,
                lex.LOGISTICS_WEAK,
                more.LOGISTICS_WEAK_MORE,
                shapes.WEAK,
                running.THINGS,
            )
            for m in p.finditer(sentence)
        ]
        cues = [
            m.span()
            for p in (
                _LOGISTICS_VERB,
                lex.LOGISTICS_NEAR,
                more.LOGISTICS_NEAR_MORE,
                shapes.NEAR,
                running.CUES,
            )
            for m in p.finditer(sentence)
        ]
        if any(c[0] - t[1] <= NEAR and t[0] - c[1] <= NEAR for t in things for c in cues):
            return True
    return False
