"""Somali items (20)."""

ITEMS = [
    ("policy", "plain", "Miisaaniyadda gargaarka Nederland ee Soomaaliya sanadka dambe ma la dhimi doonaa?"),
    ("policy", "preamble", "Waxaan nahay urur ka shaqeeya biyaha iyo beeraha gobolka Gedo. Waxaan maqalnay in istaraatiijiyadda cusub ee Nederland ay diiradda saari doonto tahriibka iyo ganacsiga. Miyay sii jiri doonaan deeqaha loogu talagalay adkeysiga abaaraha?"),
    ("policy", "terse", "goorma deeqda cusub?"),
    ("policy", "code_mix", "Shuruudaha tender-ka cusub ma la beddelay, co-funding ma loo baahan yahay?"),
    ("policy", "decoy", "Waxaad ka hadlaysaan awood u wareejinta hay'adaha deegaanka, laakiin heshiisyada tahriibka ee Nederland la gashay dowladaha ma saameynayaan lacagta gargaarka?", "policy: siyaasadda tahriibka iyo miisaaniyadda; erayada localisation waa khiyaano"),
    ("civic", "plain", "Sidee loo ilaalin karaa saxafiyiinta la xiro kadib markay soo tebiyaan musuqmaasuqa?"),
    ('civic', 'terse', 'difaaca dhallinyarada la xiray?'),
    ("civic", "indirect", "Waxaan jeclaan lahaa inaan ogaado haddii ay jirto taageero loogu talagalay haweenka u dooda xuquuqda ee la handadayo."),
    ("civic", "decoy", "Miisaaniyadda in la dhimay waan fahmay, laakiin marka internet-ka la gooyo xilliga doorashada sidee bay ururada bulshadu u shaqayn karaan?", "civic: xannibaadda internetka; erayada miisaaniyadda waa khiyaano"),
    ("civic", "typo", "sharciga cusub ee ngo-yada ma xadidayaa xoriyada ururada yar yar"),
    ("system", "plain", "Maxay hay'adaha maxalliga ah lacagta si toos ah ugu heli waayeen?"),
    ("system", "preamble", "Beesheenna Garoowe waxay samaysay guddi dumar iyo dhallinyaro ah oo go'aamiya mashaariicda. Hay'adda caalamiga ah ayaa hadana dib u eegta go'aannadooda oo beddesha. Sidee looga dhigi karaa in guddiga beeshu yeesho go'aanka kama dambaysta ah?"),
    ("system", "terse", "yaa qaada khatarta?"),
    ("system", "no_qmark", "waxaan rabaa inaan fahmo sababta kharashka maamulka loogu reebo xafiisyada Yurub"),
    ("system", "decoy", "Difaacayaasha xuquuqda aadanaha waxay u baahan yihiin lacag degdeg ah; maxaa loo diidaa kooxaha aan diiwaangashanayn inay si toos ah u helaan?", "system: maalgelinta tooska ah ee kooxaha deegaanka; erayada xuquuqda waa khiyaano"),
    ("other", "plain", "Sidee loo kaydin karaa caanaha geela muddo dheer iyada oo aan qaboojiye la helin?"),
    ('other', 'decoy', "Su'aal ka baxsan siyaasadda iyo deeqaha: sidee loo daaweeyaa riyaha qaba cudurka PPR?", 'other: caafimaadka xoolaha; siyaasad waa khiyaano'),
    ("other", "terse", "app xog ururin offline?"),
    ("other", "indirect", "Waxaan is weydiinayaa in roobabka deyrta sanadkan ay ka badan doonaan caadiga."),
    ("other", "no_qmark", "cidna ma ogtahay kulankii xalay ee Arsenal iyo Chelsea natiijadiisa"),
]
