META = {
    "slug": "2025-09-nl-diaspora-fonds-consultatie",
    "format": "header_nl", "encoding": "utf-8", "line_endings": "LF",
    "title": "Online consultatie ministerie: concept-subsidiekader 'Gedeelde Toekomst' voor diaspora- en partnerorganisaties (Suriname, Indonesië, Caribisch gebied)",
    "hosts": ["Marieke Jansen", "Sander Bakker"],
    "event_kind": "ministry-consultation", "languages": ["nl", "en", "srn", "id", "pap"],
    "start": "15:00:18",
}
CHAT = r"""
o | Marieke Jansen | Goedemiddag allemaal en welkom bij deze consultatie over het concept-subsidiekader. Zet gerust je naam en organisatie in de chat.
o | Rachelle Pinas | Goedemiddag! Rachelle Pinas, stichting Sranan Mofo, Rotterdam
o | Bayu Santoso | Selamat siang, Bayu Santoso, Indonesische diaspora-vereniging Den Haag
o | Wouter de Graaf | Wouter, fondsenclub Samen Sterk uit Utrecht, hallo allen
o | Shanti Ramdin | Shanti Ramdin, Paramaribo. Fa waka! | Sranan greeting
o | Sander Bakker | Het concept-kader staat hier: https://consultatie.example.nl/gedeelde-toekomst/concept.pdf
o | Dewi Hartono | Dewi Hartono, Yogyakarta, partnerorganisatie van een Nederlandse ngo. Good afternoon
o | Kenneth Martina | Bon tardi, Kenneth Martina, Curaçao | Papiamentu greeting
o | Esther Kromodimedjo | Esther Kromodimedjo, Amsterdam Zuidoost, Javaans-Surinaamse vrouwenvereniging
o | Jeroen Vermeulen | Jeroen Vermeulen, gemeente Almere, afdeling internationaal. Goedemiddag
l | Shanti Ramdin | Is er tolken naar het Engels? Mijn collega uit Nickerie spreekt wel Nederlands maar onze partner uit Jakarta niet
o | Marieke Jansen | We beginnen met een korte toelichting door Linda van Os (directie Sociale Ontwikkeling), daarna is er ruimte voor vragen
l | Bayu Santoso | Worden de slides na afloop gedeeld?
o | Sander Bakker | Ja, de slides en een verslag komen op de consultatiepagina
q | Rachelle Pinas | Vraag: moet een diasporaorganisatie in Nederland ingeschreven staan bij de KvK om een aanvraag te mogen doen? | Vraag: prefix
q | Shanti Ramdin | Kunnen organisaties in Suriname zelf rechtstreeks aanvragen, of alleen via een Nederlandse partner?
o | Kenneth Martina | Zelfde vraag voor de Caribische eilanden
q | Wouter de Graaf | Linda, wat is het totale budget van het kader en over hoeveel jaar?
o | Esther Kromodimedjo | Goede vraag Wouter
q | Dewi Hartono | Is there an English version of the draft framework? Our board in Indonesia cannot read Dutch | asks for the policy document itself, not event material: question
o | Jeroen Vermeulen | Ik hoor niks meer
o | Rachelle Pinas | Linda is weggevallen denk ik
o | Linda van Os | Excuses, mijn verbinding viel weg. Ik ga verder bij dia 6
q | Esther Kromodimedjo | Ik vraag me af of de eis van 30% eigen bijdrage niet te hoog is voor kleine vrijwilligersorganisaties | indirect question, also reads as a critical comment
o | Rachelle Pinas | Eens Esther, dat is voor ons onhaalbaar
o | Bayu Santoso | Setuju, agree 👍
q | Bayu Santoso | Telt vrijwilligerswerk mee als eigen bijdrage?
q | Kenneth Martina | Linda, hoe zit het met de rapportage-eisen? Moeten we een accountantsverklaring hebben bij kleine subsidies?
o | Wouter de Graaf | Bij ons fonds vragen we onder 25k geen accountantsverklaring, werkt prima
q | Shanti Ramdin | Wat bedoelt u precies met 'gelijkwaardig partnerschap' in paragraaf 3? In de praktijk beslist de Nederlandse partner toch alles
o | Dewi Hartono | Very recognisable Shanti
q | Wouter de Graaf | Linda, paragraaf 5 noemt 'aantoonbare impact'. Hoe wil het ministerie dat meten bij culturele of herdenkingsprojecten?
p>Marieke Jansen | Rachelle Pinas | Marieke, mag ik straks ook even mondeling iets zeggen over de KvK-eis? Ik steek straks mijn hand op
o | Marieke Jansen | Dank Linda. We gaan nu naar de vragen. Ik neem ze in blokjes
q | Jeroen Vermeulen | Is er een rol voorzien voor gemeenten met stedenbanden, zoals Almere met Paramaribo?
q | Esther Kromodimedjo | Hoe wordt gewaarborgd dat ook vrouwenorganisaties en jongeren een kans maken en niet alleen de grote gevestigde stichtingen?
o | Shanti Ramdin | Heel belangrijk punt Esther
o | Linda van Os | Esther, er komt een apart loket voor kleine organisaties, tot 50.000 euro, met een eenvoudiger aanvraag. Zie paragraaf 4.2
o | Esther Kromodimedjo | Dank u
q | Dewi Hartono | Ms Van Os, what does 'partner country organisation' mean in the draft? Does Indonesia count as a partner country, since it is not on the list in annex 1?
q | Kenneth Martina | En Curaçao, Aruba en Sint Maarten? Die vallen toch niet onder ontwikkelingssamenwerking? | elliptical start ('En Curaçao...?'), question to the ministry
l | Rachelle Pinas | Kan de chat bewaard worden? Ik wil de links terugvinden
o | Sander Bakker | Rachelle, we sturen alle links mee met het verslag
o | Bayu Santoso | Terima kasih
q | Wouter de Graaf | Hoeveel gewicht krijgt deze consultatie eigenlijk? Wordt het kader nog echt aangepast of ligt het al grotendeels vast? | process question about the consultation: question, not logistics
o | Rachelle Pinas | 👏 die vraag moest gesteld worden
q | Shanti Ramdin | Tot wanneer kunnen we schriftelijke reacties insturen via de internetconsultatie? | deadline for written comments: process question, labelled question
o | Sander Bakker | De internetconsultatie staat open tot 15 oktober: https://consultatie.example.nl/gedeelde-toekomst/reageren
o | Shanti Ramdin | Grantangi! | Sranan 'thank you'
q | Esther Kromodimedjo | Komt er ook een informatiebijeenkomst in Suriname zelf? Niet iedereen heeft hier goed internet
q | Jeroen Vermeulen | Wat is de verhouding met het bestaande programma voor maatschappelijk middenveld, vervangt dit kader dat?
o | Wouter de Graaf | Ik denk dat het een aanvulling is, maar benieuwd naar het antwoord
o | Esther Kromodimedjo | Weet iemand waar de evaluatie van het vorige diasporafonds te vinden is? | asks fellow participants for a document: other
q | Rachelle Pinas | kan een organisatie meerdere aanvragen tegelijk indienen
q | Bayu Santoso | Mevrouw Van Os, mogen organisaties ook aanvragen voor projecten over herdenking en geschiedenis, bijvoorbeeld over de Indonesische onafhankelijkheidsoorlog, of alleen voor ontwikkelingsprojecten?
o | Dewi Hartono | Interesting question Bayu
o | Gratis Crypto NL | 🔥 Verdien €2000 per week met crypto, klik hier: snel-rijk.example/nl
o | Sander Bakker | Spambericht verwijderd, excuses
l | Kenneth Martina | Het geluid valt steeds weg bij mij, is er ook een inbelnummer?
o | Sander Bakker | Kenneth, het inbelnummer staat in de uitnodiging: +31 20 000 0000, vergadercode 123 456 789
o | Kenneth Martina | masha danki | Papiamentu 'thank you'
q | Rachelle Pinas | Nog over de KvK-eis: veel Surinaamse verenigingen zijn informele sociëteiten zonder inschrijving. Waarom is een KvK-inschrijving eigenlijk nodig als een fiscale partner de verantwoording doet?
o | Esther Kromodimedjo | Precies, onze vereniging bestaat al 40 jaar zonder KvK
q | Shanti Ramdin | En de valutarisico's bij betalingen in SRD? | elliptical question
q | Dewi Hartono | Would the ministry accept reports in Bahasa Indonesia with an English summary?
o | Wouter de Graaf | Mooi als dat kan, scheelt veel vertaalkosten
q | Jeroen Vermeulen | Linda, u zei dat er 'in het voorjaar' een eerste ronde komt. Is dat voor of na de begrotingsbehandeling in de Kamer?
p>Sander Bakker | Jeroen Vermeulen | Sander, kun je mij het contact van Linda sturen? Voor een vervolggesprek over stedenbanden
q | Kenneth Martina | Kunnen jongerenorganisaties zonder bestuursleden ouder dan 18 aanvragen? Sommige van onze jongerengroepen worden volledig door studenten geleid
l | Bayu Santoso | Hoe laat eindigt de sessie? Ik moet om 16:30 weg
o | Marieke Jansen | We ronden om 16:30 af, Bayu
q | Esther Kromodimedjo | Laatste vraag: worden de resultaten van deze consultatie openbaar gemaakt, met wat er wel en niet is overgenomen?
o | Linda van Os | Esther, ja, er komt een reactienota op de consultatiepagina
o | Rachelle Pinas | Fijn om te horen
l | Jeroen Vermeulen | Kunnen jullie de opname ook delen met collega's die er niet bij konden zijn?
o | Marieke Jansen | Er is geen opname gemaakt, maar het verslag komt binnen twee weken online
p>Marieke Jansen | Wouter de Graaf | Dank Marieke, goed gedaan. Mail ik je morgen over de bijeenkomst in november?
o | Dewi Hartono | Thank you for the opportunity, terima kasih
o | Shanti Ramdin | Dank jullie wel, tot ziens vanuit Paramaribo
o | Esther Kromodimedjo | Dank u wel allemaal
o | Marieke Jansen | Dank voor jullie inbreng! Vergeet niet te reageren via de internetconsultatie voor 15 oktober.
"""
