"""A notebook-style walk through ner-id for analysts (run it, or paste its cells into Jupyter).

    python examples/analyst.py [HTML]     # writes examples/sco-dushanbe.html, or HTML
"""
# %% Load a few articles into pandas
import json
import sys
from pathlib import Path

import pandas as pd

import ner_id

here = Path(__file__).parent
articles = pd.DataFrame([json.loads(line) for line in open(here / "articles.jsonl", encoding="utf-8")])
print(articles[["id", "title"]])

# %% Tag every article once; every table below comes from these documents
nlp = ner_id.load()                         # or your own settings, e.g. ner_id.load(fuzzy=False)
docs = list(nlp.pipe(articles["text"]))

# %% One row per (article, entity group): what each article is about
groups = ner_id.groups_df(articles, text_col="text", id_col="id", docs=docs)
top = (groups.sort_values(["id", "count"], ascending=[True, False])
             .groupby("id").head(5)[["id", "canonical", "label", "kb_id", "count"]])
print(top.to_string(index=False))

# %% Every mention, with its group's canonical name
doc = docs[0]
print(doc.to_frame()[["text", "label", "start", "end", "source", "group_canonical"]].head(15))

# %% Topics and keyphrases
print([f"{t.label} {t.score:.2f}" for t in doc.topics])
print([k.text for k in doc.keyphrases])

# %% A picture: in a notebook, `ner_id.render(doc)` displays itself
out = Path(sys.argv[1]) if len(sys.argv) > 1 else here / "sco-dushanbe.html"
out.write_text(ner_id.render(doc, page=True), encoding="utf-8")
print(f"wrote {out}")
