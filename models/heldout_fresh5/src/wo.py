LANG="wo"
ITEMS=[
("Ndax kontaraa yu bees yi dinañu am clause bu jëm ci terrorisme bu nuy bañ a dimbali ay dëkk?","policy","code_mix","counter-terrorism clause in contracts"),
("Dama liggéey ci benn mbootaay bu ndaw ci Kolda. Xaalis bi dafa yéex ñeenti weer. Ndax ministeer bi dina jox xaalis ngir ñetti at te du benn at rekk?","policy","preamble"),
("Ban application ngeen di jëfandikoo ngir traduction bi?","other","code_mix"),
("Naka lañuy aar rappeur yi ñu jàpp ndax seen woy yu jëm ci politig?","civic","plain"),
("dama laaj ndax mbootaay yu fi nekk dinañu mën a jiite consortium bi","system","indirect"),
("Nguur gu Pays-Bas dafay jox xaalis ngir jiiteg bu baax, waaye kan mooy aar ndaw ñi ñu jàpp ci manifestation yi?","civic","decoy","funding vocab, repression"),
("Lu tax ONG yu bitim réew yi ñoo denc xaalis bi bu ëpp, te ñi fi nekk ñoo def liggéey bi?","system","plain"),
("kan mooy tànn evaluateur bi, nun walla donateur bi","system","lowercase"),
("Ban xeetu gerte moo gën a mun tàngaay ci Kaolack?","other","plain"),
("Sadio Mane dina fo ci CAN bi?","other","plain"),
]
