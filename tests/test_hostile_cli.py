"""The command line against hostile names, a full disk and Ctrl-C.

A name can carry a new line (a forged second "recoupe:" line) or ANSI escapes: problem lines
show them escaped. `brief -o` writes through a temporary file, so a failed write leaves the
old file as it was. Ctrl-C at any moment once recoupe runs is one line and exit code 130.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from recoupe.cli import main

REPO = Path(__file__).resolve().parents[1]
_ONE_PROCESS = "[annotate]\nprocesses = 1\n"


@pytest.mark.parametrize("name", ["a\nrecoupe: forged line.txt", "b\x1b[31mred\x1b[0m.txt",
                                  "c\rrewritten.txt"])
def test_cli_problem_lines_escape_control_characters(tmp_path, capsys, name):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / name).write_bytes(b"")  # empty: one problem line naming the file
    config = tmp_path / "c.toml"
    config.write_text(_ONE_PROCESS, encoding="utf-8")
    code = main(["brief", str(folder), "--config", str(config)])
    err = capsys.readouterr().err
    assert code == 1
    assert not any(c in err.replace("\n", "") for c in "\x1b\r")
    lines = err.splitlines()
    assert all(line.startswith("recoupe: ") for line in lines)
    assert not any(line.startswith("recoupe: forged") for line in lines)
    assert len(lines) == 2  # the file's problem, then "no article could be read"


def test_cli_output_is_atomic_on_a_full_disk(tmp_path):
    target = tmp_path / "brief.md"
    target.write_text("ancien contenu\n", encoding="utf-8")
    # A file size limit makes the write fail part-way, as a full disk does.
    script = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))\n"
        "from recoupe.cli import write_output\n"
        f"sys.exit(write_output({str(target)!r}, 'x' * 100_000))\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode != 0
    assert target.read_text(encoding="utf-8") == "ancien contenu\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.md"]
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"recoupe: cannot write {target}")


def test_cli_output_replaces_the_file_whole(tmp_path):
    from recoupe.cli import write_output

    target = tmp_path / "brief.md"
    target.write_text("ancien\n", encoding="utf-8")
    assert write_output(str(target), "nouveau\n") == 0
    assert target.read_text(encoding="utf-8") == "nouveau\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["brief.md"]


def _wait_for_import(process: subprocess.Popen, module: str, seconds: float = 120) -> list[str]:
    """Read the child's stderr (Python's -X importtime lines) until `module` has been
    imported; its other lines. A fixed delay instead raced the interpreter's own start on a
    busy machine: a Ctrl-C before any of recoupe's code runs is the shell's business."""
    other, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        line = process.stderr.readline().decode()
        if not line:
            break
        if not line.startswith("import time:"):
            other.append(line)
        elif line.rstrip().endswith(module):
            return other
    raise AssertionError(f"{module} was never imported: {other}")


@pytest.mark.parametrize("moment", ["imports", "model"])
def test_cli_ctrl_c_is_one_line_and_exit_130(tmp_path, moment):
    (tmp_path / "a.txt").write_text(
        "Le maire a annoncé mardi la fermeture du pont pour trois mois.", encoding="utf-8")
    env = dict(os.environ)
    if moment == "imports":
        env["PYTHONPROFILEIMPORTTIME"] = "1"  # -X importtime: a line as each module loads
    process = subprocess.Popen(
        [str(REPO / ".venv" / "bin" / "recoupe"), "brief", str(tmp_path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, cwd=tmp_path,
        env=env,
        # As in a terminal's foreground: a suite started in the background by a shell (`&`,
        # no job control) has SIGINT ignored, and the command would rightly inherit that.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    # Any moment of recoupe's own must do: early, while the command line loads its modules
    # (the first of them imported), or later, the model loading in its worker.
    early = _wait_for_import(process, "recoupe.errors") if moment == "imports" else []
    if moment == "model":
        time.sleep(3.0)
    os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C: the whole group
    _, err = process.communicate(timeout=120)
    lines = early + [line for line in err.decode().splitlines(keepends=True)
                     if not line.startswith("import time:")]
    assert process.returncode == 130, "".join(lines)
    assert "".join(lines).strip().splitlines() == ["recoupe: interrupted"]


def test_cli_add_stores_odd_names_and_lone_surrogates(tmp_path, capsys):
    folder = tmp_path / "in"
    folder.mkdir()
    with open(os.path.join(os.fsencode(folder), b"lat\xe9.txt"), "wb") as f:
        f.write("Le conseil municipal a voté jeudi le budget des écoles de la ville.".encode())
    (folder / "items.jsonl").write_text(
        '{"id": "a", "title": "Orages \\ud83d", "text": "La préfecture a levé samedi '
        'l\'alerte aux orages sur le département."}\n'
        '{"id": "b", "title": "Finale", "text": "Le club local a remporté dimanche la finale '
        'régionale devant son public."}\n', encoding="utf-8")
    config = tmp_path / "c.toml"
    config.write_text(_ONE_PROCESS, encoding="utf-8")
    db = tmp_path / "corpus.db"
    code = main(["add", str(folder), "--db", str(db), "--config", str(config)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert out.startswith("3 articles added")


def test_render_terminal_report_escapes_names_and_problems():
    from recoupe.model import Article, Brief, InputProblem
    from recoupe.render.terminal import render

    brief = Brief((Article(id="a\nb\x1b[2J", source="s", text="Un texte."),), (),
                  (InputProblem("x\nrecoupe: forged.txt\x1b[31m", "file is empty"),))
    out = render(brief, width=200)
    assert "\x1b" not in out
    assert not any(line.lstrip().startswith("recoupe: forged") for line in out.splitlines())
    assert "x\\nrecoupe: forged.txt\\x1b[31m: file is empty" in out
