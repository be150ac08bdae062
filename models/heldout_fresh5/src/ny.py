LANG="ny"
ITEMS=[
("Kodi lamulo latsopano la visa la Netherlands lidzatilola ife ochokera ku Malawi kupita ku msonkhano wa ku The Hague?","policy","plain","visa regulation for partners"),
("Ndimagwira ntchito ku bungwe laling'ono ku Zomba ndipo chaka chino ndalama zinabwera mochedwa miyezi inayi. Kodi unduna udzapereka ndalama za zaka zingapo m'malo mwa chaka chimodzi?","policy","preamble"),
("ndalama za 0.7 peresenti zidzabwerera liti","policy","lowercase"),
("Kodi ma union a aphunzitsi amene anachita sitalaka akutetezedwa bwanji kuti asachotsedwe ntchito?","civic","plain"),
("ndikudzifunsa ngati ma radio a m'madera ali ndi ufulu wolankhula za ziphuphu za khonsolo","civic","indirect"),
("Boma la Netherlands limapereka ndalama za utsogoleri, koma ndani ateteza olemba pa Facebook amene amangidwa pansi pa Cyber Crimes Act?","civic","decoy","funding vocab, online repression"),
("Kodi anthu a m'mudzi angathe kusankha okha mapulojekiti amene alandire ndalama, m'malo mwa bungwe la ku Amsterdam?","system","plain"),
("nanga malipiro a ogwira ntchito akumaloko ndi akunja ndi ofanana","system","no_qmark"),
("Kodi kuweta njuchi kumapindula ku Nkhata Bay?","other","plain"),
("Flames zisewera liti","other","terse"),
]
