LANG="tl"
ITEMS=[
("Magkakaroon pa ba ng pondo ang Dutch ministry para sa disaster risk reduction sa Pilipinas pagkatapos ng 2027?","policy","code_mix"),
("Nagtatrabaho ako sa maliit na NGO sa Samar at tinanggihan ang proposal namin dahil sa audit requirements. Babaguhin ba ang rules para sa maliliit na organisasyon?","policy","preamble"),
("deadline ng call for proposals kelan","policy","terse"),
("Paano po ninyo pinoprotektahan ang mga aktibistang na-red-tag ng militar?","civic","plain"),
("naiisip ko kung talagang naririnig ang boses ng mga mangingisda sa barangay council","civic","indirect"),
("Pinopondohan ng ministry ang good governance, pero sino ang tutulong sa mga journalist na kinasuhan ng cyber libel?","civic","decoy","ministry vocab, press freedom"),
("Bakit hawak pa rin ng international NGOs ang karamihan ng pera kahit lokal na partner ang gumagawa ng trabaho?","system","plain"),
("sino ba talaga nagdedesisyon sa priorities, donor o komunidad","system","lowercase"),
("Anong variety ng palay ang matibay sa baha sa Central Luzon?","other","plain"),
("Saan po kayo nag-aral bago kayo pumasok sa development work?","other","plain"),
]
