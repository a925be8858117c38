"""Across a dump: who is mentioned most, when, and with whom (the whole-dump index).

    python examples/whole_dump.py            # tables; with matplotlib installed also whole_dump.png

On a real dump, the same tables come from the command line:

    ner-id extract dump.jsonl -o tagged.jsonl --id-field id --keep-field date
    ner-id index tagged.jsonl -o index/ --date-field date
"""
import json
from pathlib import Path

import ner_id
import ner_id.index

HERE = Path(__file__).parent
articles = [json.loads(line) for line in open(HERE / "articles.jsonl", encoding="utf-8")]
nlp = ner_id.load()
docs = nlp.pipe(a["text"] for a in articles)
tables = ner_id.index.build([(a["id"], doc, {"date": a["date"]}) for a, doc in zip(articles, docs)],
                            date_field="date", period="day")

entities = tables.entities
print("Top entities per label")
for label, rows in entities.groupby("label", sort=True):
    print(f"  {label}: " + ", ".join(f"{r.canonical} ({r.mentions})" for r in rows.head(5).itertuples()))

top = entities.sort_values(["documents", "mentions"], ascending=False).iloc[0]
print(f"\nTimeline of {top.canonical} ({top.id}), the entity in most articles: mentions per day")
print(tables.timeline[tables.timeline["entity"] == top.id].to_string(index=False))

pairs = tables.cooccurrence
partners = pairs[(pairs["entity_a"] == top.id) | (pairs["entity_b"] == top.id)]
partner_ids = [b if a == top.id else a for a, b in zip(partners["entity_a"], partners["entity_b"])]
orgs = entities[entities["id"].isin(partner_ids) & (entities["label"] == "ORG")]
print(f"\nOrganisations in the same articles as {top.canonical}: " + ", ".join(orgs["canonical"]))

try:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
except ImportError:
    print("\n(pip install matplotlib for the picture)")
else:
    figure, axes = plt.subplots(1, 3, figsize=(14, 4))
    for axis, label in zip(axes, ("PER", "ORG", "LOC")):
        rows = entities[entities["label"] == label].head(8).iloc[::-1]
        axis.barh(rows["canonical"], rows["mentions"], color={"PER": "#aa9cfc", "ORG": "#7aecec", "LOC": "#ff9561"}[label])
        axis.set_title(f"most mentioned {label}")
        axis.set_xlabel("mentions")
    figure.tight_layout()
    figure.savefig(HERE / "whole_dump.png", dpi=80)
    print(f"\npicture: {HERE / 'whole_dump.png'}")
