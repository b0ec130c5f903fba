"""The web UI: a corpus -> a read-only FastAPI app of server-rendered pages, each also JSON.

In: an open corpus (`recoupe.corpus.Corpus`, or anything with its reading methods).
Out: `create_app(corpus)`, the ASGI app; `serve(db_path, host, port)` runs it with uvicorn,
bound to 127.0.0.1 unless told otherwise.

Routes (GET and HEAD only; any other method answers 405):
  /                    stories, newest first; ?q= full-text search, ?limit=
  /story/{id}          the story's brief (JSON: the brief contract of render/jsonout)
  /article/{id}        an article, with the sentences its story's brief cites highlighted
  /entity/{key}        an entity: name, type, variants, stories
  /outlets, /outlet/{name}   outlets with their article, claim and sole-source counts
  /static/...          the stylesheet and icon
Every page answers JSON with `?format=json` or `Accept: application/json`. Unknown ids get a
404 page (or JSON), failures a 500 page without a traceback. Handlers are `async` so that
every corpus call runs on the event loop's thread, the thread `serve` opened the corpus in
(an SQLite connection belongs to its thread).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.staticfiles import StaticFiles

from ..errors import RecoupeError
from ..render.htmlparts import environment
from ..render.safe import count, printable
from . import pages
from .security import SecurityHeaders

_TITLES = {400: "Bad request", 404: "Not found", 405: "Method not allowed",
           500: "Something went wrong"}
_LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"]


def _environment():
    env = environment("recoupe.web")
    env.globals.update(url_story=pages.url_story, url_article=pages.url_article,
                       url_entity=pages.url_entity, url_outlet=pages.url_outlet, count=count)
    return env


_ENV = _environment()


def wants_json(request: Request) -> bool:
    """`?format=json`, or an Accept header asking for JSON rather than HTML."""
    fmt = request.query_params.get("format")
    if fmt:
        return fmt.lower() == "json"
    accept = request.headers.get("accept", "").lower()
    return "application/json" in accept and "text/html" not in accept


def _respond(request: Request, page: pages.Page | None, missing: str) -> Response:
    if page is None:
        raise HTTPException(404, missing)
    if wants_json(request):
        return JSONResponse(page.payload, headers={"Vary": "Accept"})
    html = _ENV.get_template(page.template).render(**page.context)
    return HTMLResponse(html, headers={"Vary": "Accept"})


def error_response(request: Request, status: int, detail: str | None = None,
                   headers: dict | None = None) -> Response:
    """An error as a page or as JSON, never with a traceback."""
    title = _TITLES.get(status, "Error")
    detail = printable(detail or title)
    if wants_json(request):
        return JSONResponse({"error": title.lower(), "status": status, "detail": detail},
                            status_code=status, headers=headers)
    html = _ENV.get_template("error.html.j2").render(status=status, title=title, detail=detail)
    return HTMLResponse(html, status_code=status, headers=headers)


def create_app(corpus, *, read_only: bool = True,
               allowed_hosts: Sequence[str] | None = None) -> FastAPI:
    """Corpus -> the web app. `read_only` is the only mode so far (there are no write routes);
    `allowed_hosts`, when given, is the list of Host headers answered (DNS rebinding guard)."""
    app = FastAPI(title="recoupe", docs_url=None, redoc_url=None, openapi_url=None,
                  telemetry={"tracing": False, "metrics": False, "logs": False,
                             "auto_configure": False})
    app.state.corpus = corpus
    app.state.read_only = read_only
    app.mount("/static", StaticFiles(packages=[("recoupe.web", "static")]), name="static")
    _add_routes(app)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        detail = exc.detail if exc.status_code == 404 and exc.detail != "Not Found" else None
        return error_response(request, exc.status_code, detail, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def bad_request(request: Request, exc: RequestValidationError) -> Response:
        where = "; ".join(".".join(str(p) for p in e.get("loc", ())) + ": " + e.get("msg", "")
                          for e in exc.errors())
        return error_response(request, 400, where)

    if allowed_hosts:
        app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))
    # Added last, so outermost: its headers go on every answer, the host guard's too.
    app.add_middleware(SecurityHeaders, on_error=lambda r: error_response(r, 500))
    return app


def _add_routes(app: FastAPI) -> None:
    def get(path: str):
        return app.api_route(path, methods=["GET", "HEAD"], include_in_schema=False)

    @get("/")
    async def stories(request: Request, q: str | None = Query(None, max_length=500),
                      limit: int = Query(100, ge=1, le=1000)) -> Response:
        query = printable(q).strip() or None
        try:
            page = pages.stories(request.app.state.corpus, query, limit)
        except RecoupeError as exc:  # e.g. a search the index cannot parse
            return error_response(request, 400, str(exc))
        return _respond(request, page, "")

    @get("/story/{story_id}")
    async def story(request: Request, story_id: str) -> Response:
        return _respond(request, pages.story(request.app.state.corpus, story_id),
                        f"There is no story {story_id!r} in this corpus.")

    @get("/article/{article_id:path}")
    async def article(request: Request, article_id: str) -> Response:
        return _respond(request, pages.article(request.app.state.corpus, article_id),
                        f"There is no article {article_id!r} in this corpus.")

    @get("/entity/{key}")
    async def entity(request: Request, key: str) -> Response:
        return _respond(request, pages.entity(request.app.state.corpus, key),
                        f"There is no entity {key!r} in this corpus.")

    @get("/outlets")
    async def outlets(request: Request) -> Response:
        return _respond(request, pages.outlets(request.app.state.corpus), "")

    @get("/outlet/{name:path}")
    async def outlet(request: Request, name: str) -> Response:
        return _respond(request, pages.outlet(request.app.state.corpus, name),
                        f"There is no outlet {name!r} in this corpus.")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(db_path, host: str = "127.0.0.1", port: int = 8000, config=None) -> None:
    """Open the corpus at `db_path` read-only and serve it until interrupted. On a loopback
    address only local Host names are answered."""
    import uvicorn

    from ..corpus import Corpus

    corpus = Corpus(db_path, config, read_only=True)
    try:
        app = create_app(corpus, allowed_hosts=_LOOPBACK_HOSTS if _is_loopback(host) else None)
        uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
    finally:
        corpus.close()
