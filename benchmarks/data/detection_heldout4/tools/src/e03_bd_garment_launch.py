META = {
    "slug": "2026-04-bd-garment-wages-launch",
    "format": "dated_en", "encoding": "utf-8", "line_endings": "LF",
    "title": "Report launch: 'Stitched Short' - wages, overtime and purchasing practices in Bangladesh's garment sector (invented research consortium)",
    "hosts": ["Nusrat Jahan", "Pieter Wolters"],
    "event_kind": "research-launch", "languages": ["en", "bn", "nl"],
    "start": "14:00:40", "date": "2026-04-23",
}
CHAT = r"""
o | Nusrat Jahan | Welcome to the launch of Stitched Short! Please introduce yourself in the chat. The report is here: https://fairthread.example.org/stitched-short-2026
o | Tanvir Hossain | Tanvir from Dhaka, Mirpur. Good evening
o | Marloes Kuipers | Marloes, Amsterdam, working for a brand association. Good afternoon!
o | Sharmin Akter | Sharmin, Gazipur, workers federation. Assalamu alaikum
o | Ravi Menon | Ravi from Chennai, similar research on Tamil Nadu spinning mills. Looking forward
o | Pieter Wolters | Today's speakers: Dr Farhana Rahman (lead researcher), Rina Akter (worker organiser, Ashulia) and Joost Hendriks (sourcing director, invented brand)
o | Ayesha Siddiqua | Good evening from Chattogram
o | Jesper Lund | Jesper, Copenhagen. Hello everyone
o | Mahmudul Karim | Salam from Narayanganj
o | Lena Fischer | Hi all, Lena from Berlin, supply chain due diligence team
l | Ayesha Siddiqua | Is the link to the report working for others? I get an error page
q | Marloes Kuipers | How many factories were covered in the survey, and were they all Tier 1 exporters?
o | Farhana Rahman | Marloes, 62 factories, all export-oriented Tier 1, in Gazipur, Ashulia, Narayanganj and Chattogram. Methodology annex p. 71
o | Sharmin Akter | The overtime figures are shocking but not surprising for us
q | Tanvir Hossain | Dr Rahman, did you interview workers inside the factory or outside? Inside the factory they will not speak freely
o | Ayesha Siddiqua | Very important point Tanvir
q | Jesper Lund | What is the living wage benchmark you used? Anker or your own calculation?
o | Ravi Menon | We had the same debate in our study, ended up using Anker with local adjustment
q | Lena Fischer | I would be curious to know whether you saw any difference between factories supplying EU brands and those supplying mainly US or domestic buyers
o | Mahmudul Karim | 👏👏 great presentation
q | Mahmudul Karim | Dr Farhana, you said 38% of workers borrow money every month. From whom do they borrow, NGOs or moneylenders?
o | Pieter Wolters | Rina Akter will speak in Bangla, Nusrat will interpret consecutively
l | Jesper Lund | Is there simultaneous interpretation into English or only consecutive?
o | Pieter Wolters | Only consecutive today, sorry Jesper
o | Sharmin Akter | রিনা আপা, খুব ভালো বলেছেন 👏 | Bangla: 'Rina apa, very well said'
q | Ayesha Siddiqua | Rina apa, after the 2023 wage board, did the workers actually get the 12,500 taka or did factories cut other allowances?
o | Tanvir Hossain | Many factories increased the production target after the wage increase. Same pay, more work
q | Jesper Lund | sorry what does 'attendance bonus' mean in the table on p. 23
q | Marloes Kuipers | Replying to "Many factories increase..."\nWas that also found in the survey data, or is it from the interviews only? | reply to a participant's comment but addressed to the researchers
o | Farhana Rahman | Both. 41% of workers reported higher targets after December 2023, see chapter 4
o | Lena Fischer | Reacted to "Both. 41% of workers r..." with 👍
o | Jesper Lund | Reacted to "Both. 41% of workers r..." with 😮
q | Mahmudul Karim | রিনা আপা, ইউনিয়ন করলে কি এখনো শ্রমিকদের চাকরি যায়? | Bangla: 'Rina apa, do workers still lose their jobs if they form a union?'
q | Ravi Menon | Rina, how are women workers with young children managing the overtime? Is there any childcare in the factories you work with?
o | Nusrat Jahan | Thank you Rina apa. Now Joost Hendriks will respond from the brand side
o | Sharmin Akter | Let's hear what the brands say 👀
q | Sharmin Akter | Mr Hendriks, your company's purchasing price has gone down for three years. How can factories pay a living wage when you pay less every year?
o | Ayesha Siddiqua | +1000
o | Tanvir Hossain | Exactly this
q | Ravi Menon | Joost, isn't the real problem that brands compete on price and nobody wants to move first?
q | Lena Fischer | Joost, do you ring-fence the labour cost in your price negotiations? Some brands in Germany started doing that
o | Marloes Kuipers | There is a good guide on ring-fencing labour costs from our association: https://brand-assoc.example.nl/guides/labour-cost-ringfencing
q | Jesper Lund | Replying to "Mr Hendriks, your compa..."\nFollow-up: would your company publish its average price per piece over time? | reply that adds a new question
o | Joost Hendriks | Jesper, we are looking into it, I cannot promise today, but the numbers are shared with the auditors
o | Sharmin Akter | Auditors are not workers 🙂 | comment on a panelist's answer
o | Ayesha Siddiqua | Reacted to "Auditors are not worke..." with 😂
o | Ravi Menon | sound is very low now
o | Sharmin Akter | yes very low | agreement with an audio report
l | Lena Fischer | Can Joost move closer to the microphone? hard to hear
o | Joost Hendriks | Better now? | panelist checking audio: other
o | Lena Fischer | yes thanks
o | Pieter Wolters | The executive summary in Bangla is also online: https://fairthread.example.org/stitched-short-2026/bn
q | Ayesha Siddiqua | Farhana, how did you calculate the overtime hours, from the payslips or from what workers said? Payslips often show only 2 hours
o | Tanvir Hossain | Thank you for translating, very important for our members
q | Marloes Kuipers | The EU CSDDD will cover only large companies. Do the researchers expect it to change purchasing practices, or only the paperwork?
q | Ravi Menon | the recommendations on p. 9 are mostly for brands. What do you expect from the government of Bangladesh | starts like a comment, no question mark
o | Ayesha Siddiqua | Government role is key, BGMEA is too powerful
q | Lena Fischer | I'd like to know whether the research team engaged with the Ministry of Labour during the study
q | Tanvir Hossain | Does the report say anything about the Export Processing Zones? Workers there cannot form unions at all
o | Farhana Rahman | Tanvir, EPZs are out of scope this time unfortunately, only 4 EPZ factories in the sample. We flag it as a gap on p. 88
q | Jesper Lund | what about the 2024 unrest and the arrests of workers, did it affect your fieldwork | no question mark
o | Lena Fischer | Jesper, I think Farhana mentioned a delay of 3 months at the start
l | Mahmudul Karim | Will the recording be on YouTube? I want to share with my colleagues who are on night shift
o | Nusrat Jahan | Yes Mahmudul, recording with Bangla and English subtitles on our channel next week
q | Sharmin Akter | My question to all: the Accord covers safety but not wages. Should there be a binding agreement on wages also, like the Accord? | 'to all' = all speakers; a panelist answers
o | Rina Akter | Sharmin apa, we are discussing this in the federation also. I think yes, but brands will not sign easily
o | Marloes Kuipers | some brands would, honestly. depends on the competition rules
q | Lena Fischer | Farhana, have you shared the findings with the factory owners before publication and did they respond?
p>Nusrat Jahan | Marloes Kuipers | Nusrat, can we talk after the session about presenting this at our members meeting in June?
o | Win Iphone 17 | 🎁 Congratulations! you are selected for FREE iPhone 17, register at free-phones.example/claim
o | Pieter Wolters | Spam removed, sorry for that
l | Tanvir Hossain | Nusrat, how many minutes are left? Rina apa has to leave for the union meeting
q | Ayesha Siddiqua | Joost how many of your supplier factories have a functioning union or worker participation committee?
o | Joost Hendriks | Ayesha, I don't have the number at hand, I will check and send it to Nusrat
o | Ravi Menon | The Chennai study I mentioned: https://millwatch.example.in/reports/spinning-2025
q | Jesper Lund | Are you planning a follow-up study in two years to see if anything changed?
o | Farhana Rahman | Jesper, that is the plan if funding allows 🙂
q | Marloes Kuipers | And would you include Tier 2, the fabric mills, next time?
p>Pieter Wolters | Lena Fischer | Hi Pieter, could you send me Farhana's email? I'd like to invite her to our stakeholder panel
q | Tanvir Hossain | Last question please: what can we as workers' organisations do with this report? How can we use it in the next wage board negotiation
o | Sharmin Akter | Thank you Fairthread and all speakers. Very strong report
o | Marloes Kuipers | Thank you, excellent launch
o | Ayesha Siddiqua | ধন্যবাদ সবাইকে | Bangla: 'thanks everyone'
o | Nusrat Jahan | Thank you all for joining. Please fill the 2-minute feedback form: https://forms.example.org/stitched-short-feedback
o | Lena Fischer | Thanks everyone, bye!
l | Ravi Menon | where do I find the feedback form again? the chat jumped
o | Pieter Wolters | https://forms.example.org/stitched-short-feedback
"""
