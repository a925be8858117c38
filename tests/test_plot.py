"""plot_entities (bar charts of the most mentioned entities per label) and render (displaCy HTML) in a notebook."""
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


def test_render_still_works_after_plot_entities_in_a_fresh_interpreter():
    """A notebook that plots first and renders next: ``ner_id.render`` stays the function (issue 31)."""
    import subprocess
    import sys

    code = ("import matplotlib; matplotlib.use('Agg'); import pandas as pd; import ner_id\n"
            "ner_id.plot_entities(pd.DataFrame({'text': ['Jakarta'], 'label': ['LOC']}))\n"
            "import ner_id.render\n"
            "doc = ner_id.load(model=False, topic_model=None)('Delegasi tiba di Jakarta.')\n"
            "html = ner_id.render(doc)\n"
            "print(type(html).__name__, html.count('<mark'), type(ner_id.render).__name__)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["Rendered", "1", "function"]  # not the module ner_id.render


def test_bad_frames_and_options_are_clear_errors():
    with pytest.raises(TypeError, match="frame must be a pandas DataFrame of entities .*, got list"):
        ner_id.plot_entities([{"text": "Jakarta", "label": "LOC"}])
    with pytest.raises(ValueError, match="top must be a positive int, got 0"):
        ner_id.plot_entities(pd.DataFrame({"text": ["Jakarta"], "label": ["LOC"]}), top=0)
    with pytest.raises(KeyError, match="column 'name' not in frame"):
        ner_id.plot_entities(pd.DataFrame({"text": ["Jakarta"], "label": ["LOC"]}), name_col="name")
    with pytest.raises(KeyError, match="column 'text' not in frame"):
        ner_id.plot_entities(pd.DataFrame({"label": ["LOC"]}))


def test_render_says_what_it_takes():
    with pytest.raises(TypeError, match=r"^render takes a ner_id Document \(nlp\(text\)\), got str; for a spaCy Doc use "
                       r"spacy\.displacy\.render\(doc, style='ent'\)$"):
        ner_id.render("Presiden tiba di Jakarta.")
