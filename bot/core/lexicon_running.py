"""Running the event, in more shapes, and what only looks like it (pure data, no I/O).

Used by :func:`bot.core.logistics.is_logistics`:

* :data:`RUNNING`: questions about running this event in shapes the first lists missed: the
  break or the part after it ("what time exactly is the break", "2부는 몇 시에"), time left
  ("hoe lang duurt de briefing nog"), saving or sharing the chat, captions and subtitles,
  polls and votes of an assembly, course running in Japanese/Korean (deadlines, attendance,
  assignment forms), where the session is ("which chapter is being discussed now?", "what page
  in the workbook"), the date of the next meeting, the minutes, another language's or a
  printed version of the publication being launched;
* :data:`THINGS` / :data:`CUES`: material that is logistics only near a sharing word (a
  background document, a workbook, the minutes, a Creole "lyen"), and the sharing words the
  first lists missed ("repartager", "me repiten", "ankò", "最新版");
* :data:`NOT_RUNNING`: removed before looking: national exams, a certificate recognised by
  the government, a standard reporting template, examples of materials, a follow-up
  session's content or audience ("will the next workshop cover X?"), a "pause" qualified by
  an adjective ("la pausa hídrica").
"""

from __future__ import annotations

from bot.core.lexicon import compiled

_LANGS = (
    r"(?:english|french|spanish|portuguese|arabic|swahili|creole|krey[oò]l|japanese|korean|"
    r"chinese|dutch|german|hindi|nepali|urdu|khmer|vietnamese|thai|indonesian|somali|amharic)"
)
_EVENT = (
    r"(?:session|webinar|meeting|briefing|workshop|training|class|lecture|panel|seminar|forum|"
    r"sessie|vergadering|bijeenkomst|s[ée]ance|r[ée]union|sesi[oó]n|reuni[oó]n|sess[aã]o|"
    r"reuni[aã]o)"
)

RUNNING = compiled(
    (
        # interpretation, Dutch noun
        r"tolking|anong oras",
        # the break and what comes after it
        r"what time (?:\w+ ){0,2}(?:is|does|will) (?:the )?(?:break|lunch|pause)",
        r"when (?:is|does) the (?:break|lunch)",
        # time left of this event
        r"hoe lang duurt (?:de|het|deze) "
        + _EVENT
        + r"|how much longer (?:is|will|does) (?:the|this)"
        r" "
        + _EVENT
        + r"|combien de temps (?:dure|va durer) (?:encore )?(?:la|le|ce|cette) "
        + _EVENT
        + r"|"
        r"cu[aá]nto (?:dura|va a durar|falta para que termine) (?:todav[ií]a )?(?:la|el|esta|este) "
        + _EVENT
        + r"|quanto tempo (?:dura|vai durar) (?:ainda )?(?:a|o|esta|este) "
        + _EVENT,
        # the chat itself saved or shared
        r"(?:the|this|de|het|le|el|o) chat (?:\w+ ){0,3}(?:saved|shared|sent|circulated|gedeeld|"
        r"partag[ée]|compartid[oa]|compartilhad[oa]|enviad[oa])",
        r"(?:compartir|compartilhar|partager|delen|kushiriki|share) (?:\w+ ){0,2}(?:el |o |le |de "
        r"|the )?chat",
        # captions and subtitles of the session
        r"subt[ií]tulos|sous-titres|ondertitel\w*|legendas|(?:live|closed|automatic) captions?|"
        r"captioning",
        # a poll or a vote of this meeting
        r"(?:see|zie|vind|find|get|krijg|open|click|klik|vois|voir|veo|ver|vejo|trouve)\w* "
        r"(?:\w+ ){0,2}(?:the |de |het |la |el |le |a )?(?:poll|peiling|sondage|encuesta|enquete|"
        r"vota[cç][aã]o|votaci[oó]n)",
        r"(?:my|mijn|mon|mi) (?:vote|stem|voto)(?= (?:\w+ ){0,3}(?:if|als|si|when|via|by|per))"
        r"|inbel\w*",
        # where the session is now
        r"(?:which|what) (?:chapter|slide|page|section|module|item|part) (?:is being (?:discussed|"
        r"presented|shown)|are we (?:on|at|in)|is (?:this|that|it)\b)",
        r"(?:what|which) page (?:in|of) the (?:workbook|handbook|handout|reader|booklet|manual)",
        r"(?:which|what) (?:section|page|chapter|slide|part) (?:of (?:the |this )?\w+ )?are we "
        r"(?:discussing|on|at|in|reading)|(?:on|at) (?:which|what) (?:page|slide) are we",
        r"en qu[eé] (?:p[aá]gina|diapositiva|cap[ií]tulo) (?:estamos|vamos)|[àa] quelle (?:page|"
        r"diapo\w*) (?:sommes-nous|on est|en est-on)|op welke (?:pagina|slide|dia) (?:zitten|zijn) we|"
        r"em que (?:p[aá]gina|slide) (?:estamos|vamos)",
        # the module, part or next meeting: when, and signing up again
        r"when (?:is|does|will) (?:the next |our )?(?:module|unit|part|week|day) \d+",
        r"(?:when|kapan|cu[aá]ndo|quand|quando|wanneer|lini)\b.{0,20}\b(?:module|modul|m[óo]dulo|"
        r"moduli) ?\d+|(?:module|modul|m[óo]dulo|moduli) ?\d+ (?:\w+ ){0,2}(?:start|begin|dimulai|"
        r"empieza|commence|come[cç]a|begint|itaanza)",
        r"deadline (?:for|of) (?:the |our |this |today'?s )?(?:assignment|essay|homework|exercise|"
        r"reflection|task|reaction paper|response paper)",
        r"(?:register|sign up|enrol+) again|re-?register|opnieuw (?:aanmelden|registreren)",
        r"(?:date|datum|fecha|date) (?:of|for|van|de|pour) (?:the |de |la )?(?:next|volgende|"
        r"pr[oó]xima|prochaine) " + _EVENT,
        # another language's or a printed version of what is launched
        r"(?:summary|report|book|study|brief|paper|publication|toolkit|guide) (?:\w+ ){0,2}"
        r"available in " + _LANGS,
        r"(?:r[ée]sum[ée]|rapport|resumen|informe|resumo|relat[óo]rio|muhtasari|ripoti|samenvatting"
        r"|ringkasan|laporan) (?:[\w-]+ ){0,2}(?:disponible|dispon[ií]vel|"
        r"beschikbaar|unapatikana|inapatikana|tersedia) (?:en|em|in|kwa|dalam|na) \w+",
        _LANGS
        + r" (?:version|translation|edition) of the (?:report|summary|executive summary|book|"
        r"slides|presentation|study|toolkit|guide)",
        r"printed (?:version|copy|copies|edition)|hard ?cop(?:y|ies)|(?:to|can we|where can i) "
        r"buy (?:the |a )?(?:book|copy)",
        r"recordings? of (?:this|today'?s|yesterday'?s) (?:morning|afternoon|evening|part)",
    ),
    (
        # Japanese and Korean: deadlines, attendance, assignment forms, what time, part two,
        # the chat or minutes shared, the date of the next meeting
        "(?:レポート|リアクションペーパー|課題|宿題|提出物)の?(?:提出|締め?切り?)",
        "出席(?:確認|は|を取|の確認|扱い)|出欠|출석(?:은|체크|확인|부)",
        "(?:과제|레포트|리포트|숙제) ?(?:양식|제출|마감)|몇 ?시(?!간)(?:에|부터|까지)?",
        r"\d ?부(?:는|가|에서|도)? (?:몇|언제|소그룹|전체|진행)|소그룹으로 진행|회의록|議事録",
        "チャット(?:の内容)?(?:は|も).{0,10}(?:共有|保存)|채팅.{0,8}(?:공유|저장)",
        "다음.{0,6}(?:회의|모임|세션|강의).{0,8}(?:날짜|일정|언제)|次回.{0,8}(?:日程|いつ)",
        "何時(?:から|まで)|後半は何時",
        "[几幾]點?点?(?:开始|開始|结束|結束|休息|到)|签到|簽到|作业.{0,6}(?:交|提交|截止)",
        "下半[场場].{0,4}(?:[几幾]|什么时候)",
    ),
)
# Material that is logistics only near a sharing or finding word.
THINGS = compiled(
    (
        r"achtergronddocument\w*|background (?:document|note|paper)|document de (?:base|r[ée]f[ée]rence)"
        r"|documento de (?:base|referencia)|workbook|handbook|lyen|notulen|rezime|executive summary",
    ),
)
CUES = compiled(
    (
        r"re-?partag\w*|repost\w*|re-?send|repit\w*|r[ée]p[ée]t\w*|vind|find|found|ankò|mete|"
        r"(?:une|one) (?:autre|more) fois|otra vez|de nuevo|de novo",
    ),
    ("最新版|最新の", "ページ番号"),
)
# Removed before looking for running words: what only looks like running the event.
NOT_RUNNING = compiled(
    (
        r"(?:national|state|public|school|entrance|board|leaving|standardi[sz]ed) exams?",
        r"certificates? (?:that (?:is|are) |which (?:is|are) )?(?:recogni[sz]ed|accredited|valid|"
        r"issued)|(?:recogni[sz]ed|accredited|government|official) certificates?",
        r"(?:standard|common|reporting|national|single) (?:templates?|formats?|forms?)",
        r"examples? of (?:\w+ ){0,2}materials?",
        r"(?:next|follow-?up|second|another) (?:workshop|session|training|webinar|class|meeting)s? "
        r"(?:\w+ ){0,2}(?:cover|covers|covering|address|on|about|focus\w*|for|just for|only for|"
        r"with|in \w+ and)\b",
        r"(?:la|una|the|a|une) (?:pausa|pause|break) (?!final)\w+(?:ic[oa]|ique|aire|aria|ario|iva|ivo|al|ale)",
    ),
    (r"資料の(?:良い|いい)?(?:例|事例)",),
)
