import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
import tqdm

import ner_id

# tqdm's default lock is a multiprocessing semaphore shared with every forked process (mutmut forks
# one per mutant): one killed while holding it would block the others forever. Give tests a
# process-local lock and no monitor thread.
tqdm.tqdm.set_lock(threading.RLock())
tqdm.tqdm.monitor_interval = 0

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parent.parent / "examples"


def run_in_ascii_locale(*args: str) -> subprocess.CompletedProcess:
    """``python -X utf8=0 ARGS`` under ``LC_ALL=C`` (an ASCII locale), with this process's import path,
    so it runs the code under test; fails if the command does."""
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0",
           "PYTHONPATH": os.pathsep.join(os.path.abspath(p) for p in sys.path)}
    return subprocess.run([sys.executable, "-X", "utf8=0", *args], env=env, capture_output=True, text=True, check=True)


@pytest.fixture(scope="session")
def nlp() -> ner_id.Pipeline:
    """The default pipeline with the shipped tagger, loaded once."""
    return ner_id.load()


@pytest.fixture(scope="session")
def gazetteer_nlp() -> ner_id.Pipeline:
    """Gazetteers only, so expectations do not depend on the tagger."""
    return ner_id.load(model=False)


#: Test modules in which (nearly) every test runs the shipped tagger.
MODEL_MODULES = {"test_tagger", "test_spacy_component", "test_dask", "test_frames", "test_load_options",
                 "test_pipeline"}


def pytest_collection_modifyitems(items):
    """Mark tests that run the shipped tagger ``model``, so ``-m "not model"`` runs the model-free ones."""
    for item in items:
        if item.module.__name__ in MODEL_MODULES or {"nlp", "fast"} & set(item.fixturenames):
            item.add_marker(pytest.mark.model)


def run_rule(rule: str, text: str, entities: list, gazetteer: tuple = ()) -> list[tuple[str, str]]:
    """``ner_id.rules.RULES[rule]`` on hand-made entities: (text, label) pairs, once every offset is
    checked to still slice the text."""
    from ner_id.rules import RULES

    found = RULES[rule](text, list(entities), list(gazetteer))
    assert all(text[e.start:e.end] == e.text for e in found), found
    return [(e.text, e.label) for e in found]
