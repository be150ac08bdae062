"""Lingala items (10)."""

ITEMS = [
    ("policy", "plain", "Boni, guvernema ya Hollande ekokitisa mbongo ya lisalisi mpo na Kongo na mobu oyo ezali koya?"),
    ("policy", "terse", "mokolo ya suka ya dossier?"),
    ("policy", "code_mix", "Nouveau cadre ya financement ekosenga co-financement to te?"),
    ("civic", "plain", "Ndenge nini tokoki kobatela bapanzi-sango oyo bakangami mpo na makomi na bango?"),
    ("civic", "decoy", "Bokabani ya mbongo elongobani, kasi nani akobatela bilenge oyo bakangamaki mpo na botomboki ya kimia na Kinshasa?", "civic: arrestation des manifestants; mots d'argent = leurre"),
    ("system", "plain", "Mpo na nini ba ONG ya mboka bazwaka mbongo mbala moko te, ntango nyonso na nzela ya ba ONG ya mikili mosusu?"),
    ("system", "lowercase", "nani azwaka mikano na kati ya bosangani, biso to bango ya poto"),
    ("other", "plain", "Nani ayebi bourse mpo na koyekola master na Belgique to na Hollande?"),
    ("other", "no_qmark", "nalingi koyeba ndenge ya kobunda na malali ya manioko oyo ebebisaka nkasa"),
    ("other", "terse", "nani alongaki match lobi?"),
]
