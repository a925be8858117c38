"""Word lists used by several modules: abbreviations, titles, academic degrees."""
from __future__ import annotations

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
Tuan Nyonya Mr. Mrs. Ms. Perdana PM Kanselir Senator Hakim Jaksa Komisaris Inspektur Letnan Kapten Mayor Sersan
Sekretaris Dubes Duta Besar Camat Lurah Kades Kapolsek Kapolresta Kasatreskrim Kabareskrim Kadis Sekda Danrem
Dandim Pangdam Rektor Dekan Plt. Plt Pj. Menag Menkes Mentan Menhub Menpora Mendikbud Mensos Menaker Mendag Menperin
Menkominfo Menkumham Kajati Kajari
""".split())
#: Academic degrees written after a name ("Rifqi Ali Mubarok, M.Si."): never a name alone.
DEGREES = frozenset("""
S.H. S.E. S.T. S.Sos. S.Pd. S.Kom. S.Ag. S.Psi. S.Ked. M.Si. M.Sc. M.M. M.H. M.Hum. M.Pd. M.A. M.T. M.Kom. Ph.D.
Sp.A. Sp.PD. Sp.OG. MSi MSc PhD
""".split())


def is_acronym(word: str) -> bool:
    """An acronym: 2 to 10 capitals and digits, dots and hyphens aside ("KPK", "PDI-P", "G20")."""
    letters = word.replace("-", "").replace(".", "")
    return 2 <= len(letters) <= 10 and letters.isupper() and letters.isalnum()
