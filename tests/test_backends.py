"""The ONNX Runtime backend against the Stanza reference: same tags, same entities, no torch needed."""
import json
import subprocess
import sys

import numpy as np
import pytest

import ner_id
from conftest import EXAMPLES, FIXTURES
from ner_id.conll import read_conll
from ner_id.shipped import MODEL_DIR, manifest, read_verified
from ner_id.tagger import Tagger
from ner_id.tokenizer import Tokenizer

pytestmark = pytest.mark.model
ARTICLES = [json.loads(line)["text"] for line in (EXAMPLES / "articles.jsonl").read_text(encoding="utf-8").splitlines()]
#: Float32 emissions from two runtimes differ in the last bits; scores are means of probabilities.
SCORE_TOLERANCE = 1e-4
#: Blocks torch and Stanza, as if they were not installed.
NO_TORCH = ("import sys, importlib.abc\n"
            "class Block(importlib.abc.MetaPathFinder):\n"
            "    def find_spec(self, name, path=None, target=None):\n"
            "        if name.split('.')[0] in ('torch', 'stanza'):\n"
            "            raise ImportError(f'No module named {name!r} (blocked)')\n"
            "sys.meta_path.insert(0, Block())\n")


def bundled_sentences() -> list[list[str]]:
    tokenizer = Tokenizer()
    texts = [*ARTICLES, *(EXAMPLES / "articles.txt").read_text(encoding="utf-8").splitlines()]
    sentences = [[t.text for t in s] for text in texts for s in tokenizer(text).sentence_tokens()]
    return sentences + [[token for token, _ in s] for s in read_conll(FIXTURES / "ner.tsv")]


@pytest.fixture(scope="module")
def stanza_tagger():
    pytest.importorskip("stanza")
    return Tagger("default", backend="stanza")


def test_both_backends_tag_the_bundled_sentences_alike(stanza_tagger):
    sentences = bundled_sentences()
    onnx, stanza = Tagger("default").tag(sentences), stanza_tagger.tag(sentences)
    assert len(sentences) > 20 and sum(map(len, stanza)) > 50
    for ours, reference in zip(onnx, stanza):
        assert [(s.first, s.end, s.label) for s in ours] == [(s.first, s.end, s.label) for s in reference]
        assert [s.score for s in ours] == pytest.approx([s.score for s in reference], abs=SCORE_TOLERANCE)


def test_both_backends_give_the_same_entities_on_the_bundled_articles(nlp):
    pytest.importorskip("stanza")
    reference = ner_id.load(backend="stanza")
    for ours, theirs in zip(nlp.pipe(ARTICLES), reference.pipe(ARTICLES)):
        assert [(e.start, e.end, e.label, e.text, e.canonical, e.kb_id, e.group) for e in ours.entities] == \
            [(e.start, e.end, e.label, e.text, e.canonical, e.kb_id, e.group) for e in theirs.entities]
        assert [e.score for e in ours.entities] == pytest.approx([e.score for e in theirs.entities], abs=SCORE_TOLERANCE)
        assert ours.groups == theirs.groups


def test_a_long_token_is_cut_for_the_network_and_its_span_dropped(stanza_tagger):
    long = "Jakarta" + "x" * 60
    for tagger in (Tagger("default"), stanza_tagger):
        spans = tagger.tag([["Presiden", "Joko", "Widodo", "tiba", "di", long, "."]])[0]
        assert [(s.first, s.end, s.label) for s in spans] == [(1, 3, "PER")]


def test_the_shipped_graphs_are_exports_of_the_shipped_stanza_model():
    pytest.importorskip("stanza")
    pytest.importorskip("onnx")
    import onnxruntime as ort

    from ner_id.stanza_tagger import load_model
    from ner_id.training.onnx_export import export_graphs

    _, _, model = load_model("default", MODEL_DIR)
    files = manifest()["models"]["default"]["onnx"]
    chars = np.array([[5, 9, 11, 2], [7, 7, 30, 1]], dtype=np.int64)
    features = np.random.default_rng(0).normal(size=(2, 3, 300)).astype(np.float32)
    inputs = ({"chars": chars}, {"features": features, "lengths": np.array([3, 2], dtype=np.int64)})
    for exported, shipped, feed in zip(export_graphs(model), (files["char"], files["word"]), inputs):
        fresh = ort.InferenceSession(exported, providers=["CPUExecutionProvider"]).run(None, feed)[0]
        ships = ort.InferenceSession(read_verified(shipped), providers=["CPUExecutionProvider"]).run(None, feed)[0]
        assert np.array_equal(fresh, ships)


def test_the_torchfile_reader_reads_the_shipped_files_as_torch_does():
    torch = pytest.importorskip("torch")
    from ner_id import torchfile

    for name in ("id_vectors.pt", "id_ner_fast.pt"):
        ours, theirs = torchfile.load(read_verified(name)), torch.load(MODEL_DIR / name, weights_only=True)
        assert ours.keys() == theirs.keys()
        tensors = ("emb",) if name == "id_vectors.pt" else ()
        for key in tensors:
            assert np.array_equal(ours[key], theirs[key].numpy())
        if name == "id_ner_fast.pt":
            for key, value in theirs["model"].items():
                assert np.array_equal(ours["model"][key], value.numpy()), key
            assert ours["vocab"] == theirs["vocab"] and ours["config"] == theirs["config"]


def test_the_default_backend_runs_without_torch_or_stanza(tmp_path):
    code = NO_TORCH + ("import ner_id\n"
                       "doc = ner_id.load()('Presiden Joko Widodo tiba di Surabaya.')\n"
                       "print([(e.text, e.label) for e in doc.entities])\n"
                       "print(sorted(m for m in ('torch', 'stanza') if m in sys.modules))\n"
                       "try:\n"
                       "    ner_id.load(backend='stanza')\n"
                       "except ImportError as error:\n"
                       "    print(error)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=tmp_path)
    entities, modules, error = result.stdout.splitlines()
    assert entities == "[('Joko Widodo', 'PER'), ('Surabaya', 'LOC')]" and modules == "[]"
    assert 'pip install "ner-id[stanza]"' in error


def test_backend_is_a_validated_option_in_the_config():
    with pytest.raises(ValueError, match=r"backend must be one of \['onnx', 'stanza'\], got 'torch'"):
        ner_id.load(model=False, backend="torch")
    config = ner_id.load(model=False, backend="stanza").config
    assert config.backend == "stanza" and config.to_dict()["backend"] == "stanza"
    assert ner_id.PipelineConfig().to_dict()["backend"] == "onnx"


def test_one_onnx_tagger_shared_by_threads_tags_as_it_does_alone():
    from concurrent.futures import ThreadPoolExecutor

    tagger = Tagger("fast", threads=2)
    sentences = bundled_sentences()
    alone = tagger.tag(sentences)
    with ThreadPoolExecutor(4) as pool:
        shared = list(pool.map(tagger.tag, [sentences] * 8))
    assert all(result == alone for result in shared)
