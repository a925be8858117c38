"""The README's notebook path (one tagging pass, then entities, groups and topics) against one ``nlp.pipe``.

    python benchmarks/one_pass.py [--data ../shared/data] [--docs 300] [--rounds 2]

Both are timed in this process, alternating (pipe, path, pipe, path, ...), after a warm-up (the
imports a notebook pays once). The path is the README's notebook block: ``nlp.pipe`` over the
articles, then ``extract_df``, ``groups_df``, ``discover``, each document's best topic,
``plot_entities`` (when matplotlib is installed) and ``render`` on the documents it gave. Prints
each round, the medians and their ratio (the target: at most 1.3x). Articles come from
``raw_text/indosum_dev_articles.txt`` as ``benchmarks/speed.py`` reads them.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

import pandas as pd
from speed import _cpu, news_texts

import ner_id
from ner_id.discover import discover


def one_pass(nlp: ner_id.Pipeline, df: pd.DataFrame, n_topics: int, plot: bool) -> dict[str, int]:
    """The README's notebook path; sizes of what it made."""
    docs = list(nlp.pipe(df["text"], batch_size=32))
    entities = ner_id.extract_df(df, id_col="id", docs=docs)
    groups = ner_id.groups_df(df, id_col="id", docs=docs)
    found = discover(docs, n_topics=n_topics)
    best_topic = [d.topics[0].label if d.topics else None for d in docs]
    if plot:
        import matplotlib.pyplot as plt

        plt.close(ner_id.plot_entities(entities, top=10))
    html = ner_id.render(docs[0])
    return {"entities": len(entities), "groups": len(groups), "topics": len(found.topics),
            "with_topic": sum(t is not None for t in best_topic), "html_chars": len(html)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--docs", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=2, help="timings of each, alternating")
    parser.add_argument("--n-topics", type=int, default=10, help="discover's topics, as in the README")
    args = parser.parse_args()
    texts = news_texts(args.data, args.docs)
    df = pd.DataFrame({"id": [f"doc{i}" for i in range(len(texts))], "text": texts})
    try:
        import matplotlib

        matplotlib.use("Agg")
        plot = True
    except ImportError:
        plot = False
    nlp = ner_id.load()
    one_pass(nlp, df.head(8), 2, plot)  # warm up: the pipeline, and the path's imports (scikit-learn, once per kernel)
    pipe_s: list[float] = []
    path_s: list[float] = []
    for round_ in range(1, args.rounds + 1):
        start = time.perf_counter()
        list(nlp.pipe(texts, batch_size=32))
        pipe_s.append(time.perf_counter() - start)
        start = time.perf_counter()
        sizes = one_pass(nlp, df, args.n_topics, plot)
        path_s.append(time.perf_counter() - start)
        print(f"round {round_}: nlp.pipe {pipe_s[-1]:.2f} s, one-pass path {path_s[-1]:.2f} s ({sizes})", flush=True)
    pipe, path = statistics.median(pipe_s), statistics.median(path_s)
    print(f"cpu            {_cpu()}, python {sys.version.split()[0]}")
    print(f"articles       {len(texts)}{'' if plot else ' (no matplotlib: plot_entities left out)'}")
    print(f"nlp.pipe       {pipe:.2f} s (median of {args.rounds})")
    print(f"one-pass path  {path:.2f} s (median of {args.rounds})")
    print(f"ratio          {path / pipe:.2f}x (target: at most 1.3x)")


if __name__ == "__main__":
    main()
