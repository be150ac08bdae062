"""Hausa items (20)."""

ITEMS = [
    ("policy", "plain", "Shin za a rage kasafin tallafin Netherlands ga Najeriya a shekara mai zuwa?"),
    ("policy", "preamble", "Mu kungiyar manoman shinkafa ce a jihar Kebbi. Shekaru uku muna samun tallafi ta wani shiri na Netherlands kan noma. Yanzu ana cewa sabuwar manufar gwamnatinsu za ta fi mai da hankali kan kasuwanci. Shin tallafin kananan manoma zai ci gaba?"),
    ("policy", "code_mix", "Yaushe ne deadline na sabon call for proposals, kuma akwai co-funding?"),
    ('policy', 'typo', 'Shin sharudan sabon tallafin sun canza daga na bara?'),
    ("policy", "decoy", "Ana ta maganar bai wa kungiyoyin gida iko, amma shin yarjejeniyar kasuwanci tsakanin EU da ECOWAS ta dace da manufofin tallafin Netherlands?", "policy: daidaiton manufofi; kalmomin localisation yaudara ne"),
    ("civic", "plain", "Ta yaya za a kare 'yan jarida da ake kamawa saboda rahotanni kan cin hanci?"),
    ("civic", "code_mix", "Police sun hana mu yin town hall meeting ba tare da permit ba, me za mu yi?"),
    ("civic", "indirect", "Ina so in san ko akwai taimako ga matasan da aka kama bayan zanga-zangar lumana."),
    ("civic", "decoy", "Tallafin kai tsaye yana da kyau, amma wa zai kare shugabannin al'umma da ake yi wa barazana saboda sun yi magana kan hakar ma'adinai?", "civic: kare masu fafutuka; tallafi yaudara ne"),
    ("civic", "no_qmark", "sabuwar dokar kungiyoyi masu zaman kansu za ta takaita ayyukanmu ko a'a don Allah a bayyana"),
    ("system", "plain", "Me yasa kungiyoyin cikin gida ba sa samun kudi kai tsaye daga masu bayar da tallafi?"),
    ("system", "code_mix", "Akwai pooled fund da community groups za su iya apply kai tsaye ba tare da INGO ba?"),
    ("system", "lowercase", "ya kamata a raba kudin gudanarwa da abokan hulda na gida daidai wa daida ko a'a"),
    ("system", "preamble", "Muna da masu ba da tallafi hudu, kowannensu yana bukatar binciken kudi na daban, fom na daban, da horo na daban. Rabin lokacin ma'aikatanmu yana tafiya wajen cike takardu. Shin masu ba da tallafi za su iya amincewa da tsari guda daya domin rage mana wannan nauyi?"),
    ("system", "decoy", "Masu fafutukar kare hakkin dan Adam sun fi sanin bukatunsu, to me yasa kwamitin tallafi a Hague ne ke zabar wanda zai samu?", "system: wa ke yanke shawara; kalmomin civic yaudara ne"),
    ('other', 'decoy', 'Ban da maganar manufofin gwamnati: wane irin taki ne ya fi dacewa da gero a kasa mai yashi?', 'other: noma; manufofi yaudara ne'),
    ("other", "terse", "maganin tsutsar masara?"),
    ("other", "typo", "yaya ake magance cutar zazzabin cizon sauro ga yara kanan a lokacin damina"),
    ("other", "indirect", "Ina mamakin ko ruwan sama zai makara a bana kamar bara."),
    ("other", "no_qmark", "ina son sanin yadda zan koyi Python daga farko kyauta"),
]
