"""Tagalog items (10)."""

ITEMS = [
    ("policy", "plain", "Kasama pa ba ang Pilipinas sa mga bansang popondohan ng Netherlands sa bagong estratehiya?"),
    ("policy", "code_mix", "Ano po ang eligibility requirements ng bagong call for proposals, at may co-financing ba?"),
    ("policy", "decoy", "Maganda po ang usapan tungkol sa boses ng komunidad, pero magkano ba talaga ang natitirang budget para sa climate adaptation pagkatapos ng cuts?", "policy: budget after cuts; civic words are decoy"),
    ("civic", "plain", "Paano po ninyo pinoprotektahan ang mga environmental defenders na nire-red-tag ng gobyerno?"),
    ("civic", "lowercase", "ano ang pwedeng gawin kapag inaaresto ang mga nagpoprotesta nang mapayapa"),
    ("civic", "indirect", "Gusto ko lang malaman kung may tulong para sa mga community journalist na tinatakot dahil sa balita nila tungkol sa quarry."),
    ("system", "plain", "Bakit laging dumadaan sa international NGO ang pondo bago makarating sa mga lokal na organisasyon?"),
    ("system", "typo", "sino ba talaga ang nagdedesisyon sa priorities ng consortium, kayo o yung mga partner sa probinsya"),
    ("other", "plain", "May alam po ba kayong scholarship para sa master's sa public health sa Europe?"),
    ("other", "terse", "lunas sa peste ng palay?"),
]
