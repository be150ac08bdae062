"""Words that open a question without a mark, in many languages (used by :mod:`bot.core.detect`).

* :data:`WH`: question words; English ones need a question-like next word ("How true!" does not ask);
* :data:`AUX`: an auxiliary then a subject ("Will the ministry...", not "Will share later");
* :data:`VERB_FIRST`: other languages' verb-first questions;
* :data:`SWAHILI_JE` / :data:`SWAHILI_WORD`: Swahili "Je", not French "Je suis";
* :data:`ASK_PHRASE`: asking phrases ("I am wondering whether", "ma question", "swali langu").
"""

from __future__ import annotations

import re

LEAD = (
    r"^\s*(?:(?:and|but|so|also|then|ok|okay|en|maar|dus|et|mais|donc|alors|y|pero|entonces|e|mas|"
    r"ent[ãa]o|na|lakini)[,\s]+)?"
)
# Question words that ask on their own, without a mark. English ones also open statements
# ("When we talk about...", "How true!"), so without a mark they need a question-like next word.
EN_WH_NEXT = (
    r"(?:is|are|was|were|do|does|did|can|could|would|will|should|shall|has|have|had|may|might|"
    r"must|about|if|much|many|long|often|kind|type|sort|exactly|else|happens|happened|makes|"
    r"made|decides?|explains?|to|not)"
)
WH = re.compile(
    LEAD
    + r"(what'?s|whats|(?:what|how|why|when|where|who|whom|whose)\s+"
    + EN_WH_NEXT
    + r"|who\s+\w+s\b|"
    r"which|wat|hoe|waarom|wanneer|waar|wie(?! gesagt| schon| bereits)|welke?|welk|"
    r"qu'?est-ce|quel(?:le)?s?|comment|pourquoi|quand|o[uù](?! en\b| (?:un|une|des|plus|moins|bien|alors|pas|m[eê]me)\b)|qui|est-ce|combien|"
    r"qué|cómo|por ?qué|cuándo|dónde|quién(?:es)?|cuál(?:es)?|cuánto|"
    r"o que|por que|onde|quem|qual|quais|quanto|"
    r"nini|vipi|kwa nini|lini|wapi|nani|ipi|gani|"
    r"apa(?! yang)|bagaimana|mengapa|kenapa|kapan|siapa|"
    r"warum|wann|welche[rs]?)(?!\w)",
    re.IGNORECASE,
)
# Auxiliaries ask only when a subject follows ("Will the ministry...", not "Will share later").
AUX = re.compile(
    LEAD + r"(will|would|could|can|should|shall|is|are|was|were|do|does|did|has|have|had|"
    r"may|might|must|isn'?t|aren'?t|don'?t|doesn'?t|didn'?t|won'?t|wouldn'?t|can'?t|couldn'?t|"
    r"shouldn'?t)\s+(?:not\s+)?(you|we|i|it|there|the|this|that|these|those|they|he|she|"
    r"anyone|anybody|someone|somebody|everyone|your|our|their|his|her|its|my|any|all|"
    r"donors?|governments?|ministr(?:y|ies)|people|partners?|organi[sz]ations?|countries)\b",
    re.IGNORECASE,
)
# Other languages' verb-first questions.
VERB_FIRST = re.compile(
    LEAD + r"(kan|kunnen|kunt|zal|zullen|zou|zouden|heeft|hebben|wordt|worden|gaat|gaan|"
    r"moet|moeten|mag|peut-on|pouvez|pourriez|allez|y a-t-il|existe-t-il|avez-vous|"
    r"gibt es|k[öo]nnen|kann|wird|werden|sind|haben)(?!\w)",
    re.IGNORECASE,
)
# Swahili "Je" asks; French "Je suis / je pense..." does not.
SWAHILI_JE = re.compile(
    r"^\s*(?:na\s+)?je\b(?!\s*(?:suis|pense|crois|voudrais|veux|me|m'|ne|n'|vous|trouve|dois|"
    r"peux|sais|souhaite|remercie|partage|rejoins|viens|vais|serai|reviens|dis|salue|"
    r"travaille|suis|t'|te|l'|la|le|les|lui|suppose|note|confirme|vois|comprends)\b)",
    re.IGNORECASE,
)
# ... and without a comma, only with a Swahili word after it ("je réponds à l'oral" is French).
SWAHILI_WORD = re.compile(
    r"\b(?:ni|ya|wa|za|kwa|katika|kuna|hii|hizi|vipi|gani|nini|lini|wapi|serikali|mashirika|"
    r"itakuwa|tunaweza|mnaweza|inawezekana|\w+je)\b",
    re.IGNORECASE,
)
ASK_PHRASE = re.compile(
    r"\b(i('d| would) like to (ask|know)|i (?:am|'m|was) (?:wondering|curious)(?! the same| too)|"
    r"i wonder|"
    r"wondering (?:if|whether|how|what|why)|my question|question (?:for|to) (?:the )?\w+|"
    r"curious (?:to know|whether|if|how|what)|could the panel|"
    r"(?:could|can|would) you (?:please )?(?:elaborate|explain|clarify|expand|comment|say more|"
    r"tell us|share (?:more|your|an example))|please (?:elaborate|explain|clarify)|"
    r"what (?:does|do|did) .{1,60} mean|what is meant by|"
    r"ik (?:wil|zou) graag (?:vragen|weten)|mijn vraag|vraag aan|ik vraag me af|"
    r"je (?:voudrais|aimerais) (?:demander|savoir)|ma question|question [aà]|je me demande|"
    r"(?:quisiera|quiero|me gustar[ií]a) (?:preguntar|saber)|mi pregunta|pregunta para|"
    r"(?:gostaria|queria) de (?:perguntar|saber)|minha pergunta|pergunta para|"
    r"ningependa (?:kuuliza|kujua)|swali langu|swali kwa|nauliza|nina swali|"
    r"i have a question|quick question|a question (?:about|on|regarding|for)|"
    r"(?:can|could) (?:someone|anyone|somebody) (?:explain|clarify|tell)|"
    r"(?:i'?d|i would) (?:love|like) to hear (?:more|from|about)|would love to (?:know|hear)|"
    r"any (?:thoughts|comments|examples|views) on|"
    r"tengo una pregunta|j'ai une question|ik heb een vraag|tenho uma pergunta|"
    r"ich (?:m[öo]chte|w[üu]rde gerne) (?:fragen|wissen)|meine frage|"
    r"saya ingin (?:bertanya|tahu))\b",
    re.IGNORECASE,
)
