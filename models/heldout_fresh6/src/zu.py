"""Zulu items (20)."""

ITEMS = [
    ("policy", "plain", "Ingabe uhulumeni waseNetherlands uzosinciphisa isabelomali sosizo eNingizimu Afrika ngonyaka ozayo?"),
    ("policy", "preamble", "Singumfelandawonye wabalimi abancane bezithelo eLimpopo. Abathengi baseYurophu manje bafuna izitifiketi ezintsha ngenxa yemithetho emisha yokuhweba. Ingabe uhulumeni waseNetherlands unalo uhlelo lwezimali lokusiza abalimi abancane ukuthi bahambisane nale mithetho?"),
    ('policy', 'indirect', 'Ngifuna ukwazi ukuthi uhulumeni waseNetherlands usazoqhubeka yini nokuxhasa izinhlelo zamanzi.'),
    ("policy", "code_mix", "Ingabe i-new funding framework inayo i-co-financing requirement?"),
    ("policy", "decoy", "Kukhulunywe kakhulu ngokubamba iqhaza komphakathi, kodwa ingabe imithetho emisha yamathenda iyazivumela izinhlangano ezincane ukuthi zifake izicelo?", "policy: imithetho yamathenda; amagama e-civic ayakhohlisa"),
    ("civic", "plain", "Singabavikela kanjani abantu abalwela amalungelo abasongelwa ngenxa yokuphikisana nezimayini?"),
    ('civic', 'terse', 'abafundi ababoshiwe, sisize?'),
    ("civic", "indirect", "Ngifuna ukwazi ukuthi zikhona yini izinhlangano ezisiza izintatheli ezisongelwayo."),
    ("civic", "decoy", "Isabelomali sikamasipala sesiphasisiwe, kodwa kungani izakhamuzi zingavunyelwa ukuthi ziphawule emihlanganweni yomphakathi?", "civic: ukubamba iqhaza komphakathi; isabelomali siyakhohlisa"),
    ("civic", "no_qmark", "ngicela izibonelo zemisakazo yomphakathi eyakwazi ukuqhubeka naphezu kokucindezelwa"),
    ("system", "plain", "Kungani izinhlangano zasendaweni zingayitholi imali ngqo kubaxhasi?"),
    ("system", "terse", "ingozi ithwalwa ngubani?"),
    ("system", "preamble", "Sithola imali yemiklamo kuphela, ayikho eyokukhokhela irenti, abasebenzi noma ukuqeqeshwa. Ngemuva kweminyaka emihlanu sisesesimweni esifanayo. Abaxhasi bazoqala nini ukunikeza izinhlangano zasendaweni imali eyisisekelo?"),
    ("system", "code_mix", "Kungani ama-evaluation consultants ehlala evela eYurophu, kungani kungasetshenziswa ama-local experts?"),
    ("system", "decoy", "Ukuvikelwa kwezishoshovu kubalulekile, kodwa kungani imali yokuphepha ilawulwa yihhovisi laseLondon kunokuba ilawulwe yizinhlangano zendawo?", "system: ubani olawula imali; amagama e-civic ayakhohlisa"),
    ('other', 'decoy', 'Ngaphandle kwendaba yamalungelo abantu: i-TB engezwani nemithi yelashwa isikhathi esingakanani?', 'other: impilo; amalungelo ayakhohlisa'),
    ("other", "typo", "ngingawelapha kanjani amazambani anesifo sokubola emaqabungeni"),
    ("other", "terse", "izifundo ze-GIS mahhala?"),
    ("other", "indirect", "Ngizibuza ukuthi amaBafana Bafana azongena yini endebeni yomhlaba."),
    ("other", "lowercase", "ngubani owaziyo uhlelo lwamahhala lokuhlaziya idatha ngaphandle kwe-spss"),
]
