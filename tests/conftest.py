from pathlib import Path

import pytest

import ner_id

FIXTURES = Path(__file__).parent / "fixtures"
EXAMPLES = Path(__file__).parent.parent / "examples"


@pytest.fixture(scope="session")
def nlp() -> ner_id.Pipeline:
    """The default pipeline with the shipped tagger, loaded once."""
    return ner_id.load()


@pytest.fixture(scope="session")
def gazetteer_nlp() -> ner_id.Pipeline:
    """Gazetteers only, so expectations do not depend on the tagger."""
    return ner_id.load(model=False)
