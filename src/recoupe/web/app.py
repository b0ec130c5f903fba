"""The web UI: a corpus -> a read-only FastAPI app of server-rendered pages, each also JSON.

In: an open corpus (`recoupe.corpus.Corpus`, or anything with its reading methods).
Out: `create_app(corpus)`, the ASGI app; `serve(db_path, host, port)` runs it with uvicorn,
bound to 127.0.0.1 unless told otherwise.

Routes (GET and HEAD only; any other method answers 405):
  /                    stories: ?q= full-text search, ?since=&until= (publication days),
                       ?outlet=, ?entity= (key), ?language=, ?sort=newest|outlets|articles,
                       ?page=N, ?limit= (per page); facets count the filtered stories
  /entities            entities by the stories naming them; ?type=PER|LOC|ORG|MISC, ?page=
  /story/{id}          the story's brief (JSON: the brief contract of render/jsonout);
                       ?claims=all shows every claim in the matrix, not only corroborated
  /article/{id}        an article, with the sentences its story's brief cites highlighted
  /entity/{key}        an entity: name, type, variants, quotes, mentions in context,
                       co-occurring entities, stories
  /outlets, /outlet/{name}   outlets with their article, claim and sole-source counts; an
                       outlet's claims (those only it carries apart), near-copies, articles
  /static/...          the stylesheet and icon
Every page answers JSON with `?format=json` or `Accept: application/json`; every list (the
stories, entities, outlets, an outlet's articles, an entity's stories) answers its rows, all
of them, with `?format=csv` or `?format=jsonl` (export.py's writer). The chrome of a
page (not the articles) speaks French or English (render/i18n): `?lang=fr|en` (which also
sets a `lang` cookie, so that the next pages keep it), else the cookie, else the reader's
Accept-Language, else the corpus's own language (its articles', looked at once a minute;
`language` forces this default); every page has a switch between them. Unknown ids get a
404 page (or JSON), failures a 500 page without a traceback. A long story's page shows its
articles 50 at a time (`?page=N`).

Page work never runs on the event loop: each page is built and rendered in the thread pool,
so a slow page (a story of a thousand articles) never holds the others. A corpus given to
`create_app` is used by one thread at a time (a lock: an SQLite connection takes one user at
a time); with `connect`, the worker threads take connections from a pool it fills, one per
thread working at once (what `serve` does: SQLite readers in WAL mode do not wait for each
other). Story pages are cached, keyed by the story's listing
(its articles, title, days: a change to the story is a new key), and so are the briefs they
are built from; the lists and the entity and outlet pages are cached per generation of the
corpus, each built by one thread while others asking for it wait. With `connect`, a watcher
(its own connection) asks SQLite twice a second whether another process committed a change,
and publishes a new generation only once the default story list is built for it in each
language, the first one before the server answers: readers of `/` never wait for a build.
Without it (a shared corpus), or while its looks fail, a generation lasts a second. Stored
text holding a lone surrogate is shown escaped ("\\ud83d"), never a 500.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import io
import ipaddress
import json
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator, Sequence
from contextlib import contextmanager
from urllib.parse import urlencode

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.staticfiles import StaticFiles

from .. import export
from ..errors import RecoupeError
from ..read.fields import shown
from ..render import charts, htmlparts, i18n
from ..render.i18n import N_, Message
from ..render.safe import count, printable
from ..store import StoreError, StoreReadError
from . import pages
from .security import SecurityHeaders

_READ_TRIES = 4  # reads of one page before a damaged-file answer (see store.StoreReadError)
_TITLES = {400: N_("Bad request"), 404: N_("Not found"), 405: N_("Method not allowed"),
           500: N_("Something went wrong")}
_DAY = r"^(\d{4}-\d{2}-\d{2})?$"  # a day, or empty (a form's blank date field)
_LOOPBACK_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
_log = logging.getLogger("recoupe.web")


@functools.cache
def _env(lang: str):
    """The pages' environment speaking `lang`: one per language, never switched, since the
    pages render in a thread pool."""
    env = htmlparts.environment("recoupe.web", lang=lang)
    env.globals.update(url_story=pages.url_story, url_article=pages.url_article,
                       url_entity=pages.url_entity, url_outlet=pages.url_outlet, count=count)
    env.globals.update(charts.template_globals())
    env.globals.update(url_entities=pages.url_entities)
    env.filters["place"] = pages.place_only  # a story's "where", a place or nothing
    return env


_COOKIE = "lang"
_DEFAULT_SECONDS = 60  # how long the corpus's language is taken as known


def _asked_language(request: Request) -> str | None:
    """The language the reader asked for: `?lang=`, else the cookie, else Accept-Language."""
    return i18n.pick(request.query_params.get("lang"), request.cookies.get(_COOKIE),
                     i18n.negotiate(request.headers.get("accept-language")))


# The query parameters that make a page (its cache key holds them): a switch link keeps
# these only, so a cached page never hands one reader's other parameters to the next.
_PAGE_PARAMS = frozenset({"q", "since", "until", "outlet", "entity", "language", "sort",
                          "page", "limit", "claims", "type", "format"})


def _switch(params: Sequence[tuple[str, str]], lang: str) -> list[dict]:
    """The language switch: for each language, a link to this page in it (a relative URL,
    the page's own query parameters, of `params`, kept)."""
    kept = [(k, v) for k, v in params if k in _PAGE_PARAMS]
    return [{"code": code, "name": i18n.NAMES[code], "current": code == lang,
             "href": "?" + urlencode([*kept, ("lang", code)])} for code in i18n.LANGUAGES]


def _localised(response: Response, request: Request, lang: str) -> Response:
    """A page's language headers, and the cookie that keeps a language asked for by URL."""
    response.headers["Content-Language"] = lang
    response.headers["Vary"] = "Accept, Accept-Language, Cookie"
    asked = i18n.pick(request.query_params.get("lang"))
    if asked and request.cookies.get(_COOKIE) != asked:
        response.set_cookie(_COOKIE, asked, max_age=365 * 86400, samesite="lax",
                            httponly=True)
    return response


def _corpus_language(corpus) -> str | None:
    """The language of the corpus's articles: that of the first article of its newest
    stories (a handful of reads, whatever the corpus's size)."""
    codes = []
    for info in corpus.stories(limit=5):
        annotated = corpus.article(info.articles[0]) if info.articles else None
        if annotated is not None:
            codes.append(annotated.article.language or annotated.language)
    return i18n.content_language(codes)


def wants_json(request: Request) -> bool:
    """`?format=json`, or an Accept header asking for JSON rather than HTML."""
    fmt = request.query_params.get("format")
    if fmt:
        return fmt.lower() == "json"
    accept = request.headers.get("accept", "").lower()
    return "application/json" in accept and "text/html" not in accept


def output_format(request: Request) -> str:
    """What the answer is written as: "json" (see `wants_json`), "csv" or "jsonl" (a list
    page's rows, `?format=csv|jsonl`), else "html"."""
    fmt = (request.query_params.get("format") or "").lower()
    if fmt in pages.EXPORTS:
        return fmt
    return "json" if wants_json(request) else "html"


def _body(page: pages.Page, fmt: str, chrome: dict | None = None) -> bytes:
    """A page rendered as HTML, JSON, CSV or JSON Lines bytes. A lone surrogate (which UTF-8
    cannot carry) is written as its escape: in JSON a valid "\\ud83d", in HTML the same six
    characters. A page without rows answers its JSON when asked for CSV or JSON Lines."""
    if fmt in pages.EXPORTS and page.rows is not None:
        out = io.StringIO()
        export.write(page.rows, fmt, out)
        text = out.getvalue()
    elif fmt != "html":
        payload = page.payload() if callable(page.payload) else page.payload
        text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"))
    else:
        chrome = chrome or {"lang": i18n.LANGUAGES[0]}
        text = _env(chrome["lang"]).get_template(page.template).render(**page.context, **chrome)
    return text.encode("utf-8", "backslashreplace")


_MEDIA = {"html": "text/html; charset=utf-8", "json": "application/json",
          "csv": "text/csv; charset=utf-8", "jsonl": "application/jsonl; charset=utf-8"}


def _response(body: bytes, fmt: str, name: str = "recoupe") -> Response:
    headers = {"Vary": "Accept"}
    if fmt in pages.EXPORTS:
        safe = "".join(c if c.isascii() and (c.isalnum() or c in "-_") else "-" for c in name)
        headers["Content-Disposition"] = f'attachment; filename="{safe or "recoupe"}.{fmt}"'
    return Response(body, media_type=_MEDIA[fmt], headers=headers)


class _Cache:
    """A small LRU of rendered pages and briefs, shared by the worker threads."""

    def __init__(self, size: int):
        self._items: OrderedDict[Hashable, object] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> object | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key: Hashable, value: object) -> None:
        with self._lock:
            self._items[key] = value
            self._items.move_to_end(key)
            while len(self._items) > self._size:
                self._items.popitem(last=False)


class _Work:
    """What the worker threads share: the corpus each reads, and the caches."""

    def __init__(self, corpus, connect: Callable[[], object] | None,
                 clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self._shared = corpus
        self._connect = connect
        self._lock = threading.Lock()
        self.opened: list = []  # every connection of the pool, idle or in use
        self._idle: list = []
        self._pool_lock = threading.Lock()
        self.pages = _Cache(256)
        self._building: dict[Hashable, tuple[threading.Lock, int]] = {}
        self._building_lock = threading.Lock()  # not _lock: the shared corpus holds that one
        self.briefs = _Cache(16)
        self.stamps = _Cache(1024)
        self.forced_language: str | None = None
        # The language the corpus's articles are written in (None: they do not say), and
        # when it was read.
        self._written: tuple[str | None, float] | None = None
        # The corpus's generation, when a _Watcher follows its changes (else None: versions
        # are looked up again every second).
        self.generation: int | None = None

    def now(self) -> Hashable:
        """What versions are looked up under: the corpus's generation when it is watched (a
        page's version is looked up once per change of the corpus), else this second."""
        if self.generation is not None:
            return ("generation", self.generation)
        return ("second", int(self.clock()))

    def known_language(self, stale: bool = False) -> str | None:
        """The pages' default language if known without reading the corpus: the forced one,
        else the corpus's read less than a minute ago (or at any time, `stale`)."""
        if self.forced_language:
            return self.forced_language
        known = self._written
        if known and (stale or self.generation is not None
                      or self.clock() - known[1] < _DEFAULT_SECONDS):
            return i18n.choose(known[0])
        return None

    def written(self, corpus, again: bool = False) -> str | None:
        """The language the corpus's articles are written in, read at most once a minute
        (or when the watcher sees the corpus change, `again`)."""
        known = self._written
        if again or known is None or (self.generation is None
                                      and self.clock() - known[1] >= _DEFAULT_SECONDS):
            known = self._written = (_corpus_language(corpus), self.clock())
        return known[0]

    def language(self, corpus) -> str:
        """The pages' default language: the forced one, else the corpus's."""
        return self.forced_language or i18n.choose(self.written(corpus))

    @contextmanager
    def building(self, key: Hashable) -> Iterator[None]:
        """Held while the page `key` is built: a second builder of it waits."""
        with self._building_lock:
            lock, users = self._building.get(key, (threading.Lock(), 0))
            self._building[key] = (lock, users + 1)
        try:
            with lock:
                yield
        finally:
            with self._building_lock:
                lock, users = self._building[key]
                if users == 1:
                    del self._building[key]
                else:
                    self._building[key] = (lock, users - 1)

    @contextmanager
    def corpus(self) -> Iterator[object]:
        """A corpus for this thread's while: the shared one (one thread at a time), else an
        idle connection of the pool, or a new one. Not one per thread: anyio retires a
        worker thread idle for a while and starts new ones, so connections kept per thread
        would pile up on a long-running server; the pool holds at most as many as ever
        ran at once (the thread limiter's size)."""
        if self._connect is None:
            with self._lock:
                yield self._shared
            return
        with self._pool_lock:
            corpus = self._idle.pop() if self._idle else None
        if corpus is None:
            # Opened one at a time: a store that opens while no other connection of this
            # process is open checks the file's header, and must not do so while another
            # thread's connection is opening (see store._check_header).
            with self._lock:
                corpus = self._connect()
                self.opened.append(corpus)
        try:
            yield corpus
        finally:
            self.give_back(corpus)

    def open(self) -> object:
        """A new connection (`connect()`), opened while no other is (see `corpus`)."""
        with self._lock:
            return self._connect()

    def give_back(self, corpus) -> None:
        """`corpus` (one of `opened`) idle again, for the next thread asking for one."""
        with self._pool_lock:
            self._idle.append(corpus)

    def adopt(self, corpus) -> None:
        """`corpus`, opened elsewhere (the watcher's), into the pool: closed with the rest."""
        with self._lock:
            self.opened.append(corpus)
        self.give_back(corpus)

    def close(self) -> None:
        with self._lock, self._pool_lock:
            opened, self.opened, self._idle = self.opened, [], []
        for corpus in opened:
            corpus.close()

    def render(self, corpus, build: Callable[[object], pages.Page | None], fmt: str,
               chrome: dict) -> bytes | None:
        """The page `build(corpus)` makes, as bytes (None: it does not exist); stored text
        holding a lone surrogate is built again with it shown escaped."""
        try:
            page = build(_Briefs(corpus, self.briefs))
            return None if page is None else _body(page, fmt, chrome)
        except UnicodeEncodeError:
            page = build(_Shown(corpus))
            return None if page is None else _body(page, fmt, chrome)


class _Briefs:
    """A corpus whose `brief` and `stored_story` are cached by the story's listing
    (`corpus.story`): the pages of a story and of its articles read one Brief (one Story)
    while the story does not change."""

    def __init__(self, corpus, cache: _Cache):
        self._corpus = corpus
        self._cache = cache

    def __getattr__(self, name: str):
        found = getattr(self._corpus, name)
        if name == "stored_story":
            return lambda story_id: self._cached(name, found, story_id)
        return found

    def brief(self, story_id: str):
        return self._cached("brief", self._corpus.brief, story_id)

    def _cached(self, kind: str, read: Callable, story_id: str):
        key = (kind, story_id, self._corpus.story(story_id))
        found = self._cache.get(key)
        if found is None:
            found = read(story_id)
            if found is not None:
                self._cache.put(key, found)
        return found


class _Shown:
    """A corpus whose answers have their lone surrogates shown escaped (`read.fields.shown`),
    for the rare page whose stored text holds one: URLs and templates then never meet one."""

    def __init__(self, corpus):
        self._corpus = corpus

    def __getattr__(self, name: str):
        method = getattr(self._corpus, name)
        return lambda *args, **kwargs: _shown_deep(method(*args, **kwargs))


def _shown_deep(value):
    if isinstance(value, str):
        return shown(value)
    if isinstance(value, (list, tuple)):
        return type(value)(_shown_deep(v) for v in value)
    if isinstance(value, dict):
        return {_shown_deep(k): _shown_deep(v) for k, v in value.items()}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{
            f.name: _shown_deep(getattr(value, f.name)) for f in dataclasses.fields(value)
            if f.init})
    return value


def _read_again(read: Callable[[], object]) -> object:
    """`read()`, again a few times when the reader is told the file is damaged while
    another process writes to it (store.StoreReadError), before saying so."""
    for attempt in range(_READ_TRIES):
        try:
            return read()
        except StoreReadError:
            if attempt == _READ_TRIES - 1:
                raise
            time.sleep(0.02 * (attempt + 1))
    return None  # pragma: no cover - the loop returns or raises


_WATCH_SECONDS = 0.5  # how often the watcher asks whether the corpus changed
_REOPEN_AFTER = 4  # failed looks in a row before the watcher opens its connection again


def _stories_page(lq: pages.ListQuery, fmt: str) -> tuple[tuple, Callable]:
    """The cache key of a story list and its builder (the route's, and the watcher's)."""
    return ("stories", lq), lambda corpus: pages.stories(corpus, lq, fmt)


class _Watcher:
    """Follows the corpus's changes for the server, through a connection of its own.

    In: the app's _Work and `connect`, which opens a corpus (one with `lists().data_version`,
    as `Corpus` has). Out: `work.generation`, 0 once started, one more each time another
    process has committed to the database; the default story list is built in each language
    for a generation before it is published, so that readers never wait for it (on start,
    before the server answers: no cold first second), while other pages are looked up again
    once per generation instead of once a second. While the watcher cannot ask (its polls
    fail), `work.generation` is None: pages are looked up again every second, as without a
    watcher, until a poll succeeds and publishes a new generation."""

    def __init__(self, work: _Work, connect: Callable[[], object]):
        self.work = work
        self._connect = connect
        self._corpus = None
        self._store = None
        self._seen: int | None = None
        self._generation = 0
        self._failures = 0  # polls failed in a row
        self._closed = False
        self._lock = threading.Lock()  # one poll at a time on the watcher's connection

    def start(self) -> bool:
        """Open the corpus and publish generation 0; False when the corpus cannot say when it
        changes. A connection not kept (False, or an error) goes to the workers' pool, closed
        with it: not closed here, since `connect` may hand out one shared corpus."""
        corpus = self.work.open()
        try:
            lists = getattr(corpus, "lists", None)
            store = lists() if lists is not None else None
            if not hasattr(store, "data_version"):
                self.work.adopt(corpus)
                return False
            with self._lock:
                self._seen = _read_again(store.data_version)
                self._corpus, self._store = corpus, store
                self._publish(0)
        except BaseException:
            self.work.adopt(corpus)
            raise
        return True

    def poll(self) -> bool:
        """Whether the corpus changed since the last look (a new generation is published).
        A failure is logged once for a run of them, and the connection opened again every
        few; False once closed (a poll still scheduled at shutdown)."""
        with self._lock:
            if self._closed:
                return False
            try:
                if self._store is None or (self._failures
                                           and self._failures % _REOPEN_AFTER == 0):
                    self._reopen()  # (no store: the last reopening failed)
                seen = _read_again(self._store.data_version)
            except Exception:
                self._failures += 1
                self.work.generation = None  # back to looking pages up every second
                if self._failures == 1:
                    _log.exception("cannot follow the corpus's changes; pages are looked up"
                                   " again every second until it can")
                return False
            if self._failures:
                # What changed meanwhile is unknown (a reopened connection counts anew).
                _log.warning("following the corpus's changes again, after %d failed looks",
                             self._failures)
                self._failures = 0
            elif seen == self._seen:
                return False
            self._seen = seen
            self._publish(self._generation + 1)
        return True

    def _reopen(self) -> None:
        old, self._corpus, self._store = self._corpus, None, None
        if old is not None and hasattr(old, "close"):
            with contextlib.suppress(Exception):  # a broken connection may not close well
                old.close()
        corpus = self.work.open()
        self._corpus, self._store = corpus, corpus.lists()

    def _publish(self, generation: int) -> None:
        work = self.work
        now = ("generation", generation)
        try:
            written = _read_again(lambda: work.written(self._corpus, again=True))
            for lang in i18n.LANGUAGES:
                key, build = _stories_page(pages.ListQuery(), "html")
                chrome = {"lang": lang, "switch": _switch([], lang), "text_lang": written}
                body = _read_again(functools.partial(work.render, self._corpus, build, "html",
                                                     chrome))
                if body is not None:
                    work.pages.put((*key, lang, "html", now), body)
        except Exception:  # readers build the page themselves; the server goes on
            _log.exception("while building the story list ahead of readers")
        self._generation = work.generation = generation

    async def run(self) -> None:
        while True:
            await asyncio.sleep(_WATCH_SECONDS)
            try:
                await run_in_threadpool(self.poll)
            except Exception:  # poll logs its own failures; this is for the unforeseen
                _log.exception("while following the corpus's changes")

    def close(self) -> None:
        """Close the watcher's connection, once a poll running in its thread is done (it
        holds the lock); a poll after this finds nothing to ask and returns False. Blocks:
        called in a worker thread, never on the event loop."""
        with self._lock:
            corpus, self._corpus, self._store = self._corpus, None, None
            self._closed = True
        if corpus is not None and hasattr(corpus, "close"):
            corpus.close()


async def _page(request: Request, key: tuple, build: Callable[[object], pages.Page | None],
                missing: str, version: Callable[[object], Hashable] | str | None = None
                ) -> Response:
    """The page `build(corpus)` makes, built and rendered in the thread pool, cached under
    `key` and `version(corpus)` (None: the page does not exist) when a version is given;
    with version "corpus", cached as the corpus is now (`work.now()`: its generation while
    a _Watcher follows it, else this second).

    A version is looked up at most once per `work.now()` per page (remembered in
    `work.stamps`), so that a page asked for again is answered from memory on the event
    loop, with no thread and no query: what keeps the list fast under many clients."""
    fmt = output_format(request)
    work: _Work = request.app.state.work
    asked = _asked_language(request)
    now = work.now()
    stamp_key = (key[0], key[1] if len(key) > 1 else None, now)
    as_now = version == "corpus"
    if as_now:
        version = lambda corpus: now  # noqa: E731 - the page as the corpus is now
    lang = asked or work.known_language()
    if version is not None and lang is not None:
        stamp = now if as_now else work.stamps.get(stamp_key)
        cached = work.pages.get((*key, lang, fmt, stamp)) if stamp is not None else None
        if cached is not None:
            return _localised(_response(cached, fmt, key[0]), request, lang)

    def run() -> bytes | None:
        return _read_again(run_once)

    def run_once() -> bytes | None:
        nonlocal lang
        with work.corpus() as corpus:
            lang = lang or work.language(corpus)
            chrome = {"lang": lang, "switch": _switch(request.query_params.multi_items(), lang),
                      "text_lang": work.written(corpus)}
            stamp = None
            if version is not None:
                stamp = version(corpus)
                if stamp is None:
                    return None
                work.stamps.put(stamp_key, stamp)
                cached = work.pages.get((*key, lang, fmt, stamp))
                if cached is not None:
                    return cached
            # One thread builds a versioned page; the others asking for it meanwhile (many
            # clients at the turn of a second) wait for it rather than build it again.
            with work.building((*key, lang, fmt, stamp)) if version is not None \
                    else contextlib.nullcontext():
                if version is not None:
                    cached = work.pages.get((*key, lang, fmt, stamp))
                    if cached is not None:
                        return cached
                body = work.render(corpus, build, fmt, chrome)
                if body is not None and version is not None:
                    work.pages.put((*key, lang, fmt, stamp), body)
        return body

    body = await run_in_threadpool(run)
    if body is None:
        raise HTTPException(404, missing)
    return _localised(_response(body, fmt, key[0]), request, lang)


def error_response(request: Request, status: int, detail: str | None = None,
                   headers: dict | None = None) -> Response:
    """An error as a page or as JSON, never with a traceback."""
    title = _TITLES.get(status, N_("Error"))
    if wants_json(request):  # JSON speaks English whatever the reader's language
        return JSONResponse({"error": title.lower(), "status": status,
                             "detail": printable(detail or title)},
                            status_code=status, headers=headers)
    lang = (_asked_language(request) or request.app.state.work.known_language(stale=True)
            or i18n.LANGUAGES[0])
    translate = i18n.translations(lang).gettext
    if isinstance(detail, Message):
        detail = detail.translated(translate)
    html = _env(lang).get_template("error.html.j2").render(
        status=status, title=title, detail=printable(detail or translate(title)),
        lang=lang, switch=_switch(request.query_params.multi_items(), lang))
    return _localised(HTMLResponse(html, status_code=status, headers=headers), request, lang)


def create_app(corpus=None, *, read_only: bool = True,
               allowed_hosts: Sequence[str] | None = None,
               connect: Callable[[], object] | None = None,
               clock: Callable[[], float] = time.monotonic,
               language: str | None = None) -> FastAPI:
    """Corpus -> the web app. `read_only` is the only mode so far (there are no write routes);
    `allowed_hosts`, when given, is the list of Host headers answered (DNS rebinding guard);
    `connect`, when given, opens a corpus for each worker thread (else `corpus` is shared,
    one thread at a time); `clock` (seconds) times what is remembered for a second;
    `language` ("fr", "en"), when given, is the pages' default instead of the corpus's."""
    if corpus is None and connect is None:
        raise ValueError("create_app needs a corpus or a connect function")
    work = _Work(corpus, connect, clock)

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        # With its own connections, the server follows the corpus's changes (_Watcher).
        watcher = _Watcher(work, connect) if connect is not None else None
        task = None
        if watcher is not None:
            try:
                if await run_in_threadpool(watcher.start):
                    task = asyncio.create_task(watcher.run())
            except Exception:
                _log.exception("cannot follow the corpus's changes; pages are looked up"
                               " again every second")
        app.state.watcher = watcher if task is not None else None
        try:
            yield
        finally:
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
                # In a worker thread: a poll may still be running in its own (cancelling
                # the task does not stop it), and close waits for its lock.
                await run_in_threadpool(watcher.close)

    app = FastAPI(title="recoupe", docs_url=None, redoc_url=None, openapi_url=None,
                  telemetry={"tracing": False, "metrics": False, "logs": False,
                             "auto_configure": False}, lifespan=lifespan)
    app.state.corpus = corpus
    app.state.work = work
    app.state.watcher = None
    app.state.work.forced_language = i18n.pick(language)
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
                      since: str | None = Query(None, pattern=_DAY),
                      until: str | None = Query(None, pattern=_DAY),
                      outlet: str | None = Query(None, max_length=300),
                      entity: str | None = Query(None, max_length=300),
                      language: str | None = Query(None, pattern=r"^([a-z]{2,3})?$"),
                      sort: str = Query("newest", pattern="^(newest|outlets|articles)$"),
                      page: int = Query(1, ge=1, le=1_000_000),
                      limit: int = Query(25, ge=1, le=1000)) -> Response:
        lq = pages.ListQuery(printable(q).strip() or None, since or None, until or None,
                             printable(outlet).strip() or None,
                             printable(entity).strip() or None, language or None, sort, page,
                             limit)
        fmt = output_format(request)
        key, build = _stories_page(lq, fmt)
        try:
            return await _page(request, key, build,
                               Message(N_("There is no page %(page)d of this list."),
                                       page=page), "corpus")
        except StoreError:
            raise  # the corpus could not be read: the server's failure (500), not the reader's
        except RecoupeError as exc:  # e.g. a search the index cannot parse
            return error_response(request, 400, str(exc))

    @get("/entities")
    async def entities(request: Request,
                       type: str | None = Query(None, pattern="^(PER|LOC|ORG|MISC)$"),
                       page: int = Query(1, ge=1, le=1_000_000),
                       limit: int = Query(50, ge=1, le=1000)) -> Response:
        fmt = output_format(request)
        return await _page(request, ("entities", (type, page, limit)),
                           lambda c: pages.entities(c, type, page, limit, fmt),
                           Message(N_("There is no page %(page)d of this list."), page=page),
                           "corpus")

    @get("/story/{story_id}")
    async def story(request: Request, story_id: str,
                    page: int = Query(1, ge=1, le=1_000_000),
                    claims: str = Query("", max_length=20)) -> Response:
        show_all = claims == "all"
        return await _page(request, ("story", story_id, page, show_all),
                           lambda c: pages.story(c, story_id, page, wants_json(request),
                                                 show_all),
                           Message(N_("There is no story %(id)s in this corpus (or no page "
                                      "%(page)d)."), id=repr(story_id), page=page),
                           lambda c: c.story(story_id))

    @get("/article/{article_id:path}")
    async def article(request: Request, article_id: str) -> Response:
        return await _page(request, ("article", article_id),
                           lambda c: pages.article(c, article_id),
                           Message(N_("There is no article %(id)s in this corpus."),
                                   id=repr(article_id)))

    @get("/entity/{key}")
    async def entity(request: Request, key: str) -> Response:
        fmt = output_format(request)
        return await _page(request, ("entity", key), lambda c: pages.entity(c, key, fmt),
                           Message(N_("There is no entity %(id)s in this corpus."),
                                   id=repr(key)), "corpus")

    @get("/outlets")
    async def outlets(request: Request) -> Response:
        return await _page(request, ("outlets",), pages.outlets, "", "corpus")

    @get("/outlet/{name:path}")
    async def outlet(request: Request, name: str) -> Response:
        return await _page(request, ("outlet", name), lambda c: pages.outlet(c, name),
                           Message(N_("There is no outlet %(id)s in this corpus."),
                                   id=repr(name)), "corpus")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts_for(host: str) -> list[str] | None:
    """The Host headers answered when bound to `host`: on a loopback address, the local names
    and that address itself (127.0.0.2 is loopback too); elsewhere any (None)."""
    if not _is_loopback(host):
        return None
    bare = host.strip("[]")
    named = f"[{bare}]" if ":" in bare else bare
    return list(dict.fromkeys([*_LOOPBACK_HOSTS, named]))


def serve(db_path, host: str = "127.0.0.1", port: int = 8000, config=None) -> None:
    """Open the corpus at `db_path` read-only and serve it until interrupted. On a loopback
    address only local Host names are answered. Each worker thread reads through its own
    read-only connection."""
    import uvicorn

    from ..corpus import Corpus

    Corpus(db_path, config, read_only=True).close()  # a bad database is said before serving
    forced = config.render.language if config is not None else "auto"
    app = create_app(connect=lambda: Corpus(db_path, config, read_only=True),
                     allowed_hosts=allowed_hosts_for(host),
                     language=None if forced == "auto" else forced)
    try:
        uvicorn.run(app, host=host, port=port, log_level="info", server_header=False)
    finally:
        app.state.work.close()
