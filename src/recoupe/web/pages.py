"""What each web page shows: corpus values -> the data of one page, as JSON and for its template.

In: a corpus (anything with the `Corpus` reading methods: stories, story, brief, article,
article_info, copies, entity, outlets, outlet) and the id from the URL. Out: per page, a
`Page` holding its JSON payload and the context of its template, or None when the id is
unknown (the caller answers 404). No analysis here: the brief is read as stored, and the
sentences highlighted in an article are those its story's brief cites (render/htmlparts).

A story of more than PAGE_SIZE articles is shown PAGE_SIZE articles at a time: page N lists
those articles, the coverage matrix has their columns (and the claims they carry), and the
quotes, timeline and summary cite among them (a sentence none of them carries keeps its first
citation). Counts (outlets, independent outlets) are the whole story's; the JSON is the whole
brief. A page of a thousand-article story is then as cheap as one of fifty.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from urllib.parse import quote

from ..model import Article, ArticleInfo, Brief, Story
from ..render import jsonout
from ..render.htmlparts import Links, pieces, story_view, used_sentences
from ..text import entity_key


@dataclass(frozen=True)
class Page:
    template: str
    payload: object  # what `?format=json` returns
    context: dict


def url_story(story_id: str) -> str:
    return "/story/" + quote(story_id, safe="")


def url_article(article_id: str) -> str:
    return "/article/" + quote(article_id, safe="")


def url_entity(name: str) -> str:
    """The page of an entity, by name (the key is derived here, as the corpus derives it)."""
    return "/entity/" + quote(entity_key(name), safe="")


def url_outlet(name: str) -> str:
    return "/outlet/" + quote(name, safe="")


def plain(value) -> object:
    """A model value (dataclass, tuple of them...) -> JSON-ready dicts and lists."""
    if dataclasses.is_dataclass(value):
        return {f.name: plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def stories(corpus, query: str | None, limit: int) -> Page:
    """The story list, newest first; with `query`, the stories holding a matching article."""
    found = corpus.stories(query=query, limit=limit)
    return Page("stories.html.j2", plain(found),
                {"stories": found, "query": query or "", "limit": limit})


def _story_of(brief: Brief, story_id: str) -> Story | None:
    return next((s for s in brief.stories if s.id == story_id),
                brief.stories[0] if brief.stories else None)


PAGE_SIZE = 50  # articles per page of a story


def story(corpus, story_id: str, page: int = 1, as_json: bool = False) -> Page | None:
    """A story's brief: summary, matrix, discrepancies, timeline, quotes, entities, articles
    (page `page` of them, PAGE_SIZE a page); None for an unknown story or page. The JSON is
    the whole brief; the HTML page reads only its own articles when the corpus can give the
    stored story alone (`stored_story`): a page of a long story costs what a short one does."""
    if as_json:
        brief = corpus.brief(story_id)
        st = _story_of(brief, story_id) if brief is not None else None
        return None if st is None else Page("story.html.j2", jsonout.to_dict(brief), {})
    st = _stored_story(corpus, story_id)
    by_id: dict[str, Article] | None = None
    if st is None:
        brief = corpus.brief(story_id)
        st = _story_of(brief, story_id) if brief is not None else None
        if st is None:
            return None
        by_id = {a.id: a for a in brief.articles}
    pages = max(1, -(-len(st.articles) // PAGE_SIZE))
    if page > pages:
        return None
    shown = _window(st, st.articles[(page - 1) * PAGE_SIZE:page * PAGE_SIZE])
    if by_id is None:
        by_id = {aid: _written(a) for aid in shown.articles
                 if (a := corpus.article(aid)) is not None}
    view = story_view(shown, [by_id[aid] for aid in shown.articles if aid in by_id])
    number = {aid: n for n, aid in enumerate(st.articles, 1)}
    labels = {aid: by_id[aid].outlet for aid in shown.articles
              if aid in by_id and by_id[aid].outlet}
    links = Links(number, view.anchors, page=url_article, labels=labels)
    return Page("story.html.j2", None, {
        "s": view, "story": st, "ln": links, "info": corpus.story(story_id),
        "articles": by_id, "number": number, "page": page, "pages": pages,
        "first": (page - 1) * PAGE_SIZE + 1, "last": (page - 1) * PAGE_SIZE + len(shown.articles),
        # Articles that name no outlet (a .txt file names none): counted apart, not as 0,
        # over the whole story (from the listing rows, no article decoded).
        "unknown_outlets": sum(1 for aid in st.articles
                               if (i := corpus.article_info(aid)) is not None and not i.outlet),
        "rows": _article_rows(shown, by_id,
                              {aid: corpus.article_info(aid) for aid in shown.articles}),
    })


def _written(annotated) -> Article:
    """An annotated article's Article, its language the detected one when it names none (the
    `lang` of its quoted text)."""
    a = annotated.article
    if a.language or not annotated.language:
        return a
    return dataclasses.replace(a, language=annotated.language)


def _stored_story(corpus, story_id: str) -> Story | None:
    """The stored Story alone, if the corpus can give it (a `Corpus`; not every stand-in)."""
    stored = getattr(corpus, "stored_story", None)
    return stored(story_id) if stored is not None else None


def _window(st: Story, ids: tuple[str, ...]) -> Story:
    """The story as one page shows it: its articles `ids`, and what cites among them."""
    if len(ids) == len(st.articles):
        return st
    keep = set(ids)

    def cited(articles: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(a for a in articles if a in keep) or articles[:1]

    claims = tuple(dataclasses.replace(c, sentences=tuple(x for x in c.sentences
                                                          if x.article in keep))
                   for c in st.claims if any(x.article in keep for x in c.sentences))
    return dataclasses.replace(
        st, articles=ids, claims=claims,
        quotes=tuple(q for q in st.quotes if q.article in keep),
        timeline=tuple(dataclasses.replace(e, articles=cited(e.articles)) for e in st.timeline),
        summary=tuple(dataclasses.replace(x, articles=cited(x.articles)) for x in st.summary),
    )


def _article_rows(st: Story, by_id: dict[str, Article],
                  infos: dict[str, ArticleInfo | None]) -> list[dict]:
    """The story's articles in order, each near-copy listed under the original it copies (when
    that original is in the story too), else marked as a copy of it."""
    rows: dict[str, dict] = {}
    for aid in st.articles:
        info = infos.get(aid)
        row = {"id": aid, "article": by_id.get(aid), "info": info, "copies": []}
        original = info.copy_of if info else None
        if original in rows:
            rows[original]["copies"].append(row)
        else:
            rows[aid] = row
    return list(rows.values())


def article(corpus, article_id: str) -> Page | None:
    """One article: metadata, clean text with the sentences its story's brief cites
    highlighted, captions, credits, copies, and the lines cleaning removed."""
    annotated = corpus.article(article_id)
    if annotated is None:
        return None
    a = annotated.article
    info = corpus.article_info(article_id)
    cited: list[str] = []
    story_info = None
    if info is not None and info.story:
        st = _stored_story(corpus, info.story)
        if st is None:
            brief = corpus.brief(info.story)
            st = _story_of(brief, info.story) if brief is not None else None
        if st is not None:
            cited = used_sentences(st).get(a.id, [])
        story_info = corpus.story(info.story)
    text, _ = pieces(a, cited)
    highlighted = [{"anchor": p.anchor, "text": p.text} for p in text if p.anchor]
    copies = corpus.copies(article_id)
    original = corpus.article_info(info.copy_of) if info and info.copy_of else None
    payload = {"article": jsonout.to_dict(Brief((a,), ()))["articles"][0],
               "info": plain(info), "copies": plain(copies), "highlighted": highlighted}
    return Page("article.html.j2", payload, {
        "a": a, "info": info, "language": annotated.language, "pieces": text,
        "highlighted": highlighted, "story": story_info, "copies": copies,
        "original": original,
        "link": a.url if a.url and a.url.lower().startswith(("http://", "https://")) else None,
    })


def entity(corpus, key: str) -> Page | None:
    """An entity: its name, type, spellings, and the stories it appears in."""
    found = corpus.entity(key)
    if found is None:
        return None
    return Page("entity.html.j2", plain(found), {"e": found})


def outlets(corpus) -> Page:
    """Every outlet with its article, claim and sole-source counts."""
    found = corpus.outlets()
    found.sort(key=lambda o: (-o.size, o.name.casefold()))
    return Page("outlets.html.j2", plain(found), {"outlets": found})


def outlet(corpus, name: str) -> Page | None:
    """An outlet: its articles, the claims it carries, how many it alone carries."""
    found = corpus.outlet(name)
    if found is None:
        return None
    return Page("outlet.html.j2", plain(found), {"o": found})
