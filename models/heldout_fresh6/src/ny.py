"""Chichewa items (10)."""

ITEMS = [
    ("policy", "plain", "Kodi boma la Netherlands lichepetsa ndalama zothandizira Malawi chaka chamawa?"),
    ('policy', 'decoy', 'Takambirana kwambiri za ufulu wa anthu kulankhula, koma kodi ndalama za bajeti ya 2026 zothandizira ntchito za umoyo zatsala zingati?', 'policy: budget allocation; civic words are decoy'),
    ("civic", "plain", "Kodi tingawateteze bwanji atolankhani omwe amangidwa chifukwa cholemba za katangale?"),
    ("civic", "lowercase", "tichite chiyani apolisi akaletsa misonkhano ya anthu m'midzi"),
    ("civic", "indirect", "Ndikufuna kudziwa ngati pali thandizo kwa amayi omenyera ufulu wa anthu omwe akuopsezedwa pa intaneti."),
    ("system", "plain", "N'chifukwa chiyani mabungwe am'deralo salandira ndalama mwachindunji kuchokera kwa opereka thandizo?"),
    ("system", "code_mix", "Kodi ma community ali ndi njira yopereka feedback ku ma NGO akunja akafuna kudandaula?"),
    ("system", "terse", "ndani amasankha zofunika?"),
    ("other", "plain", "Kodi pali mbewu ya chimanga yomwe imapirira chilala m'madera a kumwera?"),
    ("other", "no_qmark", "ndani wapambana masewera a Flames dzulo"),
]
