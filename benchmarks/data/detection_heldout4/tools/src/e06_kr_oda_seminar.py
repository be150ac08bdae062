META = {
    "slug": "2025-10-kr-oda-partnership-seminar",
    "format": "header_ko", "encoding": "utf-8", "line_endings": "LF",
    "title": "한국 ODA 파트너십 세미나 세션 2: 현지 시민사회와의 협력과 성과관리 (invented forum)",
    "hosts": ["사회자 이지은", "운영진_박준호"],
    "event_kind": "conference-session", "languages": ["ko", "en", "vi", "mn"],
    "start": "14:00:09",
}
CHAT = r"""
o | 사회자 이지은 | 안녕하세요, 세션 2에 오신 것을 환영합니다. 채팅창에 소속과 성함을 남겨주세요. English speakers are welcome to use English in the chat.
o | 김민지 | 안녕하세요, 국제개발 NGO 김민지입니다.
o | 정우성 | 대학원생 정우성입니다. 반갑습니다
o | Nguyen Thi Hoa | Hello from Hanoi, Hoa, working with a local NGO on rural water
o | 최수연 | 최수연, 지자체 국제협력팀입니다
o | Batbayar Ganzorig | Sain baina uu! Batbayar from Ulaanbaatar, civil society network
o | 운영진_박준호 | 발표 자료 링크: https://oda-forum.example.kr/session2/slides (한/영)
o | 한서윤 | 감사합니다~
o | Sokha Chea | Hi all, Sokha from Phnom Penh
o | 윤재현 | 윤재현입니다. 컨설팅사에서 평가 업무 합니다.
o | Jean-Paul Habimana | Good morning from Kigali (morning here!), Jean-Paul, rural development cooperative
o | 사회자 이지은 | 첫 번째 발표는 강혜진 교수님, 두 번째는 Ms. Tran Mai Anh (하노이), 세 번째는 오상민 팀장님입니다.
q | 김민지 | 교수님, 한국 ODA에서 시민사회 직접 지원 비중이 OECD 평균보다 낮은 이유가 무엇이라고 보시나요?
o | 정우성 | 그래프 인상적이네요
q | 정우성 | 교수님 그래프 출처가 OECD CRS인가요?
q | Nguyen Thi Hoa | Professor Kang, is the Korean government planning to allow local NGOs to apply directly for funding, without a Korean NGO partner?
o | Batbayar Ganzorig | +1 Hoa, this is very important for us
l | 한서윤 | 소리가 너무 작은데 키워주실 수 있나요?
o | 운영진_박준호 | 확인했습니다. 조정하겠습니다
o | 최수연 | 지금은 잘 들립니다
q | 윤재현 | 질문: 성과관리 지표를 현지 파트너와 함께 설정하는 사례가 실제로 있나요? | 질문: prefix
q | 최수연 | 지자체 ODA 사업도 같은 원칙이 적용되는지 궁금합니다 | indirect question ('I wonder whether...') without ?
o | 강혜진 | 최수연님, 지자체 사업은 별도 가이드라인이 있습니다. 링크 공유드립니다: https://oda-forum.example.kr/docs/local-gov-guideline.pdf
o | 최수연 | 감사합니다 교수님!
q | Sokha Chea | In Cambodia many Korean projects finish after 3 years and the local partner is left with nothing. How does the new strategy address sustainability?
o | Jean-Paul Habimana | Same experience in Rwanda unfortunately
o | 김민지 | 지속가능성 문제 정말 공감합니다
q | 한서윤 | 교수님, 출구 전략(exit strategy)은 사업 설계 단계부터 요구되나요?
o | 사회자 이지은 | 이제 Ms. Tran Mai Anh 발표입니다. 영어로 진행되며 한국어 자막은 제공되지 않습니다
l | 정우성 | 통역은 없나요? 영어 발표 내용을 요약해 주시면 좋겠습니다
o | 운영진_박준호 | 정우성님, 이번 세션은 통역이 없습니다. 발표 요약본은 세미나 후 자료집에 포함됩니다
o | 한서윤 | 소리가 안 들려요
o | 윤재현 | 저도 안 들려요
o | Tran Mai Anh | Sorry, I was muted. Starting again
o | Nguyen Thi Hoa | Go Mai Anh! 🇻🇳
l | Jean-Paul Habimana | Mai Anh's screen is not visible for me, only the Korean slides. Can you share again?
q | Batbayar Ganzorig | Mai Anh, how do you handle the reporting requirements from different Korean agencies? Are the formats harmonised?
o | Tran Mai Anh | Batbayar, not yet. We report in three different formats 😅 Our case study: https://hanoi-cso.example.vn/case-study-2025
q | 김민지 | Ms. Tran, when the Korean partner organisation and your organisation disagree about priorities, who decides in the end?
o | 정우성 | 좋은 질문이네요
q | Jean-Paul Habimana | Mai Anh you said the local staff salaries are not eligible. Why is that?
q | 윤재현 | 평가 결과가 실제로 다음 사업 설계에 반영되는지 알고 싶습니다
o | 한서윤 | 평가가 형식적으로 끝나는 경우가 많죠
q | Sokha Chea | Mai Anh, how many staff work only on reporting in your organisation?
p>사회자 이지은 | 김민지 | 이지은 선생님, 다음 세션 발표자 연락처를 나중에 받을 수 있을까요?
o | 사회자 이지은 | 감사합니다. 이제 오상민 팀장님 발표입니다.
q | Sokha Chea | Mr Oh, what share of the new CSO window will be reserved for partner-country organisations?
q | 정우성 | 팀장님, 새 전략에서 말하는 '현지화'는 정확히 어떤 의미인가요? 현지 NGO에 직접 자금을 주는 것까지 포함하나요?
o | Nguyen Thi Hoa | Thank you Mr Oh for the clear explanation
q | 최수연 | 한국 NGO의 역할은 앞으로 어떻게 바뀌게 되나요?
o | 김민지 | 중간지원조직 역할로 바뀌어야 한다고 생각합니다
o | Batbayar Ganzorig | Agree with Minji (if I understood the translation correctly 😊)
o | 한서윤 | 채팅 번역 기능 좋네요 ㅎㅎ
q | Sokha Chea | 7% overhead is too low for local partners, isn't it? Is the ministry open to revising it? | tag question followed by a direct question
q | Jean-Paul Habimana | Will the new guidelines be translated into English or French? Many of us cannot read Korean documents | about the policy's own documents, not event material: question
l | Sokha Chea | Can we get the slides of Mr Oh in English?
o | 운영진_박준호 | 네, 영문 자료도 같은 링크에 오늘 중 업로드하겠습니다. English slides will be uploaded to the same link today
o | 무료 코인 이벤트 | 🎉 무료 코인 지급 이벤트!! 지금 참여하세요 → free-coin-event.example/kr
o | 운영진_박준호 | 스팸 메시지는 삭제했습니다. 죄송합니다
q | 김민지 | 팀장님, 간접비 비율(7%)은 현지 파트너에게도 동일하게 적용되나요?
q | Nguyen Thi Hoa | Is there any mechanism for local partners to give feedback on the Korean agencies themselves, like a partner survey?
o | 윤재현 | 그런 파트너 서베이 해외 사례 있습니다: https://partner-survey.example.org/report
q | 한서윤 | 교수님께 질문드립니다. 현지화를 하면 책무성(accountability)이 약해진다는 우려에 대해서는 어떻게 생각하시나요?
o | 정우성 | 이 부분이 핵심인 것 같아요
q | 김민지 | 그럼 모니터링은 누가 하나요? 한국 NGO인가요, 현지 파트너인가요?
q | Batbayar Ganzorig | What about climate projects? Are they included in the CSO window or separate
q | 최수연 | 오 팀장님 설명 중 '파트너십 협약' 관련 자료는 어디서 볼 수 있나요? | request for a policy document from the presenter: question (not event material)
o | 오상민 | 최수연님, 아직 초안이라 공개 전입니다. 12월 공개 예정입니다
l | 정우성 | 혹시 녹화본도 공유되나요?
o | 사회자 이지은 | 네, 녹화본은 참가자 분들께 메일로 보내드립니다. 질문 몇 개만 더 받겠습니다
q | Jean-Paul Habimana | Last question from Kigali: is there a plan for a regional consultation in Africa before the strategy is finalised?
q | 윤재현 | 오 팀장님, 성과지표에 현지 파트너의 역량 강화를 포함할 계획이 있으신가요?
p>운영진_박준호 | Sokha Chea | Hi, I could not register for session 3, the form gives an error. Could you help?
o | 사회자 이지은 | 오늘 좋은 질문 감사합니다. 만족도 조사 링크: https://forms.example.kr/oda-seminar-s2
o | 김민지 | 수고하셨습니다!
o | Nguyen Thi Hoa | Thank you, cảm ơn, 감사합니다 😊
o | Batbayar Ganzorig | Bayarlalaa! Thank you all
o | 한서윤 | 감사합니다~ 좋은 세션이었어요
o | Jean-Paul Habimana | Murakoze, thank you
o | 사회자 이지은 | 세션 3은 15분 후 시작합니다. 감사합니다!
"""
