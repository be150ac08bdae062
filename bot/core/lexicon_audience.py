"""Shapes added in detection round 5: the audience asked, participants' own logistics.

Used by :mod:`bot.core.detect`, :mod:`bot.core.logistics` and :mod:`bot.core.hosts`:

* :data:`AUDIENCE`: a question put to the audience, whoever posts it: a show of hands, "how
  many of you", "a question for you all", "type yes or no", "respondan en una frase",
  "escrevam", "wie van jullie", "does everyone see the slides?" (``prompt``); it also counts
  as a host's announcement;
* :data:`MODERATOR`: one who says they moderate ("voy a moderar", "I'll be moderating", "je
  modère") or asks everyone for their name and institution is a host;
* :data:`OWN_RUNNING`: a participant's own logistics: how long the break is, how much time is
  left, which room or group they are in, a form that does not work, an assignment not found,
  notes or a recording in another language, a time zone, streaming, a day's recording;
* :data:`NOT_RUNNING`: sharing something *with the government* is substance, not a link;
* :data:`SIDE_TALK`: a laugh or a joke around a question ("lol why does this happen every
  webinar??", "... koffiemachine 😂") is side talk (``joke``);
* :data:`PAUSE_SLIDE`: a request to stay on a slide before the real question ("Could you pause
  on the funding slide - is the 30% ...") is removed before deciding logistics;
* :data:`FOLLOWING`: a remark-starting lead-in ("Following Abebe - does X apply...") is
  skipped before looking for a question without a mark.
"""

from __future__ import annotations

import re

from bot.core.lexicon import compiled

_ALL = (
    r"(?:everyone|everybody|you all|all of you|y'all|tout le monde|vous tous|vous toutes|todos|"
    r"todas|todes|ustedes|voc[eê]s|iedereen|jullie|allemaal|alle|ihr alle|nyote|wote|kayo)"
)
_SEE = (
    r"(?:see|hear|voit|voyez|voient|entend|entendez|ven|vemos|veem|v[eê]em|oyen|escuchan|ouvem|"
    r"zien|horen|sehen|h[oö]ren|mnaona|mnasikia|vendo|ouvindo|viendo|escuchando|oyendo)"
)

# What the audience is asked to see or hear: "Does everyone see the slides?", "...hear me?"
_SCREEN = (
    r"(?:[ld]')?(?:slides?|screen|presentation|map|chart|graph|document|poster|video|audio|sound|it|me|us|"
    r"diapos?|diaporama|pr[ée]sentation|[ée]cran|carte|son|interpr[eè]te|"
    r"diapositivas?|documento|presentaci[oó]n|pantalla|mapa|sonido|int[eé]rprete|"
    r"apresenta[cç][aã]o|tela|som|scherm|sheets|kaart|geluid|tolk|folien|bildschirm|ton|"
    r"skrini|slaidi)"
)

AUDIENCE = compiled(
    (
        # show of hands, how many of you / who among you
        r"show of hands|hands up|raise (?:your|a) hand|levez la main|levanten la mano|"
        r"levantem a m[aã]o|steek (?:je|jullie) hand|hand(?: hoch| heben)|inueni mikono",
        r"how many of you|who (?:among|of) you|combien d'entre vous|qui (?:parmi|d'entre) vous|"
        r"cu[aá]nt[oa]s de ustedes|qui[eé]n(?:es)? de ustedes|quant[oa]s de voc[eê]s|"
        r"quem (?:de|entre) voc[eê]s|quem aqui (?:j[aá] )?\w+|"
        r"hoeveel van jullie|wie van jullie|wie viele von (?:euch|ihnen)|wer von (?:euch|ihnen)|"
        r"wangapi kati yenu|nani kati yenu|sino (?:dito|sa inyo)",
        # a question for the audience
        r"(?:question|one|pregunta|pergunta|vraag|frage|swali) (?:\w+ ){0,2}(?:to|for|[àa]|au|para|"
        r"pour|aan|voor|an|f[uü]r|kwa) (?:you all|all of you|everyone|the audience|the room|vous tous|vous toutes|"
        r"l'assistance|la salle|(?:le |du )?public|ustedes|todes|todos|todas|voc[eê]s|jullie|"
        r"iedereen|euch|alle|nyote|wote)(?! (?:\w+ )?(?:panel\w*|speakers?|ponentes|oradore?s|"
        r"intervenant\w*|sprekers|invitad\w*|convidad\w*))",
        r"(?:first|second|third|next|last|primera|segunda|tercera|siguiente|[uú]ltima|premi[eè]re|"
        r"deuxi[eè]me|primeira|terceira|eerste|tweede|erste|zweite) (?:question|pregunta|pergunta|"
        r"vraag|frage)\s*(?:para (?:ustedes|voc[eê]s|todes)|for you(?: all)?|pour vous)?\s*[:：]",
        r"(?:ask ko lang|let me ask) (?:muna )?(?:kayo|you all|the room|everyone)",
        # answer in the chat
        r"(?:tell|give) (?:me|us) in the chat|dites-(?:moi|nous) dans le chat|"
        r"(?:^\W*|(?<=[.!?:] )|just |simply |please )type (?:lang )?(?:yes|no|[\"'“«]|\d\b|a\b|"
        r"b\b|in the chat|your answers?|one word)|"
        r"(?:tapez|[ée]crivez|r[ée]pondez) (?:oui|non|en un mot|en une phrase|dans le chat|[\"'“«])|"
        r"respondan|responded? en (?:una|un) (?:frase|palabra)|escriban (?:s[ií]|no|en el chat|"
        r"una palabra|[\"'“«])|escrevam|respondam|typ (?:ja|nee|in de chat|[\"'“«])|"
        r"antwoord in de chat|schreibt (?:ja|nein|in den chat)|andikeni (?:ndiyo|hapana|kwenye)",
        # does everyone see / can you all see
        _ALL + r" (?:\w+ ){0,2}" + _SEE + r"(?: (?:\w+ ){0,3}" + _SCREEN + r"|\W*$)",
        r"(?:can|could|do) (?:you all|all of you|everyone|everybody) " + _SEE,
        r"(?:kan|kunnen|ziet) (?:iedereen|jullie) (?:\w+ ){0,3}(?:zien|horen)",
        r"(?:voyez|entendez)-vous (?:tous |toutes |bien )*(?:\w+ ){0,2}" + _SCREEN + r"|"
        r"mna(?:ni)?(?:ona|sikia)(?: vizuri| wote)*(?: skrini| slaidi| sauti)?\W*$",
        r"^\W*(?:(?:yes|ok|okay|sure|s[ií]|oui|sim|ja)[,.!]*\s+)?(?:sharing now|je partage|estoy compartiendo|partilho agora)\b[^?]{0,30}(?:can|do|"
        r"est-ce que|pueden|conseguem) (?:you|vous|ustedes|voc[eê]s)\b",
    ),
    (
        r"(?:チャットに|チャット欄に)(?:書いて|入力して|お書き)|手を挙げて|皆さんの中で.{0,30}(?:方|人)は"
        r"(?:いますか|いらっしゃいますか)|皆さん.{0,12}(?:見えますか|"
        r"聞こえますか)",
        r"(?:분|분들) 계신가요|손(?:을)? 들어 ?주세요|여쭤볼게요|여쭤보겠습니다|채팅(?:창)?에 (?:남겨|적어|써) ?주세요|"
        r"잘 보이시나요",
    ),
)

MODERATOR = compiled(
    (
        r"voy a moderar|voy a ser (?:la|el) moderador\w*|(?:i'll|i will) be (?:moderating|facilitating|chairing)|"
        r"i'?m (?:moderating|facilitating|chairing) (?:today|this|the)|je (?:mod[eè]re|vais mod[ée]rer|serai (?:votre |la |le )?"
        r"mod[ée]rat\w*)|vou moderar|vou ser (?:a |o )?moderador\w*|ik (?:modereer|ben vandaag "
        r"(?:de |jullie )?moderator)|ich moderiere|nitaongoza|nitasimamia mjadala",
        r"(?:indiquer|indiquez|indique|escriban|escrevam|write|type|schreibt) (?:\w+ ){0,2}"
        r"(?:votre|vos|su|sus|o seu|your|eure?n?) (?:\w+ ){0,2}(?:nom|nombre|nome|name|namen?)\b"
        r"[^.!?]{0,40}\b(?:institution|instituci[oó]n|institui[cç][aã]o|organisme|structure|"
        r"organisation|organization|organizaci[oó]n|organiza[cç][aã]o|ville|ciudad|cidade|city)",
    ),
    (r"司会を務め|司会の|사회를 맡|진행을 맡|채팅에 (?:기관명|이름|소속)",),
)

_LANGS = (
    r"(?:english|french|spanish|portuguese|arabic|swahili|amharic|oromo|tigrinya|somali|hausa|"
    r"nepali|bangla|bengali|hindi|urdu|tamil|dutch|german|japanese|korean|chinese|kinyarwanda|"
    r"kirundi|anglais|fran[cç]ais|espagnol|arabe|ingl[eé]s|franc[eé]s|espa[nñ]ol|[aá]rabe|"
    r"portugu[eê]s|engels|frans|arabisch|englisch|franz[oö]sisch)"
)

OWN_RUNNING = compiled(
    (
        # the break's length, the time left for me
        r"(?:pausa|pause|break|intervalo|descanso|pauze|mapumziko) (?:\w+ ){0,1}(?:is|est|es|[ée]|"
        r"duurt|dura|ni) (?:de |of |van )?(?:\d+|five|ten|fifteen|cinco|dez|diez|cinq|dix|vijf|tien)"
        r"(?:\s*(?:or|ou|o|of|au) \d+)?\s*(?:min\w*|dakika)",
        r"how (?:much|long) time (?:do we have|is left|are we|we have)|how much time (?:have we got|remains)|"
        r"quanto tempo (?:temos|falta|ainda)|cu[aá]nto tiempo (?:tenemos|queda|nos queda)|"
        r"combien de temps (?:reste|nous reste|avons|a-t-on)|hoeveel tijd (?:hebben|is er)",
        # rooms and groups
        r"(?:put|placed|moved|assigned) (?:in|into|to) (?:breakout )?room \d|"
        r"(?:can|may|could) i (?:move|switch|change) (?:to (?:another |a different )?)?(?:rooms?|groups?)|"
        r"(?:change|switch|move) (?:breakout )?(?:rooms?|groups?)|"
        r"(?:os |los |les |the |de )?(?:grupos|groupes|groups|groepen) (?:\w+ ){0,1}(?:s[aã]o|son|"
        r"sont|are|worden) (?:escolhid|elegid|form|chosen|assigned|made|ingedeeld|definid)\w*|"
        r"(?:are|s[aã]o|son|sont|worden) (?:the |os |los |les |de )?(?:groups|grupos|groupes|"
        r"groepen) (?:\w+ ){0,1}(?:assigned|chosen|made|escolhid\w*|elegid\w*|form[ée]\w*|"
        r"formad\w*|ingedeeld|definid\w*)|fazer grupo|formar (?:um |un )?grupo|hacer grupo|group up|team up|"
        r"(?:in|into|dans|en|no|na) (?:which|what|quel|qu[eé]|que|welke) (?:room|group|groupe|"
        r"grupo|sala|groep)(?:\s+(?:am i|are we|will i|will we|do i|do we|should i|should we|"
        r"estoy|estamos|estou|suis-je|sommes-nous|zit ik|zitten we|ben ik)\b|\s*[?？])",
        # a form or a link that does not work for me
        r"(?:form|formulario|formul[aá]rio|formulaire|formulier|link|lien|enlace|survey) (?:is |isn'?t |"
        r"is not |not |doesn'?t |does not |no |ne |n'|niet |n[aã]o )?(?:working|funciona\w*|marche|"
        r"fonctionne|werkt)|error page|"
        r"page d'erreur|p[aá]gina de erro",
        # course work not found
        r"enunciado|moodle|google classroom|(?:the |l'|el |o )?(?:assignment|devoir|tarea|"
        r"trabalho|opdracht) (?:\w+ ){0,3}(?:where|o[uù]|d[oó]nde|onde|waar)|"
        r"(?:where|o[uù]|d[oó]nde|onde|waar) (?:\w+ ){0,3}(?:assignment|devoir|tarea|trabalho|"
        r"opdracht|enunciado)|je ne (?:le|la|les) trouve pas|no (?:lo|la) encuentro|"
        r"n[aã]o (?:o|a) encontro|can'?t find it|kan het niet vinden",
        # notes, summaries, recordings of a day, in another language
        r"(?:notes|minutes|summary|summaries|compte[- ]rendu|r[ée]sum[ée]|resumen|resumo|"
        r"notas|verslag|transcript) (?:\w+ ){0,2}(?:in|en|em|na|no|au|à) " + _LANGS + r"\b|"
        r"recordings? of (?:day|session|part|module|week|jour|d[ií]a|dia|dag) \w+|"
        r"(?:publi[ée]e?s?|published|publicad[ao]s|publicad[ao]s?) (?:\w+ ){0,2}(?:avec|with|con|"
        r"com) (?:le |the |el |o )?(?:compte[- ]rendu|minutes|acta|ata)",
        # something to be put in the chat
        r"(?:share|post|drop|put|paste|compartir|compartilhar|partilhar|partager|poster|delen|"
        r"posten|plakken) (?:\w+ ){0,4}(?:in|en|no|na|dans|into) (?:the |el |o |le |de |la )?chat",
        # streaming and time zones
        r"retransmis\w*|livestream\w*|live-?streamed|transmitid[ao] en vivo|streamed|"
        r"same time ?zone|time ?zone|fuseau horaire|zona horaria|fuso hor[aá]rio|tijdzone|"
        r"\d{1,2}[:h.]\d{2} ?(?:eat|cat|wat|cet|cest|gmt|utc|ist|jst|kst|edt|est|pst|brt)\b",
    ),
    (r"التسجيل|الترجمة الفورية|録画|녹화",),
)

NOT_RUNNING = compiled(
    (
        r"(?:share|shared|sharing|partag\w+|compart\w+|compartilh\w+|delen|gedeeld) (?:\w+ ){0,4}"
        r"(?:with|avec|con|com|met) (?:the |le |la |el |o |a |de )?(?:government|gouvernement|"
        r"gobierno|governo|ministry|minist[eè]re|ministerio|minist[eé]rio|overheid|serikali)",
    ),
    (r"정부와 공유|政府と共有|与政府共享",),
)

SIDE_TALK = re.compile(
    r"(?i)^\W*(?:lol|lmao|haha\w*|hehe\w*|jaja\w*|kkk+|mdr|ptdr|rsrs\w*)\b|"
    r"(?:😂|🤣|😆|😬)"
)

PAUSE_SLIDE = compiled(
    (
        r"^(?:[^\W\d_]+(?: [^\W\d_]+)?,? )?(?:(?:can|could|would) you (?:please )?)?"
        r"(?:pause|stay|stop|go back|return|remain) (?:on|to) (?:the |that |this )?"
        r"(?:[\w-]+ ){0,3}(?:slide|diapo|diapositiva|dia|slaidi)(?: please| por favor| svp)?\s*"
        r"(?:[-–—:]|\?)\s*",
    ),
)

FOLLOWING = compiled(
    (
        r"^(?:following|further to|building on|adding to|suite [àa]|siguiendo (?:a|con)|"
        r"seguindo|na aanleiding van|aanvullend op|im anschluss an|kufuatia)\s+[^-–—:]{1,40}?"
        r"\s*[-–—:]\s*",
    ),
)

# "Me too" after a short reaction, or in the past ("気になります、私も知りたかったです",
# "Good one, I had the same question"): agreement, nothing new to ask.
AGREE = compiled(
    (
        r"^\W*(?:[^\W\d_]+(?: [^\W\d_]+)?[,!.]+\s*)?(?:i was wondering the same(?: thing)?|"
        r"i had the same question|j'avais la m[eê]me question|yo ten[ií]a la misma pregunta|"
        r"eu tinha a mesma (?:pergunta|d[uú]vida)|ik had dezelfde vraag|ich hatte die gleiche frage|"
        r"nilikuwa na swali hilo hilo)\W*$",
    ),
    (
        r"^[^？?]{0,12}私も(?:知りたかった|気になっていた|聞きたかった)[^？?]{0,6}$",
        r"^[^？?]{0,12}저도 (?:궁금했|알고 싶었)[^？?]{0,8}$",
    ),
)

# A question answered at once by its asker: "What has changed? Nothing, ..." (``rhetorical``).
SELF_ANSWERED = compiled(
    (
        r"(?<=[?？])\s*(?:nothing|none|zero|nobody|no one|rien|personne|nada|nadie|ningu[eé]m|"
        r"niets|niemand|nichts|hakuna)(?:[,.!]|$)",
    ),
)

# Asking without a mark, indirectly ("Eu queria perceber se...", "j'aimerais comprendre si").
INDIRECT = compiled(
    (
        r"(?:eu )?(?:queria|gostaria de|quero) (?:perceber|saber|entender|compreender) se|"
        r"quisiera (?:saber|entender) si|me gustar[ií]a (?:saber|entender) si|"
        r"(?:j'aimerais|je voudrais|je souhaiterais) (?:savoir|comprendre) si|"
        r"ik (?:wil|zou) (?:graag )?(?:weten|begrijpen) of|ik vraag me af of|"
        r"ich (?:m[oö]chte|w[uü]rde gern(?:e)?) (?:wissen|verstehen),? ob|ich frage mich,? ob|"
        r"ningependa kujua kama|(?:i'?d|i would) like to (?:understand|know) (?:whether|if)",
    ),
)

# A title and a name before the question, without a comma: "Dr Hawa are the authorities...".
TITLED = re.compile(
    r"^\s*(?:Dr|Dra|Prof|Mr|Mrs|Ms|Mme|Hon|Sr|Sra|Dkt)\.?\s+[A-ZÀ-Ý][\w'-]+(?:\s+[A-ZÀ-Ý][\w'-]+)?\s+"
    r"(?=[a-zà-ý])"
)

# A question that names the panel is for the panel, even in an audience shape ("how many of you
# on the panel have visited the camps?").
NAMES_PANEL = compiled(
    (
        r"panel(?:ists?|istas?|istes?|l?ists?|leden)?|speakers?|ponentes|intervenant\w*|sprekers|"
        r"presenters?|oradore?s|palestrantes|painelistas|wazungumzaji|referent\w*",
    ),
    (r"登壇者|パネリスト|발표자|패널|토론자",),
)
