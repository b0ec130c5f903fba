"""Config: every setting is documented, and a user file overrides defaults or is refused clearly."""

import pytest

from recoupe.config import Config, describe, load
from recoupe.errors import ConfigError


def test_config_every_setting_has_a_help_line():
    rows = describe()
    assert rows, "no settings found"
    for name, _default, help_line in rows:
        assert help_line and len(help_line) > 15, f"{name} has no help line"


def test_config_every_setting_is_in_the_readme():
    from pathlib import Path

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for name, _default, _help in describe():
        assert f"`{name}`" in readme, f"README does not document {name}"


def test_config_file_overrides_a_default(tmp_path):
    path = tmp_path / "recoupe.toml"
    path.write_text("[read]\nmax_bytes = 1000\n[annotate]\nprocesses = 1\n", encoding="utf-8")
    config = load(path)
    assert config.read.max_bytes == 1000 and config.annotate.processes == 1
    assert config.clean == Config().clean


@pytest.mark.parametrize("text, words", [
    ("[read]\nmax_byte = 3\n", "unknown setting(s) in [read]: max_byte"),
    ("[reed]\n", "unknown section(s): reed"),
    ("[read\n", "cannot read the config file"),
])
def test_config_bad_file_is_one_clear_error(tmp_path, text, words):
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=r".*") as err:
        load(path)
    assert words in str(err.value) and str(path) in str(err.value)
