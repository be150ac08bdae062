"""Chat shapes for :mod:`bot.core.detect` (added in detection round 3): pure data, no I/O.

The classes a third fresh set showed, written as general shapes of the languages and of chat
behaviour, not as that set's phrases:

* running the event in more shapes: dial-in numbers, saving the chat, interpreters in plural
  forms, "what time does it end" in more languages, time left, the next session and signing up
  for it, a summary or material in another language, attendance, exercise sheets and folders,
  "is the link working for others?";
* what is *not* running the event: a pointer into the talk ("On slide 12, ..."), the format of
  what a fund accepts ("en video o audio"), submitting comments to the consultation itself;
* what asks nobody: "me too, I'd like to know" (`agree`), "that is a question for Tom, but ...",
  a tag followed by a comment ("..., right? That changes everything"), exclamations that open
  like questions ("Qué bueno escuchar...", "Que bom ver...");
* questions to the room, not the panel ("For the donors in the room: is anyone already...");
* asking that the lists missed: a topic then a resumptive pronoun ("The 30% is it calculated
  ..."), Swahili "tunaomba kujua", Korean "...지 알고 싶습니다".
"""

from __future__ import annotations

import re

from bot.core.lexicon import compiled

_EVENT = (
    r"(?:session|sessions|webinar|meeting|event|talk|forum|seminar|hearing|workshop|training|"
    r"class|lecture|panel|round ?table|dialogue|consultation|conference|s[ée]ance|sesi[oó]n|"
    r"sess[aã]o|sessie|bijeenkomst|mesa|r[ée]union|reuni[oó]n|atelier|taller|oficina|mkutano|"
    r"warsha|webinaire|webinario|seminario|s[ée]minaire)"
)
# Sessions of a series (not "a second consultation round" nor "a follow-up meeting with the
# ministry", which are the policy process).
_SESSION = (
    r"(?:session|webinar|workshop|training|class|lecture|s[ée]ance|sesi[oó]n|sess[aã]o|sessie|mesa|"
    r"atelier|taller|oficina|warsha|webinaire|webinario)(?! with| avec| con| com| met)"
)
# About running the event, in any sentence of a question.
LOGISTICS_R3 = compiled(
    (
        # dial-in
        r"dial-?in(?: number)?|phone number to (?:join|call|dial)|call in by phone|inbelnummer"
        r"|inbellen|num[ée]ro (?:d'appel|de t[ée]l[ée]phone pour|pour appeler)|"
        r"n[uú]mero (?:de (?:acceso|marcaci[oó]n)|para (?:llamar|ligar|marcar))|namba ya kupiga",
        # interpreters, plural and verb forms
        r"\w*rekodiwa|tolken|getolkt|vertolkt|interpretes|int[ée]rpr[eè]tes|interpreted (?:into|in)",
        # saving the chat
        r"(?:save|saved|keep|export|download|bewaar\w*|opslaan|opgeslagen|guardar|guardad[oa]|"
        r"salvar|salv[oa]|sauvegard\w*|conserv\w*) (?:\w+ )?(?:the |de |el |o |le |la )?chat"
        r"|chat (?:\w+ )?(?:be |is |get |kan |wordt |worden )?(?:saved|kept|exported|bewaard|"
        r"opgeslagen|guardad[oa]|salv[oa]|sauvegard[ée]e?|conserv[ée]e?)|chat (?:log|history|transcript)",
        # what time it starts or ends, time left
        r"hoe laat|[àa] quelle heure|a qu[eé] hora|a que horas|saa ngapi|jam berapa",
        r"how (?:much time|many minutes)(?: (?:is|are|do we have))? left|minutes? left",
        # the next session, and signing up for it
        r"(?:second|next|another|follow-?up|part (?:two|2)|deuxi[èe]me|prochaine?|segunda|"
        r"pr[oó]xim[oa]|volgende|tweede) " + _SESSION,
        _EVENT + r" (?:\w+ )?(?:is |be |being |been |was |get )*recorded",
        r"(?:summary|summaries|compte[- ]rendu|r[ée]sum[ée]|resumen|resumo|samenvatting|verslag) "
        r"(?:of|de|du|des|del|da|do|van) (?:the |this |today'?s |la |el |a |o |le |de |het |deze )?"
        r"(?:discussions?|discusi[oó]n|discuss[aã]o|d[ée]bats?|" + _EVENT[3:],
        # "le micro", "el micro" is the microphone ("micro and small firms" is not)
        r"(?:du|au|le|son|ton|votre|leur|el|al|ao|seu) micro(?!-)",
        r"(?:voix|voz|sonido|audio) (?:\w+ ){0,3}(?:est |est[aá] )?(?:coup[ée]e?|cortad[ao])",
        # signing up: where, or for a session, or colleagues ("How will partners register their
        # complaints" is the substance)
        r"where (?:\w+ ){0,2}(?:register|sign up|enrol+)|(?:register|sign up|enrol+) (?:for (?:the |"
        r"this |that |a |an )?(?:next |second |following )?" + _SESSION + r"|(?:our|my|more|other) "
        r"(?:colleagues|team|members|staff|partners)|ourselves|myself)",
        r"how (?:do|can|should) (?:i|we|one|people) (?:register|sign up|enrol+)(?=\s*[?？.]?\s*$)",
        r"(?:se|me|nos|m'|s'|nous) ?(?:inscrib\w*|inscri(?:re|ts|vons|vez)|inscrev\w*)|"
        r"inscribirse|inscribirme|inscrever|aanmelden|inschrijven|jisajili|kujisajili|daftar",
        # attendance in a class
        r"attendance (?:is |be |being |get |gets )?(?:taken|recorded|counted|sheet|list)|"
        r"take attendance|(?:pr[ée]sence|asistencia|presen[cç]a|aanwezigheid) "
        r"(?:est |es |[ée] |wordt )?(?:prise|tomada|contada|registrad[oa]|bijgehouden)",
    ),
)
# Event material that counts only near a sharing or availability word.
WEAK = compiled(
    (
        r"exercise sheets?|worksheets?|hand-?out|folder|(?:google |shared |the )drive|"
        r"carpeta|fiche d'exercice|ficha|werkblad",
    ),
)
NEAR = compiled(
    (
        r"open|opened|access denied|error page|in (?:english|french|spanish|portuguese|arabic|"
        r"swahili|dutch|bislama|tok pisin|hindi|bangla)|english|french|spanish|portuguese|arabic|"
        r"anglais|fran[çc]ais|espagnol|ingl[ée]s|franc[ée]s|espa[ñn]ol|portugu[ée]s|engels|frans|"
        r"spaans|kiingereza|kifaransa|also in|aussi en|tambi[ée]n en|tamb[ée]m em|ook in",
    ),
)
# "Is the link working for others?": a report about this event's tools.
FOR_OTHERS = compiled(
    (
        r"(?:link|zoom|audio|sound|video|page|form|site|website|platform|file|folder|document|"
        r"recording|chat|stream|captions?|lien|enlace|liga|link|formulario|formulaire)"
        r"(?: \S+){0,3} (?:work|working|works|open|opening|load|loading) (?:for|on) (?:others|other people|"
        r"anyone else|everyone else|you all|everyone)|marche pour (?:les autres|vous)|"
        r"funciona para (?:los dem[aá]s|ustedes|otros)|werkt (?:het )?bij (?:anderen|jullie)",
    ),
)
# A pointer into the talk ("On slide 12, the drop..."): content, not a request for the slides.
POINTER = compiled(
    (
        r"(?:on|in|from|at) (?:the |your |that |this )?(?:slide|diapo\w*|dia|slaidi|page|graph|"
        r"chart|table|figure|map)s? ?(?:\d+|number \d+)?(?: of (?:your|the) (?:talk|presentation))?",
        r"(?:sur|dans|en|na|no|en la|op) (?:la |el |a |de |het )?(?:diapo\w*|dia|l[aá]mina|slide)s?"
        r" ?\d+",
    ),
)
# What a programme accepts or awards is the substance: "could the fund accept a recording
# instead of a written proposal", "a route to the formal certificate".
NOT_EVENT = compiled(
    (
        r"(?:accepts?|accepting|submit|instead of|rather than|en lugar de|en vez de|au lieu de|"
        r"acept\w*|aceit\w*|accept\w*|in plaats van) (?:\w+ ){0,2}(?:recordings?|videos?|audio|"
        r"grabaci[oó]n|enregistrement|grava[cç][aã]o|opname)",
        r"(?:recordings?|videos?|grabaci[oó]n|enregistrement|grava[cç][aã]o) (?:instead|rather) of",
        r"(?:formal|school|teaching|national|secondary|primary|leaving|professional|vocational|"
        r"birth|land|medical) certificates?",
    ),
)
# Submitting comments to the consultation is the policy process, a question, not logistics.
PROCESS = compiled(
    (
        r"submit\w* (?:\w+ ){0,2}(?:memorand\w*|comments|views|inputs?|petitions?|objections)|"
        r"memorand\w*|written (?:submissions?|comments|inputs?)|public participation|"
        r"(?:enviar|presentar|soumettre|indienen|submeter) (?:\w+ ){0,2}(?:comentarios|aportes|"
        r"commentaires|observations|zienswijze\w*|reacties|contribui[cç][oõ]es)",
    ),
)
# The format a fund or programme accepts ("informes en video o audio"): not tech talk.
MEDIA_FORMAT = compiled(
    (
        r"(?:in|as|en|em|par|por|via|kwa|op) (?:a )?(?:video|v[ií]deo|audio|[áa]udio|voice)"
        r"(?: (?:or|o|ou|y|e|and|of|au) (?:video|v[ií]deo|audio|[áa]udio|written|escrito|[ée]crit))?",
        r"(?:video|v[ií]deo|audio|[áa]udio) (?:or|o|ou|y|e|and|of) (?:video|v[ií]deo|audio|[áa]udio)",
    ),
)
# "Me too" to someone else's question, with nothing asked of its own.
PLUS_ONE = compiled(
    (
        r"^\W*(?:me too|same (?:question|here)|i (?:also|too) (?:want|would like|wanted) to know|"
        r"i'?d (?:also )?like to know|moi aussi|m[eê]me question|yo tambi[ée]n"
        r"|misma pregunta|eu tamb[ée]m|mesma (?:pergunta|d[uú]vida)|ik ook|zelfde vraag|mimi pia"
        r"|saya juga|ako rin|em cũng vậy)(?:,? (?:too|as well|please|here|that|this|also|lol|"
        r"aussi|tambi[ée]n|tamb[ée]m|ook|pia|juga|aqu[ií]|aqui|ici|hier|hapa|\+1))*\W*$",
    ),
    (
        "^私も(?:知りたい|気になり|同じ|聞きたい)[^？?]{0,6}$",
        "^저도 (?:궁금|알고 싶|같은)[^？?]{0,8}$",
        "^我也(?:想知道|想问|有同样)[^？?]{0,6}$",
    ),
)
# "That is a question for Tom, but ...": passing a question on, then answering it.
REDIRECT = compiled(
    (
        r"(?:that|this|it)(?:'s| is) (?:a |one )?(?:(?:good|great|fair|tough) )?question for \w+",
        r"c'est une (?:bonne )?question pour \w+|(?:esa|[ée]sa|es) (?:una )?(?:buena )?pregunta para"
        r" \w+|(?:essa|isso) [ée] (?:uma )?(?:boa )?pergunta para \w+|dat is een (?:goede )?vraag voor"
        r" \w+",
    ),
)
# Exclamations that open like questions: "Qué bueno escuchar...", "Que bom ver...", "Wat mooi".
EXCLAMATIVE = re.compile(
    r"(?i)^\W*(?:qu[eé]|que|quel(?:le)?|wat) (?:bueno|buena|bien|lindo|"
    r"linda|bonito|hermoso|interesante|importante|gusto|alegr[ií]a|orgullo|maravilla|genial|"
    r"incre[ií]ble|bom|boa|legal|[oó]timo|[oó]tima|bonita|interessante|emocionante|plaisir|joie|"
    r"bonheur|beau|belle|chouette|mooi|fijn|goed|leuk|interessant|sterk|nice|great|wonderful|"
    r"lovely|inspiring|powerful|true|cool|good|beautiful)\b(?![^.!]*[?？¿])"
)
# A question put to fellow participants, not the panel ("For the donors in the room: ...").
ROOM = compiled(
    (
        r"^(?:for|to|para|pour|voor|kwa) (?!(?:\w+ ){0,3}(?:panel\w*|speakers?|presenters?|"
        r"ponentes?|intervenants?|sprekers?|jopo)\b)(?:the |all |los |las |les |de |os |as )?"
        r"(?:\w+ ){0,2}"
        r"(?:in the room|on the call|in the chat|en la sala|dans la salle|in de zaal|na sala)\s*[:,]",
        r"(?:is|are|has) (?:anyone|anybody|any of you) (?:here |else )?(?:already|also|currently)",
        r"(?:alguien|algu[eé]m|quelqu'un|iemand) (?:aqu[ií] |aqui |ici |hier )?(?:ya|j[aá]|d[ée]j[aà]|al)\b",
    ),
)
# A topic, then a resumptive pronoun and an auxiliary: "The 30% is it calculated before...".
# Not "The point is it must be local" (a clause as complement) nor "is it must/don't...".
TOPIC_AUX = re.compile(
    r"^\W*(?!(?:I|We|You|He|She|It|They|Yes|No|So|And|But|Maybe|Perhaps|Here|There)\b)(?:[Tt]he|[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Oo]ur|[Yy]our|[Tt]heir|[A-Z0-9][\w%]*)\s+"
    r"(?!(?:point|problem|issue|thing|question|truth|fact|key|reality|answer|idea|risk|danger|"
    r"worry|hope|concern|challenge|trouble|reason|result|good news|bad news)\b)"
    r"(?:[\w%'-]+\s+){1,4}?(?:is|are|was|were|does|do|did|will|can|could)\s+(?:it|they)\s+"
    r"(?!(?:is|are|was|must|should|will|would|can|could|may|might|don|doesn|didn|won|isn|aren|"
    r"never|just|all|too|who|that|which|what)\b)\w+"
)
# Indirect questions the lists missed.
ASKING_R3 = compiled(
    (
        r"(?:tu|tungependa|tuna|ni|na)omba kujua|tungependa (?:kujua|kuuliza|kufahamu)|"
        r"tunataka kujua|tunauliza",
    ),
    ("지 알고 싶|는지 궁금|알고 싶습니다|알고 싶어요",),
)


def tag_then_comment(text: str, tag: re.Pattern[str]) -> re.Match[str] | None:
    """A closing tag followed only by a comment ("..., right? That changes everything"): the
    match of the tag (``tag`` must match at the end of the string it is given), else None."""
    for match in re.finditer(r"[?？]\s+", text):
        head, rest = text[: match.end()].rstrip(), text[match.end() :]
        if re.search(r"[?？¿؟]", rest):
            return None
        found = tag.search(head)
        if found:
            return found
    return None
