META = {
    "slug": "2025-03-pacific-adaptation-proposals-workshop",
    "format": "oneline_en", "encoding": "utf-8", "line_endings": "LF",
    "title": "Pacific community workshop: writing locally led adaptation proposals (Fiji, Samoa, Tonga, Vanuatu, Kiribati, Tuvalu, Solomon Islands)",
    "hosts": ["Mele Fifita", "Josaia Ravuvu"],
    "event_kind": "workshop", "languages": ["en", "fj", "sm", "to", "bi", "gil"],
    "start": "09:00:15",
}
CHAT = r"""
o | Mele Fifita | Mālō e lelei and welcome everyone! Please share your name, island and organisation in the chat 🌊
o | Losana Vakaloloma | Bula vinaka from Suva! Losana, women's fisher network
o | Tavita Leota | Talofa lava from Apia, Tavita, village council youth rep
o | Jimmy Kalsakau | Halo evriwan, Jimmy from Port Vila, Vanuatu
o | Teweia Tabwebweiti | Mauri from Tarawa! Teweia, island council | Kiribati greeting
o | Sarah O'Connor | Hi all, Sarah from Brisbane, regional climate fund (small grants team)
o | Peni Naufahu | Mālō e lelei, Peni from Nuku'alofa
o | Josaia Ravuvu | Workshop folder with the proposal template and the exercise: https://pacific-lla.example.org/workshop-march/folder
o | Alice Tanabose | Hello, Alice from Honiara, Solomon Islands. Good morning
o | Fetu Seluka | Talofa from Funafuti 🇹🇻
o | Mele Fifita | Our resource people today: Dr Kalesi Naivalu (USP) and Mr Tom Henderson (fund manager). We will do a short input and then breakout rooms by country
l | Jimmy Kalsakau | Is the template also in Bislama or French? Some of our community groups use French
o | Josaia Ravuvu | Jimmy, French version is in the same folder, Bislama we are still working on 🙏
o | Jimmy Kalsakau | tank yu tumas
q | Losana Vakaloloma | Dr Kalesi, what counts as "locally led"? Our network is registered in Suva but the women are in the outer islands
o | Tavita Leota | Same in Samoa, the village council decides but the NGO writes the proposal
q | Sarah O'Connor | Kalesi, how do you see the role of churches in locally led adaptation? In many villages they are the strongest institution
o | Peni Naufahu | Very true Sarah, in Tonga the church is everything
q | Tavita Leota | Dr Kalesi, in your research did the locally led projects last longer than the ones designed by outside consultants?
q | Teweia Tabwebweiti | For Kiribati the biggest issue is water. Can a proposal include a desalination unit or is that seen as infrastructure?
o | Fetu Seluka | Same for Tuvalu, water and seawalls
o | Alice Tanabose | the audio is cutting, I only hear every second word | audio report, no question
o | Alice Tanabose | better now
q | Losana Vakaloloma | Kalesi sorry, the outer island groups you mentioned, do they need their own bank account?
q | Jimmy Kalsakau | Tom, what is the maximum amount for the small grants window?
o | Tom Henderson | Jimmy, up to USD 50,000 for the small window, up to 250k for the medium one. Guidelines: https://pacific-lla.example.org/fund/guidelines-2025.pdf
q | Tavita Leota | Can a village council apply directly or does it need to be a registered NGO?
q | Peni Naufahu | How long does it take from submission to the money arriving? Last time we waited 14 months and the cyclone season was over
o | Losana Vakaloloma | 14 months 😳
q | Sarah O'Connor | Tom, is the 14 months mostly due diligence on your side or the government approval step?
q | Fetu Seluka | Tom, I'd like to know whether the fund covers relocation planning. Some of our families are already thinking about it
o | Sarah O'Connor | Fetu, that is such a hard topic. Thinking of you
q | Alice Tanabose | Is traditional knowledge accepted as evidence in the proposal? Our elders know where the water comes in
o | Kalesi Naivalu | Alice, absolutely. Section C of the template asks for community observations. Here is a short guide we made: https://usp-climate.example.fj/guides/traditional-knowledge
o | Alice Tanabose | tagio tumas Kalesi | Pijin 'thank you very much'
l | Peni Naufahu | Will the breakout rooms be by country or by topic?
o | Mele Fifita | By country, we will open them in 5 minutes. Kiribati and Tuvalu together
l | Teweia Tabwebweiti | I can't see the button to join the breakout room, can someone help?
o | Josaia Ravuvu | Teweia, I have moved you manually, you should see it now
o | Teweia Tabwebweiti | yes I'm in, thanks Josaia
o | Mele Fifita | Breakout rooms are open for 30 minutes. Please fill the exercise sheet in the folder
o | Mele Fifita | Welcome back everyone! Each group please share one key question in the chat
q | Losana Vakaloloma | From the Fiji group: how do we show "value for money" when the benefits are things like women's safety and food security?
q | Tavita Leota | Samoa group: can we include salaries for a local coordinator, or only activities and materials
q | Jimmy Kalsakau | Vanuatu group question: Tom, the template asks for audited accounts for 3 years. What about new groups formed after Cyclone Lola?
o | Peni Naufahu | Tonga group: we are fine with the template, our question is the same as Samoa's on salaries | points to another group's question, adds none: other, like '+1 same question'
q | Fetu Seluka | Kiribati and Tuvalu group:\n1. how can a proposal include the whole atoll community when people are spread over many islets and communication is by radio?\n2. can the budget cover boat fuel for consultations | multi-line message holding two questions; group question posted at the host's request, addressed to the resource people
q | Alice Tanabose | Solomons group: is there support to write the proposal, like a mentor? Many groups don't have a proposal writer
o | Sarah O'Connor | Great questions from all groups!
o | Tom Henderson | Tavita and Peni: yes, up to 30% of the budget can be staff costs, including a local coordinator
o | Tavita Leota | Fa'afetai lava Tom! that's good news | Samoan thanks
q | Losana Vakaloloma | Kalesi, isn't the whole idea of 'proposals' a bit foreign to our ways of deciding? Could the fund accept a talanoa recording instead of a written proposal? | challenging question to the panel
o | Peni Naufahu | Malo Losana, love this idea
o | Jimmy Kalsakau | +1 talanoa
q | Fetu Seluka | And could the proposal be in Tuvaluan with an English summary?
l | Alice Tanabose | Sorry, where is the exercise sheet? I can't open the folder, it says access denied
o | Josaia Ravuvu | Alice, I changed the permissions, please try again
q | Teweia Tabwebweiti | What if the project fails because of a king tide or cyclone? Do we have to pay back the money?
o | Kalesi Naivalu | Teweia, that is a question for Tom but I know the fund has a force majeure clause
q | Sarah O'Connor | Tom, will the fund accept proposals from a network on behalf of several villages in different countries?
o | Win Big Casino | 🎰 WIN BIG TODAY free spins at lucky-casino.example/pacific 🎰
o | Mele Fifita | Removed the spam, sorry everyone
q | Peni Naufahu | what about monitoring, who does it, the fund or the community | no question mark
o | Fetu Seluka | Peni, in our last project the community did it with photos on WhatsApp, worked well
q | Teweia Tabwebweiti | Tom, is a WhatsApp photo report like Fetu's accepted by the fund as monitoring evidence?
p>Mele Fifita | Sarah O'Connor | Mele, can I have 2 minutes at the end to mention our May call for proposals?
q | Jimmy Kalsakau | Dr Kalesi, you said proposals should link to the national adaptation plan. What if the NAP doesn't mention our island at all?
o | Losana Vakaloloma | Good point Jimmy, outer islands are always forgotten
q | Losana Vakaloloma | Does the fund give priority to women-led groups or is it the same scoring for everyone
l | Tavita Leota | Will the slides from Kalesi and Tom be in the folder too?
o | Josaia Ravuvu | Yes Tavita, uploading now
q | Alice Tanabose | Tom, when is the next deadline for the small window?
o | Tom Henderson | Alice, 30 May. And Sarah's fund has a call in May too
l | Fetu Seluka | Is there a second session of this workshop? Can we register our colleagues from Nukufetau?
o | Mele Fifita | Yes! Session 2 is on 10 April, registration: https://pacific-lla.example.org/workshop-april/register
p>Josaia Ravuvu | Teweia Tabwebweiti | Josaia, my internet will drop soon (generator), please send me the recording if there is one
o | Losana Vakaloloma | Vinaka vakalevu everyone, very useful workshop
o | Tavita Leota | Fa'afetai tele lava 🙏
o | Peni Naufahu | Mālō 'aupito
o | Mele Fifita | Thank you all for your energy today. Please complete the evaluation: https://forms.example.org/pacific-lla-eval. Mālō!
"""
