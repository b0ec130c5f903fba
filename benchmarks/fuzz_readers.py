"""Fuzz every reader with hypothesis: no crash, no hang, one problem line each.

In: generated inputs for each reader — plain text (any bytes, any encoding), HTML, JSON and
JSON Lines (random values, cut and corrupted), RSS and Atom (random fields, cut and
corrupted), URL responses (random status, content type and body) from a local server on
127.0.0.1, and file names (any bytes but "/" and NUL). Each input goes through
`read_inputs`, as the command line reads it.
Out: per reader, printed counts: inputs, articles read, problems, and the failures, which
must all be 0: a crash (an exception, or the "a bug in recoupe" problem a reader's crash
becomes), a hang (an input taking longer than `--timeout`), a result that UTF-8 cannot carry
(a lone surrogate), or an input that gave neither an article nor a problem line. The exit
code is 1 if any failure was seen. `fuzz(reader, examples)` is what the tests call, briefly.

usage: python benchmarks/fuzz_readers.py [--examples 10000] [--timeout 20] [READER...]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from recoupe.config import ReadConfig
from recoupe.model import InputProblem, RawDoc
from recoupe.read import read_inputs

CONFIG = ReadConfig(url_timeout=3.0, max_bytes=200_000)
_WORDS = st.sampled_from(["Le", "maire", "a", "annoncé", "mardi", "é", "«", "»", "&amp;",
                          "<b>", "</p>", "\x00", "\x1b[31m", "\ud83d", "\\ud83d", "\u202e",
                          "]]>", "<![CDATA[", "&#0;", "&bogus;", "\n", "\r", "\t", "{", "["])
_PROSE = st.lists(st.one_of(_WORDS, st.text(max_size=12)), max_size=16).map(" ".join)
_ENCODINGS = st.sampled_from(["utf-8", "cp1252", "latin-1", "utf-16", "utf-8-sig", "koi8-r"])


def _encoded(text: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    return st.tuples(text, _ENCODINGS).map(lambda te: te[0].encode(te[1], "surrogatepass")
                                           if te[1].startswith("utf") else
                                           te[0].encode(te[1], "replace"))


def _corrupt(data: st.SearchStrategy[bytes]) -> st.SearchStrategy[bytes]:
    """Bytes as made, cut short, or with random bytes spliced in."""
    def mutate(args):
        body, cut, at, noise = args
        if cut:
            body = body[:max(0, len(body) - cut)]
        if noise:
            at = at % (len(body) + 1)
            body = body[:at] + noise + body[at:]
        return body

    return st.tuples(data, st.integers(0, 40), st.integers(0, 10_000),
                     st.binary(max_size=8)).map(mutate)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | _PROSE,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["text", "html", "title", "id", "date", "outlet", "url", "body",
                         "content", "lang", "x"]), inner, max_size=6),
    max_leaves=8)
_RECORD = st.fixed_dictionaries(
    {"text": _PROSE}, optional={"title": _JSON, "id": _JSON, "date": _JSON, "url": _JSON,
                                "outlet": _JSON, "html": _JSON})


def _dumps(value, ascii_only: bool) -> str:
    return json.dumps(value, ensure_ascii=ascii_only)


def _rss(items) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{items[0][0] if items else ''}</title>"
            + "".join(f"<item><title>{t}</title><link>{link}</link>"
                      f"<description>{d}</description><pubDate>{p}</pubDate></item>"
                      for t, link, d, p in items) + "</channel></rss>")


def _atom(items) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
            + "".join(f"<entry><title>{t}</title><link href=\"{link}\"/>"
                      f"<content type=\"html\">{d}</content><updated>{p}</updated></entry>"
                      for t, link, d, p in items) + "</feed>")


_ITEMS = st.lists(st.tuples(_PROSE, st.sampled_from(["", "http://127.0.0.1:9/x", "javascript:x",
                                                     "file:///etc/passwd", "::"]),
                            _PROSE, st.sampled_from(["", "lundi", "2023-09-13", "Wed, 13 Sep "
                                                     "2023 08:30:00 +0200", "9999-99-99"])),
                  max_size=4)

STRATEGIES = {
    "text": ("txt", _corrupt(_encoded(_PROSE)) | st.binary(max_size=600)),
    "html": ("html", _corrupt(_encoded(_PROSE.map(
        lambda t: f"<html><head><title>{t[:30]}</title></head><body><p>{t}</p></body></html>"
    )))),
    "json": ("json", _corrupt(st.tuples(st.lists(_RECORD, max_size=3) | _JSON, st.booleans())
                              .map(lambda vb: _dumps(*vb).encode("utf-8", "surrogatepass")))),
    "jsonl": ("jsonl", _corrupt(st.lists(st.tuples(_RECORD | _JSON, st.booleans()), max_size=4)
                                .map(lambda rows: "\n".join(_dumps(*r) for r in rows)
                                     .encode("utf-8", "surrogatepass")))),
    "feed": ("rss", _corrupt(st.one_of(_ITEMS.map(_rss), _ITEMS.map(_atom))
                             .map(lambda s: s.encode("utf-8", "surrogatepass")))),
}
_CONTENT_TYPES = st.sampled_from([
    "text/html", "text/html; charset=utf-8", "text/plain", "application/rss+xml",
    "application/x-rss+xml", "application/atom+xml", "text/xml", "application/json",
    "application/x-ndjson", "application/octet-stream", "", "image/png", "text/html; charset=bogus",
    "application/xml; charset=\"koi8-r\""])
_RESPONSES = st.tuples(st.sampled_from([200, 200, 200, 204, 301, 404, 500]), _CONTENT_TYPES,
                       st.one_of(*(s for _, s in STRATEGIES.values())),
                       st.sampled_from(["", "gzip", "br"]))
_NAMES = st.binary(min_size=1, max_size=40).filter(
    lambda b: b"/" not in b and b"\x00" not in b and b not in (b".", b".."))


class _Counts(Counter):
    FAILURES = ("crash", "hang", "not utf-8", "silent")

    def failed(self) -> int:
        return sum(self[k] for k in self.FAILURES)

    def line(self, reader: str) -> str:
        return (f"{reader:<6} {self['inputs']:>6} inputs  {self['articles']:>6} articles  "
                f"{self['problems']:>6} problems  " + "  ".join(
                    f"{k} {self[k]}" for k in self.FAILURES) + f"  slowest {self['ms']} ms")


def _check(inputs: list[str], counts: _Counts, timeout: float, single: bool = True) -> None:
    counts["inputs"] += 1
    start = time.monotonic()
    try:
        results = list(read_inputs(inputs, CONFIG))
    except Exception:  # noqa: BLE001 - what is counted
        counts["crash"] += 1
        return
    elapsed = time.monotonic() - start
    counts["ms"] = max(counts["ms"], int(elapsed * 1000))
    if elapsed > timeout:
        counts["hang"] += 1
    for r in results:
        if isinstance(r, RawDoc):
            counts["articles"] += 1
        elif isinstance(r, InputProblem):
            counts["problems"] += 1
            if "a bug in recoupe" in r.message:
                counts["crash"] += 1
        for f in dataclasses.fields(r):
            value = getattr(r, f.name)
            if isinstance(value, str):
                try:
                    value.encode("utf-8")
                except UnicodeEncodeError:
                    counts["not utf-8"] += 1
    if single and not results:
        counts["silent"] += 1


class _Server:
    """A local server answering every GET with the response set by `serve(...)`."""

    def __init__(self):
        self.response = (200, "text/plain", b"x", "")
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.0"

            def do_GET(self):  # noqa: N802 - the name http.server calls
                status, kind, body, encoding = outer.response
                self.send_response(status)
                if kind:
                    self.send_header("Content-Type", kind)
                if encoding:  # a lie: the body is not compressed
                    self.send_header("Content-Encoding", encoding)
                if status in (301,):
                    self.send_header("Location", "/again")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.httpd.handle_error = lambda request, address: None
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def fuzz(reader: str, examples: int, timeout: float = 5.0, seed: int | None = None) -> _Counts:
    """Run `examples` generated inputs through the reader named `reader`: the counts."""
    counts = _Counts()
    options = settings(max_examples=examples, deadline=None, database=None, derandomize=seed
                       is not None, suppress_health_check=list(HealthCheck),
                       phases=["generate"])
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "all_proxy"):
        os.environ.pop(name, None)
    with tempfile.TemporaryDirectory() as tmp:
        if reader in STRATEGIES:
            suffix, strategy = STRATEGIES[reader]
            path = os.path.join(tmp, f"input.{suffix}")

            @options
            @given(strategy)
            def run(data: bytes) -> None:
                with open(path, "wb") as f:
                    f.write(data)
                _check([path], counts, timeout)

            run()
        elif reader == "url":
            server = _Server()
            try:
                @options
                @given(_RESPONSES)
                def run(response) -> None:
                    server.response = response
                    _check([f"{server.base}/item"], counts, timeout)

                run()
            finally:
                server.close()
        elif reader == "names":
            folder = os.path.join(os.fsencode(tmp), b"names")

            @options
            @given(_NAMES, st.sampled_from([b".txt", b".html", b".json", b""]))
            def run(name: bytes, suffix: bytes) -> None:
                os.makedirs(folder, exist_ok=True)
                for old in os.listdir(folder):
                    os.unlink(os.path.join(folder, old))
                with open(os.path.join(folder, name + suffix), "wb") as f:
                    f.write("Le maire a annoncé mardi la fermeture du pont.".encode())
                _check([os.fsdecode(folder)], counts, timeout)

            run()
        else:
            raise ValueError(f"unknown reader {reader!r}")
    return counts


READERS = (*STRATEGIES, "url", "names")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("readers", nargs="*", metavar="READER", help=", ".join(READERS))
    parser.add_argument("--examples", type=int, default=10_000)
    parser.add_argument("--timeout", type=float, default=20.0,
                        help="seconds after which one input counts as a hang (a feed of four "
                        "linked items may make five downloads of read.url_timeout = 3 s each)")
    args = parser.parse_args()
    failed = 0
    for reader in args.readers or READERS:
        start = time.monotonic()
        counts = fuzz(reader, args.examples, args.timeout)
        failed += counts.failed()
        print(counts.line(reader) + f"  ({time.monotonic() - start:.0f} s)", flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
