"""recoupe export: every list of the corpus as CSV or JSON Lines, formulas defused."""

from __future__ import annotations

import csv
import io
import json

import pytest

from recoupe.export import rows, write
from recoupe.model import (
    AnnotatedArticle,
    Article,
    Brief,
    Claim,
    ClaimSentence,
    Entity,
    Quote,
    Story,
    StoryInfo,
)


class _Corpus:
    """What `rows` reads of a corpus: its stories and their briefs."""

    def __init__(self):
        self.article = Article("a1", "a1", "x", outlet="La Voix")
        self.story = Story(
            "s1", "Crue", "2024-05-02", "Nantes", ("a1",),
            entities=(Entity("e1", "Anne Roux", "PER", ("Anne Roux", "Mme Roux"), ("a1",), 2),),
            quotes=(Quote("a1:q1", "=SOMME(A1)", "direct", "a1", 0, 0, 5, speaker="Mme Roux",
                          speaker_entity="e1"),),
            claims=(Claim("c1", "La Loire a débordé.", ("a1",), 1, 1,
                          (ClaimSentence("a1", "La Loire a débordé."),)),))

    def stories(self):
        return [StoryInfo("s1", "Crue", "2024-05-02", "Nantes", ("a1",), ("La Voix",),
                          "2024-05-02", "2024-05-02")]

    def brief(self, story_id):
        return Brief((self.article,), (self.story,))


@pytest.mark.parametrize(("what", "key", "value"), [
    ("stories", "outlets", ["La Voix"]),
    ("claims", "outlets", ["La Voix"]),
    ("quotes", "speaker_entity", "Anne Roux"),
    ("entities", "variants", ["Anne Roux", "Mme Roux"]),
])
def test_export_jsonl_has_one_object_per_row(what, key, value):
    out = io.StringIO()
    assert write(rows(_Corpus(), what), "jsonl", out) == 1
    [row] = [json.loads(line) for line in out.getvalue().splitlines()]
    assert row[key] == value and row["story"] == "s1"


def test_export_csv_has_a_header_and_defuses_formulas():
    out = io.StringIO()
    write(rows(_Corpus(), "quotes"), "csv", out)
    [row] = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert row["text"] == "'=SOMME(A1)" and row["speaker"] == "Mme Roux"


def test_export_refuses_unknown_lists_and_formats():
    with pytest.raises(ValueError):
        list(rows(_Corpus(), "outlets"))
    with pytest.raises(ValueError):
        write([], "xml", io.StringIO())


def test_export_command_on_a_real_database(tmp_path, capsys):
    from recoupe.cli import main
    from recoupe.store import Store

    db = tmp_path / "c.db"
    with Store(db) as store:
        store.add(AnnotatedArticle(Article("a1", "a1", "Le fleuve monte.", title="Crue"), "fr"),
                  "1")
        store.assign("a1", "s1")
        store.put_story(StoryInfo("s1", "Crue", None, None, ("a1",), (), None, None),
                        Story("s1", "Crue", None, None, ("a1",)), "stale")
    assert main(["export", "--db", str(db), "--what", "stories", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("story,title") and lines[1].startswith("s1,Crue")
    assert main(["export", "--db", str(tmp_path / "none.db")]) == 1
    assert not (tmp_path / "none.db").exists()
