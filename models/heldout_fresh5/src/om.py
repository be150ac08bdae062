LANG="om"
ITEMS=[
("Qajeelfamni haaraan ministeera Netherlands gabaasa IATI irratti dhaabbilee xixiqqoo irrattis ni hojjeta?","policy","code_mix"),
("Ani dhaabbata xiqqaa Adaamaa keessatti hojjedha. Bara darbe maallaqni keenya sababa jijjiirraa sharafaa (exchange rate) irraa hir'ate. Ministeerri hir'ina kana ni kaffala moo?","policy","preamble"),
("webinaarri kun sa'aa meeqa xumura","other","lowercase"),
("Gaazexeessitoota hidhaman akkamitti gargaaruu dandeenya?","civic","plain"),
("Dhaabbileen biyya keessaa maallaqa kallattiin argachuu ni danda'u moo yeroo hunda karaa INGO?","system","code_mix"),
("Mootummaan Netherlands bulchiinsa gaarii deeggara, garuu dargaggoota Qeerroo hidhaman eenyutu ittisa?","civic","decoy","funding vocab, repression"),
("Dhaabbileen biyya alaa maaliif murtoo hunda ofii isaaniitiin murteessu, hojiin garuu nuti hojjenna?","system","plain"),
("Qindoomina (consortium) keessatti dhaabbanni Oromiyaa hogganaa ta'uu danda'aa moo yeroo hunda hojjetaa qofa?","system","code_mix"),
("Bunni Jimmaa bara kana dhukkuba baala bunaatiin miidhameeraa?","other","plain"),
("Qorannoo kana keessatti maatii meeqa gaafattan","other","no_qmark"),
]
