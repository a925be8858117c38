"""displaCy pictures of a Document: entities coloured by label, the group's canonical name on hover."""
from __future__ import annotations

from typing import Any

from ner_id.types import Document

COLORS = {"PER": "#aa9cfc", "LOC": "#ff9561", "ORG": "#7aecec"}


class Rendered(str):
    """HTML that a notebook shows as a picture (``_repr_html_``) and code can use as a string."""

    def _repr_html_(self) -> str:
        return str(self)


def render(doc: Document, page: bool = False) -> Rendered:
    """displaCy "ent" HTML for ``doc``; each entity's kb_id slot shows its group's canonical name."""
    if not isinstance(doc, Document):
        raise TypeError(f"render takes a ner_id Document (nlp(text)), got {type(doc).__name__}; "
                        "for a spaCy Doc use spacy.displacy.render(doc, style='ent')")
    from spacy import displacy

    ents: list[dict[str, Any]] = []
    for e in doc.entities:
        canonical = doc.groups[e.group].canonical if e.group is not None else e.canonical
        item: dict[str, Any] = {"start": e.start, "end": e.end, "label": e.label}
        if canonical and canonical != e.text:
            item["kb_id"] = canonical
        ents.append(item)
    data = {"text": doc.text, "ents": ents}
    html = displacy.render(data, style="ent", manual=True, page=page, jupyter=False,
                           options={"colors": COLORS})
    return Rendered(html)
