"""Turns of a chat conversation that the first lists misread (pure data, no I/O).

Used by :mod:`bot.core.detect` and :mod:`bot.core.address`:

* :data:`ACKNOWLEDGE`: a reply that opens by acknowledging someone's question or point ("Good
  question Ren. They follow...", "Lan, good point. ...", "いい質問ですね") is an answer or a
  comment, not a question, unless it asks something with a mark (``reply``);
* :data:`HANDOVER`: speakers sharing out a question ("do you want to take Martina's question or
  shall I?") is coordination (``handover``);
* :data:`PEER_ASK`: asking a fellow participant for something they have ("tu as la référence
  ?", "¿tú tienes el contacto?", "heb jij de statuten", "which edition do you have?", "can you
  send?", "後で教えていただけますか"), about their own organisation ("did your network
  join?") or what they meant ("@Ana did you mean the county budget?");
* :data:`THANKS_ONLY`: nothing but thanks, whatever the mark ("ok thanks?");
* :data:`TO_PANEL`: "does anyone on the panel know" is for the panel, not the room;
* :data:`PROMPT`: a question to the audience from whoever runs a part (a poll, a quiz, "any
  questions for Marta?", "where are you joining from?"), even when the chat has not shown them
  to be a host (``prompt``);
* :data:`ARRANGE` / :data:`RHETORICAL`: arranging to talk later ("shall we call next week?",
  "on s'appelle ?") and a question asked for effect ("where would they even go?");
* asking without a mark: :data:`INDIRECT` ("would be good to know whether", "me pregunto si",
  "nataka kujua"), :data:`OPENER` (elliptic "any plans to...", a fronted place then an
  auxiliary "In your study did you...", Haitian Creole question words), :data:`HONORIFIC` (an
  opening "sir"/"ma'am" before the question), :data:`LEAD_IN` (a short lead-in before a colon:
  "To both panelists: ...", "Follow up to Camila: ...").
"""

from __future__ import annotations

import re

from bot.core.lexicon import compiled

ACKNOWLEDGE = re.compile(
    r"(?i)^\W*(?:@?[^\W\d_][\w'.-]*(?: [^\W\d_][\w'.-]*)?,\s*)?"
    r"(?:(?:very|really|such an?|a|an) )?(?:good|great|excellent|interesting|important|fair|valid|"
    r"nice|key|sharp) (?:question|point|remark|observation)s?\b|"
    r"^\W*(?:bonne question|buena pregunta|boa pergunta|goede vraag|gute frage|swali zuri|"
    r"いい質問|良い質問|鋭い(?:ご)?質問|좋은 질문|好问题|好問題)"
)
HANDOVER = compiled(
    (
        r"(?:do you want|would you like|want) to (?:take|answer|respond to|pick up) (?:\w+'s|this|"
        r"that|the|her|his) question|or shall i\b|shall i (?:take|answer) (?:this|that|it)",
        r"(?:veux-tu|voulez-vous) (?:r[ée]pondre|prendre) (?:[àa] )?(?:cette|la) question|"
        r"(?:quieres|quiere) (?:responder|tomar) (?:esa|esta|la) pregunta|"
        r"wil (?:jij|je|u) (?:deze|die|de) vraag (?:nemen|beantwoorden)",
    ),
)
PEER_ASK = compiled(
    (
        r"(?:which|what) (?:\w+ ){0,2}(?:edition|version|copy|file|document|link)(?: of (?:the |your |"
        r"that )?\w+)? (?:do|did) you (?:have|use|got)",
        r"(?:me|nos) (?:pasas|pas[aá]s|mandas|mand[aá]s|env[ií]as|compartes|passa|manda|envia)\b|"
        r"(?:tu peux|peux-tu) m'envoyer|kun je (?:me|mij) \w+ (?:sturen|doorsturen)",
        r"(?:do|did) you (?:have|got) (?:a |an |the |any |that |your )?(?:\w+ ){0,2}(?:group|list|"
        r"contacts?|number|link|document|file|report|study|paper|reference|copy|edition|version)s?",
        r"(?:can|could) you (?:send|share|forward|post|pass)(?: (?:me|us|it|that|this|them))?"
        r"(?: (?:the|that|this) \w+)?(?: (?:here|with me|to me|please|later|in the chat))?"
        r"\s*[?？]?\s*$",
        r"tu as (?:la|le|les|un|une|des|l') ?\w+|(?:t[uú] )?tienes (?:el|la|los|las|un|una) \w+|"
        r"heb (?:jij|je) (?:de|het|een) \w+|(?:voc[eê] )?tem (?:o|a|os|as|um|uma) \w+",
        r"(?:did|do) you mean|you mean (?:the|that|this|a|an)|vous voulez dire|quieres decir|"
        r"(?:did|does|has|is|are) your (?:network|organi[sz]ation|team|group|ngo|office|project|"
        r"association|union|cooperative|community|municipality|district)",
    ),
    (
        "(?:後で|あとで|後ほど).{0,20}(?:教えて|送って|共有)",
        "(?:자료|링크|연락처).{0,10}있으세요|있으신가요",
    ),
)
TO_PANEL = compiled(
    (
        r"(?:anyone|anybody|someone|iemand|alguien|algu[eé]m|quelqu'un) (?:\w+ )?(?:on|of|from|in|"
        r"van|uit|del|de|du|da|do|dans|en|no|na|in het) (?:the |het |de |el |la |le |o |a )?"
        r"(?:panel\w*|speakers?|sprekers?|ponentes?|panelistas?|intervenants?|presenters?)",
    ),
)
INDIRECT = compiled(
    (
        r"(?:it )?would be (?:good|interesting|useful|helpful|great|nice) to (?:know|hear|"
        r"understand|learn) (?:whether|if|how|what|why|when|who|which|more about)",
        r"(?:i'?d|i would|i am|i'm) (?:be )?interested to (?:know|hear|learn)",
        r"me pregunto (?:si|c[oó]mo|qu[eé]|por qu[eé]|cu[aá]ndo|qui[eé]n|d[oó]nde)|"
        r"(?:eu )?me pergunto (?:se|como|o que|por que|quando)|mi chiedo (?:se|come|perch[eé])|"
        r"ich frage mich,? (?:ob|wie|was|warum|wann)|ik ben benieuwd (?:of|hoe|wat|waarom|naar)|"
        r"je serais curieu(?:x|se) de savoir|nataka kujua|ningependa kufahamu|"
        r"(?:mwen )?ta renmen konnen|mwen vle konnen",
    ),
)
OPENER = compiled(
    (
        # elliptic "any ...?" questions
        r"any (?:plans?|chance|update|news|idea|data|evidence|examples?|lessons|research|studies|"
        r"figures|numbers|estimates?) (?:to|on|of|for|about|that|from|in)",
        # a fronted place or source, then an auxiliary and a subject
        r"(?:in|on|for|from|at|during|with) (?:your|the|this|that|their|our) (?:\w+ ){0,3}"
        r"(?:did|do|does|have|has|are|is|was|were|can|could|will|would) (?:you|they|we|it|the)",
        # Haitian Creole question words
        r"(?:ki kote|kisa|ki sa|kijan|k[oò]man|poukisa|kil[èe]|ki l[èe]|kiy[èe]s|konbyen|[èe]ske)"
        r"(?= (?:\S+ ){0,5}?(?:yo|nou|ou|li|leta|ap|pral|te|gen|ka|pou|sa)\b)",
    ),
)
HONORIFIC = re.compile(
    r"(?i)^\s*(?:sir|ma'?am|madam|mesye|madanm|doc|engr|kuya|ate|didi|dai|bhai|ji|sensei)"
    r"(?:\s+|[,:]\s*)(?=\w)"
)
# A short lead-in before a colon: "To both panelists: any plans...", "One more on data: does..."
LEAD_IN = re.compile(r"^([^:：?？.!]{2,50})[:：]\s+(?=\S)")
# Arranging to talk later with someone: between them, never for the panel.
_LATER = (
    r"(?:\S+ ){0,6}?(?:next week|tomorrow|after(?:wards| the session| this)|offline|"
    r"on (?:monday|tuesday|wednesday|thursday|friday))"
)
ARRANGE = compiled(
    (
        r"shall we (?:call|meet|debrief|catch up|connect|speak)",
        r"(?:can|could) we (?:schedule|set up|have|book) a (?:call|meeting|chat)",
        r"(?:can|may|could) i (?:email|call|contact|dm|message|write to) you",
        r"(?:can|could) we (?:talk|meet|speak|catch up|connect) " + _LATER,
        r"let'?s (?:talk|meet|catch up|connect) " + _LATER,
        r"on s'appelle|on se (?:parle|voit|capte)|nos llamamos|(?:podemos|podr[ií]amos) "
        r"(?:hablar|reunirnos|conversar) (?:\S+ ){0,4}?(?:la (?:pr[oó]xima )?semana|ma[ñn]ana|despu[eé]s)",
        r"zullen we (?:bellen|afspreken)|kunnen we (?:bellen|afspreken)|a gente se fala",
    ),
)
# A rhetorical question: "where would they even go?", "who even reads these reports?"
RHETORICAL = compiled(
    (
        r"(?:where|what|who|how|why) (?:would|will|could|can|do|does|did|is|are) (?:\w+ ){0,2}even "
        r"\w+[^?？]{0,40}[?？]",
    ),
)
# A question put to the audience by whoever runs a part of the event: a poll, a quiz, a show of
# hands, "any questions for Marta?", "where are you joining from?".
PROMPT = compiled(
    (
        r"^\W*(?:quick |short |pop )?(?:poll|quiz|sondage|encuesta r[aá]pida|peiling|umfrage|"
        r"show of hands|votaci[oó]n|enqu[eê]te)\s*[:：]",
        r"raise your (?:virtual )?hands?",
        r"^\W*any (?:more |other |further )?questions(?: (?:for|to|from|before|so far)|\s*[?？!])",
        r"(?:are you|is everyone|are people|are you all) (?:joining|connecting|dialling in|dialing in)"
        r" from|tell us in the chat",
        r"(?:type|put|write|answer) (?:your answers?|yes or no|yes/no|a or b|1 or 2)\b",
    ),
    ("^(?:アンケート|投票|クイズ|설문|투표|퀴즈|投票|问卷)\\s*[:：]",),
)
# Only thanks, with a mark of surprise or a typo ("ok thanks?", "Thanks a lot?!").
THANKS_ONLY = re.compile(
    r"(?i)^\W*(?:(?:ok(?:ay)?|great|wow|oh|ah|yes|right|super)[\s,!.]+)?(?:thanks?|thank you|thx|"
    r"merci|gracias|obrigad[oa]|asante|dank je|bedankt|danke)(?: (?:so much|a lot|very much|all|"
    r"everyone|again|beaucoup|mucho|muito|sana|wel))?\W*$"
)
