"""Tiny helpers used by the eNN_*.py source files.

Every message is a dict with sender, text, label, and optionally to (private
recipient) and note.  The host flag is not written here: build.py sets it from
the event's META["hosts"] list, so it can never disagree with manifest.json.
"""


def _m(sender, text, label, note=None, to=None):
    d = {"sender": sender, "text": text, "label": label}
    if note:
        d["note"] = note
    if to:
        d["to"] = to
    return d


def Q(sender, text, note=None):
    """public question for the panel / speakers / organisers about substance"""
    return _m(sender, text, "question", note)


def L(sender, text, note=None):
    """public logistics question or request about running the event"""
    return _m(sender, text, "logistics", note)


def O(sender, text, note=None):
    """public other (also every host / co-host message)"""
    return _m(sender, text, "other", note)


H = O  # host or co-host message; always "other"


def P(sender, to, text, note=None):
    """private / direct message: always labelled other"""
    return _m(sender, text, "other", note, to)


def _snip(quoted, cut=24):
    first = quoted.split("\n")[0]
    return first[:cut].rstrip() + "..." if len(first) > cut else first


def reply(quoted, body):
    """newer English clients put a quote line above the reply"""
    return 'Replying to "%s"\n%s' % (_snip(quoted), body)


# Reaction lines. English is what public parsers expect; the localised wordings
# are INFERRED (not confirmed from any saved file), see README.
_REACT = {
    "en": 'Reacted to "{q}" with {e}',
    "fr": 'A réagi à "{q}" avec {e}',
    "es": 'Reaccionó a "{q}" con {e}',
    "nl": 'Reageerde op "{q}" met {e}',
    "ja": '"{q}"に{e}で反応しました',
    "ko": '"{q}"에 {e}(으)로 반응함',
}


def react(quoted, emoji="👍", lang="en"):
    return _REACT[lang].format(q=_snip(quoted), e=emoji)
