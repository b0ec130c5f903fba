"""The command line end to end: formats, output file, and bad inputs beside good ones.

Bad inputs each get one line on stderr naming the input and the problem; the good inputs
still make the brief; the exit code says whether anything failed (0 / 1 / 2).
"""

from __future__ import annotations

import http.server
import json
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from recoupe.cli import main

GOOD = ("La mairie de Bordeaux a annoncé lundi la fermeture du pont de pierre aux voitures "
        "pendant trois semaines. Selon l'adjoint aux mobilités, Pierre Hurmic, les travaux "
        "commenceront le 4 mars.\n\nLes commerçants du quartier Saint-Michel s'inquiètent "
        "des conséquences sur leur activité.\n")
GOOD2 = ("Bordeaux : le pont de pierre fermé aux voitures\n\n"
         "Le maire Pierre Hurmic a confirmé lundi que le pont de pierre serait fermé à la "
         "circulation automobile pendant trois semaines à partir du 4 mars.\n")


@pytest.fixture(autouse=True, scope="module")
def _model_loaded_once():
    """Load the model in this process once: the worker each command forks inherits it, so
    the tests do not pay the model's load for every command."""
    from recoupe.annotate.nlp import load
    from recoupe.config import AnnotateConfig

    load("fr", AnnotateConfig())


def run(argv, capsys):
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def good_folder(tmp_path):
    folder = tmp_path / "good"
    folder.mkdir()
    (folder / "bordeaux-1.txt").write_text(GOOD, encoding="utf-8")
    (folder / "bordeaux-2.txt").write_text(GOOD2, encoding="cp1252")
    return folder


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - the stdlib's name
        if self.path == "/slow":
            time.sleep(2)
        body = b"<html><body><p>late</p></body></html>"
        try:
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args):
        pass


@pytest.fixture
def slow_server():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_cli_brief_json_of_good_inputs(good_folder, capsys):
    code, out, err = run(["brief", str(good_folder), "--format", "json"], capsys)
    assert code == 0, err
    data = json.loads(out)
    assert [a["id"] for a in data["articles"]] == ["bordeaux-1", "bordeaux-2"]
    second = data["articles"][1]["text"]
    assert "fermé à la circulation" in second and "Ã" not in second  # cp1252, not mojibake
    names = {e["name"] for s in data["stories"] for e in s["entities"]}
    assert "Pierre Hurmic" in names


@pytest.mark.parametrize("fmt, marker", [("text", "Pierre Hurmic"), ("md", "# recoupe brief")])
def test_cli_brief_other_formats(good_folder, capsys, fmt, marker):
    code, out, _ = run(["brief", str(good_folder), "--format", fmt], capsys)
    assert code == 0 and marker in out


def test_cli_brief_writes_the_output_file(good_folder, tmp_path, capsys):
    target = tmp_path / "brief.md"
    code, out, _ = run(["brief", str(good_folder), "-f", "md", "-o", str(target)], capsys)
    assert code == 0 and out == "" and "Pierre Hurmic" in target.read_text(encoding="utf-8")


def test_cli_bad_inputs_each_get_one_line_and_the_rest_goes_on(good_folder, tmp_path, capsys,
                                                               slow_server):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 8)
    huge = bad / "huge.txt"
    with huge.open("wb") as f:
        f.truncate(100 * 1024 * 1024)  # sparse: refused by its size, never read
    (bad / "noarticle.html").write_text("<html><body><nav><a href='/'>Accueil</a></nav>"
                                        "</body></html>", encoding="utf-8")
    (bad / "records.jsonl").write_text(
        json.dumps({"id": "ok-1", "text": GOOD2}) + "\n{not json\n", encoding="utf-8")
    config = tmp_path / "fast.toml"
    config.write_text("[read]\nurl_timeout = 0.5\n", encoding="utf-8")
    closed = "http://127.0.0.1:9/"  # the discard port: nothing listens there
    inputs = [str(good_folder), *(str(p) for p in sorted(bad.iterdir())),
              f"{slow_server}/slow", closed]
    code, out, err = run(["brief", *inputs, "--format", "json", "--config", str(config)], capsys)
    assert code == 1
    lines = [line for line in err.splitlines() if line.strip()]
    for needle in ("empty.txt", "binary.txt", "huge.txt", "noarticle.html", "records.jsonl:2",
                   "/slow", "127.0.0.1:9"):
        hits = [line for line in lines if needle in line]
        assert len(hits) == 1, f"{needle}: {hits}"
    assert len(lines) == 7, lines
    ids = [a["id"] for a in json.loads(out)["articles"]]
    assert ids == ["bordeaux-1", "bordeaux-2", "ok-1"]


def test_cli_nothing_readable_exits_1(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    code, out, err = run(["brief", str(tmp_path / "empty.txt")], capsys)
    assert code == 1 and out == "" and "empty.txt" in err


def test_cli_usage_errors_exit_2(tmp_path, capsys):
    assert main(["brief"]) == 2  # neither articles nor --story
    assert main(["brief", "x.txt", "--story", "s1"]) == 2  # both
    with pytest.raises(SystemExit) as stop:
        main(["brief", "x.txt", "--format", "pdf"])
    assert stop.value.code == 2
    bad = tmp_path / "bad.toml"
    bad.write_text("[nope]\n", encoding="utf-8")
    code, _, err = run(["brief", "x.txt", "--config", str(bad)], capsys)
    assert code == 2 and "nope" in err


def test_cli_console_script_reads_standard_input(tmp_path):
    exe = Path(sys.executable).with_name("recoupe")
    done = subprocess.run([str(exe), "brief", "-", "--format", "json"], input=GOOD.encode(),
                          capture_output=True, timeout=900)
    assert done.returncode == 0, done.stderr.decode()
    data = json.loads(done.stdout)
    assert len(data["articles"]) == 1 and data["articles"][0]["source"] == "<stdin>"


def test_cli_an_article_too_long_for_the_model_is_one_problem(good_folder, tmp_path, capsys):
    long = tmp_path / "long.txt"
    sentence = "Le conseil municipal de la commune a longuement débattu du budget annexe. "
    long.write_text(sentence * (1_000_000 // len(sentence) + 10), encoding="utf-8")
    # Without the cleaner's size cap (clean.max_chars), which cuts such a text first.
    config = tmp_path / "nocap.toml"
    config.write_text("[clean]\nmax_chars = 0\n", encoding="utf-8")
    code, out, err = run(["brief", str(good_folder), str(long), "--format", "json",
                          "--config", str(config)], capsys)
    assert code == 1
    assert [line for line in err.splitlines() if "long.txt" in line] == [
        line for line in err.splitlines() if line.strip()]
    assert "language model takes" in err
    assert [a["id"] for a in json.loads(out)["articles"]] == ["bordeaux-1", "bordeaux-2"]


def test_cli_sentences_sets_the_summary_length(good_folder, capsys):
    code, out, _ = run(["brief", str(good_folder), "--format", "json", "--sentences", "1"],
                       capsys)
    assert code == 0 and len(json.loads(out)["stories"][0]["summary"]) <= 1


def test_cli_set_overrides_a_setting(good_folder, capsys):
    code, out, _ = run(["brief", str(good_folder), "--format", "json",
                        "--set", "crosscheck.summary_sentences=1"], capsys)
    assert code == 0 and len(json.loads(out)["stories"][0]["summary"]) <= 1


@pytest.mark.parametrize("command", [["brief", "x.txt"], ["add", "x.txt"], ["reindex"],
                                     ["watch", "http://127.0.0.1:9/feed"], ["serve"]])
def test_cli_set_of_a_wrong_type_is_one_line_and_exit_2(command, tmp_path, capsys):
    db = tmp_path / "never.db"
    code, out, err = run([*command, "--db", str(db), "--set", "read.max_bytes=lots"]
                         if command[0] != "brief" else
                         [*command, "--set", "read.max_bytes=lots"], capsys)
    assert code == 2 and out == ""
    assert err.splitlines() == ['recoupe: --set: read.max_bytes: expected a whole number '
                                '(like the default, 20971520), got "lots"']
    assert not db.exists()


@pytest.mark.parametrize("command", [
    ["brief", "--story", "s1"], ["stories"], ["stories", "--format", "json"], ["serve"],
    ["reindex"],
])
def test_cli_read_commands_never_create_a_database(command, tmp_path):
    """The installed command, as a user runs it: a missing database is one line and exit 1,
    and no file (nor its -wal or -shm) appears."""
    exe = Path(sys.executable).with_name("recoupe")
    db = tmp_path / "nope.db"
    done = subprocess.run([str(exe), *command, "--db", str(db)], capture_output=True,
                          text=True, timeout=900, cwd=tmp_path)
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.splitlines() == [
        f"recoupe: {db}: no such database (make one with `recoupe add`)"]
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("nice, calls", [(5, [5]), (0, [])])
def test_cli_add_and_watch_lower_their_priority_as_configured(monkeypatch, nice, calls):
    """Background writers yield the CPU to a server on the same machine (annotate.nice)."""
    import dataclasses

    from recoupe import cli
    from recoupe.config import Config

    seen = []
    monkeypatch.setattr(cli.os, "nice", lambda n: seen.append(n) or n)
    config = Config()
    config = dataclasses.replace(config, annotate=dataclasses.replace(config.annotate, nice=nice))
    cli._lower_priority(config)
    assert seen == calls


def test_cli_add_runs_its_work_at_a_lower_priority(tmp_path):
    """The add's own process really is niced (read back from the process it runs in)."""
    (tmp_path / "a.txt").write_text("Le conseil a voté jeudi le budget des écoles.",
                                    encoding="utf-8")
    code = ("import os, sys; from recoupe import cli; before = os.nice(0); "
            "cli._lower_priority(cli._load_config(cli._parser().parse_args(['add', sys.argv[1]])));"
            " print(before, os.nice(0))")
    out = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True,
                         text=True, check=True).stdout
    before, after = map(int, out.split())
    assert after == min(19, before + 5)  # niceness stops at 19 (a suite run under nice)
