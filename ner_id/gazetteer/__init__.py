"""Gazetteers: the file format and its loader, exact matching, and fuzzy matching."""
from ner_id.gazetteer.fuzzy import FuzzyMatcher
from ner_id.gazetteer.load import Entry, GazetteerError, default_paths, load_entries
from ner_id.gazetteer.match import ExactMatcher, Match

__all__ = ["Entry", "ExactMatcher", "FuzzyMatcher", "GazetteerError", "Match", "default_paths", "load_entries"]
