"""Golden files: each renderer's output for a fixed hand-made brief, compared byte for byte.

A change in a report shows up as a diff in tests/golden/; rewrite them only on purpose, with
`pytest tests/render/test_golden.py --update-golden`, and review the diff before committing.
"""

from pathlib import Path

import pytest

from recoupe.model import (
    Article,
    Brief,
    Claim,
    ClaimSentence,
    Discrepancy,
    DiscrepancyValue,
    Entity,
    InputProblem,
    Quote,
    Story,
    SummarySentence,
    TimelineEvent,
)
from recoupe.render import render

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


def golden_brief() -> Brief:
    a1 = Article(id="lyon-01", source="in/lyon-01.txt", title="Lyon : le tunnel de Fourvière fermé",
                 text="Le tunnel sera fermé deux nuits.\n\nLa métropole annonce des déviations.",
                 published="2024-02-05", outlet="Le Rhône Libre", language="fr",
                 removed=("Partager sur Facebook", "À lire aussi :"), credits=("AFP",),
                 dateline="Lyon")
    a2 = Article(id="lyon-02", source="in/lyon-02.html", title=None,
                 text="Bruno Bernard a confirmé la fermeture.", published=None,
                 outlet=None, language="fr")
    people = Entity("e-1", "Bruno Bernard", "PER", ("Bruno Bernard", "M. Bernard"),
                    ("lyon-02",), 2)
    place = Entity("e-2", "Tunnel de Fourvière", "LOC",
                   ("Tunnel de Fourvière", "tunnel de Fourvière"), ("lyon-01", "lyon-02"), 3)
    quote = Quote("lyon-02:q1", "Nous rouvrirons avant l'été", "direct", "lyon-02", 0, 0, 27,
                  speaker="Bruno Bernard", speaker_entity="e-1", via="AFP",
                  sentence_text="« Nous rouvrirons avant l'été », a dit M. Bernard.")
    story = Story("s-1", a1.title, "2024-02-05", None, ("lyon-01", "lyon-02"), (place, people),
                  quotes=(quote,),
                  claims=(Claim("c1", "Le tunnel sera fermé deux nuits.", ("lyon-01", "lyon-02"),
                                2, 1, (ClaimSentence("lyon-01", "Le tunnel sera fermé deux nuits."),
                                       ClaimSentence("lyon-02", "Le tunnel sera fermé."))),),
                  discrepancies=(Discrepancy("d1", "how long: deux nuits / une nuit", "duration",
                                             (DiscrepancyValue("lyon-01", "fermé deux nuits"),
                                              DiscrepancyValue("lyon-02", "fermé une nuit"))),),
                  summary=(SummarySentence("Le tunnel sera fermé deux nuits.", ("lyon-01",)),),
                  timeline=(TimelineEvent("2024-02-05", "Le tunnel sera fermé deux nuits.",
                                          ("lyon-01",)),
                            TimelineEvent("2024-02-06", "Fermeture mardi.", ("lyon-02",),
                                          certain=False)))
    return Brief((a1, a2), (story,), (InputProblem("in/vide.txt", "file is empty"),))


@pytest.mark.parametrize("fmt, name", [("text", "brief.txt"), ("md", "brief.md"),
                                       ("json", "brief.json")])
def test_render_golden(fmt, name, update_golden):
    out = render(golden_brief(), fmt, width=100)
    path = GOLDEN / name
    if update_golden or not path.exists():
        path.parent.mkdir(exist_ok=True)
        path.write_text(out, encoding="utf-8")
        if not update_golden:
            pytest.fail(f"{path} did not exist; written now: review and commit it")
    assert out == path.read_text(encoding="utf-8"), (
        f"{fmt} output differs from {path}; if the change is wanted, rerun with --update-golden")
