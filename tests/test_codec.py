"""The model <-> JSON codec: values come back exactly, older data still loads."""

from __future__ import annotations

import json

import pytest

from recoupe import codec
from recoupe.model import (
    AnnotatedArticle,
    Article,
    Claim,
    ClaimSentence,
    DateRef,
    InputProblem,
    Sentence,
    Story,
    StoryFeatures,
    Token,
)


def _annotated(text: str = "Le maire a parlé.") -> AnnotatedArticle:
    article = Article("a1", "a1.txt", text, title="Titre", removed=("Pub",), credits=("AFP",))
    return AnnotatedArticle(article, "fr", vectors="AAA8AAA8",
                            sentences=(Sentence(0, len(text), text),),
                            tokens=(Token("Le", 0, "le", "DET", "det", 1),),
                            dates=(DateRef("mardi", 0, 5, 0, "2024-03-05", certain=False),))


def test_codec_annotated_round_trip_is_exact():
    a = _annotated()
    assert codec.decode_annotated(codec.encode_annotated(a)) == a


def test_codec_keeps_lone_surrogates():
    a = _annotated("Un \ud83d seul.")
    text = codec.encode_annotated(a)
    assert codec.decode_annotated(text) == a


def test_codec_older_rows_take_new_defaults_and_drop_gone_fields():
    doc = json.loads(codec.encode_annotated(_annotated()))
    block = doc["dates"]
    i = block["fields"].index("certain")
    block["fields"].pop(i)
    block["rows"] = [r[:i] + r[i + 1:] + ["gone"] for r in block["rows"]]
    block["fields"].append("a_field_since_removed")
    back = codec.decode_annotated(json.dumps(doc))
    assert back.dates[0].certain is True


def test_codec_named_values_round_trip():
    story = Story("s1", "T", None, None, ("a1",), claims=(
        Claim("c1", "x", ("a1",), 1, 1, (ClaimSentence("a1", "x"),)),))
    assert codec.loads(codec.dumps(story)) == story
    f = StoryFeatures("a1", "2024-01-02", ("--01-01",), (("maire", 0.5),))
    assert codec.loads(codec.dumps(f)) == f
    g = StoryFeatures("a1", None, ("--01-01", "--01-09"), (), ("--01-09",), ("--01-01",))
    assert codec.loads(codec.dumps(g)) == g


def test_codec_features_stored_before_a_field_existed_load_with_its_default():
    data = json.loads(codec.dumps(StoryFeatures("a1", None, ("--01-01",), (), (),
                                                ("--01-01",))))
    del data["since"]
    assert codec.loads(json.dumps(data)) == StoryFeatures("a1", None, ("--01-01",), ())


def test_codec_plain_data_names_no_class():
    data = codec.to_data((InputProblem("a.txt", "empty"),))
    assert data == [{"source": "a.txt", "message": "empty"}]


def test_codec_refuses_unknown_types():
    with pytest.raises(ValueError):
        codec.from_data({"_": "NotAModelType"})
    with pytest.raises(ValueError):
        codec.decode_annotated(json.dumps({"format": 99}))
