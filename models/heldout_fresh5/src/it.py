LANG="it"
ITEMS=[
("Il ministero olandese prevede nuovi bandi per la cooperazione in Etiopia il prossimo anno?","policy","plain"),
("lavoro per una ong di Torino in partenariato con una olandese, le regole di rendicontazione del nuovo quadro valgono anche per noi","policy","no_qmark"),
("tagli al bilancio quanto","policy","terse"),
("Si parla di attivisti, ma qual e la soglia per l'audit esterno obbligatorio?","policy","decoy","civic word, audit threshold"),
("Collaboro da anni con un giornale indipendente a Dhaka e dopo l'ultima inchiesta sulle fabbriche tessili due redattori hanno ricevuto minacce anonime ogni notte. Come proteggete i giornalisti locali minacciati dopo inchieste sulla corruzione?","civic","preamble"),
("mi chiedo se le comunita rurali possano davvero partecipare ai bilanci comunali","civic","no_accents"),
("Il ministero finanzia la governance, ma chi difende gli studenti arrestati durante le proteste?","civic","decoy","ministry vocab, repression"),
("leggi sugli agenti stranieri, come reagite?","civic","lowercase"),
("Perche le ONG del Nord continunao a decidere le priorita al psoto dei partner locali?","system","typo"),
("Mi domando se la localizzazione cambierà davvero chi firma i contratti.","system","indirect"),
("chi controlla i fondi alla fine","system","terse"),
("Decolonizzare gli aiuti significa anche cambiare la lingua dei rapporti?","system","plain"),
("Quale software usate per la traduzione simultanea?","other","plain"),
("Dottoressa, come ha iniziato la sua carriera nella cooperazione?","other","plain"),
("Quale varieta di sorgo resiste meglio alla siccita in Somalia?","other","no_accents"),
]
