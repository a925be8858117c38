"""Reproducible training of the shipped models (word vectors, NER tagger, topic model)."""
