"""Chat phrases of many languages that :mod:`bot.core.detect` looks for (pure data, no I/O).

Each list holds the common phrases of webinar chat, written from knowledge of the languages
(not taken from any evaluation set): slides, recording, link, interpretation, break, audio and
screen trouble, greetings, thanks, a moderator's "any more questions?", and participants asking
each other ("does anyone know...").

Matching is boundary-safe: a phrase of a script with spaces must stand as whole words (custom
boundaries that also treat Indic and Arabic combining marks as part of a word, which ``\\b``
does not), so "economic" does not hold "mic" and "ara" is not in "para". Phrases of spaceless
scripts (Chinese, Japanese, Korean stems, Thai) are matched as they are, so they are chosen
long enough to mean one thing ("録画", "슬라이드", "幻灯片").
"""

from __future__ import annotations

import re

# A word character, including the combining marks of Arabic, Indic and Latin scripts.
_W = r"[\w\u0300-\u036f\u064b-\u065f\u0670\u0900-\u0dff\u0e00-\u0e7f\u1dc0-\u1dff]"
B = rf"(?<!{_W})"
E = rf"(?!{_W})"


def phrases(spaced: tuple[str, ...], spaceless: tuple[str, ...] = ()) -> str:
    """One regex alternation: ``spaced`` as whole words, ``spaceless`` as they stand."""
    parts = []
    if spaced:
        # \w misses Indic and Arabic vowel signs: "स्लाइड्स" must match "स्लाइड\w*"
        alternation = "|".join(spaced).replace(r"\w*", _W + "*").replace(r"\w+", _W + "+")
        parts.append(rf"{B}(?:{alternation}){E}")
    if spaceless:
        parts.append(f"(?:{'|'.join(spaceless)})")
    return "|".join(parts)


def compiled(spaced: tuple[str, ...], spaceless: tuple[str, ...] = ()) -> re.Pattern[str]:
    """:func:`phrases`, compiled case-insensitively."""
    return re.compile(phrases(spaced, spaceless), re.IGNORECASE)


# -- logistics: words that are about running the event in any sentence -------------------------
LOGISTICS_STRONG = compiled(
    (
        r"folien|aufzeichnung|aufgezeichnet|mitschnitt|dolmetsch\w*|verdolmetscht|kaffeepause",
        "mittagspause|(?:eine|die) pause|diapositive|sessione (?:è |viene )?registrata",
        "interpretariato|interpreti|traduzione simultanea|pausa caff[eè]|slajd(?:y|ów|ach)?",
        r"nagrani[ea]|nagrywan[ey]|nagrane|tłumaczeni[ea]|przerw[aęy]|slaytlar\w*|kaydedil\w*",
        r"tercüme\w*|simultane çeviri|mola (?:ver\w*|var\w*|olacak\w*)|kahve arası",
        "interpretaci[oó]n|interpreta[cç][aã]o|int[eé]rpretes?|int[eé]rpretes simult[aâ]neos",
        "certificados? de (?:asistencia|participaci[oó]n)",
        "certificates? of (?:attendance|participation)|(?:attendance|participation) certificates?",
        r"attestation de (?:pr[eé]sence|participation)|rekaman\w*|direkam|salindia|juru bahasa",
        r"penerjemah\w*|terjemahan|istirahat|ghi hình|ghi âm|bản ghi|phiên dịch|thông dịch",
        r"giải lao|nirerecord|naka-?record|tagasalin|pagsasalin|mapumziko|ukalimani|ስላይ[ድዱዶዲ]\w*|ቅጂው",
        r"ቀረጻ\w*|አስተርጓሚ\w*|እረፍት|turjumaan\w*|tarjumaad\w*|nasasho|duubista|mai fassara|ògbufọ̀",
        "ogbufo|umusemuzi|abasemuzi|ubusemuzi|akaruhuko|(?:ال)?شرائح|(?:ال)?عرض التقديمي",
        r"(?:ال)?ترجمة|(?:ال)?مترجم\w*|(?:ال)?استراحة|रिकॉर्डिंग|रिकार्डिंग|स्लाइड\w*|अनुवाद\w*",
        r"दुभाषिय\w*|ब्रेक|রেকর্ডিং|স্লাইড\w*|অনুবাদ\w*|দোভাষী|বিরতি",
    ),
    (
        "録画|録音|収録|アーカイブ|スライド|通訳|翻訳|休憩|录像|录音|录屏|回放|幻灯片|课件|演示文稿|同传|同声传译|翻译|茶歇|녹화|녹음|다시보기|슬라이드",
        "발표 ?자료|통역|휴식|쉬는 ?시간|สไลด์|บันทึกวิดีโอ|คลิปย้อนหลัง|ล่าม|พักเบรก",
    ),
)

# Words that are logistics only with a sharing/availability word close by ("the link between
# aid and trade" is not logistics, "where can I find the link?" is).
LOGISTICS_WEAK = compiled(
    (
        "link(?:s|i|u|te)?|lien|enlace|pr[eé]sentation|pr[aä]sentation|unterlagen|presentazione",
        r"materiale|prezentacj[aęi]|materiał\w*|sunum\w*|bağlantı\w*|belgeler\w*|tautan\w*",
        r"materi\w*|bahan|presentasi\w*|tài liệu|đường (?:link|dẫn)|bài trình bày|kiungo|nyaraka",
        r"(?:ال)?رابط|(?:ال)?روابط|(?:ال)?عرض|लिंक|प्रस्तुति|লিংক|লিঙ্ক|ሊንክ\w*|certificates?",
        r"certificados?|certificats?|zertifikat\w*|sertifika\w*|sertifikat\w*|chứng nhận",
        r"register for|(?:ال)?تسجيل|kayıt\w*|registrazione|sign up for",
    ),
    ("リンク|資料|链接|網址|网址|资料|링크|자료|ลิงก์|เอกสาร",),
)
LOGISTICS_NEAR = compiled(
    (
        r"teilen|geteilt|verschickt|schicken|verfügbar|bekommen|erhalten|condivis\w*|condividere",
        r"inviat\w*|disponibil\w*|ricever\w*|dove|udostępni\w*|wysła\w*|dostęp\w*|gdzie",
        r"paylaş\w*|gönder\w*|nerede|bagikan|dibagikan|dibagi|kirim\w*|dikirim|tersedia|unduh",
        "di ?mana|chia sẻ|gửi|ở đâu|tải|remettre|renvoyer|mettre|dans le chat|in (?:the )?chat|ci sar[àa]",
        r"en el chat|no chat|kwenye chat|tuma|shiriki\w*|(?:سي)?تم (?:مشاركة|إرسال)|مشاركة|إرسال",
        r"أين|शेयर|भेज\w*|कहाँ|কোথায়|শেয়ার|পাঠা\w*|pass(?:ing)? (?:on|out)",
    ),
    (
        "共有|送|配布|ダウンロード|どこ|もらえ|いただけ|分享|发送|发一下|下载|哪里|공유|올려|보내|어디|받을|แชร์|ส่ง|ดาวน์โหลด",
    ),
)

# -- audio and screen trouble -------------------------------------------------------------------
TECH = compiled(
    (
        "is it (?:just )?me(?: or)?",
        "(?:the )?sound (?:went|go(?:ne)?|dropped|is (?:gone|off|bad|low|breaking)|cut)",
        "(?:increase|raise|turn up) (?:the|your) volume|speak (?:louder|up)",
        "(?:louder|closer to the mic),? please",
        "(?:my|mi|ma|mia|minha|mijn|meine) (?:connection|connexion|conexi[oó]n|conex[aã]o|verbinding|verbindung|connessione|internet|wifi|wi-fi)",
        "voit (?:bien )?l'[ée]cran|partage d'[ée]cran|(?:kein|keinen) ton",
        "(?:vous )?m'entende[zs]|vous nous entendez|on (?:m'|nous )entend|me (?:oyen|escuchan)",
        "(?:voc[eê]s )?me (?:ouvem|escutam)|(?:kunnen jullie|hoor je|horen jullie) me",
        "(?:könnt ihr|können sie|hört ihr|hören sie) mich|mnanisikia|mi sentite",
        "(?:is it|is this|is that|is the (?:sound|audio)) better now|better now\\s*\\?",
        "can you (?:all )?hear (?:me|us) (?:now|better|ok(?:ay)?|well)",
        "höre (?:nichts|euch nicht|sie nicht|dich nicht)|hört man|non (?:si )?sent[eo]",
        r"nie (?:słychać|słyszę|słyszymy)|brak dźwięku|ses (?:yok|gelmiyor)|duyam[ıi]yoru\w*",
        r"duyulmuyor|tidak (?:ada )?(?:ter)?dengar\w*|(?:gak|nggak|ga|tak) (?:ke|ter)?dengar\w*",
        "suara(?:nya)? (?:putus|hilang|tidak|kecil|pecah)|putus-putus|không (?:nghe|có tiếng)",
        "mất tiếng|hindi (?:ko )?marinig|walang (?:tunog|audio)|naka-?mute",
        "sauti (?:haisikiki|haitoki|inakatika|iko chini|imekatika|haipo|ndogo)|hatusikii|sisikii",
        "hakuna sauti|ma (?:maqli|maqlayo)|codka (?:ma|wuu)|ba ma ji|ban ji ba|ntitwumva|ntumva",
        "ntibyumvikana|ijwi (?:ntiryumvikana|ntiryumvikana neza)",
        "(?:ال)?صوت (?:غير|ضعيف|منخفض|مقطوع|يتقطع)|لا (?:أسمع|نسمع|يوجد صوت)|لا صوت|الميكروفون",
        "आवाज़? (?:नहीं|कट|साफ़? नहीं)|सुनाई नहीं|শুনতে পাচ্ছি না|আওয়াজ (?:নেই|আসছে না)",
        "ድም[ፅጽ] (?:የለም|አይሰማም)|አይሰማም",
    ),
    (
        "聞こえ|音声が|ミュート|画面共有|画面が|途切れ|フリーズ|听不到|听不见|没有声音|没声音|声音太小|声音断|静音|屏幕|卡顿|안 ?들려|안 ?들리|들리나요|들리세요",
        "(?<!목)소리가|음소거|마이크|화면 ?공유|화면이|끊겨|끊기|ไม่ได้ยิน|ไม่มีเสียง|ปิดเสียง|เสียงขาด|หน้าจอ",
    ),
)

# -- greetings and thanks (at the start of a message) -------------------------------------------
GREETING = compiled(
    (
        "guten (?:morgen|tag|abend)|servus|moin|buongiorno|buonasera|ciao|salve|dzień dobry|cześć",
        "witam|merhaba|selam(?:lar)?|günaydın|iyi günler|halo|hai",
        "selamat (?:pagi|siang|sore|malam|datang)|assalamu'?alaikum|xin chào",
        "chào (?:mọi người|cả nhà|các bạn|anh chị)|magandang (?:umaga|hapon|gabi)|kumusta|mabuhay",
        r"ሰላም(?: ለሁላችሁ)?|እንደምን \w+|salaan|iska warran|subax wanaagsan|galab wanaagsan",
        r"sannu(?: da)?|barka da (?:safiya|rana|yamma)|ẹ kú(?: \w+)?|e ku (?:aaro|asan|irole)",
        "ẹ káàrọ̀|muraho|mwaramutse|mwiriwe|amahoro|bwakeye|مرحب[اً]?(?: بالجميع)?|السلام عليكم",
        "صباح الخير|مساء الخير|أهلا(?: وسهلا)?|नमस्ते|नमस्कार|নমস্কার|শুভ (?:সকাল|বিকেল|সন্ধ্যা)",
        "আসসালামু আলাইকুম",
    ),
    (
        "こんにちは|こんばんは|おはようございます|はじめまして|皆さん|皆様|大家好|你好|您好|早上好|下午好|晚上好|안녕하세요|반갑습니다|สวัสดี",
    ),
)
THANKS = compiled(
    (
        "vielen dank|mille grazie|dziękuję(?: bardzo)?|dzięki|teşekkür(?:ler| ederim| ederiz)",
        "sağ ?olun|makasih|trims|cảm ơn|cám ơn|salamat(?: po)?|አመሰግናለሁ|እናመሰግናለን",
        "mahadsan(?:id|idin)|na gode|mun gode|ẹ ṣé|murakoze|urakoze|شكر[اً]+|شكرا جزيلا|धन्यवाद",
        "शुक्रिया|ধন্যবাদ",
    ),
    ("ありがとう|感謝|谢谢|感谢|多谢|감사합니다|감사해요|고맙습니다|ขอบคุณ",),
)

# -- a moderator asking the room for more questions (never a question for the panel) ----------
MODERATING = compiled(
    (
        r"(?:are there )?any (?:more|other|further|last|final) questions|more questions\s*\?",
        "questions from the (?:floor|audience)|alguna otra pregunta",
        r"(?:hay )?m[aá]s preguntas\s*\?|otras preguntas\s*\?|encore des questions",
        "d'autres questions\\s*\\?|y a-t-il d'autres questions|nog (?:meer )?vragen\\s*\\?",
        r"andere vragen\s*\?|mais perguntas\s*\?|outras perguntas\s*\?",
        r"(?:weitere|noch) fragen\s*\?|altre domande\s*\?|ci sono (?:altre )?domande",
        r"maswali (?:mengine|zaidi)\s*\?|kuna maswali (?:mengine|zaidi)",
        r"ada pertanyaan (?:lagi|lain)|còn câu hỏi (?:nào|gì)|may tanong pa|jakieś pytania\s*\?",
        r"inne pytania\s*\?|başka soru(?:su olan|nuz| var)|(?:أي )?أسئلة أخرى",
        "कोई और (?:प्रश्न|सवाल)|আর কোনো প্রশ্ন|ሌላ ጥያቄ (?:አለ|አላችሁ)|su'aalo kale|wasu tambayoyi",
        "ibindi bibazo",
    ),
    ("他にご質問|他に質問|ほかに質問|还有其他问题|还有问题吗|추가 질문|다른 질문|มีคำถามเพิ่ม",),
)

# -- participants asking each other (not for the panel) ----------------------------------------
PEER = compiled(
    (
        "does (?:anyone|anybody|someone|somebody) (?:here )?(?:know|have)",
        r"(?:anyone|anybody) (?:else )?(?:here )?from (?:[\w-]+ ){1,3}here",
        r"^(?:is )?(?:there )?(?:anyone|anybody) (?:else )?(?:here )?from [\w-]+(?: [\w-]+)?\s*\?*$",
        "is (?:anyone|anybody|someone) (?:else )?here (?:from|based in|working (?:in|on))",
        "who else is (?:here|from|working|based)",
        "(?:can|could) (?:anyone|anybody|someone) (?:here )?(?:send|post|repost)",
        "quelqu'un (?:a|sait|aurait|conna[iî]t|peut|d'autre|de|ici)|qui d'autre",
        "alguien (?:sabe|tiene|conoce|m[aá]s|de|aqu[ií]|que)|hay alguien",
        "algu[eé]m (?:sabe|tem|conhece|mais|daqui|de|aqui)|(?:weet|heeft|kent) iemand",
        "iemand (?:anders|hier|uit)|(?:weiß|hat|kennt) jemand|jemand (?:hier|aus)",
        "qualcuno (?:sa|ha|conosce|di|qui)|(?:czy )?ktoś (?:wie|ma|zna|z)|(?:bilen|olan) var mı",
        "kuna (?:mtu|yeyote) (?:anayejua|ana|hapa|kutoka)|mtu yeyote (?:anajua|ana|kutoka)",
        "nani mwingine|ada yang (?:tahu|punya|dari)|ada teman|siapa lagi",
        "may (?:nakakaalam|alam ba|taga)|sino pa|có ai|ai biết",
        "هل (?:يعرف|لدى|عند|يوجد) (?:أحد|احد)|(?:أحد|احد) هنا|किसी को (?:पता|मालूम)|क्या किसी को",
        "কেউ কি|কারো কাছে|akwai wanda|hari (?:umuntu|uwo|uwuzi|uwaba)|qof ma (?:yaqaan|haya)",
        "የሚያውቅ ሰው",
    ),
    ("誰か|どなたか|有人知道|有没有人|谁知道|아시는 분|계신 분|있으신 분|มีใคร",),
)

# Honorifics: a mention or vocative that starts with one addresses a speaker, not a peer.
TITLES = re.compile(
    rf"^{B}(?:dr|dra|prof|professor|doctor|docteur|mr|mrs|ms|mme|madame|monsieur|m|sr|sra|"
    rf"se[nñ]or|se[nñ]ora|hon|amb|ambassador|minister|mh|dkt|bw|bi|ir|drs|mw|pr|herr|frau|"
    rf"sig|sig\.ra|pan|pani|bapak|pak|ibu|bu|anh|chị|ông|bà|ustadh|sheikh)\.?{E}",
    re.IGNORECASE,
)

# -- asking without a question mark -------------------------------------------------------------
# Indirect questions and requests to elaborate, anywhere in the message.
ASKING = compiled(
    (
        r"me pregunto (?:si|c[oó]mo|qu[eé]|por qu[eé]|cu[aá]l)",
        r"ich frage mich|mich w[üu]rde interessieren|k[öo]nnten sie (?:erl[äa]utern|erkl[äa]ren)",
        r"vorrei (?:sapere|chiedere)|mi chiedo|la mia domanda|potreste (?:spiegare|approfondire)",
        r"chciał(?:a|)bym (?:zapytać|wiedzieć)|zastanawiam się|moje pytanie",
        r"sormak istiyorum|merak ediyorum|sorum şu|sorum şudur",
        r"mau tanya|ingin tahu|mohon penjelasan|bisa dijelaskan|izin bertanya|saya ingin bertanya",
        r"gusto kong (?:itanong|malaman)|tanong ko lang|nais kong malaman",
        r"xin hỏi|cho (?:em|tôi|mình|cháu) hỏi|tôi muốn (?:hỏi|biết)",
        r"(?:ni)?naomba (?:kuuliza|kujua)|ningependa kufahamu|naomba ufafanuzi|swali kwa jopo",
        r"su'aalkayg(?:u|a)|waxaan (?:rabaa|jeclaan lahaa) inaan (?:ogaado|weydiiyo)",
        r"tambayata|ina son in san|ina da tambaya",
        r"ìbéèrè mi|ibeere mi|mo fẹ́ mọ̀|mo fe mo",
        r"ikibazo cyanjye|ikibazo canje|nashaka kumenya|nokunda kumenya|ndabaza",
        r"أود أن (?:أسأل|أعرف)|أريد أن (?:أسأل|أعرف)|سؤالي|أتساءل",
        r"मैं जानना चाह(?:ता|ती)|मेरा (?:सवाल|प्रश्न)|कृपया बताएं|बताइए",
        r"আমার প্রশ্ন|জানতে চাই|জানতে চাচ্ছি",
        r"ጥያቄዬ|ማወቅ እፈልጋለሁ",
    ),
    (
        "質問があります|お聞きしたい|教えてください|教えていただけ|伺いたい|知りたい",
        "请问|想问|我想知道|想了解|请介绍|能否介绍",
        "궁금합니다|궁금해요|궁금한 점|여쭤보고|질문이 있|설명해 주|알려 주|알려주",
        "อยากทราบ|ขอถาม|สงสัยว่า",
    ),
)
# A message addressed to the panel or the speakers ("For the panel: how ...", "Kwa jopo: ...").
PANEL_ADDRESS = re.compile(
    r"^\s*(?:for|to|para|pour|voor|kwa|an|per|untuk|kepada|dla)\s+(?:the |el |la |los |las |o |"
    r"os |a |le |les |het |de |das |die |all |tous |todos )?(?:panel\w*|speakers?|sprekers?|"
    r"ponentes?|intervenants?|jopo|wanajopo|panelistas?|pan[eé]listes?|narasumber|pembicara|"
    r"presenters?|prelegent\w*|referent\w*|relatori)\s*[:,\-–]",
    re.IGNORECASE,
)
# Words that open a question ("Apakah...", "Czy...", "هل ..."), checked at the message start.
QUESTION_OPENER = compiled(
    (
        r"perch[eé]|come mai|in che modo|qual[ei]?|quali",
        r"wie(?! (?:gesagt|schon|bereits|erw[äa]hnt|immer))|wer|wieso|weshalb|inwiefern|inwieweit",
        r"czy|dlaczego|gdzie|ile|kto|w jaki sposób|jak(?:i|a|ie|ich)",
        r"apakah|berapa|di ?mana|bisakah|bolehkah|adakah|sejauh mana|seperti apa",
        r"paano|bakit|ano(?:ng)?|saan|kailan|sino|magkano|alin",
        r"tại sao|vì sao|làm sao|làm thế nào|bao giờ|khi nào|ở đâu|bao nhiêu|liệu|có phải",
        r"sidee|maxay|goorma|xaggee|halkee|immisa",
        r"yaya|me ya sa|meyasa|me yasa|yaushe|wane|wace|waɗanne|nawa|shin",
        r"b[aá]wo|k[ií]l[oó]d[eé]|n[ií]gb[aà] wo|n[ií]bo|ta ni|k[ií] ni|ṣé",
        r"mbese|ese(?=,| (?:hari|ni|leta|muri|mu|koko)\b)",
        r"(?:و)?(?:هل|كيف|لماذا|متى|أين|ماذا|كم|ما (?:هو|هي|الذي|مدى|دور)|من (?:هو|هي))",
        r"क्या",
        r"como (?:se (?!dijo|ha |mencion|coment|mostr|ve |sabe|explic|indic)\w+|pueden|puede|"
        r"podemos|podr[ií]an|van a|va a|hacen|hace)|cu[aá]l(?:es)?|qui[eé]n(?:es)?|cu[aá]nto",
    ),
    ("请问",),
)
# Question words and particles that ask wherever they stand.
QUESTION_WORD = compiled(
    (
        r"(?-i:m[ıü])|m[ıiuü](?:s[ıiuü]n(?:[ıiuü]z)?|y[ıiuü]z|d[ıiuü]r|y[ıiuü]m)",
        r"như thế nào|thế nào|là gì|ra sao",
        r"कैसे|क्यों|कब|कहाँ|कहां|कौन|कितन[ाेी]|किस",
        r"কীভাবে|কিভাবে|কেন|কখন|কোথায়|কত|কোন|কী|কি",
        r"ምንድን\w*|እንዴት|ለምን|መቼ|የት|ማን|ስንት|የትኛው",
        r"ni gute|kuki|ryari|kubera iki",
        r"neden|niçin|niye|nasıl|hangi|ne zaman|nerede|kaç",
    ),
    (
        "どのように|どうやって|どうすれば|なぜ(?!なら)|何故",
        "(?<!无论)如何|(?<!不)怎么|(?<!不)怎麼|(?<!无论)怎样|(?<!就是)为什么|為什麼|为何|是否|能否|可否|有没有|是不是|哪些|哪里|哪个|(?<!或)多少",
        "อย่างไร|ยังไง|ทำไม|เมื่อไร|เมื่อไหร่|ที่ไหน|เท่าไร|เท่าไหร่",
    ),
)
# Sentence-final question particles of spaceless scripts and Vietnamese.
QUESTION_END = re.compile(
    r"(?:か|かな|でしょうか|吗|嗎|呢|么|나요|까요|[습입됩합십]니까|[인는은던한]가요|는지요|"
    r"ไหม|มั้ย|หรือไม่|หรือเปล่า|เหรอ|(?<!\w)(?:không|chưa|hả|nhỉ))"
    r"\s*(?:ครับ|คะ|ค่ะ|ạ)?\s*[。.!！…]*\s*$",
    re.IGNORECASE,
)

# -- a speaker promising an answer (marks the sender as a panelist, not a fellow participant) --
ANSWERING = compiled(
    (
        r"(?:i|we)(?:'ll| will| shall| can) (?:answer|respond|reply|come back|get back|address)",
        r"(?:i|we)(?:'ll| will) (?:pick|take) (?:that|this|it) up",
        r"will (?:answer|respond|reply)(?: to (?:that|this|it))? (?:verbally|live|orally|later|"
        r"in the q&a|after)",
        r"^will (?:answer|respond|reply|come back|address)",
        r"thanks? (?:you )?for (?:the|your|this) question|merci pour (?:la|votre|ta) question",
        r"gracias por (?:la|tu|su) pregunta|obrigad[oa] pela pergunta|asante kwa swali",
        r"dank (?:je |u )?(?:wel )?voor (?:de|je|jouw|uw) vraag|danke für (?:die|ihre|deine) frage",
        r"je (?:vais )?r[ée]pondr\w*|j'y reviendrai|je reviendrai (?:sur|l[aà]-dessus)",
        r"(?:voy|vamos) a responder|respondo (?:en|de viva|despu[eé]s)|lo retomo",
        r"vou responder|respondo (?:em|ao vivo|depois)",
        r"ik kom (?:er|hier|daar)(?: straks| zo)? op terug|ik (?:ga|zal) (?:dat|die|hier|deze) "
        r"(?:straks |zo )?beantwoorden",
        r"nitajibu|nitalijibu|nitarudi kwenye",
        r"ich (?:werde|komme) (?:darauf|das|dazu) (?:zurück|beantworten)|beantworte ich",
        r"akan saya jawab|saya akan menjawab",
        r"سأجيب|سنجيب",
        r"मैं जवाब दूँ?ग[ाी]",
    ),
    (
        "後ほど回答|口頭で回答|お答えします|稍后回答|我来回答|稍后回复|답변드리겠습니다|답변 드리겠습니다",
    ),
)
# "Question for Femke: ...": the named person is a speaker.
ASKED_OF = compiled(
    (
        r"(?:questions?|q|swali|pregunta|pergunta|vraag|frage|domanda|pertanyaan|soru) "
        r"(?:for|to|kwa|para|pour|voor|aan|an|per|untuk|kepada|a) @?([^\W\d_][\w'-]+)",
    ),
)

# -- a plain request without a question mark ("please share the slides") --------------------
REQUEST = compiled(
    (
        r"please (?:share|send|post|repost|put|drop|upload|circulate|resend|paste)",
        r"(?:pls|plz|kindly) (?:share|send|post|repost|put|drop|resend)",
        r"tafadhali (?:tuma|shiriki|weka|tutumie)|naomba (?:mtume|mtutumie|mshiriki|mweke)",
        r"por favor (?:compart\w+|env[ií]\w+|pong\w+|manden|partilh\w+)",
        r"s'il vous pla[iî]t,? (?:partag|envoy|mett|renvoy)\w*|merci de (?:partager|mettre|"
        r"renvoyer|envoyer)",
        r"(?:graag|kunnen jullie|kun je|kunt u) (?:de |het )?\w+ (?:delen|sturen|plaatsen)",
        r"mohon (?:dibagikan|dikirim|di-?share)|tolong (?:bagikan|kirim)",
        r"bitte (?:teilen|schicken|senden)|per favore (?:condividete|inviate|mettete)",
        r"lütfen (?:paylaş|gönder)\w*",
        r"(?:ال)?رجاء (?:مشاركة|إرسال)|يرجى (?:مشاركة|إرسال)",
        r"कृपया (?:शेयर|भेज)\w*",
    ),
    (
        "请分享|請分享|请发|共有してください|送ってください|共有お願い|공유해 주세요|공유 부탁|보내 주세요",
    ),
)
# A question the writer answers at once ("Why? Because donors want control.") is a remark.
SELF_ANSWER = re.compile(
    r"^[^?？]{1,40}[?？]\s*(?:because|parce que|porque|weil|omdat|kwa sababu|karena|"
    r"kwa kuwa|بسبب|لأن)\b[^?？¿؟]*$",
    re.IGNORECASE,
)
