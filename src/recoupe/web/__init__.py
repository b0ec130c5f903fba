"""The web UI: a corpus database served as read-only pages and JSON (`recoupe serve`).

In: a corpus (recoupe.corpus.Corpus). Out: `create_app(corpus)`, a FastAPI app, and
`serve(db_path, host, port)`, which runs it with uvicorn. See app.py for the routes.
"""

from .app import create_app, serve

__all__ = ["create_app", "serve"]
