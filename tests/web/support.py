"""Helpers of the web tests: a stand-in corpus, hand-made briefs, and a live server.

`FakeCorpus` answers the reading methods of `recoupe.corpus.Corpus` (stories, story, brief,
article, article_info, copies, entity, outlets, outlet) from Briefs held in memory, one story
each, until the real corpus is there. `hostile_brief()` is a small story whose texts carry
markup and template syntax; `wide_brief()` a story of twelve articles (a wide matrix).
`serving(make_app)` runs uvicorn on a free port of 127.0.0.1 in a thread, calling
`make_app()` in that thread (an SQLite connection must be used in the thread that opened it),
and yields the base URL.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from recoupe.crosscheck.gazetteer import fold
from recoupe.model import (
    AnnotatedArticle,
    Article,
    ArticleInfo,
    Brief,
    Claim,
    ClaimSentence,
    Discrepancy,
    DiscrepancyValue,
    Entity,
    EntityInfo,
    OutletInfo,
    Quote,
    Story,
    StoryInfo,
    SummarySentence,
    TimelineEvent,
)
from recoupe.text import entity_key

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO.parent / "shared" / "corpus" / "seeds"
HOSTILE = "<script>alert(1)</script> {{ 7*7 }}"
SEED_OUTLETS = ("Le Quotidien", "Nord/Sud Info", "Agence Centrale", "Le Quotidien", "Radio Est")


class FakeCorpus:
    """Corpus reading methods over in-memory Briefs; `copy_of` maps an article id to the
    earlier article it is a near-copy of."""

    def __init__(self, briefs: Sequence[Brief], copy_of: dict[str, str] | None = None):
        self._briefs = {b.stories[0].id: b for b in briefs}
        self._articles = {a.id: a for b in briefs for a in b.articles}
        self._story_of = {aid: sid for sid, b in self._briefs.items()
                          for aid in b.stories[0].articles}
        self._copy_of = dict(copy_of or {})

    def close(self) -> None:
        pass

    def stories(self, query: str | None = None, limit: int | None = None) -> list[StoryInfo]:
        infos = [self.story(sid) for sid in self._briefs]
        if query:
            words = fold(query).split()
            infos = [i for i in infos if any(
                all(w in fold(f"{a.title or ''} {a.text}") for w in words)
                for a in map(self._articles.get, i.articles))]
        infos.sort(key=lambda i: i.last or i.when or "", reverse=True)
        return infos[:limit] if limit else infos

    def story(self, story_id: str) -> StoryInfo | None:
        brief = self._briefs.get(story_id)
        if brief is None:
            return None
        st = brief.stories[0]
        arts = sorted((self._articles[aid] for aid in st.articles),
                      key=lambda a: (a.published is None, a.published or ""))
        dates = [a.published for a in arts if a.published]
        return StoryInfo(st.id, st.title, st.when, st.where, tuple(a.id for a in arts),
                         tuple(sorted({a.outlet for a in arts if a.outlet})),
                         min(dates, default=None), max(dates, default=None))

    def brief(self, story_id: str) -> Brief | None:
        return self._briefs.get(story_id)

    def article(self, article_id: str) -> AnnotatedArticle | None:
        a = self._articles.get(article_id)
        return AnnotatedArticle(a, a.language) if a else None

    def article_info(self, article_id: str) -> ArticleInfo | None:
        a = self._articles.get(article_id)
        if a is None:
            return None
        return ArticleInfo(a.id, a.title, a.outlet, a.published, a.url,
                           self._story_of.get(a.id), self._copy_of.get(a.id))

    def copies(self, article_id: str) -> list[ArticleInfo]:
        root = self._copy_of.get(article_id, article_id)
        group = {root} | {aid for aid, orig in self._copy_of.items() if orig == root}
        if len(group) == 1:
            return []
        return [self.article_info(aid) for aid in sorted(group - {article_id})]

    def entity(self, key: str) -> EntityInfo | None:
        found = [(sid, e) for sid, b in self._briefs.items() for e in b.stories[0].entities
                 if entity_key(e.name) == key]
        if not found:
            return None
        e = found[0][1]
        variants = tuple(dict.fromkeys(v for _, f in found for v in f.variants))
        stories = tuple(self.story(sid) for sid in dict.fromkeys(sid for sid, _ in found))
        return EntityInfo(key, e.name, e.type, variants, stories)

    def outlets(self) -> list[OutletInfo]:
        names = sorted({a.outlet for a in self._articles.values() if a.outlet})
        return [self.outlet(n) for n in names]

    def outlet(self, name: str) -> OutletInfo | None:
        mine = [a.id for a in self._articles.values() if a.outlet == name]
        if not mine:
            return None
        claims = sole = 0
        for b in self._briefs.values():
            for c in b.stories[0].claims:
                outlets = {self._articles[s.article].outlet for s in c.sentences}
                claims += name in outlets
                sole += outlets == {name}
        return OutletInfo(name, tuple(self.article_info(aid) for aid in mine), claims, sole,
                          len(mine))


def hostile_brief() -> Brief:
    """One story of three articles whose title, text, quote and outlet carry markup."""
    first = "Le pont du Nord a rouvert lundi."
    a1 = Article(id="evil-1", source="evil-1.html", title=f"Pont {HOSTILE}",
                 text=f"{first} {HOSTILE}\n\nÉlise Borne a salué la fin des travaux.",
                 published="2024-04-08", outlet="L'Écho <b>du Nord</b>", language="fr",
                 removed=("Partager sur Facebook", f"Pub {HOSTILE}"),
                 captions=(f"Le pont, lundi. {HOSTILE}",), credits=("AFP",))
    a2 = Article(id="evil-2", source="evil-2.txt", text="Le pont du Nord a rouvert lundi matin.",
                 title="Le pont rouvre", published="2024-04-09", outlet="Nord/Sud Info",
                 language="fr", url="javascript:alert(1)")
    a3 = Article(id="evil-3", source="evil-3.txt", text="Le pont du Nord a rouvert lundi matin.",
                 title="Le pont rouvre (reprise)", published="2024-04-09", outlet="Radio Est",
                 language="fr", url="https://example.org/pont")
    claim = Claim("c1", first, ("evil-1", "evil-2", "evil-3"), 3, 2,
                  (ClaimSentence("evil-1", first),
                   ClaimSentence("evil-2", "Le pont du Nord a rouvert lundi matin."),
                   ClaimSentence("evil-3", "Le pont du Nord a rouvert lundi matin.")))
    alone = Claim("c2", "Élise Borne a salué la fin des travaux.", ("evil-1",), 1, 1,
                  (ClaimSentence("evil-1", "Élise Borne a salué la fin des travaux."),))
    borne = Entity("e-1", "Élise Borne", "PER", ("Élise Borne", "Mme Borne", "E. Borne"),
                   ("evil-1",), 2)
    quote = Quote("evil-1:q1", f"Enfin {HOSTILE}", "direct", "evil-1", 0, 0, 5,
                  speaker=f"Paul {HOSTILE}", sentence_text=first)
    story = Story("s-evil", f"Pont {HOSTILE}", "2024-04-08", "Pont du Nord",
                  ("evil-1", "evil-2", "evil-3"), (borne,), quotes=(quote,),
                  claims=(claim, alone),
                  discrepancies=(Discrepancy("d1", "when", "wording",
                                             (DiscrepancyValue("evil-1", first),
                                              DiscrepancyValue("evil-2", "lundi matin"))),),
                  timeline=(TimelineEvent("2024-04-08", first, ("evil-1", "evil-2")),),
                  summary=(SummarySentence(first, ("evil-1", "evil-2")),))
    return Brief((a1, a2, a3), (story,))


def wide_brief(n: int = 12) -> Brief:
    """A story of `n` articles from `n` outlets, with claims each carried by some of them."""
    facts = ["Le conseil a voté le budget.", "Le budget entre en vigueur en mars.",
             "La séance a duré quatre heures.", "Trois élus ont voté contre.",
             "Le maire a promis une baisse des impôts.", "Les associations ont manifesté."]
    articles = tuple(
        Article(id=f"w-{i:02d}", source=f"w-{i:02d}.txt", title=f"Budget voté ({i})",
                text=" ".join(f for k, f in enumerate(facts) if (i + k) % 3 != 1),
                published=f"2024-03-{i:02d}", outlet=f"Gazette numéro {i} de la région",
                language="fr")
        for i in range(1, n + 1))
    claims = tuple(
        Claim(f"c{k}", fact, ids, len(ids), len(ids),
              tuple(ClaimSentence(aid, fact) for aid in ids))
        for k, fact in enumerate(facts)
        for ids in [tuple(a.id for a in articles if fact in a.text)])
    timeline = (TimelineEvent("2024-03-01", facts[0], tuple(a.id for a in articles[:3])),
                TimelineEvent("2024-03", facts[1], (articles[1].id,), certain=False))
    story = Story("s-wide", "Le budget voté", "2024-03-01", "Mairie",
                  tuple(a.id for a in articles), claims=claims, timeline=timeline)
    return Brief(articles, (story,))


@contextmanager
def serving(make_app: Callable[[], object]) -> Iterator[str]:
    """Run `make_app()`'s app with uvicorn on 127.0.0.1, free port, in a thread: base URL."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    box: dict = {}

    def run() -> None:
        try:
            config = uvicorn.Config(make_app(), log_level="warning", lifespan="off")
            box["server"] = server = uvicorn.Server(config)
            server.run(sockets=[sock])
        except BaseException as exc:  # shown by the waiting side
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not getattr(box.get("server"), "started", False):
        if "error" in box or time.monotonic() > deadline:
            raise RuntimeError(f"the test server did not start: {box.get('error')!r}")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        box["server"].should_exit = True
        thread.join(10)
        sock.close()
