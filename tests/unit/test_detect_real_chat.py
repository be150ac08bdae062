"""Question detection on the failure classes seen in real chats (each decision has a reason)."""

import pytest

from bot.core.detect import detect, without_links
from bot.core.hosts import infer_hosts
from bot.core.model import MessageKind
from bot.core.moderation import is_repeated, spam_reason

Q, C, L = MessageKind.QUESTION, MessageKind.CHATTER, MessageKind.LOGISTICS


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # word boundaries: "You" is not y + ou, "Equal" not e + qual, French "Je suis" not Swahili
        ("You made a very good point about accountability", C),
        ("Equal pay for local staff matters a lot here", C),
        ("Je suis d'accord avec la panéliste", C),
        ("Je pense que c'est essentiel pour nous", C),
        ("Je, serikali itafanya nini kuhusu vijana", Q),
        # the audio/tech filter is whole words only
        ("What is the economic impact of the budget cuts on partners?", Q),
        ("How do you define systemic change?", Q),
        ("Which lessons from the pandemic response apply here?", Q),
        ("Is academic research on Islamic finance being used?", Q),
        ("Did the echo chamber of donors shape this?", Q),
        ("you are on mute", C),
        ("can't hear you, is the audio working?", L),
        # short and spaceless questions
        ("schema versioning?", Q),
        ("core funding?", Q),
        ("这个项目的资金从哪里来？", Q),
        ("予算はどうなりますか？", Q),
        ("Really?", C),
        ("??", C),
        # questions without a mark
        ("I am wondering whether the ministry will renew the fund", Q),
        ("sorry what does the 25% rule mean", Q),
        ("could you elaborate on the localisation agenda", Q),
        ("Will share the paper later", C),
        ("Have a great weekend all", C),
        # greetings that hold a question, and those that do not
        ("Hi Kate, are we going to discuss climate finance today?", Q),
        ("Hello from Kigali!", C),
        ("Thanks! How do you measure that?", Q),
        # "pause" as content, and as logistics
        ("Should donors pause funding after a coup?", Q),
        ("Will there be a break?", L),
        ("is there a pause?", L),
        # a ? inside a link is no question mark
        ("slides: https://docs.google.com/presentation/d/1/edit?usp=sharing", C),
        ("see youtube.com/watch?v=abc", C),
        ("great talk https://youtu.be/x?t=3 what about the data from Mali?", Q),
        # prefixes and marks of other languages
        ("Pertanyaan: bagaimana dengan dana iklim", Q),
        ("سؤال: ما هو دور المجتمع المدني", Q),
        ("ما هو دور المجتمع المدني؟", Q),
        ("प्रश्न: क्या सरकार मदद करेगी", Q),
        ("Ikibazo: ni gute leta izafasha urubyiruko", Q),
        ("ጥያቄ፦ መንግስት ምን ያደርጋል", Q),
        ("መንግስት ምን ያደርጋል፧", Q),
        ("Question : et les jeunes", Q),
        # statements that open like questions stay remarks
        ("When we talk about localisation we must include women's groups", C),
        ("Was really impressed by the second speaker", C),
        ("Como organización, creemos que es clave", C),
        ("Kuna changamoto nyingi sana", C),
        ("What a great presentation", C),
        ("Who decides the priorities in the end", Q),
        ("Hello everyone what is the timeline for the fund", Q),
        ("Hello! I have a question about the budget: how is it allocated", Q),
        ("¿Por qué tarda tanto?", Q),
    ],
)
def test_real_chat_classes(text: str, kind: MessageKind) -> None:
    got = detect(text)
    assert got.kind is kind, got
    assert got.reason and " " not in got.reason


def test_hosts_questions_to_the_audience_are_not_queued() -> None:
    chat = [
        ("Maria Host", "Welcome everyone to today's dialogue on localisation!"),
        ("Peter P", "Hello from Accra"),
        ("Maria Host", "Reminder: please post your questions in the chat"),
        ("Maria Host", "Can everyone see my screen?"),
        ("Peter P", "What is the timeline for the new fund?"),
    ]
    hosts = infer_hosts(chat)
    assert hosts == {"maria host"}
    assert detect("@Aaron what's your take?", from_host=True).kind is C
    assert detect("Q: what about youth?", from_host=True).kind is Q


def test_one_link_sharer_is_not_a_host_but_configured_hosts_are() -> None:
    chat = [("Ann", "see https://example.org/report"), ("Bob", "welcome back")]
    assert infer_hosts(chat) == set()
    assert infer_hosts(chat, configured=["Dr. Ana Lima"]) == {"dr ana lima"}


@pytest.mark.parametrize(
    "text",
    [
        "@everyone BUY CHEAP FOLLOWERS http://spam.example/x",
        "best prices at cheapfollowers.shop",
        "lol t.co/abc123",
        "join bit.ly/3xYz now",
        "@here free money",
        "@a @b @c @d @e look",
    ],
)
def test_spam_in_any_public_message(text: str) -> None:
    assert spam_reason(text) is not None


@pytest.mark.parametrize(
    "text", ["e.g. the U.N. said 3.5% i.e. fine", "see page 2.1 of the report", "Thanks all"]
)
def test_ordinary_text_is_not_spam(text: str) -> None:
    assert spam_reason(text) is None


def test_links_are_removed_before_looking_for_a_mark() -> None:
    assert without_links("read www.x.org/a?b=1 and t.co/abc123 @Ann") == "read and"


def test_repeated_text_is_a_flood() -> None:
    assert is_repeated("BUY NOW", ["buy  now", "BUY NOW"])
    assert not is_repeated("BUY NOW", ["buy now"])
