"""Extract entities from the bundled example articles and print them.

    python examples/quickstart.py
"""
import json
from pathlib import Path

import ner_id

nlp = ner_id.load()
articles = [json.loads(line) for line in open(Path(__file__).with_name("articles.jsonl"), encoding="utf-8")]
for article, doc in zip(articles, nlp.pipe(a["text"] for a in articles)):
    print(f"\n== {article['id']}: {article['title']}")
    for e in doc.entities:
        link = f" -> {e.canonical} [{e.kb_id}]" if e.kb_id else ""
        print(f"  {e.start:>5}-{e.end:<5} {e.label:<4} {e.text!r:<45} {e.source:<16} {e.score:.2f}{link}")
