"""Config: every setting is documented, values are checked against their default's type, and
a user file or a --set override is applied or refused in one clear line."""

import re
from pathlib import Path

import pytest

from recoupe.config import Config, describe, load
from recoupe.errors import ConfigError

README = Path(__file__).resolve().parent.parent / "README.md"


def test_config_every_setting_has_a_help_line():
    rows = describe()
    assert rows, "no settings found"
    for name, _default, help_line in rows:
        assert help_line and len(help_line) > 15, f"{name} has no help line"


def _readme_settings() -> set[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Settings", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"^\| `([a-z_]+\.[a-z_]+)` \|", section, re.M))


def test_config_every_setting_is_in_the_readme_settings_table():
    documented = _readme_settings()
    names = {name for name, _default, _help in describe()}
    assert names - documented == set(), "settings missing from the README's table"
    assert documented - names == set(), "README documents settings that do not exist"


def test_config_file_overrides_a_default(tmp_path):
    path = tmp_path / "recoupe.toml"
    path.write_text("[read]\nmax_bytes = 1000\n[annotate]\nprocesses = 1\n", encoding="utf-8")
    config = load(path)
    assert config.read.max_bytes == 1000 and config.annotate.processes == 1
    assert config.clean == Config().clean


def test_config_a_whole_number_is_a_number_of_seconds(tmp_path):
    path = tmp_path / "recoupe.toml"
    path.write_text("[read]\nurl_timeout = 30\n", encoding="utf-8")
    timeout = load(path).read.url_timeout
    assert timeout == 30.0 and isinstance(timeout, float)


@pytest.mark.parametrize("text, words", [
    ("[read]\nmax_byte = 3\n", "unknown setting read.max_byte (settings of [read]: max_bytes,"),
    ("[reed]\n", "unknown section [reed] (known: read,"),
    ("read = 3\n", "[read] must be a table of settings, not 3"),
    ("[read\n", "cannot read the config file"),
    ('[read]\nmax_bytes = "lots"\n', 'read.max_bytes: expected a whole number (like the '
                                     'default, 20971520), got "lots"'),
    ("[read]\nmax_bytes = 1.5\n", "read.max_bytes: expected a whole number"),
    ("[read]\nurl_timeout = true\n", "read.url_timeout: expected a number"),
    ("[read]\nuser_agent = 3\n", "read.user_agent: expected a string in quotes"),
    ("[watch]\nfetch_pages = 1\n", "watch.fetch_pages: expected true or false"),
    ("[annotate]\nmodels = \"fr_core_news_md\"\n", "annotate.models: expected a table"),
    ("[annotate]\nmodels = {fr = 3}\n", "annotate.models.fr: expected a string in quotes"),
    ('[group]\njoin_threshold = "0.2\\nx"\n', r'got "0.2\nx"'),
])
def test_config_bad_file_is_one_clear_line(tmp_path, text, words):
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load(path)
    message = str(err.value)
    assert words in message and message.startswith(f"{path}: ") and "\n" not in message


@pytest.mark.parametrize("items, section, expected", [
    (["read.max_bytes=1000"], "read", {"max_bytes": 1000}),
    (["read.url_timeout=2.5", "read.url_max_redirects = 2"], "read",
     {"url_timeout": 2.5, "url_max_redirects": 2}),
    (['read.user_agent="my agent/1.0"'], "read", {"user_agent": "my agent/1.0"}),
    (["read.user_agent=my agent/1.0"], "read", {"user_agent": "my agent/1.0"}),  # bare word
    (["watch.fetch_pages=false"], "watch", {"fetch_pages": False}),
    (['annotate.models={fr = "fr_core_news_sm"}'], "annotate",
     {"models": {"fr": "fr_core_news_sm"}}),
])
def test_config_set_overrides_a_setting(items, section, expected):
    config = load(None, items)
    for name, value in expected.items():
        assert getattr(getattr(config, section), name) == value


def test_config_set_wins_over_the_file(tmp_path):
    path = tmp_path / "recoupe.toml"
    path.write_text("[read]\nmax_bytes = 1000\nurl_timeout = 3\n", encoding="utf-8")
    config = load(path, ["read.max_bytes=2000"])
    assert (config.read.max_bytes, config.read.url_timeout) == (2000, 3.0)


@pytest.mark.parametrize("item, words", [
    ("read.max_bytes=lots", '--set: read.max_bytes: expected a whole number (like the '
                            'default, 20971520), got "lots"'),
    ("read.max_byte=3", "--set: unknown setting read.max_byte"),
    ("reed.max_bytes=3", "--set: unknown section [reed]"),
    ("read.max_bytes", "--set read.max_bytes: expected section.name=value"),
    ("max_bytes=3", "--set max_bytes=3: expected section.name=value"),
])
def test_config_bad_set_is_one_clear_line(item, words):
    with pytest.raises(ConfigError) as err:
        load(None, [item])
    assert str(err.value).startswith(words) and "\n" not in str(err.value)
