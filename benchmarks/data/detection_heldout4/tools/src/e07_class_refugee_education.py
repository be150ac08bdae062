META = {
    "slug": "2025-11-class-education-in-emergencies",
    "format": "cloud", "encoding": "utf-8", "line_endings": "LF",
    "title": "MSc course 'Education in Emergencies', week 6 guest lecture: refugee education in Jordan and Lebanon (cloud-recording chat)",
    "hosts": ["Ellen Kramer", "Joris de Wit"],
    "event_kind": "class", "languages": ["en", "ar", "fr", "nl"],
    "start": "00:01:04",
}
CHAT = r"""
o | Ellen Kramer | Good morning all, today's guest is Dr Rania Haddad from Amman. Questions in the chat, Joris will keep an eye on them
o | Zaal 3A-11 | Room 3A-11 is here, 14 students in class 👋
o | iPhone van Sanne | Morning!
o | Lucas Meyer | good morning
o | Amira Saleh | صباح الخير from Irbid, joining online this week
o | Joris de Wit | Reading for today (if you haven't yet 😉): https://canvas.example.edu/courses/eie/week6
o | Chloé Martin | Bonjour, Chloé here
o | Tobias Jansen | Hi all
l | Fatma Yilmaz | Are the slides on Canvas already?
o | Joris de Wit | Fatma, they will be up after class
q | Lucas Meyer | Dr Haddad, what is the double-shift system exactly? Do Syrian and Jordanian kids never meet?
o | Amira Saleh | In my town the afternoon shift was only for Syrian children, yes
o | iPhone van Sanne | wow didn't know that
q | Tobias Jansen | And who decided that, the ministry or UNICEF?
q | Zaal 3A-11 | Question from the room (Bram): how are the teachers in the second shift paid, by the ministry or by donors?
q | Chloé Martin | Is the certificate from the second shift recognised the same way as the morning shift?
o | Tobias Jansen | interesting, that's basically segregation no? | comment with a tag question, addressed to the chat
o | Fatma Yilmaz | Tobias, it's more about capacity I think, there are not enough schools
q | Priya Raman | How many refugee children are still out of school in Jordan today, roughly?
o | Rania Haddad | Priya, it depends on the source, around a third of school-age Syrian refugees are not enrolled. The UNHCR figures are in the reading
o | Galaxy A52 | Hello, sorry I'm late, this is Omar Khalil
l | Galaxy A52 | can't hear the lecturer, is it only me?
o | Lucas Meyer | audio is fine here Omar
o | Galaxy A52 | ok rejoined, works now
q | Fatma Yilmaz | Is the Jordan Compact still relevant for education, or was it mostly about work permits?
q | Amira Saleh | Dr Rania, what about children with disabilities in the camps? Zaatari has some centres but they are not enough
q | Tobias Jansen | How does the Lebanese curriculum issue work? Syrian kids had to learn in French or English?
o | Chloé Martin | In Lebanon, math and science are taught in French or English, that's a huge barrier
o | Rania Haddad | Exactly Chloé. Some NGOs ran bridging classes in Arabic. See this report: https://eie-network.example.org/lb-language-bridging.pdf
q | Fatma Yilmaz | sorry what does 'non-formal education' mean in this context, is it recognised at all
o | iPhone van Sanne | +1 same question | agreement with another student's question: other
o | Ellen Kramer | Good one Fatma. Rania will come back to NFE in the second part
q | Lucas Meyer | Is there any data on learning outcomes, not only enrolment?
q | Priya Raman | How did the funding change after the Syria crisis became "protracted"? I assume donors moved on to Ukraine and Gaza
o | Zaal 3A-11 | Room says: we can't see the slides anymore
l | Zaal 3A-11 | Could you share your screen again please?
o | Rania Haddad | Sorry, shared again
q | Chloé Martin | On slide 12, the drop in enrolment after grade 6, is that because of child labour or early marriage?
o | Ellen Kramer | We'll take a 10 min break now. Back at 11:05
l | Chloé Martin | Is attendance taken for the online students too? I'm in Brussels this week
o | Joris de Wit | Yes Chloé, the chat counts, your name is here 🙂
o | Tobias Jansen | 👍
o | Ellen Kramer | Welcome back. Second part: non-formal education and the teacher workforce
q | Omar Khalil | Dr Haddad, in your experience do the Syrian teachers get permission to teach in Jordanian schools? My uncle was a teacher in Daraa and could only work as an assistant
o | Amira Saleh | Same for many Syrian teachers I know
q | iPhone van Sanne | What would you say is the biggest difference between Jordan and Lebanon in the policy approach?
o | Lucas Meyer | Lebanon never had camps officially, right? That changes everything | tag question in a comment to classmates
o | Fatma Yilmaz | True, informal tented settlements only
q | Priya Raman | Dr Haddad, how much of the education response in Lebanon is run by UNRWA versus the ministry? Palestinian refugees are a separate system, aren't they?
q | Chloé Martin | Est-ce que les ONG locales libanaises ont pu garder leurs financements après la crise bancaire de 2019 ? | French question to the guest lecturer
q | Priya Raman | Question about the reading: the author says "education cannot wait" is too short-term. Do you agree?
o | Tobias Jansen | I found that chapter quite critical of donors tbh
q | Amira Saleh | سؤال: ماذا عن التعليم العالي للاجئين؟ كم منحة متاحة فعلاً؟ | Arabic: 'Question: what about higher education for refugees? how many scholarships are actually available?'
o | Rania Haddad | Amira, very few. Maybe 5% of refugee youth access higher education. The DAFI programme and some university scholarships
o | Omar Khalil | 5% is really low
q | Fatma Yilmaz | Are there online degree programmes that are recognised, like the blended ones from some European universities?
q | Zaal 3A-11 | From the room: what role did the Jordanian host communities play, was there resentment about sharing schools?
o | Galaxy A52 | Rejoining, internet is bad at home
q | Lucas Meyer | If you had to design the response again, what would you do differently | no question mark
o | Ellen Kramer | Before we wrap up: assignment 2 is due Friday, the rubric is on Canvas
l | Fatma Yilmaz | Is the deadline Friday 17:00 or midnight?
o | Ellen Kramer | 23:59 Fatma
q | Tobias Jansen | Could you say a bit more about the accreditation of non-formal programmes? Is there a route from NFE to the formal certificate?
q | iPhone van Sanne | Are refugee children themselves ever consulted in these programmes?
o | Priya Raman | good question Sanne
q | Chloé Martin | Rania, isn't the focus on enrolment numbers a donor thing? The ministries also report to donors | rhetorical/challenging question to the guest: question
o | Amira Saleh | Very true, numbers numbers numbers
q | Zaal 3A-11 | Room question (Noor): how do teachers deal with trauma in class, is there any psychosocial training for them?
q | Omar Khalil | What happens to the children when their family moves back to Syria? Do they have papers from school in Jordan
l | Priya Raman | Will the lecture recording be on Canvas? I want to rewatch the part on the teacher workforce
o | Joris de Wit | Yes, in the Panopto folder by tonight
o | Lucas Meyer | Thanks so much, really insightful
o | Zaal 3A-11 | Thank you from the room 👏👏
o | Amira Saleh | شكراً جزيلاً دكتورة رانيا
o | Chloé Martin | Merci beaucoup !
o | Ellen Kramer | Thanks Rania, and thanks everyone. See you next week
"""
