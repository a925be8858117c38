"""Compile ``10_countries.jsonl``: countries and territories with Indonesian names.

Source: pycountry (Debian iso-codes, LGPL-2.1), its ``id`` gettext locale for the Indonesian
names; the canonical forms and aliases below (AS, RI, Tiongkok, Korsel, ...) are written and
checked by hand, following Indonesian news usage.

    python gazetteers/compile/countries.py
"""
from __future__ import annotations

import gettext
from pathlib import Path

import pycountry
from common import write_jsonl

OUT = Path(__file__).resolve().parent.parent / "10_countries.jsonl"

#: alpha-2 -> (canonical name used by Indonesian news, aliases)
USAGE: dict[str, tuple[str, list[str]]] = {
    "ID": ("Indonesia", ["RI", "Republik Indonesia", "NKRI", "Negara Kesatuan Republik Indonesia"]),
    "US": ("Amerika Serikat", ["AS", "USA", "Amerika", "Paman Sam", "United States"]),
    "GB": ("Inggris", ["Britania Raya", "Britania", "UK", "Kerajaan Inggris", "Kerajaan Bersatu"]),
    "CN": ("China", ["Tiongkok", "Cina", "RRT", "RRC", "Republik Rakyat Tiongkok", "Republik Rakyat China"]),
    "KR": ("Korea Selatan", ["Korsel", "Republik Korea", "Korea Sel."]),
    "KP": ("Korea Utara", ["Korut", "DPRK", "Republik Demokratik Rakyat Korea"]),
    "RU": ("Rusia", ["Federasi Rusia"]),
    "AF": ("Afghanistan", ["Afganistan", "Republik Islam Afghanistan"]),
    "TL": ("Timor Leste", ["Timor-Leste", "Republik Demokratik Timor Leste"]),
    "TW": ("Taiwan", []),
    "IR": ("Iran", ["Republik Islam Iran"]),
    "SY": ("Suriah", ["Syria", "Republik Arab Suriah"]),
    "LA": ("Laos", []),
    "VN": ("Vietnam", ["Viet Nam"]),
    "VE": ("Venezuela", []),
    "BO": ("Bolivia", []),
    "MD": ("Moldova", []),
    "TZ": ("Tanzania", []),
    "PS": ("Palestina", ["Negara Palestina"]),
    "FR": ("Prancis", ["Perancis"]),
    "CZ": ("Ceko", ["Republik Ceko", "Czechia"]),
    "PH": ("Filipina", []),
    "SA": ("Arab Saudi", ["Saudi", "Saudi Arabia"]),
    "AE": ("Uni Emirat Arab", ["UEA"]),
    "NL": ("Belanda", []),
    "DE": ("Jerman", []),
    "JP": ("Jepang", []),
    "MY": ("Malaysia", ["Negeri Jiran"]),
    "SG": ("Singapura", []),
    "AU": ("Australia", ["Negeri Kanguru"]),
    "NZ": ("Selandia Baru", []),
    "IN": ("India", []),
    "TR": ("Turki", ["Turkiye", "Türkiye"]),
    "VA": ("Vatikan", ["Takhta Suci"]),
    "MM": ("Myanmar", ["Burma"]),
    "CD": ("Republik Demokratik Kongo", ["Kongo"]),
    "CG": ("Republik Kongo", []),
    "CI": ("Pantai Gading", []),
    "TJ": ("Tajikistan", ["Tajikstan"]),
    "KG": ("Kirgizstan", ["Kyrgyzstan"]),
    "UA": ("Ukraina", []),
    "MK": ("Makedonia Utara", []),
    "FM": ("Mikronesia", []),
    "BN": ("Brunei Darussalam", ["Brunei"]),
    "PG": ("Papua Nugini", ["PNG"]),
    "CO": ("Kolombia", []),
}
EXTRA = [  # regions and former states often named in news
    ("Eropa", "continent:EU", []), ("Asia", "continent:AS", []), ("Afrika", "continent:AF", []),
    ("Amerika Latin", "region:latam", []), ("Timur Tengah", "region:mideast", []),
    ("Asia Tenggara", "region:sea", []), ("Asia Tengah", "region:central-asia", []),
    ("Asia Pasifik", "region:apac", ["Asia-Pasifik"]), ("Semenanjung Korea", "region:korean-peninsula", []),
    ("Jalur Gaza", "region:gaza", ["Gaza"]), ("Tepi Barat", "region:west-bank", []),
    ("Xinjiang", "region:xinjiang", []), ("Hong Kong", "iso3166:HK", []), ("Krimea", "region:crimea", []),
]


def main() -> None:
    names = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"])
    rows = []
    for country in pycountry.countries:
        code = country.alpha_2
        indonesian = names.gettext(country.name)
        canonical, aliases = USAGE.get(code, (indonesian, []))
        surfaces = [indonesian, country.name, getattr(country, "common_name", "")]
        official = getattr(country, "official_name", "")
        surfaces += [names.gettext(official), official] if official else []
        aliases = [a for a in dict.fromkeys([*aliases, *surfaces]) if a and "," not in a and a != canonical]
        rows.append({"name": canonical, "label": "LOC", "canonical": canonical, "kb_id": f"iso3166:{code}",
                     "aliases": aliases})
    for name, kb_id, aliases in EXTRA:
        rows.append({"name": name, "label": "LOC", "canonical": name, "kb_id": kb_id, "aliases": aliases})
    write_jsonl(rows, OUT)


if __name__ == "__main__":
    main()
