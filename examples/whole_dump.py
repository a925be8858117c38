"""Across a dump: who is mentioned most, when, and with whom (the whole-dump index).

    python examples/whole_dump.py [PICTURE]   # tables; with matplotlib also a picture (examples/whole_dump.png)

On a real dump, the same tables come from the command line:

    ner-id extract dump.jsonl -o tagged.jsonl --id-field id --keep-field date
    ner-id index tagged.jsonl -o index/ --date-field date
"""
import json
import sys
from pathlib import Path

import ner_id
import ner_id.index

HERE = Path(__file__).parent
PICTURE = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "whole_dump.png"
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

print("\nDocuments per (entity, topic), top entities")
table = tables.topics.astype({"documents": int}).pivot_table(
    index="entity", columns="topic", values="documents", aggfunc="sum", fill_value=0)
names = dict(zip(entities["id"], entities["canonical"]))
print(table.loc[[e for e in entities["id"].head(8) if e in table.index]].rename(index=names).to_string())

try:
    import matplotlib

    matplotlib.use("Agg")
except ImportError:
    print("\n(pip install matplotlib for the picture)")
else:
    ner_id.plot_entities(entities, top=8).savefig(PICTURE, dpi=80)
    print(f"\npicture: {PICTURE}")
