"""The command line: each command parses its arguments and calls a plain function.

In: argv. Out: what the command prints (a brief, a list of stories, a summary of what was
added) on stdout, one line on stderr per input that could not be used, and an exit code:
0 all inputs used, 1 some inputs failed (or a database error), 2 usage.

    recoupe brief PATH... | --story ID [--db FILE] [--format text|md|json|html] [-o FILE]
    recoupe add PATH|URL|FEED... [--db FILE]        articles into the corpus database
    recoupe reindex [--db FILE]                     recompute what older code stored
    recoupe stories [--db FILE] [--search Q] [--format text|json]
    recoupe watch FEED... [--db FILE] [--interval S]
    recoupe serve [--db FILE] [--host 127.0.0.1] [--port 8000]
The database is --db, else $RECOUPE_DB, else ./recoupe.db; only add and watch create it.
Every command that takes --config FILE also takes --set section.name=value (repeatable).
README.md's command reference is written from this parser's help by docs/commands.py.
"""

from __future__ import annotations

import sys

# Ctrl-C while these load (on a busy machine, most of a second) is one line, as in main().
# The package's __init__ imports nothing (its types load on first use), so these are all.
try:
    import argparse
    import dataclasses
    import os
    import shutil
    from contextlib import ExitStack, contextmanager
    from pathlib import Path

    from . import __version__
    from .config import load as load_config
    from .errors import ConfigError, RecoupeError, escaped
    from .render import FORMATS
    from .render.safe import count
except KeyboardInterrupt:  # pragma: no cover - depends on timing
    print("recoupe: interrupted", file=sys.stderr)
    sys.exit(130)

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="recoupe", description="Cross-check the news: a sourced brief from many articles.")
    parser.add_argument("--version", action="version", version=f"recoupe {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    b = commands.add_parser(
        "brief", help="read articles and print their brief",
        description="Read articles (files, folders, http(s) URLs, or - for standard input: "
                    ".txt, .html, .json, .jsonl, RSS/Atom) and print their brief; or, with "
                    "--story, print the brief of a story of the corpus database.")
    b.add_argument("inputs", nargs="*", metavar="PATH",
                   help="a file, a folder (read recursively), an http(s) URL, or -")
    b.add_argument("--story", metavar="ID", help="a story of the database (see `stories`)")
    _db_option(b)
    b.add_argument("--format", "-f", choices=FORMATS, default="text",
                   help="text (terminal report, the default), md (Markdown), html (one "
                        "self-contained page) or json")
    b.add_argument("-o", "--output", metavar="FILE", help="write the brief here, not stdout")
    b.add_argument("--sentences", type=int, metavar="N",
                   help="sentences in the summary (default 6)")
    _config_options(b)

    a = commands.add_parser(
        "add", help="add articles to the corpus database",
        description="Read, clean and annotate articles and keep them in the corpus database, "
                    "grouped into stories. An article already stored costs nothing.")
    a.add_argument("inputs", nargs="+", metavar="PATH",
                   help="a file, a folder, an http(s) URL (a page or a feed), or -")
    _db_option(a)
    _config_options(a)
    where = a.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="clean and annotate on the workers of this Dask scheduler "
                            "(tcp://HOST:8786)")
    where.add_argument("--workers", type=int, metavar="N",
                       help="clean and annotate on a local Dask cluster of N processes")

    r = commands.add_parser(
        "reindex", help="recompute what an older recoupe stored",
        description="Clean and annotate again the articles analysed by an older version, "
                    "and rebuild the briefs of their stories.")
    _db_option(r)
    _config_options(r)

    st = commands.add_parser("stories", help="list the stories of the corpus database",
                             description="List the stories, newest first.")
    _db_option(st)
    st.add_argument("--search", "-s", metavar="QUERY",
                    help="only stories with an article matching these words")
    st.add_argument("--limit", type=int, metavar="N", help="at most N stories")
    st.add_argument("--format", "-f", choices=("text", "json"), default="text",
                    help="text (a table, the default) or json")

    ex = commands.add_parser(
        "export", help="write the corpus's stories, claims, quotes or entities as CSV or JSONL",
        description="Write one list of the corpus database, a row per story, claim, quote or "
                    "entity (with its story), as CSV or JSON Lines. Reads only.")
    _db_option(ex)
    ex.add_argument("--what", choices=("stories", "claims", "quotes", "entities"),
                    default="stories", help="which list (default: stories)")
    ex.add_argument("--format", "-f", choices=("csv", "jsonl"), default="csv",
                    help="csv (the default) or jsonl")
    ex.add_argument("--output", "-o", metavar="FILE", help="write to FILE instead of stdout")

    w = commands.add_parser(
        "watch", help="poll RSS/Atom feeds and add their new items",
        description="Poll feeds (honouring ETag and Last-Modified, backing off on errors), "
                    "fetch each new item's page, and add it to the corpus database. "
                    "Stop with Ctrl-C.")
    w.add_argument("feeds", nargs="+", metavar="FEED", help="an RSS or Atom feed URL")
    _db_option(w)
    w.add_argument("--interval", type=float, metavar="SECONDS",
                   help="seconds between two polls of a feed (default 300)")
    w.add_argument("--rounds", type=int, metavar="N", help=argparse.SUPPRESS)
    _config_options(w)

    v = commands.add_parser(
        "serve", help="browse the corpus in a web browser",
        description="Serve the corpus database as web pages (read-only).")
    _db_option(v)
    v.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default 127.0.0.1: this machine only)")
    v.add_argument("--port", type=int, default=8000, help="port to listen on (default 8000)")
    _config_options(v)
    return parser


def _db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="FILE", default=None,
                        help="the corpus database (default: $RECOUPE_DB, else ./recoupe.db)")


def _config_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--config", metavar="FILE", help="a TOML file overriding settings")
    parser.add_argument("--set", action="append", default=[], metavar="SECTION.NAME=VALUE",
                        help="override one setting (a TOML value), after --config; "
                             "repeatable, e.g. --set read.url_timeout=30")


def _load_config(args: argparse.Namespace):
    return load_config(args.config, args.set)


def _db_path(args: argparse.Namespace) -> str:

    return args.db or os.environ.get("RECOUPE_DB") or "recoupe.db"


def _missing_db(args: argparse.Namespace) -> bool:
    """Whether the database is missing, said in one line: commands that read a corpus never
    create one (only `add` and `watch` do)."""
    path = _db_path(args)
    if Path(path).is_file():
        return False
    print(f"recoupe: {path}: no such database (make one with `recoupe add`)", file=sys.stderr)
    return True


@contextmanager
def _progress_bar(enabled: bool, threshold: int):
    """A rich progress bar on stderr, shown only for batches of at least `threshold`."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    progress = Progress("[progress.description]{task.description}", BarColumn(),
                        MofNCompleteColumn(), TimeElapsedColumn(),
                        console=Console(stderr=True), transient=True)
    task = None

    def update(done: int, total: int) -> None:
        nonlocal task
        if total < threshold:
            return
        if task is None:
            progress.start()
            task = progress.add_task("cleaning and annotating", total=total)
        progress.update(task, completed=done)

    try:
        yield update
    finally:
        progress.stop()


@contextmanager
def _model_worker(config):
    """A process that starts loading the NLP model now, before the rest of recoupe is
    imported: for a handful of articles the model's load is most of the wait."""

    if config.annotate.processes == 1 or (os.cpu_count() or 1) < 2:
        yield None
        return
    import signal

    from .annotate.worker import ModelWorker

    # The worker is forked with Ctrl-C ignored: the interrupt is this process's to report
    # (one line), and closing the worker ends it; else it prints a traceback of its own.
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        worker = ModelWorker(config.annotate)
    finally:
        signal.signal(signal.SIGINT, previous)
    with worker:
        yield worker


@contextmanager
def _lazy_model_worker(config):
    """A function that starts the model worker on first call (when there is something new to
    annotate: re-adding stored articles loads no model), and its ending."""
    stack = ExitStack()

    def start():
        if not hasattr(start, "worker"):
            start.worker = stack.enter_context(_model_worker(config))
        return start.worker

    with stack:
        yield start


def cmd_brief(args: argparse.Namespace) -> int:
    config = _load_config(args)
    if args.sentences is not None:
        if args.sentences < 0:
            print("recoupe: --sentences takes a number of 0 or more", file=sys.stderr)
            return EXIT_USAGE
        config = dataclasses.replace(config, crosscheck=dataclasses.replace(
            config.crosscheck, summary_sentences=args.sentences))
    if bool(args.inputs) == bool(args.story):
        print("recoupe: give either articles (PATH...) or --story ID", file=sys.stderr)
        return EXIT_USAGE
    if args.story:
        if _missing_db(args):
            return EXIT_SOME_FAILED
        from .corpus import Corpus

        with Corpus(_db_path(args), config) as corpus:
            result = corpus.brief(args.story)
        if result is None:
            print(f"recoupe: no story {args.story} in {_db_path(args)} "
                  "(see `recoupe stories`)", file=sys.stderr)
            return EXIT_SOME_FAILED
        return _write_brief(result, args, config)
    with _model_worker(config) as worker, \
            _progress_bar(sys.stderr.isatty(), config.annotate.progress_from) as progress:
        # Imported only now: the model worker is already loading the NLP model meanwhile.
        from .pipeline import brief as make_brief

        result = make_brief(args.inputs, config, progress=progress, worker=worker)
    return _write_brief(result, args, config)


def _write_brief(result, args: argparse.Namespace, config) -> int:
    for problem in result.problems:
        print(f"recoupe: {escaped(str(problem))}", file=sys.stderr)
    if not result.articles:
        print("recoupe: no article could be read", file=sys.stderr)
        return EXIT_SOME_FAILED
    from .render import render

    to_tty = args.output is None and sys.stdout.isatty()
    # On a terminal the report takes its width; in a file or a pipe, 120 columns.
    width = shutil.get_terminal_size((120, 24)).columns if to_tty else 120
    text = render(result, args.format, width=width, color=to_tty and args.format == "text",
                  language=config.render.language, fallback_language=config.clean.language)
    if args.output:
        if write_output(args.output, text) != EXIT_OK:
            return EXIT_USAGE
    else:
        sys.stdout.write(text)
    return EXIT_SOME_FAILED if result.problems else EXIT_OK


@contextmanager
def _cluster(args: argparse.Namespace):
    """The Dask client that `--scheduler` or `--workers` ask for, else None."""
    if not (args.scheduler or args.workers is not None):
        yield None
        return
    from .cluster import client

    with client(args.scheduler, args.workers) as c:
        yield c


def write_output(path: str, text: str) -> int:
    """Write `text` to the file `path` whole or not at all: into a temporary file beside it,
    then renamed over it, so that a full disk or a crash leaves the old file as it was.
    A failure is one line on stderr and EXIT_USAGE."""
    import tempfile

    target = Path(path)
    if target.exists() and not target.is_file():  # /dev/stdout, a FIFO: write through
        try:
            target.write_text(text, encoding="utf-8")
            return EXIT_OK
        except OSError as e:
            print(f"recoupe: cannot write {escaped(path)}: {e.strerror or e}", file=sys.stderr)
            return EXIT_USAGE
    temp = None
    try:
        mode = target.stat().st_mode & 0o777 if target.exists() else _default_mode()
        fd, temp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temp, mode)
        os.replace(temp, target)
    except OSError as e:
        if temp is not None:
            Path(temp).unlink(missing_ok=True)
        print(f"recoupe: cannot write {escaped(path)}: {e.strerror or e}", file=sys.stderr)
        return EXIT_USAGE
    return EXIT_OK


def _default_mode() -> int:
    """The mode a new file gets here (0o666 less the umask), as open() would give it."""

    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _lower_priority(config) -> None:
    """`add` and `watch` are background work: their process (and the workers it starts,
    which inherit it) yields the CPU to a `serve` or a `brief` on the same machine."""
    if config.annotate.nice > 0 and hasattr(os, "nice"):
        try:
            os.nice(config.annotate.nice)
        except OSError:  # pragma: no cover - not allowed here: the usual priority then
            pass


def cmd_add(args: argparse.Namespace) -> int:
    config = _load_config(args)
    _lower_priority(config)
    from .store import Store

    Store(_db_path(args)).close()  # a bad database is reported before the model loads
    with _lazy_model_worker(config) as start_worker, _cluster(args) as cluster, \
            _progress_bar(sys.stderr.isatty(), config.annotate.progress_from) as progress:
        from .corpus import Corpus

        def waiting() -> None:
            print("recoupe: waiting for another recoupe process writing to "
                  f"{_db_path(args)}...", file=sys.stderr, flush=True)

        with Corpus(_db_path(args), config, on_wait=waiting) as corpus:
            report = corpus.add(args.inputs, progress=progress, worker=start_worker,
                                cluster=cluster)
            total = len(corpus.store)
    for problem in report.problems:
        print(f"recoupe: {escaped(str(problem))}", file=sys.stderr)
    print(f"{count(len(report.added), 'article')} added, {len(report.known)} already stored, "
          f"{count(len(report.stories), 'story', 'stories')} changed; "
          f"{count(total, 'article')} in {_db_path(args)}")
    return EXIT_SOME_FAILED if report.problems else EXIT_OK


def cmd_reindex(args: argparse.Namespace) -> int:
    config = _load_config(args)
    if _missing_db(args):
        return EXIT_SOME_FAILED
    with _progress_bar(sys.stderr.isatty(), 1) as progress:
        from .corpus import Corpus

        with Corpus(_db_path(args), config) as corpus:
            articles, stories = corpus.reindex(progress=progress)
    print(f"{count(articles, 'article')} analysed again, "
          f"{count(stories, 'story', 'stories')} rebuilt")
    return EXIT_OK


def cmd_stories(args: argparse.Namespace) -> int:
    if _missing_db(args):
        return EXIT_SOME_FAILED
    from .corpus import Corpus

    with Corpus(_db_path(args), read_only=True) as corpus:
        stories = corpus.stories(args.search, args.limit)
    if args.format == "json":
        import json

        sys.stdout.write(json.dumps([dataclasses.asdict(s) for s in stories],
                                    ensure_ascii=False, indent=1) + "\n")
        return EXIT_OK
    from .render.stories import stories_table

    sys.stdout.write(stories_table(stories, color=sys.stdout.isatty()))
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    if _missing_db(args):
        return EXIT_SOME_FAILED
    from .corpus import Corpus
    from .export import rows, write

    with Corpus(_db_path(args), read_only=True) as corpus:
        if args.output:
            try:
                with open(args.output, "w", encoding="utf-8", newline="") as out:
                    write(rows(corpus, args.what), args.format, out)
            except OSError as e:
                print(f"recoupe: cannot write {args.output}: {e.strerror or e}",
                      file=sys.stderr)
                return EXIT_USAGE
        else:
            write(rows(corpus, args.what), args.format, sys.stdout)
    return EXIT_OK


def cmd_watch(args: argparse.Namespace) -> int:
    config = _load_config(args)
    if args.interval is not None:
        if args.interval <= 0:
            print("recoupe: --interval takes a number of seconds above 0", file=sys.stderr)
            return EXIT_USAGE
        config = dataclasses.replace(config, watch=dataclasses.replace(
            config.watch, interval=args.interval))
    _lower_priority(config)
    from .corpus import Corpus
    from .watch import FeedState, watch

    def report(line: str) -> None:
        print(f"recoupe: {escaped(line)}", file=sys.stderr, flush=True)

    with Corpus(_db_path(args), config) as corpus:
        def load_state(url: str) -> FeedState | None:
            state = corpus.feed_state(url)
            return None if state is None else FeedState(**{**state, "seen": tuple(state["seen"])})

        def save_state(state: FeedState) -> None:
            corpus.save_feed_state(state.url, dataclasses.asdict(state))

        def add(docs) -> None:
            result = corpus.add(docs=docs)
            for problem in result.problems:
                report(str(problem))
            if result.added:
                report(f"{count(len(result.added), 'article')} added, "
                       f"{count(len(result.stories), 'story', 'stories')} changed")

        watch(args.feeds, load_state=load_state, save_state=save_state, add=add,
              config=config, report=report, rounds=args.rounds)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    config = _load_config(args)
    if _missing_db(args):
        return EXIT_SOME_FAILED
    from .web.app import serve

    serve(_db_path(args), host=args.host, port=args.port, config=config)
    return EXIT_OK


def main(argv: list[str] | None = None) -> int:
    try:
        args = _parser().parse_args(argv)
    except KeyboardInterrupt:  # building the parser takes a moment on a busy machine
        print("recoupe: interrupted", file=sys.stderr)
        return 130
    commands = {"brief": cmd_brief, "add": cmd_add, "reindex": cmd_reindex,
                "stories": cmd_stories, "export": cmd_export, "watch": cmd_watch,
                "serve": cmd_serve}
    try:
        return commands[args.command](args)
    except ConfigError as e:
        print(f"recoupe: {e}", file=sys.stderr)
        return EXIT_USAGE
    except RecoupeError as e:
        print(f"recoupe: {e}", file=sys.stderr)
        return EXIT_SOME_FAILED
    except KeyboardInterrupt:
        print("recoupe: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
