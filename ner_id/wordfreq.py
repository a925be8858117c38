"""Word document frequencies counted on Indonesian news (``models/idf.json.gz``, built by
``python -m ner_id.training.topics``): for TF-IDF weights and for telling words from typos."""
from __future__ import annotations

import gzip
import json
from functools import lru_cache
from pathlib import Path

IDF_PATH = Path(__file__).resolve().parent / "models" / "idf.json.gz"


@lru_cache(maxsize=1)
def idf_table() -> tuple[int, dict[str, int]]:
    """(number of documents, document frequency per lower-cased word)."""
    with gzip.open(IDF_PATH, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    return data["documents"], data["df"]
