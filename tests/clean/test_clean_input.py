"""What the cleaner refuses, and the language tables it reads."""

import pickle

import pytest

from recoupe import lang
from recoupe.clean import clean
from recoupe.config import CleanConfig
from recoupe.errors import InputError
from recoupe.model import RawDoc

from .support import LEDE, run


@pytest.mark.parametrize("text", [
    "",
    "   \n\n \t \n",
    "Inscrivez-vous à notre newsletter\nPartager sur Facebook\n12 commentaires\n#Budget",
])
def test_clean_with_nothing_left_is_an_input_error(text):
    with pytest.raises(InputError) as err:
        run(text)
    assert err.value.message == "no article text left after cleaning"


def test_clean_does_not_mutate_its_input_and_is_repeatable():
    raw = RawDoc(id="a", source="a.txt", content=f"Le budget voté\n12 commentaires\n{LEDE}")
    first = clean(raw, CleanConfig())
    assert raw.content.startswith("Le budget voté")
    assert clean(raw, CleanConfig()) == first


def test_clean_unknown_language_falls_back_to_config_tables():
    article = run(f"Le budget voté\nLire aussi\n{LEDE}", language="xx")
    assert "Lire aussi" in article.removed
    assert article.language == "xx"


@pytest.mark.parametrize(("code", "name", "found"), [
    ("fr", "boilerplate", True),
    ("fr", "dates", True),
    ("en", "boilerplate", True),
    ("FR-be", "dates", True),
    ("xx", "boilerplate", False),
    ("fr", "nothing_here", False),
    ("../fr", "dates", False),
    (None, "dates", False),
])
def test_clean_language_table_lookup(code, name, found):
    assert (lang.table(code, name) is not None) == found


def test_clean_language_tables_share_their_names():
    names = ("PROMPT_START", "PROMPT_ANY", "RELATED_HEADING", "SHARE", "COMMENTS",
             "PHOTO_LABEL", "CREDIT_PREFIX", "BYLINE", "FUNCTION_WORDS", "AGENCIES")
    for code in ("fr", "en"):
        table = lang.table(code, "boilerplate")
        assert all(hasattr(table, n) for n in names), code
        dates = lang.table(code, "dates")
        assert dates.MONTHS and dates.WEEKDAYS


def test_clean_output_is_picklable():
    article = run(f"Le budget voté\nMAJ : 02/03/2021\n{LEDE}\nAFP")
    assert pickle.loads(pickle.dumps(article)) == article
