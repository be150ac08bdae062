"""Indonesian items (20)."""

ITEMS = [
    ("policy", "plain", "Apakah pemotongan anggaran bantuan Belanda juga berlaku untuk program kemitraan di Indonesia?"),
    ("policy", "preamble", "Kami koperasi petani sawit kecil di Kalimantan. Uni Eropa sekarang menerapkan aturan anti-deforestasi dan pembeli dari Rotterdam minta data lokasi kebun. Biayanya mahal sekali untuk petani. Apakah pemerintah Belanda punya kebijakan atau dana khusus untuk membantu petani kecil memenuhi regulasi itu?"),
    ("policy", "code_mix", "Kapan deadline untuk call for proposals yang baru, dan apakah ada co-funding requirement?"),
    ('policy', 'no_qmark', 'mohon info syarat hibah baru untuk organisasi kecil'),
    ("policy", "decoy", "Kalian terus bicara tentang suara masyarakat adat, tapi apakah strategi perdagangan Belanda sejalan dengan kebijakan bantuannya?", "policy: koherensi kebijakan; 'masyarakat adat' umpan"),
    ("civic", "plain", "Bagaimana melindungi pembela HAM di Papua yang sering diintimidasi aparat?"),
    ('civic', 'terse', 'bantuan hukum demonstran?'),
    ("civic", "code_mix", "Banyak aktivis kena doxing setelah kritik pemerintah di medsos, ada support system nggak?"),
    ('civic', 'preamble', 'Di kabupaten kami, warga yang menolak tambang nikel dilaporkan ke polisi dengan tuduhan menghalangi investasi. Tiga orang sudah jadi tersangka dan kepala desa ikut menekan keluarga mereka. Apa yang bisa dilakukan jaringan LSM supaya warga tetap berani bersuara?'),
    ("civic", "decoy", "Dana hibahnya fleksibel, bagus, tapi siapa yang mendampingi jurnalis lokal yang dilaporkan dengan UU ITE?", "civic: kriminalisasi jurnalis; 'dana hibah' umpan"),
    ("system", "plain", "Kenapa organisasi lokal selalu jadi pelaksana saja dan tidak pernah jadi penerima hibah utama?"),
    ("system", "typo", "bagaimana caranya supaya mitra lokal bisa ikut menentukan indikator program dari awal, bukan cuma lapor sja?"),
    ("system", "no_qmark", "mohon penjelasan soal model kemitraan yang benar-benar setara antara LSM Belanda dan LSM lokal"),
    ("system", "decoy", "Kalau kementerian minta audit ketat, kenapa risikonya selalu ditanggung organisasi akar rumput dan bukan perantara internasional?", "system: pembagian risiko; 'kementerian' umpan"),
    ("system", "terse", "dekolonisasi bantuan itu apa?"),
    ("other", "plain", "Ada yang tahu beasiswa S2 di Belanda yang masih buka pendaftaran tahun ini?"),
    ("other", "lowercase", "gimana cara mengatasi hama wereng di sawah tanpa pestisida kimia"),
    ("other", "indirect", "Saya penasaran apakah kabut asap tahun ini lebih parah karena El Nino."),
    ("other", "no_qmark", "ada rekomendasi aplikasi survei yang bisa jalan offline di hp murah"),
    ("other", "preamble", "Saya dosen di Makassar dan sedang membimbing mahasiswa yang meneliti stunting di desa pesisir. Datanya campuran kuantitatif dan wawancara. Sebaiknya analisis mixed-methods-nya pakai desain sekuensial atau konvergen?"),
]
