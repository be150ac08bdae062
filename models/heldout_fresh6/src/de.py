"""German items (20)."""

ITEMS = [
    ("policy", "plain", "Wie viel vom niederländischen Entwicklungsbudget fließt künftig in Migrationsabkommen statt in Armutsbekämpfung?"),
    ("policy", "preamble", "Wir sind eine deutsch-niederländische Stiftung und beantragen sowohl beim BMZ als auch in Den Haag. Beide Ministerien kürzen gerade, aber mit ganz unterschiedlichen Kriterien. Gibt es Pläne, die Förderrichtlinien auf EU-Ebene besser abzustimmen?"),
    ('policy', 'indirect', 'Mich würde interessieren, wie hoch der Eigenanteil im neuen Förderinstrument sein wird.'),
    ("policy", "no_accents", "Ist die neue Handelsstrategie mit dem Lieferkettengesetz abgestimmt oder laeuft das getrennt"),
    ("policy", "decoy", "Alle reden von Augenhöhe mit Partnern, aber wird die Ausschreibung 2026 überhaupt noch offen für neue Antragsteller sein?", "policy: Ausschreibung; Partnerschaftsvokabular ist Köder"),
    ("civic", "plain", "Wie unterstützt ihr Partner, deren Konten nach einem neuen NGO-Gesetz eingefroren wurden?"),
    ('civic', 'terse', 'Internetsperren, was tun?'),
    ('civic', 'preamble', "Unsere Partnerorganisation in Kambodscha hat über Landraub berichtet. Seitdem stehen jeden Tag Polizisten vor dem Büro, und zwei Mitarbeiter wurden zur 'Befragung' vorgeladen. Die Botschaft reagiert nicht auf unsere Mails. Was können wir als europäische Partner sinnvoll tun, ohne die Lage zu verschärfen?"),
    ("civic", "decoy", "Die Haushaltskürzungen sind das eine, aber wer schützt die Dorfräte, die sich gegen den Staudamm aussprechen?", "civic: Schutz von Gemeinschaftsvertretern; Haushaltswörter sind Köder"),
    ("civic", "typo", "gibts erfahrungen mit sicheren kommunikationswegen für menschenrechtsverteidiger in gebieten mit internetsperren?"),
    ("system", "plain", "Warum müssen lokale Organisationen immer noch über internationale Intermediäre Gelder beantragen?"),
    ("system", "preamble", "In unserem Netzwerk sitzen zwölf Partner aus fünf Ländern, aber der Lenkungsausschuss tagt in Utrecht und entscheidet auf Englisch. Die Partner aus dem Tschad fühlen sich komplett außen vor. Wie sehen gerechtere Entscheidungsstrukturen in solchen Konsortien konkret aus?"),
    ("system", "terse", "Wer trägt das Risiko?"),
    ("system", "no_qmark", "würde gern wissen wie man Overhead fair mit den Südpartnern teilt"),
    ("system", "decoy", "Wenn Aktivisten vor Ort besser wissen, was gebraucht wird, warum entscheiden dann immer noch Geber über die Themen?", "system: wer entscheidet; 'Aktivisten' ist Köder"),
    ("other", "plain", "Kann jemand eine gute Weiterbildung in Monitoring und Evaluation empfehlen, am besten berufsbegleitend?"),
    ("other", "lowercase", "weiß jemand wie man in r mehrere excel-tabellen auf einmal einliest"),
    ("other", "terse", "Malariaprophylaxe für Uganda?"),
    ("other", "indirect", "Ich frage mich, ob die Dürre am Horn von Afrika mit dem Indischen-Ozean-Dipol zusammenhängt."),
    ("other", "decoy", "Kurze Frage abseits der Politik: welche Hochschule bietet einen Master in Agrarökonomie auf Englisch an?", "other: Studium; 'Politik' ist Köder"),
]
