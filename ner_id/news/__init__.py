"""Repairs for how Indonesian news names things (``ner_id.rules`` registers them, in order).

- ``bodies``: organisations named with their place ("Polres Palopo"), head words that make a span an
  organisation, building and platform words before an organisation;
- ``persons``: initials, titles and honorifics, first names the tagger drops after a title;
- ``terms``: common-noun acronyms, programmes, products and bare kinds of bodies, which are no names;
- ``headlines``: words of a title-case headline that the body writes in lower case;
- ``acronyms``: "Badan Pangan Nasional (Bapanas)" defines an organisation and its acronym.
"""
