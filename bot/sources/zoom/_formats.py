"""Header lines of Zoom saved chats in every client version and language we know of.

A header is ``[date] time  FROM  sender  TO  recipient[(private marker)]:`` (body on the next,
TAB-indented lines) or, in older clients, ``time<TAB> FROM  sender[  TO  recipient(marker)] : text``.
``FROM``/``TO``, the group recipient and the private marker are localised:

* confirmed (public parsers written against real files, Zoom's own wording): English, Spanish
  (``De``/``a``/``Todos``), French (``De``/``à``, ``Tout le monde``, ``(Message direct)``),
  Russian (``От``/``кому``/``Все``) and Ukrainian (``Від``/``до``/``Всі``); from earlier issue
  material, not re-checked: Spanish ``(En privado)``, Japanese (``開始``/``終了``, ``皆様``,
  ``（ダイレクトメッセージ）``), Korean (``발신자``/``수신자``, ``모두에게``);
* inferred (the client's translation tables are not public): every private marker not named
  above, and Portuguese, German, Dutch, Italian, Polish, Swedish, Turkish, Indonesian,
  Vietnamese, Chinese. A file in a language we do not know is read by :mod:`._infer`, which
  learns the words from the file itself. README's table says which is which.

Anything addressed to a person with a private marker, in any language, is private. A recipient
that ends in a parenthesised word glued to the name (``Jan(Privat)``) is taken as a private marker
we do not know: a private message kept out of the queue is a small loss, one leaked is not.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

DATE = r"(?:(?P<date>\d{4}[-/.]\d{1,2}[-/.]\d{1,2})[ T]+)?"
TIME = r"(?P<time>\d{1,2}:\d{2}:\d{2})"

FROM_WORDS = "From|De|Von|Van|Da|Od|От|Від|Från|Fra|Kimden|Dari|Từ|Mula kay|Kutoka|開始|발신자|来自|來自|寄件者"
TO_WORDS = "to|a|à|an|naar|aan|para|per|do|до|кому|till|til|Kime|kime|için|kepada|ke|đến|kwa|終了|수신자|发送至|发送给|傳送至|給|至"
HEADER = re.compile(rf"^{DATE}{TIME}[ \t]+(?:{FROM_WORDS})[ \t]+(?P<rest>\S.*?)[ \t]*$", re.I)
CLOUD = re.compile(rf"^{TIME}\t(?P<who>[^\t]+?):\t(?P<text>.*)$")

PRIVATE_MARKERS = (
    r"privately|direct message|direktnachricht|privat|privé|privee|en privé|message direct|"
    r"en privado|privado|privada|mensaje directo|privadamente|em privado|mensagem direta|mensagem direct|"
    r"in privato|messaggio diretto|direct bericht|privébericht|prywatnie|"
    r"wiadomość bezpośrednia|приватно|личное сообщение|личное|особисте повідомлення|"
    r"приватне повідомлення|privat meddelande|privat|"
    r"özel|doğrudan mesaj|secara pribadi|pesan langsung|riêng tư|tin nhắn trực tiếp|"
    r"faraghani|ujumbe wa moja kwa moja|"
    r"ダイレクトメッセージ|プライベート|非公開|비공개|다이렉트 메시지|개인 메시지|私聊|私信|直接消息|私人訊息"
)
_PRIVATE = re.compile(rf"\s*[(（]\s*(?:{PRIVATE_MARKERS})\s*[)）]\s*$", re.I)
# A parenthesised suffix glued to the recipient: an unknown language's private marker.
_GLUED_MARKER = re.compile(r"(?<=[^\s(（])[(（][^()（）\d]{3,40}[)）]\s*$")
_TO = re.compile(rf"(?P<pad>[ \t]+)(?:{TO_WORDS})(?P<pad2>[ \t]+)")
GROUP_RECIPIENT = re.compile(
    r"^(?:everyone(?: \(in waiting room\))?|hosts?(?: and panel+ists?)?|"
    r"(?:all )?panel+ists?(?: and attendees)?|host and panelists|me|waiting room|"
    r"todos|todos los participantes|todos os participantes|anfitriones y panelistas|"
    r"anfitri[õo]es e palestrantes|tout le monde|h[ôo]tes et pan[ée]listes|tous|alle|jeder|"
    r"alle teilnehmer|iedereen|hosts en panelleden|tutti|wszyscy|все|alla|herkes|"
    r"всі|всем|всім|semua(?: orang)?|mọi người|wote|皆様|全員|みなさん|모두에게|모두|所有人|大家|所有人員)$",
    re.I,
)
# The waiting room in the languages above (wording inferred except English).
WAITING_ROOM = re.compile(
    r"waiting room|sala de espera|salle d'attente|warteraum|wachtkamer|sala d'attesa|"
    r"poczekalni|зал ожидания|зал очікування|bekleme odası|ruang tunggu|phòng chờ|"
    r"待機室|대기실|等候室",
    re.I,
)
# Old one-line clients: "sender : text".
OLD_SEPARATOR = re.compile(r"[ \t]+[:：][ \t]?")


@dataclass(frozen=True, slots=True)
class Who:
    """The sender/recipient part of a header, split."""

    sender: str
    recipient: str | None
    private: bool


def split_who(
    who: str,
    known_senders: Collection[str] = (),
    to_words: re.Pattern[str] = _TO,
    group: re.Pattern[str] = GROUP_RECIPIENT,
) -> Who:
    """``'Ann  to  Bob(Direct Message)'`` -> ``Who('Ann', 'Bob', True)``.

    Zoom pads names with two spaces in most versions, so a ``to`` with two spaces either side is
    the separator and a single-spaced ``to`` belongs to a name (``Dr. To Lam``). Among several
    candidates, the split whose recipient is a group, or whose sender already wrote in this file,
    wins; a private message to a name holding ``to`` is split at the first candidate. A
    single-spaced ``to`` with neither a group after it nor a private marker belongs to the name.
    """
    who = who.strip()
    private = False
    if match := _PRIVATE.search(who):
        private, who = True, who[: match.start()].rstrip()
    elif match := _GLUED_MARKER.search(who):
        candidate = who[: match.start()].rstrip()
        if list(to_words.finditer(candidate)):
            private, who = True, candidate
    splits = list(to_words.finditer(who))
    padded = [m for m in splits if len(m["pad"]) >= 2 and len(m["pad2"]) >= 2]
    candidates = padded or splits
    if not candidates:
        return Who(who, None, private)
    for match in reversed(candidates):
        if group.match(who[match.end() :].strip()):
            return _cut(who, match, private)
    if not (private or padded):
        # Single spaces, no marker, no group: no client writes a public message to a person, so
        # a to-word here is part of the name ("Ana do Carmo", even once "Ana" has written).
        return Who(who, None, private)
    for match in candidates:
        if who[: match.start()].strip() in known_senders:
            return _cut(who, match, private)
    if private or padded:
        return _cut(who, candidates[0], private)
    return Who(who, None, private)


def _cut(who: str, match: re.Match[str], private: bool) -> Who:
    recipient = who[match.end() :].strip()
    return Who(who[: match.start()].strip(), recipient, private or is_waiting_room(recipient))


def is_waiting_room(recipient: str) -> bool:
    """Whether a recipient is (in) the waiting room: host notices to people not yet admitted
    and their answers, not the meeting's chat, so kept private (README, *Webinar audiences*)."""
    return bool(WAITING_ROOM.search(recipient))


def is_addressed(who: str) -> bool:
    """Whether a header's name part ends with a recipient (a group, or a person with a private
    marker). A private marker with no recipient before it is no header: every client writes a
    private message as ``sender  to  recipient(marker)``."""
    split = split_who(who)
    if not split.recipient:
        return False
    return split.private or bool(GROUP_RECIPIENT.match(split.recipient))


_MARKER_COLON = re.compile(
    rf"[(（]\s*(?:{PRIVATE_MARKERS})\s*(?P<close>[)）])[ \t]*[:：][ \t]?", re.I
)


def _private_header(rest: str, known_senders: Collection[str] = ()) -> tuple[str, str] | None:
    """The name part and text of an old one-line private header (``A  to  B(Privately) : text``),
    split at the first marker followed by ``:`` whose name part names a recipient."""
    for marker in _MARKER_COLON.finditer(rest):
        who = rest[: marker.end("close")]
        if split_who(who, known_senders).recipient:
            return who, rest[marker.end() :]
    return None


# Words people put before a colon in a message ("Question : ...", "Note : ..."): not name tags.
_LABEL_WORDS = re.compile(
    r"^(?:q|qn|question|questions|pregunta|pergunta|vraag|swali|frage|domanda|note|nota|"
    r"comment|commentaire|comentario|re|update|answer|r[ée]ponse|respuesta|reminder|rappel|"
    r"link|lien|enlace|ps|p\.s\.|correction|edit|suggestion|idea|point|remarque|info|fyi)$",
    re.I,
)


def _name_tag(segment: str) -> bool:
    """Whether ``B`` in ``From  A : B : text`` is part of the name (``KCSN``, ``Oxfam (Colombia)``)."""
    bare = re.sub(r"\([^)]*\)", "", segment).strip()
    return (
        0 < len(segment) <= 40
        and len(segment.split()) <= 4
        and not _LABEL_WORDS.match(segment.strip())
        and not re.search(r"[?!.,;¿¡]", bare)
        and (segment[:1].isupper() or segment[:1] == "(")
    )


def split_rest(
    rest: str, style: str | None, known_senders: Collection[str] = ()
) -> tuple[str, str | None] | None:
    """After ``From``: the name part and the inline text (None: the body follows on new lines);
    None when the line is no header at all.

    ``'Ana : Oxfam (Colombia)  to  Everyone:'`` is a newer-client header whose name holds a colon,
    not ``Ana`` saying ``Oxfam...``: a trailing colon after a recipient decides, as does a file
    already seen to put bodies on their own lines.
    """
    stripped = rest.rstrip()
    # The earliest complete one-line private header: a private marker closing a name part that
    # names a recipient, followed by " : ". A marker word later on (in the text, "so (Privately)")
    # or one without any recipient before it ("Ana : so (Privately) :", a public text ending in
    # the word) is text, never a header.
    header = _private_header(rest, known_senders)
    if style != "new" and (first := OLD_SEPARATOR.search(rest)) and rest[first.end() :].strip():
        # A complete public header to a group ("開始 A 終了 皆様 : text") before any marker.
        group = split_who(rest[: first.start()], known_senders)
        earlier = header is None or first.start() < len(header[0])
        if earlier and not group.private and GROUP_RECIPIENT.match(group.recipient or ""):
            return rest[: first.start()], rest[first.end() :]
    if stripped.endswith((":", "：")):
        who = stripped[:-1].rstrip()
        early = header is not None and len(header[0]) < len(who)
        if style == "new" or not OLD_SEPARATOR.search(who) or (is_addressed(who) and not early):
            return who, None
    if header is not None:
        return header
    if match := OLD_SEPARATOR.search(rest):
        sender, text = rest[: match.start()], rest[match.end() :]
        # An old one-line header cannot show where a name holding " : " ends; a short name-like
        # middle segment ("Ana : Oxfam (Colombia) : text") is taken as part of the name, unless
        # the short name already wrote in this file.
        second = OLD_SEPARATOR.search(text)
        if second and sender.strip() not in known_senders:
            tag = text[: second.start()]
            if _name_tag(tag) or f"{sender.strip()} : {tag.strip()}" in known_senders:
                return f"{sender} : {tag}", text[second.end() :]
        return sender, text
    return None
