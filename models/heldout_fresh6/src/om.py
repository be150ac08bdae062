"""Oromo items (10)."""

ITEMS = [
    ("policy", "plain", "Mootummaan Neezerlaandis deeggarsa misoomaa Itoophiyaaf kennu bara dhufu ni hir'isaa?"),
    ("policy", "code_mix", "Call for proposals haaraan yoom banama, co-financing ni barbaachisaa?"),
    ("civic", "plain", "Gaazexeessitoota hidhaman akkamitti deeggaruu dandeenya?"),
    ('civic', 'decoy', 'Tarsiimoon haaraan mirga namoomaa ni dubbata, garuu interneetiin yeroo filannoo yoo cufamu hawaasni akkamitti sagalee isaa dhageessisa?', 'civic: internet shutdown and community voice; strategy words are decoy'),
    ('system', 'plain', 'Gabaasni hundi maaliif Afaan Ingiliziin qofa barreeffama, dhaabbileen naannoo hoo?'),
    ("system", "lowercase", "murtoo pirojektii kanaa eenyutu murteessa, nuyi moo isaan Awurooppaa jiran"),
    ("system", "indirect", "Hawaasni mataan isaa dhaabbilee isaaniif hojjetan madaaluu danda'uu isaa beekuun barbaada."),
    ("other", "plain", "Qonnaan bultoonni dhukkuba bunaa akkamitti ittisuu danda'u?"),
    ("other", "terse", "bokkaan yoom roobaa?"),
    ("other", "no_qmark", "eenyutu carraa barnoota maastersii Neezerlaandis beeka natti himaa"),
]
