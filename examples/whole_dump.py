"""Across a dump: who is mentioned most, when, and with whom (the whole-dump index).

    python examples/whole_dump.py                       # the bundled articles (examples/articles.jsonl)
    python examples/whole_dump.py my_articles.jsonl --picture top.png [--text-field body] [--date-field published]

INPUT is any file or folder ``ner-id extract`` reads (.jsonl, .jsonl.gz, .csv, .parquet, .txt).
Prints tables; with matplotlib also a picture (default examples/whole_dump.png). On a large dump,
the same tables come from the command line:

    ner-id extract dump.jsonl -o tagged.jsonl --id-field id --keep-field date
    ner-id index tagged.jsonl -o index/ --date-field date
"""
import argparse
import sys
from pathlib import Path

import ner_id
import ner_id.index
from ner_id.readers import BadRecord, expand_inputs, read_records

HERE = Path(__file__).parent
parser = argparse.ArgumentParser(description="Top entities, a timeline and co-occurrences of a collection of articles.")
parser.add_argument("inputs", nargs="*", default=[HERE / "articles.jsonl"], metavar="INPUT",
                    help="articles (default: the bundled examples/articles.jsonl)")
parser.add_argument("--picture", type=Path, default=HERE / "whole_dump.png", help="where the picture goes")
parser.add_argument("--text-field", default="text")
parser.add_argument("--id-field", default=None, help="default: the line or row number")
parser.add_argument("--date-field", default="date")
args = parser.parse_args()

files = expand_inputs(args.inputs)
records, bad = [], 0
for path in files:
    for record in read_records(path, args.text_field, args.id_field, qualify_ids=len(files) > 1):
        if isinstance(record, BadRecord):
            bad += 1
            print(f"skipped {record.source}:{record.line}: {record.reason}")
        else:
            records.append(record)
print(f"{len(records)} articles ({bad} records could not be read)")
if not records:
    sys.exit("no articles to index")
dated = any(args.date_field in r.fields for r in records)
nlp = ner_id.load()
docs = nlp.pipe(r.text for r in records)
tables = ner_id.index.build([(r.id, doc, {args.date_field: r.fields.get(args.date_field)}) for r, doc in zip(records, docs)],
                            date_field=args.date_field if dated else None, period="day")

entities = tables.entities
print("Top entities per label")
for label, rows in entities.groupby("label", sort=True):
    print(f"  {label}: " + ", ".join(f"{r.canonical} ({r.mentions})" for r in rows.head(5).itertuples()))

top = entities.sort_values(["documents", "mentions"], ascending=False).iloc[0]
if dated:
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
    ner_id.plot_entities(entities, top=8).savefig(args.picture, dpi=80)
    print(f"\npicture: {args.picture}")
