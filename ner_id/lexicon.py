"""Word lists used by several modules: abbreviations, titles, academic degrees, terms that are no
names, and how often running text writes a word in lower case."""
from __future__ import annotations

import gzip
from functools import lru_cache

from ner_id.shipped import read_verified

#: Abbreviations that end in a period and are not sentence ends (spaCy's ``id`` rules miss them).
ABBREVIATIONS = (
    "PT. Tbk. CV. Jl. Jln. Gg. No. Kec. Kab. Kel. Ds. Prov. Kota. H. Hj. Dr. dr. drg. Prof. Ir. Drs. Dra. "
    "S.H. S.E. S.T. S.Sos. S.Pd. S.Kom. M.Si. M.Sc. M.M. M.H. M.Hum. M.Pd. M.A. Ph.D. Sp.A. Sp.PD. "
    "dll. dsb. dkk. dst. tsb. yth. Yth. a.n. u.p. s.d. Bpk. Bp. Ibu. Sdr. Sdri. Kol. Brigjen. Mayjen. "
    "Letjen. Jend. Kapt. Kompol. AKBP. Kombes. Irjen. St. Tn. Ny. Nn. KH. Rp. Tgl. tgl. Hlm. hlm. "
    "Jan. Feb. Mar. Apr. Jun. Jul. Agu. Ags. Sep. Okt. Nov. Des. vs. Inc. Ltd. Co. Corp. Mr. Mrs. Ms."
).split()
#: Offices and honorifics that precede a name but are not part of it (noble and religious
#: titles such as Pangeran, Raja or Kiai often are, and stay).
TITLES = frozenset("""
Presiden Wapres Wakil Menteri Mendagri Menlu Menhan Menkeu Menko Mensesneg Gubernur Wagub Bupati Wabup Walikota
Wali Kota Bapak Pak Ibu Bu Sdr. Sdri. Saudara Kapolri Kapolda Kapolres Panglima Jenderal Jend. Letjen Mayjen
Brigjen Kolonel Kombes Irjen AKBP Kompol Ketua Direktur Dirut Sekjen Haji H. Hj. Dr. dr. Prof. Ir. Drs. Dra.
Tuan Nyonya Mr. Mrs. Ms. Prof Drs Dra Dr Ir Hj Perdana PM Kanselir Senator Hakim Jaksa Komisaris Inspektur Letnan
Kapten Mayor Sersan
Sekretaris Dubes Duta Besar Camat Lurah Kades Kapolsek Kapolresta Kasatreskrim Kabareskrim Kadis Sekda Danrem
Dandim Pangdam Rektor Dekan Plt. Plt Pj. Menag Menkes Mentan Menhub Menpora Mendikbud Mensos Menaker Mendag Menperin
Menkominfo Menkumham Kajati Kajari
Gus Mas Mbak Kang Bang Cak Ning Ustaz Ustadz KH Syekh Habib Ratu Permaisuri Almarhum Almarhumah Alm. Mendiang
Terdakwa Tersangka Terpidana Saksi Penyidik JPU Wadir Dir Kasi Kasubdit Kabid Kabag Kasat Kanit Kasatlantas Waka Wakil
Wakapolri Wakapolda Wakapolres Walkot Wawali Wawalkot Kadiv Karo Kabiro Kakanwil Jubir Komjen Laksamana Marsekal
Laksda Marsda Laksdya Marsdya Letkol Mayjend AKP Iptu Ipda Aiptu Aipda Bripka Brigadir Briptu Bripda Bharada Serka
Praka Pratu Kopda Sertu Kapten Kombespol Kapuspenkum Kapusdatin Kasubag Danramil Danlanal Danlanud Pangkostrad
Menko Menkum Menimipas Mendikdasmen Mendiktisaintek Menbud Menekraf Menpan Menpar Menparekraf Mendes Mentrans Menkop
Menhut Menpera Menteri Mensesneg Seskab Mendag Menperin Menkomdigi Menkopolkam Menkopangan Menkoperekonomian
Mentri Plh Pjs Kades Kadus Ketum Waketum Sekum Bendum Kepala Kapusdik Staf Anggota
""".split())
#: Honorifics and ranks, which precede only people's names (offices such as "Bupati" precede places too).
HONORIFICS = frozenset("""
Pak Bu Bapak Ibu Mas Mbak Gus Kang Bang Cak Saudara Sdr. Sdri. Tuan Nyonya AKP AKBP Kombes Kompol Brigjen Irjen Komjen
Iptu Ipda Aiptu Aipda Bripka Briptu Bripda Bharada Letkol Kapten Letda Lettu Serka Sertu Praka Pratu Mayjen Letjen
""".split())
#: Academic degrees written after a name ("Rifqi Ali Mubarok, M.Si."): never a name alone.
DEGREES = frozenset("""
S.H. S.E. S.T. S.Sos. S.Pd. S.Kom. S.Ag. S.Psi. S.Ked. M.Si. M.Sc. M.M. M.H. M.Hum. M.Pd. M.A. M.T. M.Kom. Ph.D.
Sp.A. Sp.PD. Sp.OG. MSi MSc PhD
""".split())


#: Common nouns, programmes, laws, taxes and kinds of bodies written like names: never an entity alone.
NON_NAMES = frozenset("""
ASN PNS CPNS PPPK UMKM UKM BBM BBG AI APBN APBD APBDes TKD DAU DAK BUMN BUMD BUMDes JPU PPK UKS PAUD LSM Ormas RUU UU
KUHP KUHAP KUHPerdata Perppu Perpres Perda Permen Pergub Perbup Perwali Pilkada Pemilu Pileg Pilpres Pilgub Pilkades
PHK THR UMR UMP UMK NIK KTP SIM STNK BPKB NPWP PPN PPh PNBP SBN SUN SPT LHKPN OTT DPO PKH BPNT BLT BSU KUR
MBG SPPG PTSL RTH RTRW Amdal AMDAL IPAL TPA TPS TPST PLTU PLTA PLTS PLTD PLTB SPBU SPBE Bansos Sembako Migas EBT ESG
IPO PDB GDP PMA PMDN Satgas Pemda Pemprov Pemkab Pemkot Pemko Pemdes DPRD RSUD Puskesmas Posyandu Polsek Kelurahan
Kecamatan Desa Kabupaten Provinsi Kota Bank Pokmas APH ODGJ OPD SKPD KBM PPDB SNBP SNBT UTBK LPJ SPJ HGU HGB SHM IMB
PBG SLF PN
""".split()) | frozenset("""
Badan Usaha Milik Negara
Badan Usaha Milik Daerah
Aparatur Sipil Negara
Pegawai Negeri Sipil
Bahan Bakar Minyak
Jaksa Penuntut Umum
Pejabat Pembuat Komitmen
Transfer ke Daerah
Usaha Mikro, Kecil, dan Menengah
Usaha Mikro Kecil dan Menengah
Anggaran Pendapatan dan Belanja Negara
Anggaran Pendapatan dan Belanja Daerah
Makan Bergizi Gratis
Organisasi Perangkat Daerah
Kecerdasan Artifisial
Kecerdasan Buatan
Artificial Intelligence
""".strip().split("\n"))
#: Month names: a capitalised month is a date, also when the tagger glues it to a name.
MONTHS = frozenset("Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split())


@lru_cache(maxsize=1)
def _casing() -> dict[str, int]:
    rows = gzip.decompress(read_verified("casing.tsv.gz")).decode("utf-8").splitlines()
    return {word: int(share) for word, share in (row.split("\t") for row in rows)}


def lower_share(word: str) -> int | None:
    """How often (percent) running news text writes ``word`` in lower case inside a sentence; None for
    words seen fewer than three times (``models/casing.tsv.gz``, built by ``ner_id.training.casing``)."""
    return _casing().get(word.lower())


def name_word(word: str) -> bool:
    """A word that can be part of a person's name: no title, no month, and (almost) never written in lower
    case by running text (or never seen)."""
    share = lower_share(word)
    return word not in TITLES and word not in MONTHS and (share is None or share <= 1)


def is_common_word(word: str) -> bool:
    """An ordinary word written with a capital ("Janji", "Terdakwa", "Keuangan"): lower case in at least
    15% of its uses inside sentences."""
    share = lower_share(word)
    return share is not None and share >= 15


def is_acronym(word: str) -> bool:
    """An acronym: 2 to 10 capitals and digits, dots and hyphens aside ("KPK", "PDI-P", "G20")."""
    letters = word.replace("-", "").replace(".", "")
    return 2 <= len(letters) <= 10 and letters.isupper() and letters.isalnum()
