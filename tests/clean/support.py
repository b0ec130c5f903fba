"""Helpers shared by the cleaner's tests: build a RawDoc from hand-made text and clean it."""

from recoupe.clean import clean
from recoupe.config import CleanConfig
from recoupe.model import Article, RawDoc

# Two ordinary paragraphs, written for these tests, that frame a line under test.
LEDE = ("Le conseil municipal a adopté jeudi soir le budget de l'année prochaine, "
        "après un débat de plus de trois heures entre la majorité et l'opposition.")
CLOSE = ("Les premiers travaux financés par ce budget commenceront au printemps, "
         "a précisé l'adjoint chargé des finances devant la presse locale.")


def run(text: str, kind: str = "text", **meta) -> Article:
    return clean(RawDoc(id="t", source="t.txt", content=text, kind=kind, **meta), CleanConfig())


def framed(line: str) -> Article:
    """Clean an article whose body is LEDE, the line under test, then CLOSE."""
    return run(f"Le budget voté\n{LEDE}\n{line}\n{CLOSE}")
