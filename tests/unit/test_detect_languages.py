"""Question detection in the languages people use in these chats: invented messages, written for
these tests in the style of real Zoom chats (not taken from any evaluation set)."""

import pytest

from bot.core.detect import detect
from bot.core.model import MessageKind

Q, C, L = MessageKind.QUESTION, MessageKind.CHATTER, MessageKind.LOGISTICS

CASES = [
    # Japanese
    ("地方自治体への資金配分はどのように決まるのでしょうか", Q),
    ("若者の参加を増やすために何ができますか？", Q),
    ("質問です。気候基金は民間セクターとどう連携していますか", Q),
    ("スライドは後で共有していただけますか？", L),
    ("録画はありますか", L),
    ("音声が途切れています", C),
    ("画面が見えません", C),
    ("ありがとうございました！とても勉強になりました", C),
    ("こんにちは、東京から参加しています", C),
    ("とても重要なポイントだと思います。", C),
    # Chinese
    ("请问地方政府在项目中扮演什么角色", Q),
    ("社区如何参与预算的制定？", Q),
    ("这个基金会支持小型组织吗", Q),
    ("会议有录像吗？", L),
    ("可以分享一下幻灯片吗？", L),
    ("听不到声音", C),
    ("谢谢各位嘉宾的精彩分享", C),
    ("大家好，我来自北京", C),
    ("我同意刚才的观点", C),
    # Korean
    ("지역 단체들은 어떻게 자금에 접근할 수 있나요", Q),
    ("이 프로그램의 평가 기준은 무엇입니까?", Q),
    ("발표 자료 공유해 주실 수 있나요?", L),
    ("녹화본은 나중에 받을 수 있을까요?", L),
    ("소리가 안 들려요", C),
    ("감사합니다 좋은 발표였습니다", C),
    ("안녕하세요 서울에서 참여합니다", C),
    ("여성의 목소리가 정책에 어떻게 반영되나요?", Q),
    # Arabic
    ("هل هناك خطة لدعم المنظمات المحلية في اليمن", Q),
    ("كيف يمكن ضمان مشاركة الشباب في صنع القرار؟", Q),
    ("ما هي الضمانات لحماية المدافعين عن حقوق الإنسان", Q),
    ("هل سيتم إرسال الرابط للعرض التقديمي؟", L),
    ("هل هناك ترجمة فورية إلى الفرنسية؟", L),
    ("الصوت غير واضح", C),
    ("شكرا جزيلا على هذا العرض الرائع", C),
    ("السلام عليكم من عمّان", C),
    ("أتفق تماما مع المتحدثة", C),
    # Hindi
    ("क्या इस योजना में महिलाओं के लिए कोई विशेष प्रावधान है", Q),
    ("स्थानीय समुदाय इस फंड तक कैसे पहुँच सकते हैं?", Q),
    ("क्या स्लाइड्स बाद में शेयर की जाएंगी?", L),
    ("आवाज़ नहीं आ रही है", C),
    ("नमस्ते, पटना से जुड़ रही हूँ", C),
    ("धन्यवाद, बहुत अच्छी चर्चा", C),
    # Bengali
    ("জলবায়ু তহবিল কীভাবে স্থানীয় পর্যায়ে পৌঁছায়", Q),
    ("রেকর্ডিং কি পরে পাওয়া যাবে?", L),
    ("ধন্যবাদ সবাইকে", C),
    ("নমস্কার, ঢাকা থেকে যোগ দিয়েছি", C),
    # Indonesian
    ("Apakah ada mekanisme pengaduan untuk masyarakat adat", Q),
    ("Bagaimana pemerintah daerah dilibatkan dalam perencanaan?", Q),
    ("Mohon penjelasan tentang kriteria hibah kecil", Q),
    ("Apakah materi presentasinya akan dibagikan?", L),
    ("Suaranya putus-putus", C),
    ("Terima kasih banyak, sangat bermanfaat", C),
    ("Selamat siang dari Makassar", C),
    ("Setuju dengan Ibu Sari", C),
    # Vietnamese
    ("Làm thế nào để các tổ chức nhỏ tiếp cận nguồn vốn này", Q),
    ("Chính phủ có kế hoạch hỗ trợ nông dân không", Q),
    ("Cho em hỏi tiêu chí lựa chọn dự án là gì ạ", Q),
    ("Có bản ghi hình buổi hôm nay không ạ?", L),
    ("Không nghe được gì cả", C),
    ("Cảm ơn diễn giả rất nhiều", C),
    ("Xin chào mọi người từ Hà Nội", C),
    # Thai
    ("ชุมชนจะมีส่วนร่วมในการตัดสินใจได้อย่างไร", Q),
    ("จะมีสไลด์ให้ดาวน์โหลดไหมครับ", L),
    ("ไม่ได้ยินเสียงเลยครับ", C),
    ("ขอบคุณมากค่ะ", C),
    # Tagalog
    ("Paano masisiguro na maaabot ng pondo ang mga katutubo", Q),
    ("Bakit hindi kasama ang mga LGU sa konsultasyon?", Q),
    ("Magandang hapon po mula sa Cebu", C),
    ("Salamat po sa napakagandang presentasyon", C),
    ("Hindi ko marinig ang speaker", C),
    # Amharic
    ("መንግስት የሲቪል ማህበራትን እንዴት ይደግፋል", Q),
    ("ስላይዱ ይላካል?", L),
    ("አመሰግናለሁ በጣም ጥሩ ውይይት ነበር", C),
    ("ሰላም ከአዲስ አበባ", C),
    # Swahili
    ("Je, serikali itahakikishaje fedha zinawafikia vijana vijijini", Q),
    ("Kwa nini mashirika ya ndani hayapati ufadhili wa moja kwa moja", Q),
    ("Swali kwa jopo: ni vipi tunaweza kupima mafanikio?", Q),
    ("Sauti inakatika, tafadhali rudia", C),
    ("Asanteni sana wazungumzaji", C),
    ("Habari za asubuhi kutoka Mombasa", C),
    ("Sauti ya wanawake inasikika vipi katika mchakato huu?", Q),
    # Somali, Hausa, Yoruba, Kinyarwanda/Kirundi
    ("Sidee bay dowladdu u taageertaa ururada maxalliga ah", Q),
    ("Mahadsanid dhammaan", C),
    ("Yaya gwamnati za ta tallafa wa kungiyoyin mata", Q),
    ("Na gode sosai", C),
    ("Báwo ni ìjọba ṣe máa ran àwọn àgbẹ̀ lọ́wọ́", Q),
    ("Ese leta izafasha ite amashyirahamwe y'urubyiruko", Q),
    ("Murakoze cyane ku kiganiro cyiza", C),
    ("Mwaramutse mwese", C),
    # German, Italian, Polish, Turkish
    ("Wie wird sichergestellt, dass lokale Organisationen mitentscheiden", Q),
    ("Werden die Folien nach dem Webinar geteilt?", L),
    ("Ich höre nichts, kein Ton", C),
    ("Vielen Dank für die spannende Diskussion", C),
    ("Guten Morgen aus Berlin", C),
    ("Come si garantisce la partecipazione delle comunità locali?", Q),
    ("Perché i fondi non arrivano direttamente alle organizzazioni del Sud", Q),
    ("Ci sarà la registrazione della sessione?", L),
    ("Grazie mille a tutti", C),
    ("Czy ministerstwo planuje wieloletnie finansowanie", Q),
    ("Czy nagranie będzie dostępne?", L),
    ("Dziękuję za ciekawą prezentację", C),
    ("Yerel kuruluşlar bu fona nasıl başvurabilir", Q),
    ("Bu program kadın kooperatiflerine açık mı", Q),
    ("Sunum paylaşılacak mı?", L),
    ("Ses yok, duyamıyorum", C),
    ("Teşekkürler, çok faydalı bir oturumdu", C),
    # Spanish / Portuguese / French / Dutch odds
    ("me pregunto si hay financiamiento para organizaciones de base", Q),
    ("como se garantiza la consulta previa en estos proyectos", Q),
    ("Como se dijo antes, la tierra es clave", C),
    ("En mi país la situación es muy difícil", C),
    ("Para el panel: qué papel tienen las mujeres rurales", Q),
    ("Pouvez-vous remettre le lien du formulaire dans le chat ?", L),
    ("Est-ce que vous m'entendez ?", L),
    ("Otra pregunta: ¿cómo se financia la restitución?", Q),
    ("Is het mogelijk om de opname later terug te kijken?", L),
    # English odds
    ("Is it just me or has the audio dropped?", L),
    ("Could you speak a bit louder please?", L),
    ("Has anyone from the ministry evaluated the pilot?", Q),
    ("Does anyone know where the 2020 evaluation report is?", C),
    ("Anyone here from Uganda?", C),
    ("Any more questions?", C),
    ("I have two more questions: who funds this and how long does it run?", Q),
    ("How do certificates of origin affect small exporters under AfCFTA?", Q),
    ("How will partners register their complaints if the system is online only?", Q),
    ("Can you share the link to the registration form for the next session?", L),
    ("What is the link between climate finance and debt relief?", Q),
    ("You mentioned the 2030 target. How realistic is that for Malawi?", Q),
    ("Echo chambers in donor coordination are a real problem", C),
    ("the connection between land rights and peace is often ignored", C),
    ("How can we strengthen the connection between local and national plans?", Q),
]


@pytest.mark.parametrize(("text", "kind"), CASES)
def test_many_languages(text: str, kind: MessageKind) -> None:
    got = detect(text)
    assert got.kind is kind, got
