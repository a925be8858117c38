"""Compiled gazetteers, installed as ``ner_id._gazetteers`` (see README: Gazetteers)."""
