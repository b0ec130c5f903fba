"""`recoupe serve` under 50 concurrent clients: latency (p50, p99) and requests per second.

In: the hand-written test articles (tests/fixtures/stories), stored once into a database
(`--db`, built if missing; reused after). To it are added a 20-article story and a synthetic
story of ~1,000 articles, both copies of fixture articles under other titles and outlets
(their annotations reused, so no NLP model runs for them). A copy of that database is served
by `recoupe serve` on 127.0.0.1 in a subprocess. The load comes from a separate process of
raw HTTP/1.1 keep-alive connections on asyncio streams (not httpx: see `_fetch`), 50 clients,
half of them on the story list (`/`), half on the 20-article story page, each for --seconds:
- alone: nothing else runs;
- during add: while `recoupe add` stores --add rpm2-dev articles into the served database
  (the model loads and annotates on the same two cores: the worst case for latency);
- big: one request of the ~1,000-article story's page while 50 clients load the list (its
  time, its size, and the list's p99 meanwhile: a slow page must not slow the others).
Out: per page, requests, p50, p99 and requests/s; per phase, errors (each with what the
answer said: any error is a failure, the goal is none), and the CPU per request of the client
and of the server (the figure a shared machine inflates least); what the server logged
besides its access lines. Goals (issues 12 and 13), in every phase: list p99 < 200 ms
(issue 12; 300 ms in issue 13), story page p99 < 1 s, no error; the big story under 2 s
without slowing the list. Quote the load average with the figures.

usage: python benchmarks/serve_load.py [--db FILE] [--seconds 20] [--big 1000] [--add 20]
                                      [--phases alone,add,big]
"""

from __future__ import annotations

import argparse
import dataclasses
import os
import re
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "stories"
RPM2 = ROOT.parent / "shared" / "corpus" / "rpm2-dev" / "documents"
CLIENTS = 50


def build(db: Path, big: int) -> None:
    """The fixtures, a 20-article story and a `big`-article story, into `db`."""
    import recoupe.pipeline as pipeline_module
    from recoupe.config import Config
    from recoupe.corpus import Corpus
    from recoupe.model import RawDoc

    made: dict[str, object] = {}  # cleaned text -> its annotation, reused for the copies
    real_process = pipeline_module.process

    def process(articles, config, progress=None, worker=None, cluster=None):
        todo = [a for a in articles if a.text not in made]
        done, failed = (real_process(todo, config, progress, worker, cluster) if todo
                        else ([], []))
        for annotated in done:
            made[annotated.article.text] = annotated
        return [_moved(made[a.text], a) for a in articles if a.text in made], failed

    pipeline_module.process = process
    files = sorted(FIXTURES.glob("*.txt"))
    with Corpus(db, Config()) as corpus:
        corpus.add([str(f) for f in files])

        def copies(stem: str, n: int, tag: str) -> list[RawDoc]:
            text = (FIXTURES / f"{stem}.txt").read_text(encoding="utf-8")
            title, _, body = text.partition("\n")
            return [RawDoc(id=f"{tag}-{i:04d}", source=f"{tag}-{i:04d}.txt",
                           content=f"{title} ({tag} {i})\n{body}",
                           outlet=f"{tag.title()} Outlet {i % 60}") for i in range(n)]

        # Light rewrites: each copy its own headline and outlet, the body as written.
        corpus.add(docs=copies("orages-gard_1_midiinfo", 18, "vingt"))
        corpus.add(docs=copies("incendie-usine-vierzon_1_leberrypost", big, "grand"))


def _moved(annotated, article):
    """An annotation made for one article, given to its copy (same text, another id)."""
    old = annotated.article.id
    quotes = tuple(dataclasses.replace(q, id=article.id + q.id[len(old):], article=article.id)
                   for q in annotated.quotes)
    return dataclasses.replace(annotated, article=article, quotes=quotes)


def _story_ids(base: str) -> tuple[str, str, int]:
    import httpx

    stories = httpx.get(f"{base}/?format=json&limit=1000", timeout=600).json()
    ordered = sorted(stories, key=lambda s: len(s["articles"]))
    story20 = min(ordered, key=lambda s: abs(len(s["articles"]) - 20))
    return story20["id"], ordered[-1]["id"], len(ordered[-1]["articles"])


# -- the load generator: its own process, raw HTTP/1.1 on asyncio streams --------------------
# Why not httpx here: its async client spends about a millisecond of CPU per request, as much
# as the server's page work, and shared the server's two cores: the client was the limit.
# Raw keep-alive requests cost a few tens of microseconds each.


async def _fetch(reader, writer, request: bytes) -> tuple[int, bytes, bool]:
    """One request on an open keep-alive connection: (status, body, still open)."""
    writer.write(request)
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in
               (line.partition(":") for line in lines[1:] if line)}
    if "content-length" in headers:
        body = await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        chunks = []
        while True:
            n = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            chunks.append((await reader.readexactly(n + 2))[:n])
            if n == 0:
                break
        body = b"".join(chunks)
    else:  # the body runs to the end of the connection
        return status, await reader.read(), False
    return status, body, headers.get("connection", "").lower() != "close"


def _reason(body: bytes) -> str:
    """What an error answer says: its text without markup, cut short."""
    text = re.sub(r"<(style|title)\b.*?</\1>|<[^>]+>", " ", body.decode("utf-8", "replace"),
                  flags=re.S)
    return " ".join(text.split())[:160]


async def _client(port: int, path: str, until: float, count: list[int] | None,
                  out: list[float], errors: list[str]) -> None:
    """One client: GET `path` again and again on one connection (reopened if the server
    closes it), until the clock passes `until` or the shared `count` runs out."""
    import asyncio

    request = (f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
               "User-Agent: serve-load\r\n\r\n").encode()
    reader = writer = None
    while time.perf_counter() < until:
        if count is not None:
            if count[0] <= 0:
                break
            count[0] -= 1
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=2**24)
            start = time.perf_counter()
            status, body, keep = await _fetch(reader, writer, request)
            out.append(time.perf_counter() - start)
            if status != 200:
                errors.append(f"{path}: HTTP {status}: {_reason(body)}")
            if not keep:
                writer.close()
                writer = None
        except (OSError, ValueError, asyncio.IncompleteReadError) as e:
            errors.append(f"{path}: {type(e).__name__}: {e}")
            if writer is not None:
                writer.close()
            writer = None
            await asyncio.sleep(0.01)
    if writer is not None:
        writer.close()


async def _generate(port: int, paths: list[str], clients: int, seconds: float,
                    requests: int | None) -> dict:
    import asyncio

    until = time.perf_counter() + seconds
    out: dict[str, list[float]] = {p: [] for p in paths}
    counts = {p: [requests] if requests else None for p in paths}
    errors: list[str] = []
    start = time.perf_counter()
    await asyncio.gather(*(
        _client(port, paths[i % len(paths)], until, counts[paths[i % len(paths)]],
                out[paths[i % len(paths)]], errors) for i in range(clients)))
    return {"latencies": out, "wall": time.perf_counter() - start, "errors": errors,
            "cpu": time.process_time()}


def generate(argv: list[str]) -> None:
    """The load generator's own process: args port, clients, seconds, requests per path (0:
    no limit), paths...; prints its measures as one JSON line."""
    import asyncio
    import json

    port, clients, seconds, requests, *paths = argv
    try:
        import uvloop  # a faster event loop, when installed (the server uses it too)

        runner = uvloop.run
    except ImportError:
        runner = asyncio.run
    result = runner(_generate(int(port), paths, int(clients), float(seconds),
                              int(requests) or None))
    # The event loop may leave the pipe non-blocking: the line (hundreds of kB) was once
    # cut at the pipe's 64 kB.
    os.set_blocking(sys.stdout.fileno(), True)
    print(json.dumps(result), flush=True)


class Load:
    """The load generator started in its own process, so that it does not share an
    interpreter (or its CPU accounting) with anything else; `result()` waits for it."""

    def __init__(self, port: int, paths: list[str], seconds: float, requests: int = 0,
                 clients: int = CLIENTS):
        self.process = subprocess.Popen(
            [sys.executable, __file__, "--generate", str(port), str(clients), str(seconds),
             str(requests), *paths], stdout=subprocess.PIPE, text=True)

    def result(self) -> dict:
        import json

        out, _ = self.process.communicate()
        return json.loads(out.strip().splitlines()[-1])


def _cpu(pid: int) -> float:
    """CPU seconds (user + system) the process has used: a cost that other programs on a
    shared machine do not inflate as much as they do the latencies."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _lines(name: str, result: dict, names: dict[str, str], server_cpu: float | None = None
           ) -> list[str]:
    lines = []
    total = sum(len(v) for v in result["latencies"].values())
    for path, latencies in result["latencies"].items():
        if len(latencies) < 2:
            lines.append(f"{name:<10} {names.get(path, path):<8} {len(latencies)} requests")
            continue
        q = statistics.quantiles(latencies, n=100)
        lines.append(f"{name:<10} {names.get(path, path):<8} {len(latencies):>6} requests  "
                     f"p50 {q[49] * 1000:8.1f} ms  p99 {q[98] * 1000:8.1f} ms  "
                     f"{len(latencies) / result['wall']:7.1f} req/s")
    tail = (f"{name:<10} all      {total:>6} requests  {total / result['wall']:7.1f} req/s, "
            f"{len(result['errors'])} errors; client CPU "
            f"{result['cpu'] * 1000 / max(1, total):.2f} ms/request")
    if server_cpu is not None:
        tail += f", server CPU {server_cpu * 1000 / max(1, total):.2f} ms/request"
    lines.append(tail)
    lines += [f"           error: {e}" for e in result["errors"][:5]]
    return lines


def _copy(db: Path, to: Path) -> None:
    """A consistent copy of the database (SQLite's backup), served and added to, so that the
    built one stays as it was for the next run."""
    import sqlite3

    with sqlite3.connect(db) as src, sqlite3.connect(to) as dst:
        src.backup(dst)


def main() -> None:
    if sys.argv[1:2] == ["--generate"]:
        generate(sys.argv[2:])
        return
    import tempfile

    import httpx

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "benchmarks" / ".serve_load.db")
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--big", type=int, default=1000)
    parser.add_argument("--add", type=int, default=20,
                        help="rpm2-dev articles added while the load runs")
    parser.add_argument("--phases", default="alone,add,big",
                        help="which phases to run, comma-separated (alone, add, big)")
    args = parser.parse_args()
    phases = set(args.phases.split(","))
    if not args.db.exists():
        started = time.perf_counter()
        build(args.db, args.big)
        print(f"built {args.db} in {time.perf_counter() - started:.0f} s")
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    recoupe = str(Path(sys.executable).parent / "recoupe")
    tmp = tempfile.TemporaryDirectory()
    served = Path(tmp.name) / "served.db"
    _copy(args.db, served)
    log = open(Path(tmp.name) / "server.log", "w+", encoding="utf-8")  # noqa: SIM115
    server = subprocess.Popen([recoupe, "serve", "--db", str(served), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=log, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                httpx.get(f"{base}/static/style.css", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        story20, big, size = _story_ids(base)
        for path in ("/", f"/story/{story20}"):  # rendered once: the cache is warm, as in use
            httpx.get(base + path, timeout=600)
        names = {"/": "list", f"/story/{story20}": "story20", f"/story/{big}": "big"}
        print(f"stories: {story20} (20-article page), {big} ({size} articles); "
              f"{CLIENTS} clients, half on the list, half on the 20-article page")
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        paths = ["/", f"/story/{story20}"]

        if "alone" in phases:
            cpu = _cpu(server.pid)
            result = Load(port, paths, args.seconds).result()
            print("\n".join(_lines("alone", result, names, _cpu(server.pid) - cpu)))

        docs = sorted(RPM2.glob("*.txt"))[:args.add]
        if docs and "add" in phases:
            started = time.perf_counter()
            add = subprocess.Popen([recoupe, "add", *map(str, docs), "--db", str(served)],
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                   env=env)
            cpu = _cpu(server.pid)
            result = Load(port, paths, args.seconds).result()
            server_cpu = _cpu(server.pid) - cpu
            load_ended = time.perf_counter() - started
            add_out, _ = add.communicate()
            add_s = time.perf_counter() - started
            print("\n".join(_lines("during add", result, names, server_cpu)))
            print(f"           the add ({len(docs)} articles, exit {add.returncode}) took "
                  f"{add_s:.1f} s, the load {load_ended:.1f} s: "
                  f"{add_out.strip().splitlines()[-1] if add_out.strip() else ''}")

        if "big" in phases:
            load = Load(port, ["/"], args.seconds)
            time.sleep(min(2.0, args.seconds / 4))  # the list load is under way
            start = time.perf_counter()
            response = httpx.get(f"{base}/story/{big}", timeout=600)
            seconds = time.perf_counter() - start
            result = load.result()
            print(f"big        {size} articles: first page {seconds:.2f} s, "
                  f"{len(response.content) / 1e6:.2f} MB, HTTP {response.status_code}")
            print("\n".join(_lines("list+big", result, names)))
        print(f"load average {os.getloadavg()[0]:.1f}")
    finally:
        server.terminate()
        server.wait(30)
        log.seek(0)
        # What the server said besides its access lines (a failure's traceback, say).
        said = [line.rstrip() for line in log if not line.startswith("INFO:")]
        if said:
            print(f"server log, {len(said)} lines besides access lines:", *said[:40], sep="\n")
        log.close()
        tmp.cleanup()


if __name__ == "__main__":
    main()
