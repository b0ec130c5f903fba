"""The command line: each command parses its arguments and calls a plain function.

In: argv. Out: the rendered brief on stdout (or in the -o file), one line on stderr per input
that could not be used, and an exit code: 0 all inputs used, 1 some inputs failed, 2 usage.

    recoupe brief PATH... [--format text|md|json] [-o FILE] [--config FILE]
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
from contextlib import contextmanager
from pathlib import Path

from . import __version__
from .config import load as load_config
from .errors import ConfigError, RecoupeError
from .render import FORMATS

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="recoupe", description="Cross-check the news: a sourced brief from many articles.")
    parser.add_argument("--version", action="version", version=f"recoupe {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    b = commands.add_parser(
        "brief", help="read articles and print their brief",
        description="Read articles (files, folders, http(s) URLs, or - for standard input: "
                    ".txt, .html, .json, .jsonl, RSS/Atom) and print their brief.")
    b.add_argument("inputs", nargs="+", metavar="PATH",
                   help="a file, a folder (read recursively), an http(s) URL, or -")
    b.add_argument("--format", "-f", choices=FORMATS, default="text",
                   help="text (terminal report, the default), md (Markdown) or json")
    b.add_argument("-o", "--output", metavar="FILE", help="write the brief here, not stdout")
    b.add_argument("--sentences", type=int, metavar="N",
                   help="sentences in the summary (default 6)")
    b.add_argument("--config", metavar="FILE", help="a TOML file overriding settings")
    return parser


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
    import os

    if config.annotate.processes == 1 or (os.cpu_count() or 1) < 2:
        yield None
        return
    from .annotate.worker import ModelWorker

    with ModelWorker(config.annotate) as worker:
        yield worker


def cmd_brief(args: argparse.Namespace) -> int:
    config = load_config(args.config)
    if args.sentences is not None:
        if args.sentences < 0:
            print("recoupe: --sentences takes a number of 0 or more", file=sys.stderr)
            return EXIT_USAGE
        config = dataclasses.replace(config, crosscheck=dataclasses.replace(
            config.crosscheck, summary_sentences=args.sentences))
    with _model_worker(config) as worker, \
            _progress_bar(sys.stderr.isatty(), config.annotate.progress_from) as progress:
        # Imported only now: the model worker is already loading the NLP model meanwhile.
        from .pipeline import brief as make_brief

        result = make_brief(args.inputs, config, progress=progress, worker=worker)
    for problem in result.problems:
        print(f"recoupe: {problem}", file=sys.stderr)
    if not result.articles:
        print("recoupe: no article could be read", file=sys.stderr)
        return EXIT_SOME_FAILED
    from .render import render

    to_tty = args.output is None and sys.stdout.isatty()
    text = render(result, args.format, color=to_tty and args.format == "text")
    if args.output:
        try:
            Path(args.output).write_text(text, encoding="utf-8")
        except OSError as e:
            print(f"recoupe: cannot write {args.output}: {e.strerror or e}", file=sys.stderr)
            return EXIT_USAGE
    else:
        sys.stdout.write(text)
    return EXIT_SOME_FAILED if result.problems else EXIT_OK


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return {"brief": cmd_brief}[args.command](args)
    except ConfigError as e:
        print(f"recoupe: {e}", file=sys.stderr)
        return EXIT_USAGE
    except RecoupeError as e:
        print(f"recoupe: {e}", file=sys.stderr)
        return EXIT_SOME_FAILED
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
