"""Yoruba items (20)."""

ITEMS = [
    ("policy", "plain", "Ṣé ìjọba Netherlands máa dín owó ìrànlọ́wọ́ tí wọ́n ń fún Nàìjíríà kù lọ́dún tó ń bọ̀?"),
    ("policy", "preamble", "Ẹgbẹ́ àwọn àgbẹ̀ kòkó ni wá ní ìpínlẹ̀ Ọ̀ṣun. Àwọn olùrajà láti Amsterdam ti ń béèrè pé ká fi hàn pé oko wa kò ba igbó jẹ́, nítorí òfin tuntun ti Europe. Ṣé ìjọba Netherlands ní ètò owó kankan láti ran àwọn àgbẹ̀ kékeré lọ́wọ́ láti tẹ̀lé òfin yìí?"),
    ("policy", "no_accents", "Nigba wo ni won maa si ipe fun aba tuntun fun owo iranlowo"),
    ("policy", "terse", "àkókò ìparí ìforúkọsílẹ̀?"),
    ("policy", "decoy", "A ti sọ̀rọ̀ púpọ̀ nípa ohùn àwùjọ, ṣùgbọ́n ṣé ilé-iṣẹ́ ọ̀ràn òkèèrè Netherlands ṣì máa fọwọ́ sí owó fún ọdún márùn-ún, àbí ọdún kan ṣoṣo báyìí?", "policy: ìlànà ìnáwó ọlọ́dún púpọ̀; ọ̀rọ̀ civic jẹ́ ẹ̀tàn"),
    ("civic", "plain", "Báwo la ṣe lè dáàbò bo àwọn akọ̀ròyìn tí wọ́n mú nítorí ìròyìn nípa ìwà ìbàjẹ́?"),
    ("civic", "no_accents", "kini a le se fun awon odo ti olopaa mu nigba iwode EndSARS"),
    ("civic", "code_mix", "Government ti ban gbogbo protest ní Lagos láìsí permit, kí ni NGOs lè ṣe?"),
    ("civic", "indirect", "Mo fẹ́ mọ̀ bóyá ìrànlọ́wọ́ wà fún àwọn obìnrin ajàfẹ́tọ̀ọ́ tí wọ́n ń halẹ̀ mọ́ lórí ayélujára."),
    ("civic", "decoy", "Ìjọba ń sọ pé àwọn ń ṣe ìlànà tuntun fún owó NGO, ṣùgbọ́n ṣé òfin yìí kò ní jẹ́ kí wọ́n máa pa àwọn tó ń ṣàtakò lẹ́nu mọ́?", "civic: òfin NGO àti ìfìyàjẹ; ọ̀rọ̀ ìlànà owó jẹ́ ẹ̀tàn"),
    ("system", "plain", "Kí ló dé tí àwọn ẹgbẹ́ ìbílẹ̀ kì í gba owó tààrà láti ọ̀dọ̀ àwọn olùfowóṣe?"),
    ("system", "no_accents", "se awon osise ile wa n gba owo osu to kere ju ti awon oyinbo ti won n se ise kan naa"),
    ("system", "preamble", "Iṣẹ́ àkànṣe omi mímu wa ní Ògbómọ̀ṣọ́ ti parí, ẹgbẹ́ òkèèrè sì ti lọ. Kò sí ẹni tí ó fi owó ìtọ́jú ẹ̀rọ sílẹ̀ fún àwùjọ. Báwo la ṣe lè rí i dájú pé agbára àti ohun-ìní ni a fi lé àwùjọ lọ́wọ́ kí iṣẹ́ àkànṣe tó parí?"),
    ("system", "code_mix", "Ṣé àwọn community members lè rate àwọn NGO tí ń ṣiṣẹ́ ní àdúgbò wọn, bíi feedback system?"),
    ("system", "decoy", "Ìjọba wa ń pa àwọn ajàfẹ́tọ̀ọ́ lẹ́nu mọ́; ṣé ìdí nìyí tí àwọn olùfowóṣe fi ń gbé owó gba ọ̀dọ̀ àwọn ẹgbẹ́ òkèèrè dípò àwọn ẹgbẹ́ ìbílẹ̀ tààrà?", "system: àwọn alárinà àti owó tààrà; ọ̀rọ̀ civic jẹ́ ẹ̀tàn"),
    ('other', 'decoy', 'Kò jẹ mọ́ ètò ìjọba tàbí owó ìrànlọ́wọ́: ṣé ẹnikẹ́ni mọ bí a ṣe ń kọ́ èdè Dutch lórí ayélujára lọ́fẹ̀ẹ́?', 'other: kíkọ́ èdè; ètò ìjọba jẹ́ ẹ̀tàn'),
    ("other", "no_accents", "bawo ni a se le dena arun ti o n pa adiye ni igba ojo"),
    ("other", "terse", "ta ló borí eré àná?"),
    ("other", "indirect", "Mo ń ronú bóyá ìwé kankan wà tó ṣàlàyé ìtàn ìjọba Ọ̀yọ́ àtijọ́ ní èdè Yorùbá."),
    ("other", "code_mix", "Ṣé ẹnikan mọ bí a ṣe ń lo Excel láti ṣe pivot table?"),
]
