"""ner_id.render stays the function whatever was imported before, and shows canonical names exactly."""
import importlib
import subprocess
import sys

import ner_id
from ner_id.render import COLORS, Rendered
from ner_id.types import Document, Entity, EntityGroup


def test_render_is_the_function_after_its_module_and_plot_are_imported():
    code = ("import ner_id, ner_id.plot, ner_id.render; "
            "print(ner_id.render(ner_id.Document('Bandung')).startswith('<div'))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "True", result.stderr
    importlib.import_module("ner_id.plot")
    assert callable(ner_id.render) and ner_id.render.__module__ == "ner_id.render"


def test_canonical_names_go_where_they_differ_from_the_text():
    bandung = Entity("Bandung", "LOC", 0, 7, 1.0, "gazetteer", "Kota Bandung", "k:1", 0)
    again = Entity("Kota Bandung", "LOC", 12, 24, 1.0, "gazetteer", "Kota Bandung", "k:1", 0)
    lone = Entity("Budi", "PER", 26, 30, 0.9, "model", None, None, None)
    named = Entity("KPK", "ORG", 32, 35, 1.0, "gazetteer", "Komisi Pemberantasan Korupsi", "o:1", None)
    text = "Bandung dan Kota Bandung, Budi, KPK."
    assert [text[e.start:e.end] for e in (bandung, again, lone, named)] == ["Bandung", "Kota Bandung", "Budi", "KPK"]
    group = EntityGroup("Kota Bandung", "LOC", "k:1", (bandung, again))
    html = ner_id.render(Document(text, (bandung, again, lone, named), (group,)))
    assert isinstance(html, Rendered) and html._repr_html_() == str(html)
    assert html.count("Kota Bandung") == 2  # once as the hover name of "Bandung", once as the text
    renamed = EntityGroup("Bandung Raya", "LOC", "k:1", (bandung, again))
    grouped = ner_id.render(Document(text, (bandung, again, lone, named), (renamed,)))
    assert grouped.count("Bandung Raya") == 2 and grouped.count("Kota Bandung") == 1  # the group's name wins
    assert "Komisi Pemberantasan Korupsi" in html and html.count('href="#"') == 2
    for colour in COLORS.values():
        assert colour in html
    assert "<html" not in html and "<html" in ner_id.render(Document(text), page=True)
