META = {
    "slug": "2022-08-sadc-cash-transfers",
    "format": "oneline_en", "encoding": "utf-16-le-bom", "line_endings": "CRLF",
    "title": "Cash transfers after the drought: social protection lessons from Zimbabwe, Zambia, Malawi and South Africa (regional policy webinar)",
    "hosts": ["Tendai Moyo", "Chipo Banda"],
    "event_kind": "policy-webinar", "languages": ["en", "sn", "ny", "zu"],
    "start": "13:58:20",
}
CHAT = r"""
o | Tendai Moyo | Good afternoon everyone and welcome! Please tell us your name, organisation and where you are joining from.
o | Rudo Chikwanha | Rudo, Harare. Masikati everyone
o | Mphatso Phiri | Mphatso from Lilongwe, Malawi. Moni nonse!
o | Thandeka Ndlovu | Sawubona from Durban 🙋🏾‍♀️
o | Bwalya Mulenga | Bwalya Mulenga, Ministry of Community Development, Lusaka
o | Kudzai Mapfumo | Good afternoon from Masvingo
o | Sipho Khumalo - Black Sash volunteer | Sipho, Joburg. Happy to be here
o | Chikondi Banda | Chikondi from Zomba, Chancellor College alumni network
o | Anneke Vos | Hello from Utrecht, Anneke (Stichting Grondwerk). Great to see so many partners here
o | Tendai Moyo | Our speakers today: Dr Nyasha Gumbo (Harare), Mr Davies Mwale (Lusaka), Ms Zanele Mthembu (Johannesburg). Interpretation is not available today, sorry. Questions in the chat please, we will collect them after each input
o | Farai Dube | Masikati vese. Farai from Bulawayo
o | Esnart Tembo | Good afternoon, Esnart from Chipata
o | Lerato Mokoena | Lerato, Soweto. Dumelang
l | Gift Kaunda | Will the slides be shared afterwards?
o | Chipo Banda | Yes, slides and recording will be emailed to all registered participants by Friday
o | Rudo Chikwanha | Thank you Chipo
o | Nomvula Sithole | Sanibonani from Pietermaritzburg
q | Mphatso Phiri | Dr Gumbo, how were the households selected for the drought top-up? Was it the existing harmonised targeting list or a new registration?
o | Kudzai Mapfumo | Very true about the long queues at pay points, we saw it in Chivi
q | Lerato Mokoena | How long did it take from the drought declaration to the first payment?
q | Thandeka Ndlovu | Was there any conditionality attached to the top-up, e.g. school attendance?
o | Bwalya Mulenga | In Zambia the SCT is unconditional, just to add
o | Farai Dube | Tatenda Dr Gumbo, very clear presentation
q | Anneke Vos | Question: what share of the top-up was financed by the government itself and what share by donors?
o | Gift Kaunda | +1 Anneke
q | Bwalya Mulenga | Dr Gumbo, what was the transfer value per household per month, and was it in USD or ZWL?
o | Sipho Khumalo - Black Sash volunteer | can't hear the speaker, only a buzzing sound | audio report, no question
o | Nomvula Sithole | It's fine on my side Sipho | answer to an audio report
o | Sipho Khumalo - Black Sash volunteer | ok back now
q | Chikondi Banda | I am wondering whether mobile money was used in the rural areas where network coverage is poor
q | Esnart Tembo | What about people living with disability? Were they given priority in the selection?
o | Rudo Chikwanha | Ndinobvumirana nemi Esnart, disability was really left out in our district | Shona 'I agree with you Esnart'; comment
q | Kudzai Mapfumo | Nyasha, in Masvingo we heard that some village heads added their relatives to the list. How did the programme deal with such complaints?
o | Tendai Moyo | Thank you Dr Gumbo. We now move to Mr Mwale from Lusaka
o | Chipo Banda | Dr Gumbo's brief: https://grondwerk.example.org/briefs/zw-drought-topup.pdf
o | Mphatso Phiri | Zikomo kwambiri for the link
p>Chipo Banda | Gift Kaunda | Hi Chipo, my colleague registered but did not get the link, can I forward mine to her?
q | Gift Kaunda | Mr Mwale, how does the SCT deal with inflation? the transfer value is eroded very fast
o | Bwalya Mulenga | The transfer value was revised in 2021, just for context
q | Lerato Mokoena | Mr Mwale sorry, the revised value is how much in kwacha?
q | Esnart Tembo | Is there a plan to scale up to all districts in Eastern Province | no question mark
l | Farai Dube | Sorry I joined late, is the session being recorded?
o | Thandeka Ndlovu | Farai, Chipo said recording will be emailed on Friday
q | Anneke Vos | Davies, you mentioned that the cooperating partners fund most of the SCT. Do you see a realistic path to full domestic financing within the next five years, given the debt restructuring?
o | Nomvula Sithole | Important point on debt. Fiscal space is the elephant in the room
q | Kudzai Mapfumo | On fiscal space, are any of the governments considering a levy or earmarked tax for social protection?
o | Chikondi Banda | In Malawi the SCTP is also heavily donor funded, so same issue
q | Sipho Khumalo - Black Sash volunteer | how do you prevent the grievance mechanism from being run by the same people who do the targeting?
o | Kudzai Mapfumo | Exactly Sipho
q | Mphatso Phiri | Funso kwa Mr Mwale: kodi the e-payment system is linked to the national ID in Zambia? | Chichewa prefix 'Question for Mr Mwale: is it that...'
o | Esnart Tembo | Mphatso, yes it is through the NRC number mostly
o | Tendai Moyo | Thank you Mr Mwale. Over to Ms Mthembu on the SRD grant in South Africa
l | Chikondi Banda | Tendai how much time do we have left? I have a hard stop at 15:30
o | Thandeka Ndlovu | Yes Zanele!! 👏🏾👏🏾
o | Zanele Mthembu | Hi all, the research report I will refer to: https://grondwerk.example.org/reports/srd-grant-2022
o | Sipho Khumalo - Black Sash volunteer | The SRD application process online is really difficult for older people
q | Rudo Chikwanha | Zanele, is the R350 enough to make any difference when food prices went up so much this year?
q | Nomvula Sithole | Zanele, what happens to the people who were declined because of the bank verification? Is there an appeal that actually works
o | Lucky Draw Winners | WIN A FREE SMARTPHONE!!! claim now >> promo-winner.example/claim?id=88821
o | Chipo Banda | Please ignore the message above, we have removed the participant
q | Farai Dube | Is the SRD grant going to become a basic income grant? That is what many of us are asking
q | Thandeka Ndlovu | Ngiyabonga Zanele. Could you elaborate on how the grant interacts with the child support grant in the same household?
l | Esnart Tembo | The audio is breaking, can you ask the speaker to switch off her video?
o | Zanele Mthembu | Sorry all, my connection is load-shedding dependent 😅 I've switched off video
o | Chikondi Banda | Load shedding is real 😂
l | Lerato Mokoena | can we get Zanele's slides too, the link above is only the report
q | Anneke Vos | For all three speakers: what role do you see for civil society in monitoring payments, beyond complaining after the fact?
o | Kudzai Mapfumo | Civil society must be at the table from the design stage, not only monitoring
o | Bwalya Mulenga | Agree with Kudzai
q | Esnart Tembo | Zanele, are the community advice offices paid for the work they do helping people apply, or is it all volunteers?
p>Tendai Moyo | Bwalya Mulenga | Tendai, I need to leave at 15:00 for a ministry meeting. Apologies, very good session
q | Mphatso Phiri | Do the panelists see any lessons from the COVID cash transfers that were not used in the drought response
o | Nyasha Gumbo | Mphatso, on the targeting question: we used the harmonised list plus community verification. Details in section 3 of the brief
q | Rudo Chikwanha | Dr Gumbo, the community verification, was it done by the same village heads? ndinoda kunzwisisa | Shona tail 'I want to understand'; question to a named panelist
q | Farai Dube | Ms Mthembu, you said the grant was extended to March. What happens after that?
q | Gift Kaunda | so who audits the payment agents | lower-case, no question mark
q | Chikondi Banda | I would like to know whether the three countries share data or learning through SADC on social protection, or is it each country on its own?
o | Sipho Khumalo - Black Sash volunteer | Great point Chikondi
o | Lerato Mokoena | Chikondi, there is a SADC social protection framework but implementation is slow, right? | tag question in a comment to another participant
l | Nomvula Sithole | Will there be a second session on the same topic? where do we register
o | Tendai Moyo | We are planning a follow-up in November, the registration link will be in the email with the slides
q | Thandeka Ndlovu | Last one from me:  how are women informal traders reached, since most of them are not in any register?
o | Farai Dube | Thank you all, very informative. Famba zvakanaka
p>Tendai Moyo | Anneke Vos | Thanks Tendai, great moderation. Shall we debrief tomorrow 9:00?
o | Mphatso Phiri | Zikomo kwambiri to the organisers
o | Chipo Banda | Please fill in the short evaluation form: https://forms.example.org/eval-sp-aug22
o | Kudzai Mapfumo | Thank you everyone
o | Nomvula Sithole | Ngiyabonga, hamba kahle
o | Tendai Moyo | Thank you all for joining, see you in November!
"""
