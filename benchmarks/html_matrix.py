"""The coverage matrix's cells: three ways of writing them, timed on one large story.

In: a synthetic story (invented sentences) of N articles and M claims, each claim carried by
a slice of the articles, as a 200-article real story has (2,400 claims). Out: the time to
write the matrix's rows
  scan:   a Jinja loop over the cells, each cell scanning the claim's sentences for its
          article (the former template: claims x articles x sentences);
  index:  a Jinja loop over the cells, each cell a lookup in the claim's index (article ->
          sentence) built once per claim;
  python: the index, the cells written by htmlparts.matrix_cells (what the report and the
          web story page use): Jinja's per-cell dispatch is most of the cost of `index`.

usage: python benchmarks/html_matrix.py [--articles 200] [--claims 2400]
"""

from __future__ import annotations

import argparse
import sys
import time

from recoupe.model import Claim, ClaimSentence, Story
from recoupe.render.htmlparts import Links, environment, matrix_view

_SCAN = """{% for c in story.claims %}<tr>{% for aid in story.articles %}
{% set own = c.sentences | selectattr("article", "equalto", aid) | list %}
{% if own %}<td class="hit"><a href="{{ ln.cite(aid, own[0].text, own[0].start) }}"
 title="{{ own[0].text }}">●</a></td>{% else %}<td></td>{% endif %}
{% endfor %}</tr>{% endfor %}"""
_INDEX = """{% for r in rows %}<tr>{% for aid in story.articles %}{% set own = r.cells.get(aid) %}
{% if own %}<td class="hit"><a href="{{ ln.cite(aid, own.text, own.start) }}"
 title="{{ own.text }}">●</a></td>{% else %}<td></td>{% endif %}
{% endfor %}</tr>{% endfor %}"""
_PYTHON = """{% for r in rows %}<tr>{{ matrix_cells(r, story.articles, ln) }}</tr>{% endfor %}"""


def story(n_articles: int, n_claims: int) -> Story:
    ids = tuple(f"a{i:04d}" for i in range(n_articles))
    claims = []
    for k in range(n_claims):
        width = 1 + (k * 7) % 12  # most claims carried by a few articles, some by a dozen
        carriers = [ids[(k + j) % n_articles] for j in range(width)]
        text = f"Le conseil a adopté la délibération numéro {k}."
        claims.append(Claim(f"c{k}", text, tuple(carriers), width, width,
                            tuple(ClaimSentence(a, text) for a in carriers)))
    return Story("s", None, None, None, ids, claims=tuple(claims))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--claims", type=int, default=2400)
    args = parser.parse_args(argv)
    st = story(args.articles, args.claims)
    env = environment()
    ln = Links({a: n for n, a in enumerate(st.articles, 1)}, {})
    print(f"{args.claims} claims x {args.articles} articles "
          f"= {args.claims * args.articles:,} cells")
    sizes = set()
    for name, source in (("scan", _SCAN), ("index", _INDEX), ("python", _PYTHON)):
        template = env.from_string(source)
        t0 = time.perf_counter()
        rows = matrix_view(st).rows if name != "scan" else ()
        html = template.render(story=st, rows=rows, ln=ln)
        seconds = time.perf_counter() - t0
        sizes.add(html.count('class="hit"'))
        print(f"  {name:<7} {seconds:7.2f} s")
    assert len(sizes) == 1, "the three ways must write the same dots"
    return 0


if __name__ == "__main__":
    sys.exit(main())
