META = {
    "slug": "2023-02-ke-county-budget-hearing",
    "format": "header_en", "encoding": "utf-8", "line_endings": "LF",
    "title": "Virtual public participation forum: County Fiscal Strategy Paper 2023/24 (Coast county, invented), with the county budget and economic forum",
    "hosts": ["Host - Mwanajuma Said (County Treasury)", "Co-host Kahindi Baya"],
    "event_kind": "community-meeting", "languages": ["en", "sw"],
    "start": "10:02:05",
}
CHAT = r"""
o | Host - Mwanajuma Said (County Treasury) | Karibuni wote to this virtual public participation forum on the County Fiscal Strategy Paper 2023/24. Kindly type your name, ward and sub-county in the chat.
o | Rehema Kazungu | Rehema Kazungu, Sokoni ward
o | Omar Bakari | Omar, Mtwapa. Habari za asubuhi
o | Daniel Karisa | Daniel Karisa, Ganze. Youth rep
o | Mama Zawadi Charo | Zawadi Charo, Rabai, women group chairperson
o | Francis Mwangi - Budget Hub | Francis Mwangi, Budget Hub (Nairobi), observing. Good morning all
o | Halima Abdalla | Halima Abdalla, Watamu, PWD representative
o | Jumaa Ngala | Jumaa Ngala, Marafa
o | Co-host Kahindi Baya | The CFSP draft is here: https://county-treasury.example.go.ke/docs/cfsp-2023-24-draft.pdf and the summary in Kiswahili: https://county-treasury.example.go.ke/docs/cfsp-muhtasari.pdf
o | Rehema Kazungu | Asante for the Kiswahili version 🙏
l | Omar Bakari | Will the presentation be shared? the pdf is 120 pages 😅
o | Co-host Kahindi Baya | Yes Omar, the slides will be uploaded to the same page after the forum
l | Halima Abdalla | Is there sign language interpretation for this forum? Some of our members are deaf
o | Dorcas Kahindi | Dorcas, Kaloleni ward, good morning
q | Daniel Karisa | Why is the allocation for youth empowerment going down from last year when unemployment is going up?
o | Halima Abdalla | Sauti iko chini sana | Swahili 'the sound is very low': audio report, other
o | Mama Zawadi Charo | Sauti haisikiki vizuri
o | Host - Mwanajuma Said (County Treasury) | Pole, is it better now? | host question: other
o | Omar Bakari | Yes now we can hear
o | Halima Abdalla | Sasa iko sawa
q | Omar Bakari | Madam, the ceilings in table 5, are they already final or can the public still change them?
q | Rehema Kazungu | Swali: ile pesa ya bursary imeongezwa au imepunguzwa mwaka huu? | Swahili: has the bursary money been increased or reduced this year?
q | Francis Mwangi - Budget Hub | The CFSP says own-source revenue will grow by 18%. What is the basis for this projection, given that OSR grew by only 4% last year?
o | Jumaa Ngala | Good question Francis
q | Jumaa Ngala | What about the Marafa - Magarini road? it was in last year's budget and nothing has happened
o | Dorcas Kahindi | Same story in Kaloleni. Projects are written every year and never done
q | Dorcas Kahindi | Is there a list of the stalled projects with the amount already spent on each? | asked to the treasury, not to participants
q | Halima Abdalla | How much is set aside for persons with disability in this CFSP, and is it a separate line or mixed with social services?
q | Mama Zawadi Charo | Tunaomba kujua kama kuna pesa ya maji kwa Rabai, wanawake wanatembea mbali sana kuteka maji | Swahili: 'we ask to know whether there is money for water in Rabai...', indirect question without '?'
o | Omar Bakari | Maji ni uhai. Support Mama Zawadi
q | Jumaa Ngala | And the boreholes promised in Marafa?
o | Kennedy Otieno - CBEF member | The CBEF has submitted a memo on water, we will share it later
q | Daniel Karisa | Can you share the link for submitting written memoranda? and until when | how and by when to submit comments on the CFSP: consultation-process question, labelled question (README rule), not logistics
q | Francis Mwangi - Budget Hub | How will the views from this virtual forum be captured in the final CFSP? Will there be a report showing which proposals were adopted?
o | Rehema Kazungu | That is the key question. Every year we give views but never see feedback
o | Host - Mwanajuma Said (County Treasury) | Written memoranda to budget-views@county-treasury.example.go.ke by 24th February. All views from this forum are recorded by the rapporteur
p>Host - Mwanajuma Said (County Treasury) | Dorcas Kahindi | Madam, naomba unisomee swali langu, mtandao wangu ni mbaya siwezi kuongea
q | Dorcas Kahindi | Health: the dispensary in Mwanamwinga has no nurse for 3 months. Is recruitment of health workers in this budget?
o | Kennedy Otieno - CBEF member | Dorcas, the health sector ceiling is on page 47
q | Omar Bakari | Mtwapa market has been under construction since 2019. Will it be completed this financial year?
o | Faith Nyevu | Faith Nyevu, Shimo la Tewa ward, joined late sorry
q | Faith Nyevu | Kwa nini pesa ya ECDE haijaongezwa? walimu wa ECDE wanalipwa kidogo sana | Swahili: why has ECDE money not been increased? ECDE teachers are paid very little
o | Mama Zawadi Charo | Kweli kabisa Faith
q | Kennedy Otieno - CBEF member | Madam, for the record, could the Treasury explain why the recurrent share is 68% when the law says development must be at least 30%?
q | Francis Mwangi - Budget Hub | Replying to "Written memoranda to bu..."\nIs the 24th February deadline fixed in law, or can it be extended for wards that did not get the documents on time? | reply that adds a new process question: question
o | Jumaa Ngala | Reacted to "What about the Marafa -..." with 👍
o | Halima Abdalla | Reacted to "How much is set aside f..." with 👍
q | Rehema Kazungu | Will this forum also be done physically in the wards? Many women in my ward don't have smartphones | further rounds of the public-participation process: process question, labelled question
o | Host - Mwanajuma Said (County Treasury) | Ward-level forums are on 27 and 28 Feb, schedule will be posted on the county website and announced on radio
o | Kennedy Otieno - CBEF member | Also on Radio Pwani FM on Tuesday 8pm
q | Jumaa Ngala | The pending bills are 1.2 billion according to the Controller of Budget. How does the county plan to clear them without killing new development projects?
q | Daniel Karisa | Is there money for the youth in agribusiness, like greenhouses, or only for boda boda loans?
o | Omar Bakari | Youth have been given boda bodas for 10 years, we need something new
q | Faith Nyevu | Swali: kuna mpango wa kusaidia wavuvi wa Shimo la Tewa na vifaa? | Swahili prefix 'Question:'; is there a plan to help fishermen with equipment?
o | Mwalimu Kenga | Good morning. Kenga, Mariakani. Teacher
o | Mwalimu Kenga | I agree with Faith. ECDE teachers are on contract for 800 per day, it's not fair
q | Halima Abdalla | Madam, what percentage of the development budget goes to the wards through the ward development fund?
o | Host - Mwanajuma Said (County Treasury) | @Kennedy Otieno - CBEF member can you respond to the ward fund question from the CBEF side?
o | Kennedy Otieno - CBEF member | Halima, it is 30% of the development budget according to the county act. But disbursement has been delayed
q | Rehema Kazungu | Kennedy, delayed until when? we have not received anything in Sokoni since July | elliptical follow-up to the CBEF member answering for the panel
o | Dorcas Kahindi | Mtandao unakatika sana huku | Swahili 'the network keeps cutting here': report, other
l | Dorcas Kahindi | Is there a dial-in number for those of us with poor internet?
q | Mwalimu Kenga | The 30% is it calculated before or after the pending bills are paid
q | Francis Mwangi - Budget Hub | A follow-up on revenue: how much of the OSR target depends on the new cess on sand and ballast, and has the finance bill been passed?
o | Francis Mwangi - Budget Hub | For anyone interested, our simple guide on reading a CFSP: https://budgethub.example.org/guides/cfsp-101
o | Faith Nyevu | Thank you Francis, very helpful
p>Co-host Kahindi Baya | Omar Bakari | Kahindi, niaje. Ile form ya attendance iko wapi? Tunalipwa transport?
o | Jumaa Ngala | HOT INVESTMENT 💰💰 double your money in 7 days whatsapp +254 700 000 000 bit.ly/x2-double
o | Co-host Kahindi Baya | Please do not post adverts here. That message is not from the county
q | Mwalimu Kenga | Is the county planning to employ ECDE teachers on permanent terms, or is that not in this CFSP
o | Halima Abdalla | Reacted to "Is the county planning ..." with ❤️
q | Dorcas Kahindi | Budget ya afya ni ngapi kwa Kaloleni sub-county?
l | Omar Bakari | Is the forum being recorded? I want to share it with our ward WhatsApp group
o | Co-host Kahindi Baya | Yes Omar, the recording will be posted on the county Facebook page
q | Francis Mwangi - Budget Hub | Last one: will the Treasury publish the citizen's budget this year? It was not published for 2022/23
o | Daniel Karisa | Mama Zawadi, the water project you mentioned is in the annex page 88 I think
q | Faith Nyevu | Madam Mwanajuma, how will the county make sure that the contractors are local people and not from outside?
o | Rehema Kazungu | +1 Faith. Local content is important
q | Daniel Karisa | what happened to the AGPO 30% for youth, women and PWD in county tenders
q | Halima Abdalla | One more: are the new market toilets going to be disability friendly
l | Jumaa Ngala | Will there be a certificate of participation or attendance list for this forum?
o | Host - Mwanajuma Said (County Treasury) | The attendance is captured through the registration form. We will now take questions verbally, raise your hand please
o | Mwalimu Kenga | 🙋🏾‍♂️
o | Dorcas Kahindi | Sauti imekatika
l | Mama Zawadi Charo | Jamani hatusikii, kuna mtu anasikia? | Swahili: 'we can't hear, can anyone hear?', audio question, logistics
o | Omar Bakari | Sauti iko tu Mama, jaribu ku-rejoin
o | Mama Zawadi Charo | Sawa sasa nasikia
p>Host - Mwanajuma Said (County Treasury) | Francis Mwangi - Budget Hub | Thanks Mwanajuma. Happy to send you our analysis of the OSR projections offline
o | Rehema Kazungu | Asanteni sana for this forum, tuonane kwa ward
o | Host - Mwanajuma Said (County Treasury) | Asanteni wote. Remember memoranda by 24th February. Kwaherini!
"""
