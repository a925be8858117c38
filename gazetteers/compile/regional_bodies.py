"""Compile ``35_regional_bodies.jsonl``: regional bodies written with their place, as one ORG each.

News names regional bodies by their place ("Pemprov Kalbar", "Polres Bogor", "DPRD Kota Bandung",
"Kejati Jatim", "PN Jakarta Selatan"); without these entries they split into ORG "Pemprov" + LOC
"Kalbar". Source: the provinces and kabupaten/kota of ``30_wilayah.jsonl`` (run ``wilayah.py``
first; kecamatan are skipped), with their province short forms (Kalbar, Jatim, DKI, DIY, ...).

Bodies and kb_ids (``regional:<body>:kemendagri:<code>``), canonical the full official-looking form:

* province: pemprov (Pemerintah Provinsi X, Pemprov X, Pemda X), dprd (DPRD Provinsi X, DPRD X),
  polda (Polda X, Kepolisian Daerah X; none for DKI Jakarta: "Polda Metro Jaya" is
  ``org:id-polda-metrojaya`` in ``20_organisations.tsv``), kejati (Kejaksaan Tinggi X, Kejati X),
  pt (Pengadilan Tinggi X, and the court's seat: "Pengadilan Tinggi Bandung"; never "PT X", a company),
  bapenda, bpbd, setda (Sekretariat Daerah Provinsi X, Setdaprov X, Setda X) and kanwil-kemenag;
  every form is written with each name of the province ("Pemprov Kalimantan Barat", "Pemprov Kalbar").
* kabupaten/kota: pemkab (Pemerintah Kabupaten X, Pemkab X) or pemkot (Pemerintah Kota X, Pemkot X,
  Pemko X), pemda (as an alias of pemkab/pemkot: Pemda X), dprd, polres (Polres X, Polresta X,
  Polrestabes X for a kota: which rank a unit has is not in the source), kejari, pn (Pengadilan Negeri X, PN X),
  bpbd, bapenda. The Jakarta administrative cities and Kepulauan Seribu have no DPRD, BPBD or Bapenda
  of their own; the five cities' police are "Polres Metro X" / "Polrestro X" (and Bekasi, Depok and
  Tangerang Kota have a "Polres Metro X"). Short names news uses are added by hand, for body names
  only (Jaksel, Solo, Jogja, Tangsel; "PBD" for Papua Barat Daya).

Ambiguity (one rule for every body):

* "Kabupaten X" and "Kota X" sharing X (Bogor, Bandung, Malang, ...): a form that says which one
  ("Pemkab Bogor", "Pemkot Bogor", "DPRD Kota Bogor", "Kejari Kabupaten Bogor", "Polres Bogor Kota")
  links to it. A bare form ("DPRD Bogor", "Polres Bogor", "Polresta Bogor", "Kejari Bogor",
  "BPBD Bogor", "Bapenda Bogor", "Pemda Bogor") is kept as one ORG with no kb_id: the span is right,
  the referent is not known ("Polres Bogor" is the kabupaten's police, "Polresta Bogor Kota" the
  city's; "Kejari Bandung" is either). Two exceptions say which one by themselves: "Polrestabes X" is a
  city-only rank, and a district court is named after the town it sits in (the kabupaten's court
  after its own seat: PN Cibinong, PN Bale Bandung), so "PN X" / "Pengadilan Negeri X" go to the kota.
* a province's name that is also a kab/kota short name (Jambi, Bengkulu, Gorontalo, Yogyakarta, Jogja):
  for the bodies both levels have (DPRD, BPBD, Bapenda, Pemda) the bare form goes to the
  province ("DPRD Jambi"); the kota's is written "DPRD Kota Jambi".
* a surface that another shipped gazetteer file also has is printed: the output does not depend on the
  other files, and at match time the file that sorts first wins.

Every entry has ``"fuzzy": false`` (thousands of near-identical names: fuzzy matching over them would
be slow and would confuse neighbours).

    python gazetteers/compile/regional_bodies.py [--out PATH]
"""
from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

from common import write_jsonl

HERE = Path(__file__).resolve().parent.parent
WILAYAH = HERE / "30_wilayah.jsonl"
OUT = HERE / "35_regional_bodies.jsonl"

#: Province short forms used only inside body names ("PBD" alone is also a budget term).
PROVINCE_BODY_SHORT: dict[str, list[str]] = {"96": ["PBD"]}
#: The high courts named after their seat rather than their province.
HIGH_COURT_SEATS: dict[str, str] = {
    "11": "Banda Aceh", "12": "Medan", "13": "Padang", "14": "Pekanbaru", "16": "Palembang", "18": "Tanjung Karang",
    "32": "Bandung", "33": "Semarang", "35": "Surabaya", "51": "Denpasar", "52": "Mataram", "53": "Kupang",
    "61": "Pontianak", "62": "Palangka Raya", "63": "Banjarmasin", "64": "Samarinda", "71": "Manado", "72": "Palu",
    "73": "Makassar", "74": "Kendari", "81": "Ambon", "91": "Jayapura",
}
#: Short names of kab/kota that news uses besides the official one.
KABKOTA_SHORT: dict[str, list[str]] = {
    "31.71": ["Jakpus"], "31.72": ["Jakut"], "31.73": ["Jakbar"], "31.74": ["Jaksel"], "31.75": ["Jaktim"],
    "33.72": ["Solo"], "34.71": ["Jogja", "Yogya"], "36.74": ["Tangsel"],
}
#: Police of the Polda Metro Jaya area outside Jakarta, named "Polres Metro X".
POLRES_METRO: dict[str, list[str]] = {
    "32.16": ["Polres Metro Bekasi"], "32.75": ["Polres Metro Bekasi Kota"], "32.76": ["Polres Metro Depok"],
    "36.71": ["Polres Metro Tangerang Kota", "Polres Metro Tangerang"],
}
#: Bodies that both levels have: a bare "DPRD X" with X a province's name goes to the province.
BOTH_LEVELS = {"dprd", "bpbd", "bapenda", "pemda"}


class Claims:
    """Surfaces claimed by bodies; a bare surface claimed by two kab/kota becomes one ORG with no kb_id."""

    def __init__(self) -> None:
        self.canonical: dict[str, str] = {}
        self.surfaces: dict[str, list[str]] = defaultdict(list)
        self.owner: dict[str, str | None] = {}

    def body(self, kb_id: str, canonical: str, forms: list[str]) -> None:
        self.canonical.setdefault(kb_id, canonical)
        for form in [canonical, *forms]:
            self.claim(kb_id, form)

    def claim(self, kb_id: str, surface: str) -> None:
        if surface not in self.owner:
            self.owner[surface] = kb_id
            self.surfaces[kb_id].append(surface)
        elif self.owner[surface] not in (kb_id, None):
            self.surfaces[str(self.owner[surface])].remove(surface)
            self.owner[surface] = None

    def rows(self) -> list[dict]:
        rows = []
        for kb_id, canonical in self.canonical.items():
            surfaces = self.surfaces[kb_id]
            if not surfaces:
                continue
            name = canonical if canonical in surfaces else surfaces[0]
            aliases = [s for s in surfaces if s != name]
            rows.append({"name": name, "label": "ORG", "canonical": canonical, "kb_id": kb_id,
                         "aliases": aliases, "fuzzy": False})
        for surface in sorted(s for s, owner in self.owner.items() if owner is None):
            rows.append({"name": surface, "label": "ORG", "canonical": surface, "aliases": [], "fuzzy": False})
        return rows


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def province_bodies(claims: Claims, code: str, canonical: str, names: list[str]) -> None:
    """Every body of one province, written with each of its ``names``."""
    def kb(body: str) -> str:
        return f"regional:{body}:kemendagri:{code}"

    claims.body(kb("pemprov"), f"Pemerintah Provinsi {canonical}",
                [f for n in names for f in (f"Pemerintah Provinsi {n}", f"Pemprov {n}", f"Pemda Provinsi {n}")])
    claims.body(kb("dprd"), f"DPRD Provinsi {canonical}",
                [f"Dewan Perwakilan Rakyat Daerah Provinsi {canonical}",
                 *(f for n in names for f in (f"DPRD {n}", f"DPRD Provinsi {n}"))])
    if code != "31":  # Jakarta's police is Polda Metro Jaya (20_organisations.tsv)
        claims.body(kb("polda"), f"Polda {canonical}", [f for n in names for f in (f"Polda {n}", f"Kepolisian Daerah {n}")])
    claims.body(kb("kejati"), f"Kejaksaan Tinggi {canonical}",
                [f for n in names for f in (f"Kejati {n}", f"Kejaksaan Tinggi {n}")])
    seat = [f"Pengadilan Tinggi {HIGH_COURT_SEATS[code]}"] if code in HIGH_COURT_SEATS else []
    claims.body(kb("pt"), f"Pengadilan Tinggi {canonical}", [*(f"Pengadilan Tinggi {n}" for n in names), *seat])
    claims.body(kb("bapenda"), f"Badan Pendapatan Daerah Provinsi {canonical}",
                [f for n in names for f in (f"Bapenda {n}", f"Bapenda Provinsi {n}")])
    claims.body(kb("bpbd"), f"BPBD Provinsi {canonical}",
                [f"Badan Penanggulangan Bencana Daerah Provinsi {canonical}",
                 *(f for n in names for f in (f"BPBD {n}", f"BPBD Provinsi {n}"))])
    claims.body(kb("setda"), f"Sekretariat Daerah Provinsi {canonical}",
                [f for n in names for f in (f"Setdaprov {n}", f"Setda Provinsi {n}", f"Setda {n}")])
    claims.body(kb("kanwil-kemenag"), f"Kantor Wilayah Kementerian Agama Provinsi {canonical}",
                [f for n in names for f in (f"Kanwil Kemenag {n}", f"Kanwil Kementerian Agama {n}",
                                            f"Kanwil Kementerian Agama Provinsi {n}")])
    for n in names:  # Pemda X: the province's when X names a province (see BOTH_LEVELS)
        claims.claim(kb("pemprov"), f"Pemda {n}")


def kabkota_bodies(claims: Claims, code: str, name: str, names: list[str], shared: set[str],
                   province_names: set[str]) -> None:
    """Every body of one kabupaten or kota; ``shared``: short names another kab/kota also has."""
    kota = name.startswith("Kota ")
    kind = "Kota" if kota else "Kabupaten"
    admin = " Administrasi " in f" {name} "
    short = names[0]
    unique = short not in shared

    def kb(body: str) -> str:
        return f"regional:{body}:kemendagri:{code}"

    def bare(body: str, forms: list[str], kota_wins: bool = False) -> list[str]:
        """The bare forms ("DPRD Bogor") this kab/kota may claim."""
        out = []
        for n, form in forms_by_name(forms):
            if body in BOTH_LEVELS and n in province_names:
                continue  # the province's
            if n in shared and kota_wins and not kota:
                continue  # the kota's
            out.append(form)
        return out

    def forms_by_name(templates: list[str]) -> list[tuple[str, str]]:
        return [(n, t.format(n=n)) for n in names for t in templates]

    gov = "pemkot" if kota else "pemkab"
    typed = [f"Pemerintah {kind} {{n}}", "Pemkot {n}", "Pemko {n}"] if kota else \
        [f"Pemerintah {kind} {{n}}", "Pemerintah Kab. {n}", "Pemkab {n}"]
    if admin:
        typed += [f"Pemerintah {kind} Administrasi {{n}}", f"{'Pemkot' if kota else 'Pemkab'} Administrasi {{n}}"]
    claims.body(kb(gov), f"Pemerintah {name}",
                [f for _, f in forms_by_name([*typed, f"Pemda {kind} {{n}}"])])
    for form in bare("pemda", ["Pemda {n}"]):
        claims.claim(kb(gov), form)  # a second kab/kota claiming it turns it into an ORG without id
    if not admin:
        claims.body(kb("dprd"), f"DPRD {name}",
                    [f"Dewan Perwakilan Rakyat Daerah {name}",
                     *(f for _, f in forms_by_name([f"DPRD {kind} {{n}}", *([] if kota else ["DPRD Kab. {n}"])])),
                     *bare("dprd", ["DPRD {n}"])])
    # police: Jakarta's cities have "Polres Metro X" / "Polrestro X", a few neighbours "Polres Metro X"
    metro = POLRES_METRO.get(code, [])
    if admin and kota:
        metro = [f for _, f in forms_by_name(["Polres Metro {n}", "Polrestro {n}"])]
    bare_police = ["Polres {n}"] if admin else ["Polres {n}", "Polresta {n}"]
    typed_police = [] if unique else ["Polres {n} Kota", "Polresta {n} Kota"] if kota else ["Polres Kabupaten {n}"]
    police = metro[0] if metro else f"Polres {short}" if unique else f"Polres {name}"
    claims.body(kb("polres"), police,
                [*metro, *(f for _, f in forms_by_name(typed_police)), *bare("polres", bare_police),
                 *(f for _, f in forms_by_name(["Polrestabes {n}"] if kota and not admin else []))])
    # prosecutors and courts
    claims.body(kb("kejari"), f"Kejaksaan Negeri {short}" if unique else f"Kejaksaan Negeri {name}",
                [*(f for _, f in forms_by_name([f"Kejari {kind} {{n}}", f"Kejaksaan Negeri {kind} {{n}}"])),
                 *bare("kejari", ["Kejari {n}", "Kejaksaan Negeri {n}"])])
    courts = bare("pn", ["Pengadilan Negeri {n}", "PN {n}"], kota_wins=True)
    if courts:
        claims.body(kb("pn"), courts[0], courts[1:])
    if not admin:
        claims.body(kb("bpbd"), f"BPBD {name}",
                    [f"Badan Penanggulangan Bencana Daerah {name}",
                     *(f for _, f in forms_by_name([f"BPBD {kind} {{n}}", *([] if kota else ["BPBD Kab. {n}"])])),
                     *bare("bpbd", ["BPBD {n}"])])
        claims.body(kb("bapenda"), f"Badan Pendapatan Daerah {name}",
                    [*(f for _, f in forms_by_name([f"Bapenda {kind} {{n}}"])), *bare("bapenda", ["Bapenda {n}"])])


def _short(name: str) -> str:
    """ "Kota Administrasi Jakarta Selatan" -> "Jakarta Selatan"."""
    for prefix in ("Kabupaten Administrasi ", "Kota Administrasi ", "Kabupaten ", "Kota "):
        if name.startswith(prefix):
            return name[len(prefix):]
    raise ValueError(f"not a kabupaten/kota name: {name!r}")


def shipped_surfaces(exclude: Path) -> set[str]:
    """Names and aliases in the other shipped gazetteer files."""
    from ner_id.gazetteer import load_entries

    paths = sorted(p for p in HERE.iterdir() if p.suffix in {".jsonl", ".tsv"} and p.name != exclude.name)
    return {s for entry in load_entries(paths) for s in entry.surfaces}


def compile_rows(wilayah: Path) -> list[dict]:
    """The rows of ``35_regional_bodies.jsonl`` from the rows of ``30_wilayah.jsonl``."""
    with open(wilayah, encoding="utf-8") as handle:
        regions = [json.loads(line) for line in handle if line.strip()]
    regions = [r for r in regions if (r.get("kb_id") or "").startswith("kemendagri:")]
    provinces = [r for r in regions if "." not in r["kb_id"]]
    kabkota = [r for r in regions if r["kb_id"].count(".") == 1]
    province_names: set[str] = set()
    claims = Claims()
    for r in provinces:
        code = r["kb_id"].split(":", 1)[1]
        names = _unique([r["canonical"], r["name"], *r.get("aliases", []), *PROVINCE_BODY_SHORT.get(code, [])])
        province_names.update(names)
        province_bodies(claims, code, r["canonical"], names)
    short_names = {r["kb_id"]: _unique([_short(r["name"]), *KABKOTA_SHORT.get(r["kb_id"].split(":", 1)[1], [])])
                   for r in kabkota}
    count: dict[str, int] = defaultdict(int)
    for names in short_names.values():
        for n in names:
            count[n] += 1
    shared = {n for n, k in count.items() if k > 1}
    for r in kabkota:
        kabkota_bodies(claims, r["kb_id"].split(":", 1)[1], r["name"], short_names[r["kb_id"]], shared, province_names)
    return claims.rows()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wilayah", type=Path, default=WILAYAH, help="the compiled 30_wilayah.jsonl")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    rows = compile_rows(args.wilayah)
    clash = sorted({s for r in rows for s in (r["name"], *r["aliases"])} & shipped_surfaces(exclude=OUT))
    if clash:
        print(f"also in other shipped gazetteer files: {', '.join(clash)}")
    write_jsonl(rows, args.out)
    print(f"{sum(1 + len(r['aliases']) for r in rows)} surfaces, {sum('kb_id' not in r for r in rows)} without kb_id")


if __name__ == "__main__":
    main()
