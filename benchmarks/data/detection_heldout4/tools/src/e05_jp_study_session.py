META = {
    "slug": "2024-07-jp-mch-handbook-study",
    "format": "oneline_ja", "encoding": "utf-8", "line_endings": "LF",
    "title": "国際協力勉強会 第12回：母子健康手帳の海外展開と現地化（ODA実務者・帰国研修員向けオンライン勉強会）",
    "hosts": ["佐藤 由美", "中村 健太"],
    "event_kind": "training", "languages": ["ja", "en", "id", "am"],
    "start": "19:00:31",
}
CHAT = r"""
o | 佐藤 由美 | 皆さま、こんばんは。第12回勉強会にご参加いただきありがとうございます。チャットにお名前とご所属をお書きください。
o | 田中 翔太 | 田中です。コンサルタント会社で保健案件を担当しています。よろしくお願いします。
o | 小林 彩 | 小林です。元協力隊（ケニア・看護師）です。よろしくお願いします！
o | Dewi Kartika (Yogyakarta) | Good evening from Yogyakarta! Dewi, midwife, former trainee in Osaka 2019 🙏
o | 山本 拓也 | 山本です、大学院生（国際保健）です。
o | Abebe Tadesse | Hello from Addis Ababa. Abebe, MOH, participated in the group training last year
o | 高橋 真理子 | 高橋です。NGOで母子保健事業をしています。
o | 中村 健太 | 本日の資料はこちらです：https://kokusai-benkyokai.example.jp/materials/12.pdf　英語版：https://kokusai-benkyokai.example.jp/materials/12_en.pdf
o | Maria Santos | Hi everyone, Maria from Manila, nurse at a city health office
o | 伊藤 健 | 伊藤です。自治体の保健師です。初参加です。
o | 佐藤 由美 | 本日の講師は、鈴木 美咲さん（元専門家）と Dr. Rina Wulandari（インドネシア保健省）です。日本語と英語で進めます。
l | 山本 拓也 | 録画は後で共有されますか？
o | 中村 健太 | はい、参加登録された方に1週間以内に共有します。
o | 山本 拓也 | ありがとうございます！
l | Abebe Tadesse | Is the English slide deck the same as the Japanese one? The page numbers look different
q | 田中 翔太 | 鈴木さん、インドネシアで手帳が全国に広がるまで何年くらいかかったのでしょうか？
o | 小林 彩 | ケニアでも手帳を見たことがあります。お母さんたちがとても大事にしていました。
q | Dewi Kartika (Yogyakarta) | In my puskesmas the mothers often forget to bring the book. Is there a digital version now?
o | Abebe Tadesse | Same challenge in Ethiopia with the family health card
q | Maria Santos | how much does one book cost to print
q | 高橋 真理子 | 質問です。手帳の印刷費は最初は日本側が負担していたと思いますが、どの段階で現地政府の予算に移ったのでしょうか。 | 質問です prefix, ends with 。 not ？
o | 伊藤 健 | 日本の母子手帳の歴史のお話、とても勉強になりました。
q | 山本 拓也 | 鈴木さん、手帳の配布はどの時点で行うのですか？妊娠登録時でしょうか。
q | Maria Santos | Ms Suzuki, how did you convince the ministry to make it a national policy and not only a project?
o | 田中 翔太 | 音声が途切れています
o | 小林 彩 | こちらも少し途切れます
o | 鈴木 美咲 | 失礼しました、Wi-Fiを変えました。聞こえますか？ | panelist checking audio: other
o | 田中 翔太 | 大丈夫です！
q | 山本 拓也 | 先ほどの「現地化」とは、具体的には内容を変えることですか、それとも制度に組み込むことですか？
o | 鈴木 美咲 | 山本さん、両方です。スライド14をご覧ください。
q | Abebe Tadesse | Dr Rina, how do you integrate the handbook with the national health insurance data? Do the midwives enter the data twice?
o | Dewi Kartika (Yogyakarta) | Yes we enter twice, in the book and in the application 😅
q | 高橋 真理子 | Dr Rina, is the digital version replacing the paper book or used together?
o | Rina Wulandari | Ibu Takahashi, together. Paper remains the legal record. Our guideline (in Indonesian): https://kemenkes-mock.example.id/pedoman-buku-kia-digital
q | 伊藤 健 | 日本の自治体の経験が、海外でどのように役立つのか知りたいです。 | indirect question ('I want to know how...') without ？
o | 小林 彩 | 伊藤さん、保健師さんの家庭訪問の経験はすごく役立つと思います！
q | Dewi Kartika (Yogyakarta) | Pertanyaan: bagaimana dengan ibu-ibu yang tidak bisa membaca? Are there pictures only versions? | Indonesian prefix 'Pertanyaan:' + question
o | Abebe Tadesse | Good question Dewi, literacy is a big issue in rural Ethiopia too
o | 佐藤 由美 | ここで5分休憩します。19:50に再開します。
l | Maria Santos | Sorry, until what time is the break? I missed it
o | 高橋 真理子 | Maria, until 19:50 Japan time (18:50 Manila)
o | Maria Santos | Thank you!
o | 佐藤 由美 | 再開します。後半は質疑応答です。
q | 田中 翔太 | 鈴木さん、予算が限られている中で、モニタリングはどのような指標で行っていましたか？
q | Abebe Tadesse | What was the biggest mistake in the early phase? What would you do differently?
o | 山本 拓也 | 私も知りたいです
q | Dewi Kartika (Yogyakarta) | And the private midwives, do they also use the book?
q | 小林 彩 | 現地の助産師さんたちの研修は、誰がどのくらいの期間行ったのでしょうか？
q | Maria Santos | How did you handle the different languages in Indonesia? One book for all or regional versions?
o | Rina Wulandari | Maria, one national content, but some provinces print local language inserts
q | 高橋 真理子 | 父親の関与についてはどうですか？手帳に父親のページはありますか？
o | 伊藤 健 | 日本の手帳にも最近は父親の欄がありますね
p>中村 健太 | 伊藤 健 | 中村さん、次回の案内もこのメールアドレスに送っていただけますか？
l | 山本 拓也 | 後半のスライドが資料に入っていないようですが、共有いただけますか？
o | 中村 健太 | 山本さん、失礼しました。後半の資料はこちらです：https://kokusai-benkyokai.example.jp/materials/12_part2.pdf
q | Dewi Kartika (Yogyakarta) | Ms Suzuki, is JICA still supporting the handbook in Indonesia or is it fully national now?
o | Abebe Tadesse | I think in Ethiopia we need this kind of long-term support, 3-year projects are too short
q | 伊藤 健 | 鈴木さん、現地の保健省との関係づくりで一番大変だったことは何ですか？
o | 小林 彩 | 同感です。3年では定着しないですよね。
q | 田中 翔太 | アフリカで展開する場合、インドネシアのモデルはそのまま使えるとお考えですか、それとも別のアプローチが必要でしょうか。
q | 山本 拓也 | 手帳の効果に関する研究（例えばRCTなど）はありますか？
o | 鈴木 美咲 | 山本さん、いくつかあります。こちらのレビューが参考になります：https://journal.example.org/mch-handbook-review-2021
o | Lucky Crypto Bot | 🚀 Earn 300% in 7 days!!! join t.me/lucky-crypto-example
o | 中村 健太 | 不適切なメッセージを削除しました。失礼しました。
l | 小林 彩 | 画面共有が止まっているようです。もう一度共有していただけますか？ | report plus a request to re-share the screen: logistics
q | 伊藤 健 | 災害時に手帳をなくしてしまった場合はどうなりますか
o | 高橋 真理子 | 伊藤さん、良い質問ですね。東日本大震災の時もそうでした。
q | Abebe Tadesse | Dr Rina, the handbook covers up to 6 years old, right? Do you plan to extend it to adolescents? | tag question inside a question to a named panelist
o | Maria Santos | That would be very useful
q | 小林 彩 | 手帳の内容の改訂は何年ごとに行われているのでしょうか。
q | 高橋 真理子 | 最後に一つだけ：紙の手帳の印刷が遅れた地域では、どのように対応されましたか？
p>佐藤 由美 | 田中 翔太 | 佐藤さん、質疑の時間が足りなければ私の質問は飛ばしていただいて大丈夫です。
l | Maria Santos | Will there be a certificate of attendance for the study session? I need it for my CPD points
o | 佐藤 由美 | Maria, yes, we will send a certificate by email to those who answer the survey.
o | 佐藤 由美 | アンケートのリンクです：https://forms.example.jp/benkyokai12-survey　ご協力お願いします。
o | 小林 彩 | 本日もありがとうございました！とても勉強になりました。
o | Dewi Kartika (Yogyakarta) | Terima kasih banyak! Thank you Ms Suzuki and Dr Rina 🙏
o | 田中 翔太 | ありがとうございました。
o | Abebe Tadesse | Thank you, ameseginalehu
o | 伊藤 健 | ありがとうございました。次回も参加します。
o | 佐藤 由美 | 皆さま、ありがとうございました。次回は9月です。
"""
