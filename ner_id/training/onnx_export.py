"""Export a shipped Stanza tagger to ONNX: a character graph, a word graph and the tables around them.

Stanza's ``NERTagger.forward`` maps words, packs sequences and reorders in Python, so it cannot be
exported as it is. Two small wrappers over the same modules can:

* the character graph: character ids ``[tokens, chars]`` of tokens that all have the same length
  -> the final states of the character BiLSTM ``[tokens, 2 * char_hidden_dim]``;
* the word graph: per-token features ``[sentences, tokens, word_emb_dim + 2 * char_hidden_dim]``
  (word vector + delta embedding, then the character representation) and sentence lengths
  -> emissions ``[sentences, tokens, tags]``.

The word vectors stay in the shared ``id_vectors.pt`` (read with numpy at run time); the delta
embeddings, the vocabularies and the CRF transitions go to ``<tagger>.tables.npz``. The ``fast``
model's word graph is the default word graph with dynamically int8-quantised weights.
"""
from __future__ import annotations

import io
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

from ner_id.onnx_tagger import words_hash

#: The ONNX opset the graphs are exported with (recorded in the manifest).
OPSET = 17


class CharGraph(nn.Module):
    """The character BiLSTM of Stanza's ``CharacterModel`` (no attention) over tokens of one length."""

    def __init__(self, charmodel: Any) -> None:
        super().__init__()
        self.emb, self.lstm = charmodel.char_emb, charmodel.charlstm.lstm
        self.h0, self.c0 = charmodel.charlstm_h_init, charmodel.charlstm_c_init

    def forward(self, chars: torch.Tensor) -> torch.Tensor:
        size = chars.shape[0]
        hx = (self.h0.expand(-1, size, -1).contiguous(), self.c0.expand(-1, size, -1).contiguous())
        _, (h, _) = self.lstm(self.emb(chars), hx)
        return torch.cat([h[-2], h[-1]], dim=1)


class WordGraph(nn.Module):
    """Input transform, sentence BiLSTM and tag classifier of Stanza's ``NERTagger`` over padded features."""

    def __init__(self, model: Any) -> None:
        super().__init__()
        self.transform, self.lstm, self.classifier = model.input_transform, model.taggerlstm.lstm, model.tag_clfs[0]
        self.h0, self.c0 = model.taggerlstm_h_init, model.taggerlstm_c_init

    def forward(self, features: torch.Tensor, lengths: torch.Tensor) -> torch.Tensor:
        size = features.shape[0]
        hx = (self.h0.expand(-1, size, -1).contiguous(), self.c0.expand(-1, size, -1).contiguous())
        packed = pack_padded_sequence(self.transform(features), lengths, batch_first=True)
        output, _ = self.lstm(packed, hx)
        return self.classifier(pad_packed_sequence(output, batch_first=True)[0])


def check_exportable(args: dict) -> None:
    """ValueError unless the network is the one the wrappers mirror."""
    unsupported = {"charlm": args.get("charlm"), "bert_model": args.get("bert_model"),
                   "connect_output_layers": args.get("connect_output_layers"),
                   "no input_transform": not args.get("input_transform"), "no char model": not args.get("char"),
                   "num_layers != 1": args.get("num_layers") != 1, "char_num_layers != 1": args.get("char_num_layers") != 1}
    found = [name for name, value in unsupported.items() if value]
    if found:
        raise ValueError(f"cannot export this tagger to ONNX ({', '.join(found)}); use backend='stanza' for it")


def export_graphs(model: Any) -> tuple[bytes, bytes]:
    """The character and word graphs of Stanza ``NERTagger`` ``model`` (in eval mode) as ONNX bytes."""
    char_graph, word_graph = CharGraph(model.charmodel).eval(), WordGraph(model).eval()
    features = 2 * model.args["char_hidden_dim"] + model.args["word_emb_dim"]
    char_file, word_file = io.BytesIO(), io.BytesIO()
    with torch.no_grad(), warnings.catch_warnings():
        # the legacy exporter's deprecation and tracer notes; the batch-size note does not apply
        # (the initial states are expanded to each batch's size in the graph)
        warnings.simplefilter("ignore")
        torch.onnx.export(char_graph, (torch.ones(3, 5, dtype=torch.long),), char_file,  # type: ignore[arg-type]
                          dynamo=False, opset_version=OPSET,
                          input_names=["chars"], output_names=["reps"],
                          dynamic_axes={"chars": {0: "tokens", 1: "length"}, "reps": {0: "tokens"}})
        torch.onnx.export(word_graph, (torch.zeros(2, 4, features), torch.tensor([4, 2])), word_file,  # type: ignore[arg-type]
                          dynamo=False,
                          opset_version=OPSET, input_names=["features", "lengths"], output_names=["emissions"],
                          dynamic_axes={"features": {0: "sentences", 1: "tokens"}, "lengths": {0: "sentences"},
                                        "emissions": {0: "sentences", 1: "tokens"}})
    return char_file.getvalue(), word_file.getvalue()


def tables(model: Any, vocab: Any) -> dict[str, Any]:
    """Delta embeddings, vocabularies, CRF transitions and case flags of ``model`` for ``np.savez``.

    The word vectors stay in their own file; the tables record the sha256 of their word list.
    """
    if model.delta_emb is None:
        raise ValueError("cannot export a tagger without a delta embedding to ONNX; use backend='stanza' for it")

    def words(name: str) -> np.ndarray:
        units = vocab[name]._id2unit
        if any("\n" in u for u in units):
            raise ValueError(f"the {name} vocabulary has a unit with a newline; it cannot be stored newline-joined")
        return np.array("\n".join(units))

    return {"delta": model.delta_emb.weight.detach().numpy(), "delta_words": words("delta"),
            "words_sha256": np.array(words_hash(str(words("word")))),
            "chars": words("char"), "tags": np.array("\n".join(vocab["tag"]._id2unit[0])),
            "transitions": model.crits[0]._transitions.detach().numpy(),
            "lowercase": np.array(bool(model.args.get("lowercase", True))), "delta_lowercase": np.array(vocab["delta"].lower),
            "char_lowercase": np.array(bool(model.args.get("char_lowercase", False)))}


def quantize(word_graph: bytes, path: Path) -> None:
    """Write the int8 dynamically quantised ``word_graph`` to ``path``."""
    import tempfile

    from onnxruntime.quantization import QuantType, quantize_dynamic

    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "word.onnx"
        source.write_bytes(word_graph)
        quantize_dynamic(source, path, weight_type=QuantType.QInt8)
