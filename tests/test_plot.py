"""plot_entities: bar charts of the most mentioned entities per label."""
import pandas as pd
import pytest

import ner_id

matplotlib = pytest.importorskip("matplotlib")
matplotlib.use("Agg")


def test_bars_from_mention_rows_and_from_the_index_table():
    rows = pd.DataFrame({"text": ["Jokowi", "Joko Widodo", "KPK", "Jakarta", "KPK"],
                         "canonical": [None, None, "Komisi Pemberantasan Korupsi", "DKI Jakarta",
                                       "Komisi Pemberantasan Korupsi"],
                         "label": ["PER", "PER", "ORG", "LOC", "ORG"]})
    figure = ner_id.plot_entities(rows)
    per, org, loc = figure.axes
    assert [t.get_text() for t in org.get_yticklabels()] == ["Komisi Pemberantasan Korupsi"]
    assert [p.get_width() for p in org.patches] == [2]
    assert sorted(t.get_text() for t in per.get_yticklabels()) == ["Joko Widodo", "Jokowi"]
    entities = pd.DataFrame({"canonical": ["A", "B"], "label": ["LOC", "LOC"], "mentions": [3, 7]})
    loc = ner_id.plot_entities(entities, top=1).axes[2]
    assert [t.get_text() for t in loc.get_yticklabels()] == ["B"] and [p.get_width() for p in loc.patches] == [7]
    with pytest.raises(KeyError, match="label"):
        ner_id.plot_entities(pd.DataFrame({"text": ["x"]}))
