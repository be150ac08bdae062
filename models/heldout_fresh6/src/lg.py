"""Luganda items (10)."""

ITEMS = [
    ("policy", "plain", "Gavumenti ya Netherlands egenda kukendeeza ku nsimbi z'obuyambi eri Uganda omwaka ogujja?"),
    ("policy", "code_mix", "New funding framework erina co-financing requirement oba nedda?"),
    ("civic", "plain", "Tuyinza tutya okuyamba bannamawulire abakwatibwa olw'okuwandiika ku bubbi bw'ensimbi za gavumenti?"),
    ("civic", "lowercase", "tukole ki poliisi bw'egaana enkungaana z'abantu mu byalo"),
    ('civic', 'decoy', 'Baajeti empya eyisiddwa, naye lwaki bannakyalo tebakkirizibwa kwogera mu nkiiko za disitulikiti?', 'civic: participation; budget words are decoy'),
    ('system', 'plain', "Lwaki abakozi b'ebibiina by'ebweru basasulwa emirundi kumi okusinga ab'omu kitundu abakola omulimu gwe gumu?"),
    ("system", "terse", "ani asalawo?"),
    ("system", "indirect", "Njagala okumanya oba abantu b'omu kitundu basobola okwekenneenya ebibiina ebibakolera."),
    ("other", "plain", "Ani amanyi ensigo za kasooli ezigumira ekyeya?"),
    ("other", "no_qmark", "ani yawangudde omupiira gwa Cranes eggulo"),
]
