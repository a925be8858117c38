"""The default topic taxonomy: English ids, Indonesian labels, and seed keywords for weak labels."""
from __future__ import annotations

#: id -> Indonesian label
TAXONOMY: dict[str, str] = {
    "politics": "Politik",
    "economy": "Ekonomi",
    "law_crime": "Hukum dan Kriminalitas",
    "security_terrorism": "Keamanan dan Terorisme",
    "international": "Internasional",
    "sport": "Olahraga",
    "technology": "Teknologi",
    "health": "Kesehatan",
    "entertainment": "Hiburan",
    "environment_disasters": "Lingkungan dan Bencana",
    "education": "Pendidikan",
    "religion": "Agama",
    "society": "Sosial",
}

#: How the labels of the shared topic sets map to the taxonomy (unmapped labels are not used).
SOURCE_LABELS: dict[str, str] = {
    "Ekonomi & Keuangan": "economy",
    "Hukum & Kriminalitas": "law_crime",
    "Politik & Kebijakan Publik": "politics",
    "Pembangunan & Lingkungan": "environment_disasters",
    "Sosial & Kemasyarakatan": "society",
    "olahraga": "sport",
    "showbiz": "entertainment",
    "hiburan": "entertainment",
    "teknologi": "technology",
    "eco": "economy",
    "int": "international",
    "sci": "technology",
    "spo": "sport",
}

#: Seed keywords (lower case) for topics the labelled data covers thinly; an unlabelled news
#: article dominated by one topic's seeds becomes a weak training example of that topic.
SEEDS: dict[str, tuple[str, ...]] = {
    "security_terrorism": ("teroris", "terorisme", "teror", "bom", "densus", "radikal", "radikalisme", "isis",
                           "militan", "antiteror", "bnpt", "pemberontak", "separatis", "kkb", "ledakan"),
    "health": ("kesehatan", "rumah sakit", "dokter", "pasien", "penyakit", "virus", "vaksin", "bpjs", "obat",
               "puskesmas", "kemenkes", "wabah", "demam", "gizi", "imunisasi"),
    "education": ("sekolah", "siswa", "guru", "universitas", "mahasiswa", "pendidikan", "kampus", "kurikulum",
                  "ujian", "beasiswa", "kemendikbud", "pelajar", "dosen", "rektor"),
    "religion": ("agama", "masjid", "gereja", "ulama", "mui", "haji", "umat", "ibadah", "ramadan", "pura",
                 "vihara", "kemenag", "pesantren", "dakwah", "umrah"),
    "environment_disasters": ("banjir", "gempa", "longsor", "bencana", "bnpb", "bmkg", "hutan", "kebakaran",
                              "erupsi", "tsunami", "sampah", "polusi", "lingkungan", "iklim"),
    "international": ("pbb", "asean", "luar negeri", "kemenlu", "diplomatik", "bilateral", "duta besar",
                      "kedutaan", "internasional", "amerika serikat", "china", "rusia", "eropa"),
    "politics": ("dpr", "partai", "pilkada", "pemilu", "kpu", "koalisi", "kampanye", "presiden", "menteri",
                 "gubernur", "politik", "pilpres", "capres", "legislatif"),
    "law_crime": ("polisi", "tersangka", "kpk", "korupsi", "pengadilan", "hakim", "jaksa", "ditangkap",
                  "pidana", "penjara", "narkoba", "pembunuhan", "vonis", "polres", "polda"),
}
