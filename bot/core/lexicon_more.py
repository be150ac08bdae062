"""More chat phrases for :mod:`bot.core.detect`: the classes a second fresh set showed (pure data).

Written as general shapes, not the set's phrases: closing tag questions ("..., right?", "non ?",
"né?"), a speaker's audio check, localised reaction lines, references to what a person said,
small talk between participants, course and session logistics in inflected forms, "for everyone
or just me?" in many languages, indirect questions and question words of more languages.
Boundary rules are those of :mod:`bot.core.lexicon`.
"""

from __future__ import annotations

import re

from bot.core.lexicon import B, compiled

# -- round 2: classes seen on a second fresh set (general shapes, not its phrases) -------------
# A reaction line of a localised client ('A réagi à "…" avec 👍', '"…"に👍で反応しました').
REACTION = re.compile(
    r"^\s*(?:reacted to|a r[ée]agi [àa]|reaccion[óo] a|reagiu a|reageerde op|reagierte auf|"
    r'ha reagito a)\s+".*"\s+(?:with|avec|con|com|met|mit)\s+\S+\s*$|'
    r'^\s*".*"\s*(?:に.{1,8}で反応しました|에 .{1,8}반응함|に反応しました)\s*$',
    re.IGNORECASE | re.DOTALL,
)
# A closing tag that asks nobody anything ("..., right?", "..., non ?", "né?", "¿verdad?").
SOFT_TAG = re.compile(
    rf"[,،]?\s*¿?{B}(?:right|no|non|né|ne|n[ãa]o [ée]|verdad|cierto|toch|niet|di ba|hindi ba|"
    r"isn'?t it|ain'?t it|eh|hein|oder|ja|nicht wahr|sivyo|si ndiyo|kan|ya|nhỉ|phải không|"
    r"है ना|ना|نا|نہیں)\s*[?？]\s*$",
    re.IGNORECASE,
)
# ... unless the tagged sentence draws a conclusion for the speaker to confirm ("so X, right?").
CONCLUDING = compiled(
    ("so|donc|alors|ent[ãa]o|entonces|dus|also|kwa hiyo|jadi|kaya|vậy",),
)
# A speaker checking the room can hear them: chatter, whoever sends it.
AUDIO_CHECK = compiled(
    (
        r"am i audible|(?:can|could) (?:you|everyone|everybody|you all) (?:all )?(?:hear|see) me",
        r"^\W*(?:(?:sorry|ok|okay|d[ée]sol[ée]e?|perd[oó]n|desculp\w+)(?: everyone| all)?[,!.\s]+)?"
        r"(?:(?:is )?(?:it|this|that|the (?:sound|audio)) better|better|(?:est-ce (?:que c'est )?|c'est )?"
        r"mieux|(?:est[aá] )?(?:mejor|melhor)|beter)(?: now| maintenant| comme [çc]a| ahora| agora| zo)?"
        r"\W*$",
        r"vous m'entendez|me oyen|me escuchan|se me escucha|me ouvem|me escutam",
        r"(?:hoor|horen) (?:je|jullie) me",
        r"mnanisikia|mnanisikiliza|mich hören|hört ihr mich|mi sentite|apakah suara saya",
        r"naririnig (?:nyo|ninyo) (?:po )?ba ako|nghe (?:rõ )?(?:em|tôi|mình) không",
    ),
    (
        "聞こえますか|聞こえていますか|(?<!저만 )(?<!저만 안 )들리시나요|들리세요|들리십니까|听得到我吗|听得见吗|ได้ยินไหม",
    ),
)
# Referring to what a named person said: the question is for a speaker, not small talk.
REFERS = compiled(
    (
        r"you (?:said|mentioned|showed|talked about|spoke about|argued|noted|presented|claimed)",
        r"vous (?:avez|aviez) (?:dit|mentionn[ée]|montr[ée]|parl[ée]|évoqué|affirm[ée])",
        r"tu as (?:dit|mentionn[ée]|parl[ée])",
        r"usted (?:dijo|mencion[óo]|mostr[óo]|habl[óo])|(?:dijiste|mencionaste|mostraste)",
        r"(?:o senhor|a senhora|voc[êe]) (?:disse|falou|mencionou|mostrou)",
        r"(?:je|u|jij) (?:zei|noemde|liet zien|had het over)|sie sagten|sie haben (?:gesagt|erwähnt)",
        r"(?:ulisema|ulitaja|mlisema)|(?:anda|kamu|bapak|ibu) (?:bilang|mengatakan|menyebut)",
        r"(?:sinabi|nabanggit) (?:mo|ninyo|nyo)|(?:anh|chị|bạn|ông|bà) (?:nói|đã nói|có nói)",
        r"آپ نے (?:کہا|بتایا)|आपने (?:कहा|बताया)|तपाईंले भन्नुभयो|ብለሃል|ብለሻል|ብለዋል",
    ),
    ("とおっしゃ|と言われ|说到|提到|말씀하신",),
)
# Participants asking each other about their own tools or practice ("does anyone here use...").
PEER_MORE = compiled(
    (
        r"(?:does|did|has) (?:anyone|anybody|someone|somebody) (?:here |else )?(?:use|using|"
        r"work(?:ing)?|tried|run|have experience)|is (?:anyone|anybody|someone|somebody) (?:here|"
        r"else) (?:using|working|running|trying)",
        r"quelqu'un (?:utilise|a essay[ée])|alguien (?:usa|utiliza|ha usado)|algu[eé]m (?:usa|usou)",
        r"(?:gebruikt|werkt) iemand|iemand ervaring",
    ),
)
# Small talk or a resource request when addressed to a fellow participant.
SMALL_TALK = compiled(
    (
        r"(?:you|usted|t[uú]|vous|voc[eê]s?|jij|je|u|kamu|anda|wewe|ikaw|kayo|waxaad)"
        r"(?: \S+){0,5} (?:too|also|as well|still|ainda|encore|todav[ií]a|aussi|tamb[ée]m|también"
        r"|ook|nog|auch|noch|pia|bado|juga|masih|din|rin|weli)",
        r"(?:are|were|do|did|have) you (?:\w+ )?(?:still|also|using|use|in|at|from|based|going)",
        r"(?:still|weli|encore|ainda|todav[ií]a|nog|bado|masih) (?:\S+ ){0,2}"
        r"(?:you|waxaad|vous|voc[eê]|usted|jij|kamu|wewe)",
        r"(?:do|did) you work (?:for|with|at|in)|where do you work|(?:are|were) you working",
        r"unafanya kazi|mnafanya kazi|(?:vous )?travaille[zs]?(?:-vous)? (?:pour|o[uù]|avec|dans)",
        r"trabaj(?:as|a usted) (?:en|con|para)|trabalh(?:as|a) (?:em|com|para)|werk je (?:bij|voor)",
        r"(?:kamu|anda) (?:kerja|bekerja)|nagtatrabaho ka|la shaqeysaa",
        r"(?:you are|are you) referring|(?:do|did) you (?:have|get|still have) (?:the|a|that)",
        r"তুমি কি এখনও|आप भी|तपाईं पनि|あなたも|你也|sjabloon|spreadsheet|excel",
    ),
    ("お持ちですか|持っていますか|有没有.{0,10}(?:资料|文件)",),
)
# Asking a fellow participant for a resource ("do you have the report?", "can you send the link").
RESOURCE = compiled(
    (
        r"(?:have|send|share|got|post|forward|tienes|tiene|env[ií]a\w*|manda\w*|partage\w*|envoie\w*"
        r"|delen|sturen|heb je|tem|tens|kirim\w*|punya|una|tuma)(?: \S+){0,4} (?:(?:the|that|a|your|"
        r"el|la|le|het|de|o|a) )?(?:documents?|docs?|files?|pdfs?|papers?|reports?|notes|contacts?|"
        r"e-?mails?|numbers?|links?|slides|documento|archivo|fichier|bestand|nyaraka|dokumen|"
        r"tài liệu|sjabloon|spreadsheet|excel|template)",
    ),
    ("資料|资料|자료",),
)
# Course and session running beyond slides: exams, readings, time left, forms, groups, fonts.
LOGISTICS_MORE = compiled(
    (
        r"exams?|midterms?|(?:required|optional|assigned|core|compulsory) readings?|reading list",
        r"response papers?|essay (?:deadline|topic|length)|(?:assignment|paper|essay) (?:due|deadline)",
        r"tentamen|prova final|klausur",
        r"how much time (?:is |do we have )?left|time left|(?:il )?reste combien de temps",
        r"combien de temps (?:il )?reste|cu[aá]nto tiempo (?:queda|falta|nos queda)",
        r"quanto tempo (?:falta|resta)|hoeveel tijd (?:is er nog|hebben we nog|nog)",
        r"muda (?:gani|uliobaki)|berapa lama lagi",
        r"(?:evaluation|feedback|registration|sign-?up) (?:form|e-?mail|link)s?",
        r"formul[aá]rios? de (?:avalia[cç][aã]o|inscri[cç][aã]o|feedback)|formulaires? d'[ée]valuation",
        r"formularios? de (?:evaluaci[oó]n|inscripci[oó]n)|evaluatieformulier\w*|enquête de satisfaction",
        r"(?:which|what) (?:breakout )?(?:group|room) (?:should|do|does|am|are|is|will)",
        r"quel groupe|qu[eé] grupo|que grupo|welke groep|kikundi gani",
        r"(?:english|french|spanish|portuguese|arabic|swahili|kiswahili|amharic|tigrinya|somali|hausa"
        r"|wolof|yoruba|chinese|hindi|urdu|bangla|nepali|dutch|german|kichwa|quechua|interpretation"
        r"|language|original|floor) channels?",
        r"canal (?:en |em |de )?(?:anglais|fran[çc]ais|swahili|kiswahili|ingl[ée]s|espa[ñn]ol|portugu[ée]s"
        r"|kichwa|d'interpr[ée]tation|de interpretaci[oó]n|de tradu[cç][aã]o|de interpreta[cç][aã]o)",
        r"(?:engelse|franse|nederlandse|tolk)kanaal|kanaal (?:in het|voor het) (?:engels|frans|"
        r"nederlands|duits|spaans|arabisch)",
        r"t[ua]rjumaa[dn]\w*|fassar\w*|tikrachi\w*|ìgbàsílẹ̀|igbasile|ریکارڈنگ|سلائیڈ\w*",
        r"grab(?:ando|ar[aá]n|ar[aá]|ada|ado)|gravando|gravad[ao]s?",
        r"font size|bigger font|make (?:it|the font|the text|the code) bigger|increase the font",
        r"letra m[aá]s grande|groter lettertype|aumentar (?:a|la) (?:letra|fonte)|pakiulit",
        r"(?:subir|aumentar|monter|augmenter) (?:el|o|le) (?:volumen|volume|son)(?! de| des| du| da| do)",
        r"microfone|micr[oó]fono|microphone|headset|auriculares",
    ),
    ("ቻና[ልሉሎሊላ]", "키워 ?주", "글씨|글자 크기|폰트", "字体|字幕", "文字を大きく"),
)
LOGISTICS_WEAK_MORE = compiled(
    (
        r"pr[eé]sentations|presentaciones|apresenta[cç][oõ]es|presentaties?|exercise files?",
        r"templates?|plantillas?|mentimeter|padlet",
    ),
)
LOGISTICS_NEAR_MORE = compiled(
    (
        r"partag[ée]e?s|envoy[ée]e?s|compartir|(?:me|nos) (?:pueden|puede|podr[ií]an) pasar",
        r"p[aá]s(?:e|en)(?:me|nos)|(?:van a|pueden|podr[ií]an) subir|plaatsen|nog een keer|opnieuw",
        r"komt|repeat",
    ),
)
# Down, frozen or silent for everyone, or just me: about running the event, in any language.
JUST_ME = compiled(
    (
        r"(?:for|para|pour|voor|kwa|untuk|sa) (?:everyone|everybody|anyone|all|todos|tout le monde"
        r"|iedereen|kila mtu|semua|lahat)(?: else)?,? or (?:is it )?(?:just|only)? ?(?:me|my \w+)",
        r"or (?:is it )?(?:just )?(?:me|my (?:laptop|headset|connection|computer|browser|end|runtime))",
        r"(?:anyone|anybody) else (?:getting|having|hearing|seeing|losing)|down for (?:anyone|everyone)",
        r"o (?:solo|s[oó]lo) (?:para )?m[ií]|ou (?:c'est )?(?:juste|seulement) (?:moi|chez moi)",
        r"ou s[oó] (?:para )?(?:mim|eu)|para mais algu[ée]m|(?:of|ligt het) (?:alleen )?(?:bij|aan) mij",
        r"pour quelqu'un d'autre|ko ni kaɗai|man rekk|ako lang|hanya saya|chỉ (?:mình )?(?:em|tôi)",
        r"मलाई मात्र|मुझे ही|صرف مجھے|እኔ ብቻ|se (?:me )?congel[óo]|(?:pantalla|imagen|video|zoom) "
        r"(?:se )?(?:est[aá] )?congelad[ao]|(?:tela|imagem|v[ií]deo|zoom|[áa]udio) travou",
        r"(?:[ée]cran|image|vid[ée]o) (?:est )?fig[ée]e?|(?:beeld|scherm|zoom) (?:is )?bevroren",
        r"(?:[áa]udio|som|voz|liga[çc][aã]o)(?: \S+){0,4} (?:a )?falhar",
        r"(?:audio|sonido|voz|conexi[oó]n)(?: \S+){0,3} (?:est[aá] )?fallando",
        r"se (?:me )?corta (?:el audio|el sonido|la voz)|(?:le son|l'audio|sa voix|[çc]a) coupe",
        r"(?:geluid|beeld|verbinding) hapert|murya\w*(?: \S+){0,3} (?:tana )?yankewa|dégguwul",
    ),
    ("저만|私だけ|只有我|ขาดหาย",),
)
# Indirect questions and question words the first lists missed, in more languages.
ASKING_MORE = compiled(
    (
        r"ndashaka kumenya|nshaka kumenya|(?:ni)?nauliza kama|ningependa kuuliza",
        r"gusto ko (?:lang )?(?:malaman|itanong)|nais ko (?:lang )?malaman",
        r"(?:em|tôi|mình|cháu|anh|chị) (?:muốn|xin) (?:hỏi|biết)",
        r"म जान्न चाहन्छु|मलाई जान्न मन छ|जानना चाहत[ाी]|جاننا چاہت[ای]|میرا سوال|ማወቅ የምፈልገው",
        r"(?:queria|quero|gostaria de|quisiera|quiero) entender",
        r"(?:la vraie|la seule|ma) question (?:est|c'est)|the (?:real|key|big) question is",
        r"la (?:verdadera|gran) pregunta es|a (?:verdadeira|grande) pergunta [ée]",
        r"(?:i'?d|i would|i am|i'm) (?:be )?curious to (?:hear|know|learn)",
        r"(?:could|can|would) \w+ (?:say more|elaborate|explain|comment|expand|tell us)",
        r"(?:tu penses|vous pensez|pensez-vous|penses-tu|crois-tu|croyez-vous) que",
        r"(?:kun|kunt|kan) (?:je|jij|u) (?:uitleggen|toelichten|vertellen)|ik snap \w+ \w+ niet",
        r"(?:question|pregunta|pergunta|vraag|swali) (?:sur|sobre|about|on|regarding|over|kuhusu)"
        r"[^:：?]{1,60}[:：]",
        r"(?:pwede|puwede|paano|bakit|ano|may|mayroon|meron) (?:po )?ba(?:ng)?",
        r"\w+-(?:t-)?(?:ils|elles|il|elle|on|vous|nous)",
        r"ma \w+(?:aa|aan)|ምን|ወይ(?: የሚለውን ነው)?\s*$|\S+ कि \S*(?:दैन|दैनन्|छैन|होइन)",
    ),
    (
        "什么区别|什么是|(?<![没沒为為])什么|能不能|可不可以|会不会|要不要|のか(?!も)|気になります|気になる",
    ),
)
# Opening words of a question in the languages the first opener list missed.
OPENER_MORE = compiled(
    (
        r"ser[aá] que|est-ce que|zijn (?:we|er|jullie|de|het|die|deze|dat|ze)|is (?:het|er)|kun",
        r"hebben we|gaan we|wordt",
        r"naka(?!-)|lan|ndax",
        r"کیا|کیوں|کیسے|کب|کہاں|کون|کتن[ےاى]|के|किन|कसरी|कहिले|कहाँ|कति|कुन",
    ),
)
# A sarcastic exclamation ("who knew?!") asks nothing.
EXCLAIMED = re.compile(r"[?？]\s*!+")
