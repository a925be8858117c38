"""Bylines and datelines: the outlet and the place that head an article ("JAKARTA, KOMPAS.com -") and
the outlets it cites ("dikutip dari detikNews"). They are entities, but they lead every list of the
most mentioned entities of a dump, so topic discovery and the index can leave them out."""
from __future__ import annotations

#: Gazetteer ids of news outlets and agencies (``20_organisations.tsv``, ``24_media.jsonl``).
MEDIA_IDS = ("org:news-", "org:media-")
#: A dateline is written in capitals within the first characters of an article.
DATELINE_CHARS = 40


def is_dateline(text: str, start: int) -> bool:
    """An ALL-CAPS mention at the head of the article ("JAKARTA, KOMPAS.com -")."""
    return start < DATELINE_CHARS and text.isupper()


def is_byline(text: str, start: int, kb_id: str | None) -> bool:
    """A news outlet anywhere, or the article's dateline."""
    return (kb_id or "").startswith(MEDIA_IDS) or is_dateline(text, start)
