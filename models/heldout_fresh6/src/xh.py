"""Xhosa items (10)."""

ITEMS = [
    ("policy", "plain", "Ingaba urhulumente waseNetherlands uza kunciphisa uncedo lwezimali eMzantsi Afrika kunyaka ozayo?"),
    ("policy", "preamble", "Singumbutho wabalobi abancinci eMpuma Koloni. Iinqanawa zokuloba zaseYurophu zifumana iimvume ngenxa yezivumelwano zorhwebo, ngoxa urhulumente waseNetherlands esixhasa ngenkxaso yophuhliso. Ingaba isebe liyibona njani le nto ingahambelaniyo?"),
    ("policy", "terse", "umhla wokugqibela wezicelo?"),
    ("civic", "plain", "Sinokuyixhasa njani unomathotholo woluntu xa ilayisensi yayo irhoxiswa?"),
    ("civic", "lowercase", "senze ntoni xa amapolisa ebamba abafundi abaqhankqalazayo ngoxolo"),
    ("civic", "code_mix", "Ingaba kukho i-emergency fund yabantu ababanjwe ngexesha le-service delivery protests?"),
    ('system', 'plain', 'Kutheni imibutho yasekuhlaleni isoloko ibizwa ngokuba ngabaphumezi kuphela, hayi amaqabane apheleleyo?'),
    ("system", "decoy", "Isebe lithetha ngokumamela abemi, kodwa ngubani othatha isigqibo sokuba imali isetyenziswa njani, ngabantu basekuhlaleni okanye yi-ofisi yaseAmsterdam?", "system: who decides; ministry/participation words are decoy"),
    ("other", "plain", "Ngubani owaziyo ngeebhasari zemfundo ephakamileyo eNetherlands?"),
    ("other", "indirect", "Ndizibuza ukuba kutheni imvula ibaninzi kangaka eKapa kulo nyaka."),
]
