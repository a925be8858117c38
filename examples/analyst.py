"""A notebook-style walk through ner-id for analysts (run it, or paste its cells into Jupyter).

    python examples/analyst.py            # writes examples/sco-dushanbe.html
"""
# %% Load a few articles into pandas
import json
from pathlib import Path

import pandas as pd

import ner_id

here = Path(__file__).parent
articles = pd.DataFrame([json.loads(line) for line in open(here / "articles.jsonl", encoding="utf-8")])
print(articles[["id", "title"]])

# %% One row per (article, entity group): what each article is about
groups = ner_id.groups_df(articles, text_col="text", id_col="id")
top = (groups.sort_values(["id", "count"], ascending=[True, False])
             .groupby("id").head(5)[["id", "canonical", "label", "kb_id", "count"]])
print(top.to_string(index=False))

# %% Every mention, with its group's canonical name
nlp = ner_id.load()
doc = nlp(articles.loc[0, "text"])
print(doc.to_frame()[["text", "label", "start", "end", "source", "group_canonical"]].head(15))

# %% Topics and keyphrases
print([f"{t.label} {t.score:.2f}" for t in doc.topics])
print([k.text for k in doc.keyphrases])

# %% A picture: in a notebook, `ner_id.render(doc)` displays itself
out = here / "sco-dushanbe.html"
out.write_text(ner_id.render(doc, page=True), encoding="utf-8")
print(f"wrote {out}")
