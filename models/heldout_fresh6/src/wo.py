"""Wolof items (10)."""

ITEMS = [
    ("policy", "plain", "Ndax nguuru Pays-Bas dina wàññi ndimbal li muy joxe Senegaal at mu ñëw?"),
    ("policy", "code_mix", "Kañ la appel à projets bu bees bi di ubbiku, te ndax dañuy laaj co-financement?"),
    ("policy", "terse", "deadline dossier bi?"),
    ("civic", "plain", "Naka lanuy aare taskati xibaar yi ñu jàpp ndax li ñu bind?"),
    ("civic", "decoy", "Xaalis bi ñuy jox mbootaay yi ci réew mi baax na, waaye kan moo ciy aar ndaw ñi ñu jàpp ci ñaxtu bu jàmm bi?", "civic: arrested protesters; money words are decoy"),
    ("system", "plain", "Lu tax mbootaay yu réew mi duñu jot xaalis bi ci seen loxo, te dañuy jaar ci ONG yu bitim-réew?"),
    ("system", "lowercase", "kan moo tànn li gëna am solo ci mbootaay bi, nun walla ñoom ñi nekk Tugal"),
    ("other", "plain", "Ku xam bourse ngir jàng master ci Pays-Bas?"),
    ("other", "no_qmark", "dama bëgg xam naka lañuy xeex gunóor yi ci tool u gerte"),
    ("other", "terse", "garab sibiru bu baax?"),
]
