META = {
    "slug": "2024-05-sahel-ecoles-fermees-panel",
    "format": "header_fr", "encoding": "utf-8", "line_endings": "LF",
    "title": "Panel : continuité éducative dans le Sahel central (Mali, Burkina Faso, Niger) face à la fermeture des écoles",
    "hosts": ["Mariam Coulibaly (hôte)", "Support technique (co-hôte)"],
    "event_kind": "multilingual-panel", "languages": ["fr", "en", "bm", "ha", "mos", "ar"],
    "start": "10:00:44",
}
CHAT = r"""
o | Mariam Coulibaly (hôte) | Bonjour à toutes et à tous et bienvenue ! Merci d'indiquer votre nom, votre organisation et votre pays dans le chat.
o | Boubacar Diallo | Boubacar Diallo, Mopti, Mali. I ni sogoma ! | Bambara greeting
o | Salamata Ouédraogo | Salamata Ouédraogo, Kaya, Burkina Faso. Bonjour à tous
o | Issoufou Maman | Issoufou Maman, Tillabéri, Niger. Ina kwana ! | Hausa greeting
o | Claire Dubois | Claire Dubois, Lyon, chargée de programme éducation dans une fondation
o | Adama Sawadogo | Adama Sawadogo, Ouagadougou, enseignant. Ne y windga | Mooré greeting
o | Fatoumata Keïta | Fatoumata Keïta, Bamako, réseau des associations de parents d'élèves
o | Support technique (co-hôte) | Interprétation disponible en anglais. Cliquez sur l'icône 🌐 Interprétation en bas de l'écran.
o | Emily Carter | Emily, Washington DC, I'll follow in English. Thanks for the interpretation!
o | Moussa Abdou | Moussa Abdou, Niamey, ministère de l'Éducation nationale (à titre personnel)
l | Fatoumata Keïta | Est-ce que la réunion est enregistrée ?
o | Mariam Coulibaly (hôte) | Nos panélistes : Dr Hamidou Touré (chercheur, Bamako), Mme Awa Kaboré (ONG, Kaya) et M. Ibrahim Garba (Niamey)
q | Claire Dubois | Dr Touré, combien d'écoles sont encore fermées aujourd'hui dans les trois pays, et combien d'enfants sont concernés ?
o | Hamidou Touré | Claire, selon les derniers chiffres du cluster éducation, plus de 8 000 écoles. Les sources sont ici : https://sahel-edu.example.org/donnees-2024
q | Boubacar Diallo | Je voudrais savoir si les écoles fermées dans le centre du Mali ont reçu un appui pour rouvrir ou si elles sont simplement abandonnées | indirect question ('je voudrais savoir si'), no '?'
o | Fatoumata Keïta | À Mopti, beaucoup d'enseignants ont fui vers Sévaré
q | Salamata Ouédraogo | Dr Touré, et au Burkina les chiffres de 2024 ?
q | Emily Carter | How are the radio lessons reaching girls in areas where families don't own a radio?
o | Salamata Ouédraogo | Bonne question Emily, chez nous les radios solaires ont été distribuées mais pas partout
q | Issoufou Maman | Dr Touré, est-ce que les écoles coraniques et franco-arabes sont prises en compte dans vos chiffres ? Dans le Tillabéri, elles restent souvent ouvertes
o | Adama Sawadogo | Très important ce que dit Issoufou
o | Claire Dubois | Je suis d'accord, les écoles franco-arabes sont souvent oubliées par les bailleurs
l | Emily Carter | The English channel went silent, is interpretation still on?
o | Support technique (co-hôte) | Merci Emily, l'interprète s'est reconnectée
q | Moussa Abdou | Comment les communautés sont-elles impliquées dans la décision de rouvrir une école ? C'est souvent là que ça bloque
o | Mariam Coulibaly (hôte) | Merci Dr Touré. Passons maintenant à Mme Kaboré, depuis Kaya.
o | Salamata Ouédraogo | Awa !! 👏🏾 on est ensemble
o | Awa Kaboré | Notre rapport sur les espaces temporaires d'apprentissage : https://kaya-ong.example.bf/rapport-eta-2023.pdf
q | Fatoumata Keïta | Mme Kaboré, les enfants déplacés peuvent-ils passer le CEP dans les espaces temporaires ou doivent-ils retourner dans une école officielle ?
q | Claire Dubois | Quel est le coût par enfant d'un espace temporaire d'apprentissage, à peu près ?
o | Adama Sawadogo | je n'entends plus rien
o | Boubacar Diallo | Moi j'entends bien Adama
o | Adama Sawadogo | c'est revenu, merci
q | Salamata Ouédraogo | Awa, comment faites-vous pour la protection des enseignantes ? Beaucoup ont reçu des menaces à Kaya
q | Emily Carter | Ms Kaboré, you said the volunteer teachers are paid by the community. Is that sustainable?
o | Issoufou Maman | Au Niger les enseignants contractuels ont le même problème de salaires en retard
q | Claire Dubois | Awa, vous travaillez avec les autorités locales ou plutôt directement avec les communautés ?
p>Mariam Coulibaly (hôte) | Moussa Abdou | Madame, je préfère que mon nom ne soit pas cité si vous lisez ma question, je suis du ministère
q | Adama Sawadogo | Je pense que la question clé est : comment garder les enseignants dans les zones à risque quand l'État ne peut pas les protéger ? | opens like a comment ('je pense que la question clé est')
o | Fatoumata Keïta | Oui Adama, c'est la vraie question
o | Mariam Coulibaly (hôte) | Merci Mme Kaboré. La parole est à M. Garba depuis Niamey.
o | Ibrahim Garba | Bonjour à tous. Le plan national sur l'éducation en situation d'urgence : https://education-niger.example.ne/plan-esu
q | Claire Dubois | M. Garba, le plan a-t-il un budget ? Quelle part est financée par l'État ?
q | Issoufou Maman | Malam Garba, ina makarantun Tillabéri da aka rufe? Yaushe za a bude su? | Hausa: 'Mr Garba, what about the closed schools in Tillabéri? When will they be reopened?'
o | Ibrahim Garba | Issoufou, c'est une priorité dans le plan, je reviendrai sur la question
q | Emily Carter | Since the change of government in 2023, has donor funding for education in Niger been suspended?
o | Moussa Abdou | Emily, une partie seulement, les fonds humanitaires continuent
q | Boubacar Diallo | Il y a une coordination entre les trois pays ? Les familles traversent les frontières, les enfants aussi | question without inversion, ends with a comment
o | Salamata Ouédraogo | Avec l'AES maintenant il y aura peut-être plus de coordination, non ? | comment with a tag question, speculating to the chat
l | Claire Dubois | Pourriez-vous partager les présentations après le panel ?
o | Support technique (co-hôte) | Oui, les présentations et l'enregistrement seront envoyés par e-mail demain.
q | Fatoumata Keïta | Et les parents d'élèves dans tout ça ? Quel rôle dans le plan ?
o | Adama Sawadogo | Les APE sont très actives à Ouaga, mais dans les zones rurales c'est difficile
l | Issoufou Maman | La voix de M. Garba est coupée, pouvez-vous lui demander de se rapprocher du micro ?
o | Gagnez un iPhone | 🎁 Félicitations ! Vous avez gagné un iPhone 15, réclamez ici : cadeau-gratuit.example/fr
o | Support technique (co-hôte) | Message indésirable supprimé, excusez-nous.
q | Moussa Abdou | Question pour tous les panélistes : l'enseignement à distance par téléphone a-t-il donné des résultats mesurables ?
q | Salamata Ouédraogo | Est-ce qu'il y a une place pour les langues nationales (mooré, fulfulde, bambara) dans les programmes d'urgence ?
o | Boubacar Diallo | I ni ce Salamata, les enfants apprennent mieux en langue maternelle | Bambara thanks + comment
q | Emily Carter | Dr Touré, what is the evidence on learning outcomes in the temporary learning spaces compared with formal schools?
o | Hamidou Touré | Emily, evidence is thin. Une évaluation est en cours avec l'université de Ouagadougou, résultats en 2025.
q | Issoufou Maman | سؤال: هل هناك دعم للمدارس الفرنسية العربية في خطة الطوارئ؟ | Arabic: 'Question: is there support for Franco-Arabic schools in the emergency plan?'
o | Moussa Abdou | Issoufou, oui il y a un volet pour les écoles franco-arabes
l | Adama Sawadogo | Combien de temps reste-t-il ? J'ai une classe à 12h
o | Mariam Coulibaly (hôte) | Nous terminons à 11h45, Adama.
q | Claire Dubois | Quelles recommandations feriez-vous aux fondations privées qui veulent soutenir l'éducation au Sahel sans passer par les États ?
o | Fatoumata Keïta | Passer par les associations locales !
o | Salamata Ouédraogo | +1 Fatoumata
q | Emily Carter | Mr Garba, is the plan aligned with the Safe Schools Declaration, which Niger endorsed?
q | Boubacar Diallo | Mme Kaboré, les espaces temporaires accueillent-ils aussi les enfants des familles hôtes ou seulement les déplacés ?
p>Support technique (co-hôte) | Emily Carter | Hi, could you send me the interpreter's contact? We may need French interpretation for an event in June
q | Fatoumata Keïta | Le plan de Niamey prévoit-il des cantines scolaires ? Sans cantine les enfants ne restent pas
o | Ibrahim Garba | Fatoumata, oui, les cantines sont l'axe 3 du plan
q | Adama Sawadogo | Dernière question : que faire pour les enfants qui ont raté 3 ou 4 années ? Les classes passerelles existent-elles au Burkina ?
l | Emily Carter | Will there be an English summary of the discussion?
o | Support technique (co-hôte) | Yes Emily, a short summary in French and English will be shared with the recording.
p>Mariam Coulibaly (hôte) | Claire Dubois | Mariam, merci pour la modération, on s'appelle la semaine prochaine pour la suite ?
o | Salamata Ouédraogo | Merci à tous, barka ! | Mooré 'barka' = thanks
o | Issoufou Maman | Na gode, merci beaucoup | Hausa 'thank you'
o | Boubacar Diallo | I ni ce ! Merci pour ce panel
o | Claire Dubois | Merci, panel très riche
o | Mariam Coulibaly (hôte) | Merci à nos panélistes et à vous tous. Le formulaire d'évaluation : https://forms.example.org/panel-sahel-edu
"""
