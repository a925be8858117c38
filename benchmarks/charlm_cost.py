"""What a Stanza character language model would cost the tagger: tokens/s of the shipped network
against the same network with forward + backward charlms of a given size (untrained weights, so
speed only). Sizes that push the pipeline under 10,000 tokens/s on 2 cores rule that lever out.

    python benchmarks/charlm_cost.py [--data ../shared/data] [--docs 120] [--sizes 128 256]
"""
from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import torch
from speed import news_texts
from stanza.models.common.char_model import CharacterLanguageModel
from stanza.models.ner.model import NERTagger

import ner_id


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--docs", type=int, default=120)
    parser.add_argument("--sizes", type=int, nargs="+", default=[128, 256])
    args = parser.parse_args()

    nlp = ner_id.load(topic_model=None, keyphrases=False)
    tagger = nlp.tagger
    sentences = [[t.text for t in s] for text in news_texts(args.data, args.docs)
                 for s in nlp.tokenizer(text).sentence_tokens()]
    tokens = sum(map(len, sentences))

    def rate() -> float:
        start = time.perf_counter()
        tagger.tag(sentences)
        return tokens / (time.perf_counter() - start)

    print(f"{tokens} tokens; shipped tagger: {rate():,.0f} tokens/s")
    shipped_args, vocab, shipped_model = tagger._args, tagger._vocab, tagger._model
    with tempfile.TemporaryDirectory() as folder:
        for hidden in args.sizes:
            lm_args = dict(shipped_args, char_hidden_dim=hidden, char_emb_dim=50, char_num_layers=1)
            files = {}
            for forward in (True, False):
                files[forward] = f"{folder}/lm_{hidden}_{forward}.pt"
                CharacterLanguageModel(lm_args, {"char": vocab["char"]}, is_forward_lm=forward).save(files[forward])
            net_args = dict(shipped_args, charlm=True, charlm_forward_file=files[True], charlm_backward_file=files[False])
            tagger._args = net_args
            tagger._model = NERTagger(net_args, vocab, emb_matrix=torch.zeros(len(vocab["word"]), 100)).eval()
            print(f"with forward + backward charlm, hidden {hidden}: {rate():,.0f} tokens/s")
    tagger._args, tagger._model = shipped_args, shipped_model


if __name__ == "__main__":
    main()
