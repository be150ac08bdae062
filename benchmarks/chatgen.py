"""A varied generated Zoom chat for the import benchmark (not for tests: tests/synthetic.py).

Questions and chatter are built from combinable parts (opening x actor x action x who x where
x ending, in five languages), so 560,000 messages hold hundreds of thousands of distinct
texts instead of a few repeated templates, and two questions share a 30-character prefix about
as rarely as in a real chat. Reactions and replies quote one of the last 40 public messages
the way Zoom does (the first 30 characters and ``...`` when longer); some reactions are taken
back; about 4% are direct messages; an attendee pool of 1,500 names (from 60 x 60 x 25 parts)
speaks with a long-tailed frequency, as in a real webinar where a few speak a lot.
"""

from __future__ import annotations

import random
from collections import deque
from collections.abc import Iterator

FIRST = [
    "Grace",
    "Amani",
    "Joseph",
    "Fatima",
    "Lucia",
    "Ana",
    "Jean",
    "Pieter",
    "Emma",
    "Tom",
    "Sophie",
    "Aisha",
    "Kwame",
    "Nomsa",
    "Thabo",
    "Chidi",
    "Ngozi",
    "Ayesha",
    "Rahul",
    "Priya",
    "Nguyen",
    "Mai",
    "Carlos",
    "Maria",
    "Juan",
    "Sofia",
    "Diego",
    "Camila",
    "Luis",
    "Rosa",
    "Ahmed",
    "Leila",
    "Omar",
    "Yasmin",
    "Hassan",
    "Samira",
    "Jan",
    "Anouk",
    "Bram",
    "Femke",
    "Joost",
    "Lotte",
    "Ruben",
    "Sanne",
    "Daan",
    "Eva",
    "Mohamed",
    "Zainab",
    "Ibrahim",
    "Halima",
    "Moussa",
    "Awa",
    "Ousmane",
    "Mariam",
    "Kofi",
    "Abena",
    "Yaw",
    "Esi",
    "Tendai",
]
LAST = [
    "Wanjiru",
    "Mushi",
    "Okello",
    "Cossa",
    "Quispe",
    "Rodriguez",
    "Visser",
    "Jansen",
    "Muller",
    "Bakker",
    "Diallo",
    "Traore",
    "Mensah",
    "Owusu",
    "Banda",
    "Phiri",
    "Moyo",
    "Dube",
    "Nkosi",
    "Mahlangu",
    "Otieno",
    "Kamau",
    "Mwangi",
    "Achieng",
    "Silva",
    "Santos",
    "Pereira",
    "Costa",
    "Gomez",
    "Lopez",
    "Martinez",
    "Flores",
    "Mamani",
    "Condori",
    "Khan",
    "Ahmed",
    "Hossain",
    "Rahman",
    "Tran",
    "Le",
    "Pham",
    "Hoang",
    "Sari",
    "Wijaya",
    "Putri",
    "Haddad",
    "Mansour",
    "Nasser",
    "Smit",
    "Mulder",
    "Dekker",
    "Brouwer",
    "Vos",
    "Peters",
    "Hendriks",
    "Koster",
    "Meijer",
    "Kaya",
    "Demir",
    "Yilmaz",
]
WHERE = [
    "Kenya",
    "Uganda",
    "Tanzania",
    "Burundi",
    "Colombia",
    "Bolivia",
    "Peru",
    "Moçambique",
    "Ghana",
    "Mali",
    "Senegal",
    "Niger",
    "Bangladesh",
    "Indonesia",
    "Viet Nam",
    "Lebanon",
    "Jordan",
    "Zimbabwe",
    "Malawi",
    "South Africa",
    "Nederland",
    "Germany",
    "Belgium",
    "Brasil",
    "Guatemala",
]
ORGS = [
    "Oxfam Novib",
    "CARE",
    "Cordaid",
    "Hivos",
    "ICCO",
    "SNV",
    "Plan",
    "Simavi",
    "Akvo",
    "PAX",
    "Both ENDS",
    "Mama Cash",
]

EN_OPEN = (
    "How will",
    "When will",
    "Why does",
    "Could",
    "Can",
    "To what extent will",
    "In what way does",
    "Is it true that",
    "What guarantees that",
    "Who decides whether",
)
EN_ACTOR = (
    "the ministry",
    "the Dutch embassies",
    "the new government",
    "the Power of Voices partnerships",
    "the lead organisations",
    "the strategic partners",
    "the consortium members",
    "the evaluation team",
    "the IOB review",
    "the thematic desks",
)
EN_ACTION = (
    "simplify reporting requirements for",
    "channel direct funding to",
    "protect the civic space of",
    "share decision power with",
    "involve in agenda setting",
    "cover the core costs of",
    "reduce the audit burden on",
    "guarantee multi-year support for",
    "listen to the priorities of",
    "shift risk away from",
    "measure the impact of",
    "build the capacity of",
)
EN_WHO = (
    "small partners",
    "women-led organisations",
    "youth movements",
    "grassroots groups",
    "human rights defenders",
    "indigenous communities",
    "informal networks",
    "local NGOs",
    "land rights activists",
    "trade unions",
    "farmer cooperatives",
    "LGBTI+ collectives",
)
EN_END = (
    "?",
    " after 2026?",
    " given the budget cuts?",
    " in fragile settings?",
    " without intermediaries?",
    " in the next call for proposals?",
    " when the political climate changes?",
    ", and how will we know?",
    " in practice?",
    " beyond the pilot phase?",
)
OTHER_QUESTIONS = {
    "nl": (
        ("Hoe gaat", "Wanneer gaat", "Waarom wil", "Kan"),
        ("het ministerie", "de ambassade", "het kabinet", "de nieuwe minister"),
        (
            "de rapportage vereenvoudigen voor",
            "direct financieren:",
            "meer ruimte geven aan",
            "beter luisteren naar",
        ),
        EN_WHO,
        ("?", " na de bezuinigingen?", " in de praktijk?", " in fragiele staten?"),
    ),
    "fr": (
        ("Comment", "Quand", "Pourquoi", "Est-ce que"),
        ("le ministère", "l'ambassade", "le gouvernement", "le consortium"),
        (
            "va-t-il financer directement",
            "protège-t-il",
            "simplifie-t-il les rapports pour",
            "écoute-t-il",
        ),
        ("les petites associations", "les femmes leaders", "les jeunes", "les défenseurs"),
        (" ?", " après 2026 ?", " dans les zones fragiles ?", " concrètement ?"),
    ),
    "es": (
        ("¿Cómo va a", "¿Cuándo va a", "¿Por qué no puede", "¿Puede"),
        ("el ministerio", "la embajada", "el gobierno", "el consorcio"),
        ("financiar directamente a", "proteger a", "escuchar a", "simplificar informes para"),
        ("las organizaciones locales", "los movimientos sociales", "las mujeres", "los jóvenes"),
        ("?", " después de 2026?", " en contextos frágiles?", " en la práctica?"),
    ),
    "pt": (
        ("Como vai", "Quando vai", "Por que não pode", "Pode"),
        ("o ministério", "a embaixada", "o governo", "o consórcio"),
        ("financiar diretamente", "proteger", "ouvir", "simplificar relatórios para"),
        ("as organizações locais", "os movimentos sociais", "as mulheres", "os jovens"),
        ("?", " depois de 2026?", " em contextos frágeis?", " na prática?"),
    ),
}
GREETING = (
    "Good morning from",
    "Hello from",
    "Greetings from",
    "Habari from",
    "Goedemorgen vanuit",
    "Bonjour de",
    "Saludos desde",
    "Bom dia de",
    "Joining from",
)
CITIES = [
    "Nairobi",
    "Kampala",
    "Dar es Salaam",
    "Bujumbura",
    "Bogotá",
    "La Paz",
    "Lima",
    "Maputo",
    "Accra",
    "Bamako",
    "Dakar",
    "Niamey",
    "Dhaka",
    "Jakarta",
    "Hanoi",
    "Beirut",
    "Amman",
    "Harare",
    "Lilongwe",
    "Johannesburg",
    "The Hague",
    "Amsterdam",
    "Utrecht",
    "Berlin",
    "Brussels",
    "São Paulo",
    "Guatemala City",
]
CHATTER = (
    "Thank you {first}, very clear",
    "Thanks {first}!",
    "Agree with {first}",
    "+1 to what {first} said",
    "Great point about {topic}",
    "Very important point on {topic}",
    "We see the same with {topic} in {where}",
    "In {where} we worked on {topic} for {n} years",
    "Our report on {topic} is on our website, page {n}",
    "can't hear you",
    "The sound is breaking up",
    "Asante sana {first}",
    "Bedankt {first}, helder verhaal",
    "Merci {first}",
    "Gracias {first}",
    "Obrigada {first}",
)
TOPICS = [
    "core funding",
    "civic space",
    "localisation",
    "shifting power",
    "decolonising aid",
    "reporting",
    "the audit burden",
    "risk sharing",
    "trust-based funding",
    "multi-year grants",
    "youth participation",
    "land rights",
    "climate justice",
    "gender equality",
    "digital security",
]
EMOJI = ("👍", "👍", "👍", "❤️", "👏", "😂", "🙏", "👍🏽")


def people(rng: random.Random, n: int = 1500) -> list[str]:
    """``n`` distinct display names in Zoom's usual shapes (country, organisation, plain)."""
    names: set[str] = set()
    while len(names) < n:
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        shape = rng.random()
        if shape < 0.4:
            name = f"{name} ({rng.choice(WHERE)})"
        elif shape < 0.6:
            name = f"{name} - {rng.choice(ORGS)}"
        names.add(name)
    crowd = sorted(names)
    rng.shuffle(crowd)
    return crowd


def question(rng: random.Random) -> str:
    """One question from combinable parts (English three times in four)."""
    if rng.random() < 0.75:
        parts = (EN_OPEN, EN_ACTOR, EN_ACTION, EN_WHO)
        text = " ".join(rng.choice(p) for p in parts) + f" in {rng.choice(WHERE)}"
        return text + rng.choice(EN_END)
    language = rng.choice(tuple(OTHER_QUESTIONS))
    opening, actor, action, who, end = OTHER_QUESTIONS[language]
    text = " ".join(rng.choice(p) for p in (opening, actor, action, who))
    return text + rng.choice(end)


def chatter(rng: random.Random) -> str:
    """One line of chatter (greetings, thanks, agreement, sound trouble), mostly distinct."""
    if rng.random() < 0.25:
        return f"{rng.choice(GREETING)} {rng.choice(CITIES)}, {rng.choice(WHERE)}"
    return rng.choice(CHATTER).format(
        first=rng.choice(FIRST),
        topic=rng.choice(TOPICS),
        where=rng.choice(WHERE),
        n=rng.randint(2, 40),
    )


def quote(text: str) -> str:
    """Zoom's snippet of a quoted message: its first 30 characters, ``...`` when cut."""
    first = text.split("\n", 1)[0]
    return first if len(first) <= 30 else first[:30] + "..."


def chat_lines(n_messages: int, seed: int = 1) -> Iterator[str]:
    """The lines of a newer-format chat of ``n_messages`` messages, generated as they are read.

    About 38% questions (a fifth with a second line), 30% chatter, 20% reactions (one in 15
    taken back), 8% replies, 4% direct messages; the clock wraps at midnight.
    """
    rng = random.Random(seed)
    crowd = people(rng)
    weights = [1 / (rank + 5) for rank in range(len(crowd))]  # a few speak a lot
    public: deque[str] = deque(maxlen=40)  # what reactions and replies quote
    reacted: deque[tuple[str, str]] = deque(maxlen=40)
    speakers = iter(())
    for i in range(n_messages):
        if i % 4096 == 0:
            speakers = iter(rng.choices(crowd, weights, k=4096))
        seconds = (9 * 3600 + i * 3) % 86400
        clock = f"{seconds // 3600:02d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"
        who = next(speakers)
        roll = rng.random()
        if roll < 0.04:
            note = chatter(rng) if rng.random() < 0.5 else f"my email is user{i}@example.org"
            yield f"{clock} From  {who}  to  Host(Direct Message):\n\t{note}\n"
            continue
        yield f"{clock} From  {who}  to  Everyone:\n"
        if roll < 0.24 and public:
            if reacted and rng.random() < 1 / 15:
                snippet, emoji = reacted[rng.randrange(len(reacted))]
                yield f'\tRemoved a {emoji} reaction from "{snippet}"\n'
                continue
            snippet, emoji = quote(rng.choice(public)), rng.choice(EMOJI)
            reacted.append((snippet, emoji))
            yield f'\tReacted to "{snippet}" with {emoji}\n'
            continue
        text = question(rng) if roll < 0.62 else chatter(rng)
        if 0.62 <= roll < 0.70 and public:
            yield f'\tReplying to "{quote(rng.choice(public))}"\n'
        more = "\n\tAnd one more line about our situation." if roll < 0.10 else ""
        yield f"\t{text}{more}\n"
        public.append(text)
