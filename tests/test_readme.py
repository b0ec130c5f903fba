"""The README's reference sections are what docs/commands.py writes from the code: the
commands' --help and the settings' table cannot drift from the README."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"


def _script():
    spec = importlib.util.spec_from_file_location("docs_commands", ROOT / "docs" / "commands.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_readme_reference_sections_are_generated():
    current = README.read_text(encoding="utf-8")
    assert _script().generate(current) == current, \
        "README.md is out of date: run .venv/bin/python docs/commands.py"


def test_readme_check_mode_fails_on_a_stale_readme(tmp_path, monkeypatch):
    script = _script()
    stale = README.read_text(encoding="utf-8").replace("override one setting", "set one", 1)
    (tmp_path / "README.md").write_text(stale, encoding="utf-8")
    monkeypatch.setattr(script, "README", tmp_path / "README.md")
    assert script.main(["--check"]) == 1
    assert script.main([]) == 0 and script.main(["--check"]) == 0


def test_readme_starts_with_make_run_and_make_test():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert lines[3].startswith("make run ") and lines[4].startswith("make test ")


@pytest.mark.skipif(sys.version_info >= (3, 13),
                    reason="argparse writes '-o, --output FILE' from 3.13 on")
@pytest.mark.parametrize("command", ["brief", "stories", "serve"])
def test_readme_shows_what_help_prints(command):
    """The installed command's own --help, at the script's width, is the README's block."""
    exe = Path(sys.executable).with_name("recoupe")
    width = _script().WIDTH
    done = subprocess.run([str(exe), command, "--help"], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": str(width + 2)}, timeout=600)
    assert done.returncode == 0
    assert f"$ recoupe {command} --help\n{done.stdout}```" in README.read_text(encoding="utf-8")
