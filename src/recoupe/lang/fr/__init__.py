"""French tables, one module per concern, imported lazily through `recoupe.lang.table`.

In: nothing. Out: nothing here; see boilerplate.py (web debris, credits, captions, line
joining words) and dates.py (month and weekday names). Modules are not imported eagerly
so that a stage pays only for the tables it reads.
"""
