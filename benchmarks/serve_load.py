"""`recoupe serve` under 50 concurrent clients: latency (p50, p99) and requests per second.

In: the hand-written test articles (tests/fixtures/stories), stored once into a database
(`--db`, built if missing; reused after). To it are added a 20-article story and a synthetic
story of ~1,000 articles, both copies of fixture articles under other titles and outlets
(their annotations reused, so no NLP model runs for them). Then `recoupe serve` runs on
127.0.0.1 in a subprocess, and an httpx async client with 50 concurrent clients measures:
- list: the story list (`/`), alone;
- story20: the 20-article story page, alone;
- big: one request of the large story's page while 50 clients load the list (its time,
  its size, and the list's p99 meanwhile: a slow page must not slow the others).
Out: one line per measure. Goals (issue 13): list p99 < 300 ms, story20 p99 < 1 s, the big
story under 2 s without slowing the list.

usage: python benchmarks/serve_load.py [--db FILE] [--requests N] [--big N]
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "stories"
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
    stories = httpx.get(f"{base}/?format=json&limit=1000", timeout=600).json()
    ordered = sorted(stories, key=lambda s: len(s["articles"]))
    story20 = min(ordered, key=lambda s: abs(len(s["articles"]) - 20))
    return story20["id"], ordered[-1]["id"], len(ordered[-1]["articles"])


async def _load(base: str, path: str, requests: int, timeout: float) -> tuple[list[float], float]:
    """`requests` GETs of `path` by CLIENTS concurrent clients: (latencies, wall seconds)."""
    latencies: list[float] = []
    queue = iter(range(requests))
    limits = httpx.Limits(max_connections=CLIENTS)
    async with httpx.AsyncClient(base_url=base, timeout=timeout, limits=limits) as client:
        async def one_client() -> None:
            for _ in queue:
                start = time.perf_counter()
                response = await client.get(path)
                response.raise_for_status()
                latencies.append(time.perf_counter() - start)

        start = time.perf_counter()
        await asyncio.gather(*(one_client() for _ in range(CLIENTS)))
        return latencies, time.perf_counter() - start


def _cpu(pid: int) -> float:
    """CPU seconds (user + system) the process has used: a cost that other programs on a
    shared machine do not inflate as much as they do the latencies."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _line(name: str, latencies: list[float], wall: float, cpu: float | None = None) -> str:
    q = statistics.quantiles(latencies, n=100)
    line = (f"{name:<8} {len(latencies):>5} requests  p50 {q[49] * 1000:8.1f} ms  "
            f"p99 {q[98] * 1000:8.1f} ms  {len(latencies) / wall:7.1f} req/s")
    if cpu is not None:
        line += f"  server CPU {cpu * 1000 / len(latencies):.1f} ms/request"
    return line


async def _big_during_list(base: str, big_path: str, requests: int, timeout: float):
    async with httpx.AsyncClient(base_url=base, timeout=timeout) as client:
        async def big() -> tuple[float, int]:
            await asyncio.sleep(0.5)  # the list load is under way
            start = time.perf_counter()
            response = await client.get(big_path)
            return time.perf_counter() - start, len(response.content)

        (latencies, wall), (seconds, size) = await asyncio.gather(
            _load(base, "/", requests, timeout), big())
    return latencies, wall, seconds, size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "benchmarks" / ".serve_load.db")
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--big", type=int, default=1000)
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args()
    if not args.db.exists():
        started = time.perf_counter()
        build(args.db, args.big)
        print(f"built {args.db} in {time.perf_counter() - started:.0f} s")
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    sock.close()
    env = {k: v for k, v in os.environ.items() if "proxy" not in k.lower()}
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "recoupe"), "serve", "--db", str(args.db),
         "--port", str(port)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                httpx.get(f"{base}/static/style.css", timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        story20, big, size = _story_ids(base)
        print(f"stories: {story20} (20-article page), {big} ({size} articles)")
        print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
        cpu = _cpu(server.pid)
        latencies, wall = asyncio.run(_load(base, "/", args.requests, args.timeout))
        print(_line("list", latencies, wall, _cpu(server.pid) - cpu))
        cpu = _cpu(server.pid)
        latencies, wall = asyncio.run(
            _load(base, f"/story/{story20}", args.requests // 2, args.timeout))
        print(_line("story20", latencies, wall, _cpu(server.pid) - cpu))
        latencies, wall, seconds, nbytes = asyncio.run(
            _big_during_list(base, f"/story/{big}", args.requests, args.timeout))
        print(f"big      {size} articles: first page {seconds:.2f} s, {nbytes / 1e6:.2f} MB")
        print(_line("list+big", latencies, wall))
        print(f"load average {os.getloadavg()[0]:.1f}")
    finally:
        server.terminate()
        server.wait(30)


if __name__ == "__main__":
    main()
