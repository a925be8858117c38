"""Word document frequencies counted on Indonesian news (``models/idf.json.gz``, built by
``python -m ner_id.training.topics``): for TF-IDF weights and for telling words from typos."""
from __future__ import annotations

import gzip
import json
from functools import lru_cache

from ner_id.shipped import read_verified


@lru_cache(maxsize=1)
def idf_table() -> tuple[int, dict[str, int]]:
    """(number of documents, document frequency per lower-cased word)."""
    data = json.loads(gzip.decompress(read_verified("idf.json.gz")).decode("utf-8"))
    return data["documents"], data["df"]
