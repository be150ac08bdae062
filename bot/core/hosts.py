"""Who runs the webinar, as the chat itself shows it (pure).

Hosts' questions to the audience ("Can everyone see my screen?", "@Aaron what's your take?") must
not reach the panel's queue. Configured hosts (``[event] hosts``) always count; without them, the
chat tells. The rule, on public messages only:

* a sender who welcomes everyone or opens the session once ("Welcome everyone to...", "We will
  start in...", "This session is being recorded", "Please use the Q&A to ask") is a host;
* so is one who makes two other announcements ("Reminder:", "Please post/type...", "Next up",
  "We'll take a break", "Here is the link"), or one announcement and one shared link;
* links alone never make a host (a spammer posts links), and at most :data:`MAX_HOSTS` senders
  (the most announcing) are hosts.

Inferred hosts only keep their own messages out of the queue; they are NOT exempt from the spam
rules (a spammer can write "welcome everyone"): only configured hosts and Zoom's own host flag are.
Hosts are recognised from what they have written so far: the intake can call :func:`infer_hosts`
on the public messages it has seen, and the hosts' first announcements are chatter anyway.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from bot.core.address import addressed_name
from bot.core.detect import strip_prefix
from bot.core.lexicon import ANSWERING, ASKED_OF, MODERATING, TITLES
from bot.core.lexicon_audience import AUDIENCE, MODERATOR
from bot.core.text import fold, name_key

MAX_HOSTS = 4

_OPENING = re.compile(
    r"\b(welcome (?:everyone|all|to (?:the|this|our|today|(?:week|session|day|module|class|"
    r"lecture|part) \d+))|you are all welcome|"
    r"(?:a warm |a very )?welcome to (?:all|everyone|you all)|"
    r"bienvenue (?:[aà] tous|[aà] toutes|dans ce|au webinaire)|benvenut[ie]|willkommen (?:zu|zum|bei)|"
    r"selamat datang|karibuni (?:nyote|wote|sana)|chào mừng|maligayang pagdating|"
    r"ようこそ|始めます|開始します|欢迎(?:大家|各位)|환영합니다|시작하겠습니다|"
    r"(?:أهلا|مرحبا) (?:وسهلا )?بكم|स्वागत है|স্বাগতম|እንኳን ደህና መጣችሁ|"
    r"(?:i am|i'm|i will be) (?:your|today'?s) (?:host|moderator|facilitator|chair|mc)|"
    r"i(?:'ll| will) be (?:moderating|facilitating|chairing|hosting) (?:today|this|the session)|"
    r"je suis (?:votre |la |le )?(?:mod[ée]rat\w+|anim\w+)|soy (?:el|la|su) moderador\w*|"
    r"ik ben (?:de |jullie |vandaag )?(?:moderator|gespreksleider|dagvoorzitter)|"
    r"nous allons (?:commencer|d[ée]marrer)|vamos a (?:comenzar|empezar)|vamos come[cç]ar|"
    r"sejam bem-vind[oa]s|we beginnen (?:zo|over|nu)|wir beginnen|tutaanza|kita akan mulai|"
    r"we(?: will|'ll| are going to) (?:start|begin|get started)|let'?s (?:get )?start(?:ed)?|"
    r"this (?:session|webinar|meeting) is being recorded|we are recording|"
    r"please (?:use|post|type|put|write) (?:your|the) questions?|"
    r"bienvenid[oa]s|bienvenue [aà] tous|bem-vind[oa]s|welkom (?:allemaal|iedereen|bij)|"
    r"karibuni|herzlich willkommen|"
    # "Welcome to parallel session 3B", a guest introduced, a session announced as recorded
    r"welcome to (?:the |this |our )?(?:\w+ )?(?:session|week|day|module|class|part) \w*\d\w*|"
    r"today'?s guest is|our guest today|"
    r"(?:session|webinar|meeting|briefing|la session|la s[ée]ance|la sesi[oó]n|de sessie|a sess[aã]o|"
    r"la reuni[oó]n|la r[ée]union|a reuni[aã]o|de bijeenkomst|de vergadering) "
    r"(?:is|est|est[aá]|wordt|[ée]) (?:being |siendo |a ser |sendo )?(?:recorded|enregistr[ée]e|"
    r"grabad[ao]|gravad[ao]|opgenomen)|"
    # asking everyone to introduce themselves in the chat
    r"(?:your|su|sus|votre|vos|je|jullie|uw|seu|sua) (?:\w+ ){0,2}(?:name|nombre|nom|naam|nome)s?\b"
    r"[^.!?]{0,60}\b(?:chat|from|organi[sz]ation|organizaci[oó]n|pays|pa[ií]s|country|fractie|"
    r"organisatie|comunidad|de onde|desde d[oó]nde|d'o[uù])|where you(?:'re| are) joining from|"
    r"(?:chat|kolom chat)[^.!?]{0,30}\b(?:su|seu|o seu|votre|your|vos|je|jullie) (?:\w+ ){0,2}"
    r"(?:name|nombre|nom|naam|nome)s?|andikeni majina|tulis(?:kan)? nama)\b|"
    r"现在开始|正式开始|正在录制|姓名和单位|会议正在录制|녹화되며|녹화됩니다|"
    r"今日のゲスト|本日のゲスト|お名前と|名前を書いて|録画しています|소속과 이름|이름과 소속|녹화 중입니다",
    re.IGNORECASE,
)
_ANNOUNCE = re.compile(
    r"^\s*(reminder|herinnering|rappel|recordatorio|lembrete|kumbusho|housekeeping|"
    r"please (?:post|type|put|write|keep|mute|rename|add)|next up|our next speaker|"
    r"we(?:'ll| will) (?:take|now|resume|move)|here is the link|here'?s the link|"
    r"the (?:slides|recording|link) (?:will|is|are)|"
    r"(?:can|could) (?:everyone|you all|all of you) (?:see|hear)|is my screen|"
    r"(?:i(?:'ll| will)|let me) (?:now )?(?:hand|pass|give) (?:over|the floor)|over to you|"
    r"the floor is (?:yours|now)|(?:please )?(?:join me in )?welcom(?:e|ing) our|"
    r"our (?:first|second|third|last|final) (?:speaker|panelist)|(?:please )?fill (?:in|out)|"
    r"we have (?:about |only )?\d+ min(?:ute)?s?|(?:quick )?poll(?=\s*:)|interpretation(?=\s*:)|"
    r".{0,60}(?:발표하겠습니다|발표해 주시겠습니다)|次は.{1,30}(?:さん|様)|スパム|spam (?:account|message)s? "
    r"(?:removed|deleted)|we(?:'re| are) (?:running out of|almost out of) time|"
    r"je (?:passe|donne) la parole|"
    r"we(?:'re| are) (?:now )?(?:moving|going|starting|back|taking)|"
    r"merci de (?:poser|mettre|[ée]crire) vos questions|(?:por favor )?escriban sus preguntas|"
    r"(?:is it|is this|is that) better now|can you (?:all )?hear (?:me|us) (?:now|better)|"
    r"(?:le damos|tiene) la palabra|nos quedan \d+ minutos|het woord is aan)\b",
    re.IGNORECASE,
)
# Announcements anywhere in a message: time left and last questions, moving on to the next
# speaker, questions invited to the chat, spam removed.
_ANNOUNCE_ANYWHERE = re.compile(
    r"\b(?:(?:\d+|five|ten|fifteen|twenty) minutes (?:left|remaining)|"
    r"(?:nos |il nous |il )?(?:quedan|faltam|restam|reste(?:nt)?|nog) (?:\w+ )?(?:\d+|cinco|diez|"
    r"dez|cinq|dix|vijf|tien|quinze|quince|vijftien) (?:minutos|minutes|minuten)|"
    r"zimebaki dakika|dakika \d+ zimebaki|(?:environ|about) \d+ minutes|"
    r"last questions|derni[eè]res questions|[uú]ltimas (?:preguntas|perguntas)|laatste vragen|"
    r"maswali ya mwisho|we now (?:move|turn|go)|let'?s move (?:on )?to|"
    r"nous passons (?:maintenant )?(?:[àa]|au)|pasamos (?:ahora )?a (?:la |el )?(?:siguiente|"
    r"pr[oó]xim\w*)|passamos (?:agora )?(?:[àa]|ao|para) (?:a |o )?(?:pr[oó]xim\w*|seguinte)|"
    r"we gaan (?:nu )?(?:door )?naar (?:de|het) volgende|keep the questions coming|"
    r"questions? (?:go|goes) (?:in|into) the (?:chat|q&a)|posez vos questions|"
    r"(?:we(?:'ve)? removed|we are removing|ya eliminamos|hemos eliminado) (?:\w+ ){0,2}"
    r"(?:spam|account|persona|link|message)\w*|(?:please )?(?:ignore|do not click|don'?t click)"
    r"(?: on)? (?:the|that|this) (?:last )?(?:link|message)|le compte a [ée]t[ée] retir[ée])\b|"
    r"あと\d+分|残り\d+分|質問はチャット|\d+분(?:간)? 휴식|휴식 후|\d부 시작|"
    r"스팸 계정|클릭하지 마세요|还剩\d+分钟|\d+분 남았",
    re.IGNORECASE,
)
_LINK = re.compile(r"https?://|www\.", re.IGNORECASE)
_MARK = re.compile(r"[?？¿؟]")


def signals(text: str) -> tuple[int, int, int]:
    """(opening, announcement, link) signals of one public message."""
    if strip_prefix(text)[1]:  # "Q: ...", "Last question: ..." is a participant's
        return 0, 0, 0
    opening = _OPENING.search(text) or MODERATOR.search(text)
    # "Est-ce que la réunion est enregistrée ?" asks; it announces nothing
    if opening and not re.match(r"[^.!?？\n]*[?？]", text[opening.end() :]):
        return 1, 0, 0
    announce = bool(
        _ANNOUNCE.search(text)
        or _ANNOUNCE_ANYWHERE.search(text)
        or MODERATING.search(text)
        or AUDIENCE.search(text)  # "Quick show of hands: how many of you...", "Respondan..."
    )
    return 0, int(announce), int(bool(_LINK.search(text)))


# Role tags people and Zoom put in display names: "Ana (Host)", "Ruud | co-host", "Diego -
# moderador", "Awa (Hôte)", "Yusuf (TA)", "Kate (MFA, facilitator)".
_HOST_ROLE = re.compile(
    r"\b(co-?host|host|hosting|moderat(?:or|ora|rice|eur|euse)|moderador[a]?|facilitat(?:or|rice|eur)|"
    r"organi[sz]er|organisat(?:eur|rice)|organizador[a]?|anfitri[oó]n|anfitriona|h[oô]te|co-?h[oô]te|"
    r"gastheer|gastvrouw|ta|mc|emcee|chair|staff|admin|tech support|secretariat|"
    r"ホスト|共同ホスト|司会|主持人|主持|호스트|공동 호스트|사회자|مضيف|مدير الجلسة)(?!\w)",
    re.IGNORECASE,
)
_SPEAKER_ROLE = re.compile(
    r"\b(speaker|panel(?:l)?ist|presenter|keynote|intervenant(?:e)?|panéliste|ponente|"
    r"panelista|orador[a]?|spreker|referent(?:in)?|relat(?:ore|rice)|mzungumzaji|narasumber|"
    r"pembicara|登壇者|演讲嘉宾|발표자|متحدث|guest|講師|ゲスト|발제자|토론자|嘉宾)(?!\w)",
    re.IGNORECASE,
)
# The tag part of a display name: in brackets, or after " | ", " - ", " – " or a comma.
_TAGS = re.compile(r"[(\[（]([^)\]）]*)[)\]）]|(?:\s[|\-–]\s|,\s*)(.+)$")
# An organisers' account rather than a person: "Launch Team Tokyo", "Secretariaat X",
# "Session Desk 3B", "네트워크 사무국", "アカデミー運営チーム".
_TEAM_ACCOUNT = re.compile(
    r"(?<!\w)(?:team(?! ?lead)|secretariat|secretariaat|secr[ée]tariat|secretar[ií]a|secretariado|desk|"
    r"equipo|[ée]quipe|equipa|organi[sz]ing committee|comit[ée] organi[sz]ador|"
    r"tech support|soporte(?: t[ée]cnico)?|suporte)(?!\w)|운영진|"
    r"事務局|運営|사무국|사무처|운영팀|组委会|秘书处",
    re.IGNORECASE,
)
# A role written before the name: "Co-host Kahindi Baya", "Moderator: Ana Ruiz".
_ROLE_FIRST = re.compile(
    r"(?i)^\s*(?:co-?host|host|moderat(?:or|ora|rice|eur)|moderador[a]?|facilitat(?:or|rice|eur)|"
    r"mc|emcee)\s*[:\-–|]?\s+[^\W\d_]"
)
# Titles written after the name: "박성훈 교수", "鈴木先生", "王老师".
_TITLE_AFTER = re.compile(r"(?:교수|교수님|박사|박사님|선생님|先生|教授|博士|講師|老师|老師)\s*$")


def name_role(display_name: str) -> str | None:
    """``"host"`` or ``"speaker"`` when the display name carries that role tag, else None."""
    tags = [t.strip() for a, b in _TAGS.findall(display_name) for t in re.split(r"[,;/&]", a or b)]
    # the tag is the role, at most with one more word ("Webinar host"), not "Chair of the board"
    roles = [fold(t) for t in tags if 0 < len(t.split()) <= 2]
    if any(_HOST_ROLE.search(t) for t in roles):
        return "host"
    if _TEAM_ACCOUNT.search(display_name) or _ROLE_FIRST.match(display_name):
        return "host"
    if (
        any(_SPEAKER_ROLE.search(t) for t in roles)
        or TITLES.match(display_name.strip())
        or _TITLE_AFTER.search(display_name.strip())
    ):
        return "speaker"
    return None


class HostSignals:
    """Running counts of each sender's host signals; :meth:`hosts` applies the rule above.

    Keys are whatever identifies a sender (a name key, or a source's person key).
    """

    def __init__(self, counts: dict[str, tuple[int, int, int]] | None = None) -> None:
        self.opening: Counter[str] = Counter()
        self.announce: Counter[str] = Counter()
        self.links: Counter[str] = Counter()
        for key, (o, a, link) in (counts or {}).items():
            self._count(key, o, a, link)

    def _count(self, key: str, o: int, a: int, link: int) -> None:
        self.opening[key] += o
        self.announce[key] += a
        self.links[key] += link

    def add(self, key: str, text: str) -> tuple[int, int, int]:
        """Count one public message of ``key``; returns its signals."""
        found = signals(text)
        self._count(key, *found)
        return found

    def hosts(self) -> set[str]:
        """The senders the rule makes hosts (at most :data:`MAX_HOSTS`)."""
        opening, announce, links = self.opening, self.announce, self.links
        hosts = [
            key
            for key in set(opening) | set(announce)
            if opening[key] >= 1 or announce[key] >= 2 or (announce[key] >= 1 and links[key] >= 1)
        ]
        hosts.sort(key=lambda k: (-(2 * opening[k] + announce[k]), k))
        return set(hosts[:MAX_HOSTS])


def infer_hosts(messages: Iterable[tuple[str, str]], configured: Iterable[str] = ()) -> set[str]:
    """Name keys (:func:`bot.core.text.name_key`) of the hosts, from ``(author, text)`` pairs
    of public messages in chat order, plus the configured host names."""
    counts = HostSignals()
    tagged = set()
    for author, text in messages:
        counts.add(name_key(author), text)
        if name_role(author) == "host":
            tagged.add(name_key(author))
    return counts.hosts() | tagged | {name_key(name) for name in configured}


def _untitled(key: str) -> str:
    """A name key without a leading title: "hon rose kagame" -> "rose kagame"."""
    first, _, rest = key.partition(" ")
    return rest if rest and TITLES.match(first) else key


# Someone named with a title in the chat ("our guest Dr Rania Haddad", "Mme Awa Kaboré (ONG)",
# "merci Dr Touré"): people title speakers, not each other, so that person is a speaker.
_INTRODUCED = re.compile(
    r"(?<!\w)(?:Dr|Dra|Prof|Mme|Mr|Mrs|Ms|M|Sr|Sra|Dkt|Hon)\.?\s+([A-ZÀ-Ý][\w'-]+(?:\s+[A-ZÀ-Ý][\w'-]+)?)"
)


class Peers:
    """The participants a question may be addressed to instead of the panel (see
    :func:`bot.core.detect.addressed_peer`): everyone who has chatted in public, but hosts and
    speakers. A speaker is configured (``[event] speakers``), has a speaker tag or a title in
    the display name ("Dr.", "(panelist)"), promises an answer or thanks for a question in the
    chat ("I will come back to this in the Q&A", "Will answer verbally", "Thanks for the
    question"), is addressed by a host ("@Achieng what's your take?"), is named as the one a
    question is for ("Question for Femke: ..."), or is named with a title by anyone ("our guest
    Dr Rania Haddad"; the title goes with the surname)."""

    def __init__(self, speakers: Iterable[str] = ()) -> None:
        self.speakers = {_untitled(name_key(s)) for s in speakers}
        self.keys: set[str] = set()
        self._asking: set[str] = set()  # whose latest message asked something (a mark)
        self._answered: dict[str, set[str]] = {}  # whom each sender has answered by name

    def _is_speaker(self, key: str) -> bool:
        key = _untitled(key)
        # "Dr Haddad" names "Rania Haddad": a title goes with the surname
        return any(
            key == s or key.startswith(s + " ") or key.endswith(" " + s) for s in self.speakers
        )

    def add(self, display_name: str, text: str = "", *, host: bool = False) -> None:
        """Note one public message of ``display_name``."""
        key = name_key(display_name)
        for named in ASKED_OF.finditer(text):
            self.speakers.add(name_key(named.group(1)))
        for titled in _INTRODUCED.finditer(text):  # "today's guest is Dr Rania Haddad"
            self.speakers.add(name_key(titled.group(1)))
        if name_role(display_name) is not None or ANSWERING.search(text):
            self.speakers.add(key)
        if host:  # a question to a host is for the organisers, never peer talk
            self.speakers.add(key)
            addressee = addressed_name(text)  # "@Achieng what's your take?": a panelist
            if addressee:
                self.speakers.add(name_key(addressee))
        self._note_answer(key, text)
        self.keys.add(key)

    def _note_answer(self, key: str, text: str) -> None:
        """A panelist answers: one who replies by name, without asking, to two different people
        whose latest message asked ("Amna, yes, ...", "Achol, through the desk...")."""
        asks = bool(_MARK.search(text))
        named = addressed_name(text)
        if named and not asks:
            first = name_key(named)
            for asker in self._asking:
                if asker != key and (asker == first or asker.startswith(first + " ")):
                    self._answered.setdefault(key, set()).add(asker)
            if len(self._answered.get(key, ())) >= 2:
                self.speakers.add(key)
        if asks:
            self._asking.add(key)
        else:
            self._asking.discard(key)

    def addresses_speaker(self, text: str) -> bool:
        """Whether ``text`` opens by addressing a speaker ("@Dr Haddad, ...", "Okafor, ...")."""
        named = addressed_name(text)
        if named is None:
            return False
        key = _untitled(name_key(named))  # "@Joseph" names "Joseph Mwangi (Kenya)"
        return self._is_speaker(key) or any(s.startswith(key + " ") for s in self.speakers)

    def without(self, display_name: str) -> set[str]:
        """The peers of this sender (not themself), as name keys."""
        me = name_key(display_name)
        return {k for k in self.keys if k != me and not self._is_speaker(k)}
