"""htmlparts: the coverage matrix (sorted by support, corroborated rows by default, cells from
an index), support levels of highlighted sentences, statements and speakers' entities."""


import pytest

from recoupe.model import (
    Article,
    Claim,
    ClaimSentence,
    Entity,
    Quote,
    Statement,
    Story,
)
from recoupe.render.htmlparts import (
    Cited,
    Links,
    MatrixRow,
    matrix_cells,
    matrix_view,
    pieces,
    sentence_levels,
    story_view,
    support_level,
)


def _claim(cid: str, text: str, articles: tuple[str, ...], support: int, independent: int):
    return Claim(cid, text, articles, support, independent,
                 tuple(ClaimSentence(a, text) for a in articles))


ARTICLES = (
    Article("a1", "a1.txt", "Le pont a rouvert lundi. Le maire était présent. Il pleuvait.",
            outlet="L'Écho"),
    Article("a2", "a2.txt", "Le pont a rouvert lundi. Le maire était présent.",
            outlet="La Voix"),
    Article("a3", "a3.txt", "Le pont a rouvert lundi.", outlet="Radio Est"),
)
ALONE = _claim("c1", "Il pleuvait.", ("a1",), 1, 1)
COPIED = _claim("c2", "Le maire était présent.", ("a1", "a2"), 2, 1)
WIDE = _claim("c3", "Le pont a rouvert lundi.", ("a1", "a2", "a3"), 3, 2)
STORY = Story("s1", "Le pont", None, None, ("a1", "a2", "a3"), claims=(ALONE, COPIED, WIDE))


@pytest.mark.parametrize("claim, level", [(ALONE, "one"), (COPIED, "several"),
                                          (WIDE, "independent")])
def test_htmlparts_support_level(claim, level):
    assert support_level(claim) == level


def test_htmlparts_matrix_sorted_by_support():
    m = matrix_view(STORY)
    assert [r.claim.id for r in m.rows] == ["c3", "c2", "c1"]


@pytest.mark.parametrize("show_all, ids", [(False, ["c3", "c2"]), (True, ["c3", "c2", "c1"])])
def test_htmlparts_matrix_shows_corroborated_claims_by_default(show_all, ids):
    m = matrix_view(STORY)
    assert [r.claim.id for r in m.shown(show_all)] == ids
    assert m.single == 1


def test_htmlparts_matrix_cells_hold_each_articles_first_sentence():
    claim = Claim("c9", "Le pont a rouvert.", ("a1", "a2"), 2, 2,
                  (ClaimSentence("a1", "Le pont a rouvert lundi.", 0, 24),
                   ClaimSentence("a1", "Le pont a rouvert.", 80, 98),
                   ClaimSentence("a2", "Le pont a rouvert lundi.", 0, 24)))
    [row] = matrix_view(Story("s", None, None, None, ("a1", "a2", "a3"), claims=(claim,))).rows
    assert set(row.cells) == {"a1", "a2"}
    assert row.cells["a1"].start == 0


def test_htmlparts_matrix_of_a_large_story_is_built_from_an_index():
    """300 claims x 200 articles, each claim in 100 articles: building the rows reads each
    claim's sentences once (a scan per cell would read 300 x 200 x 100 = 6 million)."""
    reads = []

    class Counted(tuple):  # counts each walk over a claim's sentences (no clock: no race)
        def __iter__(self):
            reads.append(1)
            return super().__iter__()

    ids = tuple(f"a{i}" for i in range(200))
    claims = tuple(Claim(f"c{k}", f"Fait {k}.", ids[k % 100:k % 100 + 100], 100, 50,
                         Counted(ClaimSentence(a, f"Fait {k}.")
                                 for a in ids[k % 100:k % 100 + 100]))
                   for k in range(300))
    m = matrix_view(Story("s", None, None, None, ids, claims=claims))
    assert sum(len(r.cells) for r in m.rows) == 300 * 100
    assert 0 < len(reads) <= 2 * 300


def _plain_cells(row, columns, ln):
    """The matrix cells written one column at a time: what the indexed version must equal."""
    from markupsafe import escape

    from recoupe.render.htmlparts import printable

    out = []
    for aid in columns:
        own = row.cells.get(aid)
        out.append("<td></td>" if own is None else
                   f'<td class="hit"><a href="{escape(ln.cite(aid, own.text, own.start))}"'
                   f' title="{escape(printable(own.text))}">●</a></td>')
    return "".join(out)


@pytest.mark.parametrize("cells, columns", [
    ({"a1": 0, "a3": 1}, ("a1", "a2", "a3")),
    ({"a2": 0}, ("a1", "a2", "a3", "a4")),
    ({}, ("a1", "a2")),
    ({"a1": 0, "a9": 1}, ("a1", "a2")),  # a sentence of an article outside the columns
    ({"a2": 0}, ["a2", "a1", "a2"]),  # a list, an article twice
    ({"a1": 0, "a2": 1}, ()),
])
def test_htmlparts_matrix_cells_equal_a_scan_of_every_column(cells, columns):
    texts = [ClaimSentence("x", "Le pont <b>a</b> rouvert.", 0, 25),
             ClaimSentence("x", "Le \"pont\" a rouvert lundi.", None, None)]
    row = MatrixRow(WIDE, {aid: texts[k] for aid, k in cells.items()}, "independent")
    ln = Links({"a1": 1, "a2": 2}, {("a1", 0): "s-1"})
    for _ in range(2):  # the second call reads the cached column index
        assert str(matrix_cells(row, columns, ln)) == _plain_cells(row, columns, ln)


def test_htmlparts_highlights_carry_the_best_support_level():
    levels = sentence_levels(STORY)
    text, _ = pieces(ARTICLES[0], [Cited(c.text) for c in (WIDE, COPIED, ALONE)],
                     levels["a1"])
    marked = {p.text: p.level for p in text if p.anchor}
    assert marked == {"Le pont a rouvert lundi.": "independent",
                      "Le maire était présent.": "several", "Il pleuvait.": "one"}


def test_htmlparts_a_highlight_no_claim_holds_has_no_level():
    text, _ = pieces(ARTICLES[0], ["Il pleuvait."])
    assert [p.level for p in text if p.anchor] == [None]


def _quoted_story():
    borne = Entity("e-1", "Élise Borne", "PER", ("Élise Borne", "Mme Borne"), ("a1", "a2"), 3)
    q1 = Quote("a1:q1", "Nous tiendrons les délais", "direct", "a1", 0, 0, 10,
               speaker="Mme Borne", speaker_entity="e-1")
    q2 = Quote("a2:q1", "Les délais seront tenus", "direct", "a2", 0, 0, 10,
               speaker="Élise Borne")
    q3 = Quote("a2:q2", "Nous tiendrons", "partial", "a2", 1, 20, 30, speaker="Élise Borne")
    q4 = Quote("a3:q1", "Tout va bien", "direct", "a3", 0, 0, 5, speaker="le préfet")
    st = Statement("st1", "Élise Borne", "Nous tiendrons les délais",
                   ("a1:q1", "a2:q1", "a2:q2"), ("a1", "a2"))
    return Story("s1", "Le pont", None, None, ("a1", "a2", "a3"), (borne,),
                 quotes=(q1, q2, q3, q4), statements=(st,))


def test_htmlparts_statement_has_one_wording_per_article_and_its_speaker_entity():
    view = story_view(_quoted_story(), ARTICLES)
    [st] = view.statements
    assert [q.id for q in st.wordings] == ["a1:q1", "a2:q1"]
    assert (st.speaker, st.entity) == ("Élise Borne", "Élise Borne")


def test_htmlparts_speakers_link_only_to_an_entity_of_the_story():
    view = story_view(_quoted_story(), ARTICLES)
    assert view.speaker_entity == {"Mme Borne": "Élise Borne", "Élise Borne": "Élise Borne"}
    assert "le préfet" not in view.speaker_entity


@pytest.mark.parametrize("links, href", [
    (Links({}, {}, story="s1"), "#ent-s1-elise-borne"),
    (Links({}, {}, page=str, entity_page=lambda n: "/entity/x"), "/entity/x"),
])
def test_htmlparts_entity_link(links, href):
    assert links.entity("Élise Borne") == href
