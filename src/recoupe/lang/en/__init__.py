"""English tables, one module per concern, imported lazily through `recoupe.lang.table`.

In: nothing. Out: nothing here; see boilerplate.py and dates.py. English web prompts
("Subscribe to our newsletter") are common on French sites, so the cleaner applies the
English boilerplate table alongside the article's own language.
"""
