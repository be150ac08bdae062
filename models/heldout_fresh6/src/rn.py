"""Kirundi items (20)."""

ITEMS = [
    ("policy", "plain", "Mbega ingengo y'imari y'imfashanyo y'Ubuholandi ku Burundi izogabanywa mu mwaka uza?"),
    ("policy", "preamble", "Ndi umukozi w'ishirahamwe rikora ivy'amagara y'abakenyezi i Ngozi. Twaronka amahera y'Ubuholandi biciye ku ambasade y'i Bujumbura, ariko twumvise ko ambasade izokwugarwa. Mbega imigambi iriho izobandanya gute, kandi ni nde azoyikurikirana?"),
    ("policy", "terse", "itariki ya nyuma yo gusaba?"),
    ("policy", "no_accents", "Ni ryari bazotangaza ivyo basaba kugira ngo umuntu yitabe ipiganwa rishasha"),
    ("policy", "decoy", "Twavuze cane ku bwisanzure bw'abanyagihugu, ariko none hoba politike y'urudandaza y'Ubuholandi ihuye n'iy'imfashanyo?", "policy: guhuza politike; amajambo ya civic ni umutego"),
    ("civic", "plain", "Ni ukuntu amashirahamwe y'abanyagihugu yobandanya gukora igihe internet ihagaritswe mu gihe c'amatora?"),
    ("civic", "indirect", "Nipfuza kumenya nimba hari imfashanyo ku bakenyezi baharanira agateka ka zina muntu bakangishwa."),
    ("civic", "lowercase", "dukore iki igihe igipolisi kibujije urwaruka gukora urugendo rw'amahoro"),
    ("civic", "decoy", "Imfashanyo itaciye ku bahuza ni nziza, ariko ni nde azorengera abakuru b'imihana bakangishwa kubera bavuze ivyerekeye ukwambura abantu amatongo?", "civic: gukingira abaharanira agateka; amajambo y'amahera ni umutego"),
    ("civic", "no_qmark", "mutubwire nimba hari uburyo bwo gufasha abaharanira agateka bahungiye mu bihugu bibanyi"),
    ("system", "plain", "Ni kubera iki amashirahamwe yo mu gihugu ataronka amahera ataciye ku mashirahamwe mpuzamakungu?"),
    ("system", "code_mix", "Kuki raporo zose zitegerezwa kwandikwa mu congereza? Ivyo si barrier ku mashirahamwe yo mu micungararo?"),
    ("system", "preamble", "Mu gisagara cacu, abanyagihugu ntibigera babazwa nimba imigambi ibafitiye akamaro. Abagenzuzi baza bavuye i Buraya, bakabaza abakozi b'ishirahamwe gusa. Ni ukuntu abanyagihugu bokwihweza ubwabo ivyo amashirahamwe akora?"),
    ("system", "terse", "amahera aca he?"),
    ("system", "decoy", "Abaharanira agateka ka zina muntu bazi neza ivyo bakeneye, none kuki ari komite iri i La Haye ihitamwo abahabwa imfashanyo?", "system: ni nde afata ingingo; amajambo ya civic ni umutego"),
    ("other", "plain", "Ni ukuntu bategura ifumbire y'imborera mu gihe gito?"),
    ("other", "typo", "ni ikihe gihe ciiza co gutera ibitoke i Bubanza"),
    ("other", "terse", "Vital'O yatsinze?"),
    ("other", "indirect", "Ndibaza igituma ikiyaga ca Tanganyika kirushiriza kwuzura muri iyi myaka."),
    ("other", "no_qmark", "ndashaka kumenya ingene nokwiga igiholandi kuri internet ku buntu"),
]
