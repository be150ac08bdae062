"""Participants' own logistics, relayed questions and question shapes a participant uses.

Used by :mod:`bot.core.detect` and :mod:`bot.core.logistics`:

* :data:`OWN_LOGISTICS`: a participant's own logistics in more shapes: where to find a
  document or concept note they missed, when the next meeting or call is, a form in another
  language, how to change one's display name, how to vote in the tool (or the vote not showing
  on the phone, voting by proxy), a survey counted for attendance, signing up for the next
  lecture, a file that does not open or a PDF version, the chat file (en, fr, es, pt, nl, de, sw,
  ja, ko, zh);
* :data:`REPEAT`: "the audio is breaking up, can you repeat" is about running the event unless a
  question of substance follows in a later sentence (see :func:`repeat_only`);
* :data:`ONLY_ME` / :data:`REJOIN`: "is it only me?", "maybe rejoin?" are audio/connection talk;
* :data:`RELAYED`: an interpreter's or host's relay of someone's question ("Translation: ...",
  "Traducción del quechua: ...", "Translation for all: ...") is not a new question: the asker's
  own message, in their language, is the question and is queued (``relay``);
* :data:`SAME_QUESTION`: "Yes, that's my question too" agrees with a question (``agree``);
* :data:`AMOUNT_ANSWER`: a bare amount with a mark ("42 500 000 FCFA ?") answers a quiz
  (``answer``);
* :data:`LEAD_COLON`, :data:`CONJUNCTION`, :data:`OPINION`, :data:`NAME_THEN_ASK`,
  :data:`TRAILING_WH`: a question without a mark after a short lead-in and colon ("Last one from
  me: can ..."), a conjunction ("and can groups ..."), "in your opinion" ("y en su opinión qué
  ..."), a name without a comma ("Fatuma what would you ..."), or closed by a question word
  ("c'est prévu quand");
* :data:`DEFERRAL`: "(maybe) for after the break:" times a question, it asks nothing about the
  break;
* :data:`INTERJECTION`: "Oh interesting Rehema, ..." hides the addressee behind an interjection;
* :data:`ASK_ROOM`: "can I ask the members something: ..." puts the question to the room.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.core.lexicon import compiled

_DOC = (
    r"(?:concept note|note conceptuelle|nota conceptual|nota de concepto|conceptnota|"
    r"konzeptpapier|konzeptnotiz|document|documento|dokument|the note|the paper|the file|"
    r"agenda|programme|program|programa|ordre du jour|dagorde|tagesordnung)"
)
_NEXT_MEETING = (
    r"(?:meeting|call|session|lecture|webinar|class|r[ée]union|s[ée]ance|appel|conf[ée]rence|"
    r"reuni[oó]n|llamada|sesi[oó]n|clase|charla|reuni[aã]o|chamada|sess[aã]o|aula|palestra|"
    r"vergadering|bijeenkomst|sessie|les|gesprek|sitzung|treffen|termin|vorlesung|anruf)"
)
_LANG = (
    r"(?:french|english|spanish|portuguese|arabic|swahili|german|dutch|fran[cç]ais|anglais|"
    r"espagnol|portugais|arabe|franc[eé]s|ingl[eé]s|espa[nñ]ol|portugu[eé]s|"
    r"[aá]rabe|frans|engels|spaans|portugees|franz[oö]sisch|englisch|spanisch|kiswahili|"
    r"kifaransa|kiingereza)"
)

OWN_LOGISTICS = compiled(
    (
        # a document, link or concept note they missed
        r"(?:where|how) (?:can|do|could) (?:i|we) (?:find|get|access|see) (?:the |a )?" + _DOC,
        r"o[uù] (?:puis-je|peut-on|est-ce qu'on peut|trouver|trouve-t-on) (?:trouver )?(?:la |le |l')?"
        + _DOC,
        r"d[oó]nde (?:puedo|podemos|se puede) (?:encontrar|ver|descargar) (?:la |el )?" + _DOC,
        r"onde (?:posso|podemos|se pode|encontro|acho) (?:encontrar |achar |ver )?(?:a |o )?"
        + _DOC,
        r"waar (?:kan ik|vind ik|kunnen we) (?:de |het )?" + _DOC,
        r"wo (?:finde ich|kann ich|finden wir) (?:das |die |den )?" + _DOC,
        r"(?:i|we) missed the link|j'ai (?:rat[ée]|manqu[ée]) le lien|"
        r"(?:perd[ií]|no vi) el (?:enlace|link)|perdi o link|(?:ik heb|heb) de link gemist|"
        r"(?:ich habe|hab) den link verpasst|nimekosa (?:kiungo|link)",
        # when is the next meeting / call
        r"(?:when|what date) (?:is|will be|'s) (?:the |our )?next " + _NEXT_MEETING,
        r"(?:quand|c'est quand) (?:(?:est|aura lieu|sera) )?(?:la |le )?prochaine? "
        + _NEXT_MEETING,
        r"prochaine? " + _NEXT_MEETING + r",? (?:c'est )?quand",
        r"(?:cu[aá]ndo|qu[eé] d[ií]a) (?:es|ser[aá]) (?:la |el )?pr[oó]xim[ao] " + _NEXT_MEETING,
        r"quando (?:[eé]|ser[aá]|vai ser) (?:a |o )?pr[oó]xim[ao] " + _NEXT_MEETING,
        r"wanneer is (?:de |het )?volgende " + _NEXT_MEETING,
        r"wann (?:ist|findet) (?:die |das |der )?n[aä]chste " + _NEXT_MEETING,
        r"(?:mkutano|kikao) (?:ujao|kijacho) (?:ni|utakuwa|kitakuwa) lini",
        # a form in another language
        r"(?:form|formulaire|formulario|formul[aá]rio|formulier|formular|fomu) (?:[\w'-]+ ){0,3}"
        r"(?:in|en|em|op|auf|kwa|na) " + _LANG,
        # changing one's display name
        r"(?:change|rename|edit) (?:my |your |our )?(?:display )?name|"
        r"chang(?:er|e) (?:mon |de |le )?nom|cambi(?:ar|o) (?:mi |el |de )?nombre|"
        r"mud(?:ar|a|o) (?:o |meu )?nome|(?:naam|mijn naam) (?:wijzigen|veranderen|aanpassen)|"
        r"(?:namen|meinen namen) (?:[aä]ndern|umbenennen)|kubadilisha jina",
        # voting in the tool
        r"(?:vote|voting|poll) (?:is |does |doesn'?t |is not |isn'?t )?(?:not )?(?:show|appear)\w*|"
        r"(?:can|may) (?:i|we) vote (?:in|by|via|through|on) (?:the )?(?:chat|phone|app)|"
        r"how (?:do|can) (?:i|we) vote|"
        r"(?:o )?voto n[aã]o aparece|(?:posso|podemos) votar (?:pelo|no|via) (?:chat|celular|telem[oó]vel)|"
        r"como (?:se )?vota|c[oó]mo (?:se )?vota|(?:puedo|podemos) votar por (?:el )?chat|"
        r"el voto no aparece|comment (?:on )?vote|(?:je ne vois|on ne voit) pas le vote|"
        r"(?:puis-je|peut-on) voter (?:dans|par|via) (?:le )?chat|hoe (?:kan ik|stem ik)|"
        r"(?:kan ik|kunnen we) stemmen via|wie (?:kann ich|stimme ich) ab",
        # a survey counted for attendance; signing up for the next lecture
        r"(?:survey|questionnaire|form|poll|quiz|encuesta|cuestionario|formul[aá]rio|"
        r"pesquisa|enqu[eê]te) (?:\w+ ){0,3}(?:count|compte|cuenta|conta|telt)\w* "
        r"(?:\w+ ){0,2}(?:attendance|pr[ée]sence|asistencia|presen[cç]a|aanwezigheid)",
        r"(?:sign up|register|enrol+|inscri\w+|apuntarme|aanmelden|anmelden) (?:\w+ ){0,2}"
        r"(?:for |to |pour |à |para |en |na |voor |f[uü]r )?(?:the |la |le |el |a |o |de |die )?"
        r"(?:next|prochaine?|pr[oó]xim[ao]|volgende|n[aä]chste) " + _NEXT_MEETING,
        # a file that does not open, a PDF version, the chat file
        r"(?:file|document|link|attachment) (?:\w+ ){0,2}(?:won'?t|doesn'?t|does not|will not|"
        r"can'?t|cannot) (?:open|load|download)|"
        r"(?:fichier|document|lien) ne s'ouvre pas|(?:archivo|documento) no (?:se )?abre|"
        r"(?:arquivo|ficheiro|documento) n[aã]o abre|(?:bestand|document) (?:opent|gaat) niet|"
        r"(?:datei|dokument) (?:[oö]ffnet|geht) (?:sich )?nicht|faili (?:halifunguki|haifunguki)",
        r"(?:is there|is it available as|any) (?:a |an )?pdf|(?:a |in )pdf version|"
        r"(?:une |en )?version pdf|(?:una |en )?versi[oó]n (?:en )?pdf|(?:uma |em )?vers[aã]o (?:em )?pdf|"
        r"pdf[- ]versie|pdf[- ]version",
        r"(?:get|have|save|download|share|send) (?:the |a )?(?:copy of the )?chat (?:file|log|history|"
        r"transcript)|(?:fichier|historique) du chat|(?:archivo|historial) del chat|"
        r"(?:arquivo|hist[oó]rico) do chat|(?:chatbestand|chatgeschiedenis)|chatverlauf",
    ),
    (
        r"(?:次回|次の)(?:会議|ミーティング|セッション|講義|勉強会)は?いつ|다음 (?:회의|모임|특강|강의|세션)(?:은|는)? ?언제|"
        r"下次(?:会议|会|讲座|课)(?:是)?什么时候",
        r"名前(?:を|の)?(?:変更|変え)|이름(?:을|을 어떻게)? ?(?:변경|바꾸|바꿀)|(?:改|修改|更改)(?:名字|显示名)",
        r"投票(?:が|は)?(?:しなくて|できない|が表示され|はどこ|の仕方|方法)|委任状|투표(?:가|는)? ?(?:안 보|어디서|어떻게|방법)|"
        r"(?:怎么|如何)投票|投票(?:没有|不)显示",
        r"(?:アンケート|調査).{0,8}出席|설문.{0,8}출석|(?:问卷|调查).{0,8}(?:出勤|考勤|出席)",
        r"(?:次回|次の)(?:講義|特別講義|講演).{0,8}(?:申し込み|申込|登録)|다음 (?:특강|강의|세미나).{0,6}신청|"
        r"下次(?:讲座|课).{0,6}(?:报名|注册)",
        r"ファイルが開(?:け|か)ない|PDF(?:版)?(?:は|が)?(?:あります|ありませんか)|파일이 (?:안 |열리지)|"
        r"PDF(?:로|버전)|文件打不开|(?:有)?PDF(?:版|版本)",
        r"チャット(?:の)?(?:ログ|ファイル|履歴)|채팅 (?:파일|기록|내용)|聊天记录",
    ),
)

REPEAT = compiled(
    (
        r"(?:can|could|would) you (?:please )?repeat|please repeat|"
        r"(?:pouvez|pourriez|peux)[- ](?:vous|tu) r[ée]p[ée]ter|"
        r"(?:puede|podr[ií]a|puedes) repetir|(?:pode|poderia|podes) repetir|"
        r"(?:kunt|kan|zou) (?:u|je) (?:dat |het )?(?:herhalen|nog eens)|"
        r"(?:k[oö]nnen|k[oö]nnten) sie (?:das )?wiederholen|(?:unaweza|mnaweza) kurudia",
    ),
    (r"もう一度(?:お願い|言って|説明)|다시 (?:말씀|한 번|설명)|(?:再说一遍|重复一下|再讲一遍)",),
)
ONLY_ME = compiled(
    (
        r"(?:is it|it'?s) (?:just|only) me|only me\s*\?|just me\s*\?|c'est (?:juste|seulement) moi|"
        r"(?:soy|es) (?:solo|s[oó]lo) yo|s[oó] (?:eu|comigo)|(?:ligt het )?(?:alleen|enkel) (?:aan|bij) mij|"
        r"nur bei mir|ni mimi tu|ni mimi peke yangu",
    ),
    (r"私だけ(?:です)?(?:か|でしょうか)|저만 그런|只有我",),
)
REJOIN = compiled(
    (
        r"(?:maybe|try(?: to)?|please) (?:rejoin|reconnect|refresh)|"
        r"(?:essaie|essayez|intenta|tente|probeer) (?:de )?(?:te )?(?:reconnecter|reconectar|opnieuw)",
    ),
)

_RELAY_WORD = (
    r"(?:translation|interpretation|traducci[oó]n|tradu[cç][aã]o|traduction|vertaling|"
    r"[uü]bersetzung|tafsiri)"
)
RELAYED = compiled(
    (
        r"^\W*" + _RELAY_WORD + r"(?:\s*/\s*" + _RELAY_WORD + r")?"
        r"(?: (?:for (?:all|everyone)|pour tous|para todos|voor iedereen|f[uü]r alle|"
        r"(?:of|from|del|de la|de l'|du|de|do|da|van|aus dem|ya) [\w'’]+(?:'s)?(?: question| pregunta| pergunta)?|"
        r"in \w+))?\s*[:：]",
    ),
    (r"^\W*(?:翻訳|通訳|번역|통역|翻译|口译)\s*[:：]",),
)
SAME_QUESTION = compiled(
    (
        r"(?:that'?s|that is|this is|it'?s) (?:also |exactly )?my question(?: too| as well)?|"
        r"same question(?: here)?|c'est (?:aussi |exactement )?ma question(?: aussi)?|"
        r"(?:esa|esta|[eé]sa) es (?:tambi[eé]n )?mi pregunta|"
        r"(?:essa|esta|[eé] essa) (?:[eé] )?(?:tamb[eé]m )?(?:a )?minha pergunta|"
        r"dat is (?:ook )?mijn vraag|das ist (?:auch )?meine frage|"
        r"hilo ni swali langu|ndilo swali langu",
    ),
    (
        r"私も同じ質問|同じ質問です|저도 같은 질문|같은 질문입니다|我也有(?:同样|一样)的问题|同样的问题",
    ),
)
AMOUNT_ANSWER = re.compile(
    r"^\W*(?:about |around |environ |autour de |cerca de |unos |~)?[\d][\d\s.,']*\s*"
    r"(?:%|fcfa|cfa|usd|us\$|\$|€|eur|euros?|kes|ksh|tzs|ugx|ngn|xof|rwf|dollars?|"
    r"shillings?|francs?|millions?|milliards?|billions?|mil|bn|m|k)?\s*[?？]+\s*$",
    re.IGNORECASE,
)

# "Last one from me: can ...", "Tweede vraag, misschien voor na de pauze: waarom ..."
LEAD_COLON = re.compile(r"^([^:：?？\n]{2,60})[:：]\s+(?=\S)")
CONJUNCTION = re.compile(
    r"^\s*(?:and|but|so|also|or|et|mais|donc|y|pero|e|mas|maar|und|aber|oder|na|tapi|dan)[,\s]+",
    re.IGNORECASE,
)
OPINION = re.compile(
    r"^\s*(?:in your (?:view|opinion)|from your (?:experience|perspective)|"
    r"en (?:su|tu) (?:opini[oó]n|experiencia)|seg[uú]n usted|[àa] votre avis|selon vous|"
    r"na (?:sua|tua) (?:opini[aã]o|vis[aã]o|experi[eê]ncia)|naar uw mening|volgens u|"
    r"ihrer meinung nach|kwa maoni yako)[,\s]+",
    re.IGNORECASE,
)
# "Fatuma what would you do ...": a capitalised name runs into the question word.
NAME_THEN_ASK = re.compile(
    r"^(?:[A-Z][\w'’-]+)(?: [A-Z][\w'’-]+)?\s+(?=(?:what|why|how|when|where|which|who|"
    r"do you|did you|would you|could you|can you|are you|have you|is there|are there)\b)"
)
# "Et pour l'Équateur, c'est prévu quand": a question word closes the sentence.
TRAILING_WH = re.compile(
    r"\s(?:quand|o[uù] [çc]a|combien|comment|pourquoi|quoi|cu[aá]ndo|d[oó]nde|cu[aá]nto|c[oó]mo|"
    r"qu[eé]|quando|onde|quanto|quem)\s*$",
    re.IGNORECASE,
)
DEFERRAL = compiled(
    (
        r"(?:(?:maybe|perhaps|misschien|peut-[eê]tre|quiz[aá]s|talvez|vielleicht) )?"
        r"(?:for |voor |pour |para |f[uü]r )?(?:after|na|apr[eè]s|despu[eé]s de|depois d[oa]|nach) "
        r"(?:the |de |la |el |o |a |der )?(?:break|pauze|pause|pausa|descanso|intervalo)\s*[:：]",
    ),
)
# A reply word in the vocative ("Arjun yes, will send ...") makes it an answer, not a question.
REPLY_WORD = re.compile(
    r"\b(?:yes|no|ok|okay|sure|thanks|thank you|noted|oui|non|merci|s[ií]|sim|n[aã]o|gracias|"
    r"obrigad[oa]|ja|nee|nein|danke|ndiyo|hapana|asante)\b",
    re.IGNORECASE,
)
INTERJECTION = re.compile(
    r"^\s*(?:oh|ah|wow|nice|great|cool|interesting|very interesting|oh interesting|oh nice|"
    r"int[ée]ressant|interesante|interessante|interessant)[,!.]?\s+",
    re.IGNORECASE,
)
ASK_ROOM = compiled(
    (
        r"(?:can|may|could) i ask (?:the |all )?(?:members|participants|everyone|colleagues|"
        r"all of you|the room|you all)|"
        r"(?:puis-je|je voudrais) demander (?:aux|à tous les) (?:membres|participants)|"
        r"(?:puedo|quisiera) preguntar a (?:los|todos los) (?:miembros|participantes)|"
        r"(?:posso|queria) perguntar (?:aos|a todos os) (?:membros|participantes|s[oó]cios)",
    ),
)


def repeat_only(text: str, has_question: Callable[[str], bool]) -> bool:
    """Whether ``text`` asks to repeat (audio trouble) and no question of substance follows:
    ``has_question`` is called on what follows the sentence that asks to repeat."""
    match = REPEAT.search(text)
    if match is None:
        return False
    rest = re.split(r"(?<=[.?!？。])\s*", text[match.end() :], maxsplit=1)
    after = rest[1].strip() if len(rest) == 2 else ""
    return not (after and has_question(after))
