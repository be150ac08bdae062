"""Kinyarwanda items (20)."""

ITEMS = [
    ("policy", "plain", "Ese ingengo y'imari y'inkunga y'Ubuholandi ku Rwanda izagabanywa umwaka utaha?"),
    ("policy", "preamble", "Turi umuryango ukora ku buzima bw'imyororokere i Rubavu. Twumvise ko Ubuholandi buzahindura uburyo bubara inkunga, ku buryo amafaranga yo kwakira impunzi mu Buholandi azabarwa nk'inkunga y'iterambere. Ese ibyo bizagabanya amafaranga agera ku mishinga yo mu Rwanda?"),
    ("policy", "terse", "itariki ntarengwa y'ipiganwa?"),
    ("policy", "code_mix", "Ese new strategy ya Minisiteri izakomeza gutera inkunga ubuhinzi cyangwa izibanda kuri trade gusa?"),
    ("policy", "decoy", "Twavuze cyane ku ijwi ry'abaturage, ariko ese amabwiriza mashya y'ipiganwa yemerera imiryango mito gusaba inkunga?", "policy: amabwiriza y'ipiganwa; amagambo ya civic ni umutego"),
    ("civic", "plain", "Ni gute twarengera abanyamakuru bahohoterwa nyuma yo gutangaza inkuru zinenga ubuyobozi?"),
    ("civic", "lowercase", "ese abaturage bafite uburyo bwo gutanga ibitekerezo ku mishinga ya leta batagize ubwoba"),
    ('civic', 'preamble', "Mu murenge wacu, abaturage bagaragaje ko batishimiye uburyo bimuwe ahagiye kubakwa uruganda. Nyuma y'inama, bamwe mu babahagarariye bahamagawe n'inzego z'umutekano. Ubu abantu batinya kuvuga. Ni gute twabafasha gukomeza kugaragaza ibitekerezo byabo nta bwoba?"),
    ("civic", "decoy", "Ubufatanye n'imiryango yo mu gihugu ni bwiza, ariko ni nde urengera urubyiruko rwafunzwe kubera kwandika ku mbuga nkoranyambaga?", "civic: ifungwa ry'urubyiruko; ubufatanye ni umutego"),
    ("civic", "no_qmark", "tubwire niba itegeko rishya rigenga imiryango itari iya leta rizagabanya ubwisanzure bwayo"),
    ("system", "plain", "Kubera iki imiryango yo mu gihugu idahabwa amafaranga mu buryo butaziguye n'abaterankunga?"),
    ("system", "preamble", "Twatangiye gukusanya inkunga mu baturage no mu bikorera bo mu Rwanda, ariko abaterankunga bo hanze babona ko ibyo nta gaciro bifite. Bahora batubona nk'abagenerwabikorwa gusa. Ese uburyo bw'ubufatanye bushobora guha agaciro ubushobozi bwacu bwo kwishakamo ibisubizo?"),
    ("system", "terse", "ni nde ufata ibyemezo?"),
    ("system", "code_mix", "Kuki capacity building ihora iva mu Majyaruguru ijya mu Majyepfo, ntibe mutual learning?"),
    ("system", "decoy", "Minisiteri ivuga ko ishyigikiye abaturage, ariko ese abaturage bashobora kubaza imiryango mpuzamahanga uko yakoresheje amafaranga yabageneye?", "system: kubazwa inshingano n'abaturage; minisiteri ni umutego"),
    ('other', 'decoy', "Ntaho bihuriye n'ubufatanye n'abaterankunga: ese hari uzi buruse za masters mu Buholandi zigifunguye uyu mwaka?", 'other: buruse; abaterankunga ni umutego'),
    ("other", "typo", "ni gute narwanya indwara y'ibirayi iterwa n'imvura nyishi"),
    ("other", "terse", "APR yatsinze ejo?"),
    ("other", "indirect", "Nibaza niba imvura y'umuhindo izatinda nk'umwaka ushize."),
    ("other", "lowercase", "ni iyihe porogaramu nziza yo gukusanya amakuru kuri telefoni idakenera internet"),
]
