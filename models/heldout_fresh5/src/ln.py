LANG="ln"
ITEMS=[
("Ambassade ya Pays-Bas na Kinshasa ekokangama solo? Ba financements ekoleka wapi sima?","policy","code_mix"),
("Nazali kosala na lisanga moke na Mbandaka. Ba ndenge ya kopesa rapport na IATI ezali makasi mpenza mpo na biso. Ministère ekopesa lisalisi mpo na koyekola yango?","policy","preamble"),
("slides ekotindama?","other","terse"),
("Ba ONG ya Bulaya bakoki kotika esika na bango mpo ete masanga ya mboka bazwa mbongo direct?","system","code_mix"),
("nazali komituna soki ba radios communautaires bakoki kolobela maponami na bonsomi","civic","indirect"),
("Leta ya Hollande epesaka mbongo mpo na bokambi malamu, kasi nani akobatela bilenge ya LUCHA oyo bakangami?","civic","decoy","funding vocab, repression"),
("Mpo na nini ba rapports esengeli kokomama na lingelesi, bongo biso tolobaka lingala na français?","system","plain","language of reporting as power issue"),
("nani azali nkolo ya ba données oyo tosangisaka na bamboka","system","lowercase"),
("Mbuma nini ya manioc ekoki kopikama malamu na mabele ya Kwilu?","other","plain"),
("Vita Club ekobeta lisano na TP Mazembe mokolo nini","other","no_qmark"),
]
