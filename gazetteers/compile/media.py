"""Compile ``24_media.jsonl``: media outlets and news agencies, one entry per outlet.

Source: ``gazetteers/sources/media.tsv``, written by hand for this project from public facts (outlet,
site, desk and channel names as the outlets print them); no list was copied, so the table is under the
project's own licence (Apache-2.0). Every desk, channel, site and print title of an outlet is a surface
of its one row ("detikNews", "detikJateng", "20detik" -> detikcom), so they share one kb_id
(``org:media-<slug>``; outlets already in ``20_organisations.tsv`` keep their ``org:news-*`` id and
canonical, and only the surfaces it lacks are written). Outlet names are often ordinary words (Kompas,
Tempo, Kontan, Republika), so no media entry fuzzy-matches. Bare names that mostly mean something else
are left out and listed in ``EXCLUDED``. The checks are those of ``institutions.py``.

    python gazetteers/compile/media.py [--out PATH]
"""
from __future__ import annotations

from pathlib import Path

import institutions

SOURCE = institutions.GAZETTEERS / "sources" / "media.tsv"
OUT = institutions.GAZETTEERS / "24_media.jsonl"

#: Bare names never written, each of which often stands for something else.
EXCLUDED = {
    "Detik": "'detik' (second); sentence-initial 'Detik-detik'", "Antara": "sentence-initial 'Antara' (between)",
    "Tribun": "a grandstand", "Tribun Timur": "a stadium's east stand", "Tirto": "a given name",
    "Suara": "a word", "Merdeka": "a word; Hari Merdeka", "Bisnis": "a word", "Bola": "a word", "Surya": "a name",
    "Waspada": "a word", "Fajar": "a word and a name", "Sindo": "short and rare", "Nikkei": "the Nikkei 225 index",
    "CCTV": "the camera", "ABC": "two broadcasters", "DW": "initials", "FT": "initials", "Guardian": "a word",
    "The Star": "a phrase", "Sputnik": "the vaccine", "Anadolu": "the region", "Berita Harian": "a phrase",
    "Liputan 6": "SCTV's news programme", "Time": "a word", "Narasi": "a word", "Gatra": "a word",
    "AP": "initials of a person ('AP alias Fandi')",
}


def main(out: Path = OUT) -> None:
    institutions.main(SOURCE, out, EXCLUDED, fuzzy=False, doc=__doc__)


if __name__ == "__main__":
    main()
