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

import calendar
import dataclasses
import threading
from collections import Counter, OrderedDict
from dataclasses import dataclass
from urllib.parse import quote, urlencode

from ..model import Article, ArticleInfo, Brief, Story, StoryInfo
from ..render import jsonout
from ..render.htmlparts import Links, pieces, sentence_levels, story_view, used_sentences
from ..store import StoryFilter
from ..text import entity_key, fold


@dataclass(frozen=True)
class Page:
    template: str
    payload: object  # what `?format=json` returns (or a function making it)
    context: dict
    rows: list[dict] | None = None  # what `?format=csv|jsonl` returns (a list page's rows)


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


def stories(corpus, lq: ListQuery, fmt: str | None = None) -> Page:
    """The story list: one page of the stories passing the filters of `lq`, sorted, each
    with its snippet, publication days, place, counts and coverage bar; facets with counts
    over the filtered stories, and the corpus's articles per day. With `fmt` csv or jsonl,
    the rows of every story passing the filters. A corpus without the list queries
    (`lists`) gives its newest stories only (`stories(query, limit)`)."""
    reader = getattr(corpus, "lists", None)
    if reader is None:
        found = corpus.stories(query=lq.q, limit=lq.limit)
        return Page("stories.html.j2", plain(found),
                    {"stories": found, "rows": [_story_row(i, {}, {}, 0) for i in found],
                     "total": len(found), "lq": lq, "pages": 1, "facets": None,
                     "query": lq.q or "", "per_day": None},
                    rows=[_export_story(i) for i in found])
    store = reader()
    index = _story_index(store)
    ids = None
    if lq.language:
        ids = frozenset(sid for sid, (langs, _) in index.items() if lq.language in langs)
    filters = StoryFilter(lq.q, lq.since, lq.until, lq.outlet, lq.entity, ids)
    if fmt in EXPORTS:
        _, every = store.story_page(filters, lq.sort, limit=1_000_000)
        stats = store.story_stats(i.id for i in every)
        return Page("stories.html.j2", None, {},
                    rows=[_export_story(i, stats.get(i.id)) for i in every])
    total, found = store.story_page(filters, lq.sort, lq.limit, (lq.page - 1) * lq.limit)
    pages = max(1, -(-total // lq.limit))
    if lq.page > pages and total:
        return None
    stats, snippets = _row_facts(store, found)
    scale = max((len(i.outlets) for i in found), default=0)
    facets = store.story_facets(filters)
    chosen = set(store.story_ids(filters))
    langs: Counter = Counter()
    months: Counter = Counter()
    for sid in chosen:
        entry = index.get(sid)
        if entry:
            langs.update(entry[0])
            months.update(entry[1])
    facets = {
        "outlets": [(o, o, n) for o, n in facets["outlets"]],
        "entities": [(k, name, n) for k, name, _, n in facets["entities"]],
        "languages": [(code, code, n) for code, n in
                      sorted(langs.items(), key=lambda kv: (-kv[1], kv[0]))],
        "months": [(*_month_span(m), m, n) for m, n in sorted(months.items(), reverse=True)
                   [:FACET_MONTHS]],
    }
    return Page("stories.html.j2", lambda: plain(
        [dataclasses.replace(i, where=place_only(i.where)) for i in found]), {
        "stories": found, "lq": lq, "total": total, "pages": pages, "facets": facets,
        "rows": [_story_row(i, stats.get(i.id), snippets, scale) for i in found],
        "query": lq.q or "", "per_day": store.article_days(),
        "first": (lq.page - 1) * lq.limit + 1, "last": (lq.page - 1) * lq.limit + len(found),
    })


FACET_MONTHS = 24  # months listed in the date facet, the latest


def _month_span(month: str) -> tuple[str, str]:
    """"2024-02" -> ("2024-02-01", "2024-02-29"): the days a month facet filters on."""
    year, mon = int(month[:4]), int(month[5:7])
    return f"{month}-01", f"{month}-{calendar.monthrange(year, mon)[1]:02d}"


EXPORTS = ("csv", "jsonl")
SORTS = ("newest", "outlets", "articles")


@dataclass(frozen=True)
class ListQuery:
    """The story list as its URL asks for it; `url(...)` writes it back, every parameter in
    the query string in a fixed order (defaults left out), so a page's address is stable."""

    q: str | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    entity: str | None = None
    language: str | None = None
    sort: str = "newest"
    page: int = 1
    limit: int = 25

    def url(self, **changes) -> str:
        values = dataclasses.replace(self, **changes)
        defaults = ListQuery()
        params = [(f.name, getattr(values, f.name)) for f in dataclasses.fields(self)]
        kept = [(k, v) for k, v in params if v not in (None, "") and v != getattr(defaults, k)]
        return "/" + ("?" + urlencode(kept) if kept else "")

    def export(self, fmt: str) -> str:
        """The address of this list (every page of it) as `fmt`."""
        url = self.url(page=1)
        return url + ("&" if "?" in url else "?") + urlencode([("format", fmt)])

    def filtered(self) -> bool:
        return any((self.q, self.since, self.until, self.outlet, self.entity, self.language))


_INDEX_LOCK = threading.Lock()
_INDEX: dict[tuple, dict] = {}


def _story_index(store) -> dict[str, tuple[frozenset, frozenset]]:
    """story -> (languages of its articles, months they were published in), read from the
    articles' listing columns once per state of the corpus (`store.stamp()`), and kept."""
    key = (str(getattr(store, "path", id(store))), store.stamp())
    with _INDEX_LOCK:
        found = _INDEX.get(key)
    if found is not None:
        return found
    langs: dict[str, set] = {}
    months: dict[str, set] = {}
    for sid, lang, month in store.story_days():
        langs.setdefault(sid, set())
        months.setdefault(sid, set())
        if lang:
            langs[sid].add(lang)
        if month and len(month) == 7:
            months[sid].add(month)
    found = {sid: (frozenset(langs[sid]), frozenset(months[sid])) for sid in langs}
    with _INDEX_LOCK:
        _INDEX.clear()  # one corpus state kept: an older one is never asked for again
        _INDEX[key] = found
    return found


_FACTS = OrderedDict()  # (database, story listing) -> (stats, snippet), the latest used
_FACTS_SIZE = 4096


def _row_facts(store, infos: list[StoryInfo]) -> tuple[dict, dict]:
    """The story_stats and summary snippets of the stories of a list page. Each is kept
    under the story's listing (its articles and title: a changed story is listed anew), so
    a page asked for again reads only the stories it has not seen (the first sentence of a
    long story's brief costs tens of ms to read)."""
    where = str(getattr(store, "path", id(store)))
    stats, snippets, todo = {}, {}, []
    with _INDEX_LOCK:
        for info in infos:
            found = _FACTS.get((where, info))
            if found is None:
                todo.append(info)
            else:
                _FACTS.move_to_end((where, info))
                stats[info.id], snippets[info.id] = found
    if todo:
        new_stats = store.story_stats(i.id for i in todo)
        new_snippets = store.story_snippets(i.id for i in todo)
        with _INDEX_LOCK:
            for info in todo:
                facts = (new_stats.get(info.id), new_snippets.get(info.id))
                stats[info.id], snippets[info.id] = facts
                _FACTS[(where, info)] = facts
            while len(_FACTS) > _FACTS_SIZE:
                _FACTS.popitem(last=False)
    return ({k: v for k, v in stats.items() if v is not None},
            {k: v for k, v in snippets.items() if v is not None})


def place_only(where: str | None) -> str | None:
    """A story's "where" as a place only: each of its names ("Ville, Région") kept when the
    gazetteer knows it as a city, region or country and it is no nationality word; None
    when none is left. (The story's place comes from the entity recogniser's places, which
    also holds diseases, demonyms and organisations: a wrong place is worse than none.)"""
    if not where:
        return None
    kept = [name for name in (n.strip() for n in where.split(",")) if _is_place(name)]
    return ", ".join(kept) or None


def _is_place(name: str) -> bool:
    from ..crosscheck.timeline import is_place_name

    return is_place_name(name)


def _story_row(info: StoryInfo, stats: tuple | None, snippets: dict[str, str],
               scale: int) -> dict:
    """One row of the story list: publication days from the articles (None when no article
    is dated: then the day its text names is shown apart, as such), a place only, counts."""
    first, last, outlets, sources, copies = stats or (None, None, len(info.outlets), 0, 0)
    return {"info": info, "snippet": snippets.get(info.id), "first": first, "last": last,
            "text_day": info.when if not first else None, "where": place_only(info.where),
            "articles": len(info.articles), "outlets": outlets, "sources": sources,
            "copies": copies, "scale": scale}


def _export_story(info: StoryInfo, stats: tuple | None = None) -> dict:
    first, last = (stats[0], stats[1]) if stats else (None, None)
    return {"story": info.id, "title": info.title, "published_first": first,
            "published_last": last, "where": place_only(info.where),
            "articles": list(info.articles), "outlets": list(info.outlets)}


def _story_of(brief: Brief, story_id: str) -> Story | None:
    return next((s for s in brief.stories if s.id == story_id),
                brief.stories[0] if brief.stories else None)


PAGE_SIZE = 50  # articles per page of a story


def story(corpus, story_id: str, page: int = 1, as_json: bool = False,
          show_all: bool = False) -> Page | None:
    """A story's brief: summary, matrix, discrepancies, timeline, statements, quotes,
    entities, articles (page `page` of them, PAGE_SIZE a page); None for an unknown story or
    page. The matrix holds the claims two outlets or more carry, or all with `show_all`. The JSON is
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
    infos = {aid: corpus.article_info(aid) for aid in st.articles}
    coverage = _coverage(st, infos)
    view = story_view(shown, [by_id[aid] for aid in shown.articles if aid in by_id],
                      outlets=coverage["outlets"])
    number = {aid: n for n, aid in enumerate(st.articles, 1)}
    labels = {aid: by_id[aid].outlet for aid in shown.articles
              if aid in by_id and by_id[aid].outlet}
    links = Links(number, view.anchors, page=url_article, labels=labels,
                  entity_page=url_entity)
    return Page("story.html.j2", None, {
        "s": view, "story": st, "ln": links, "show_all": show_all, "info": corpus.story(story_id),
        "articles": by_id, "number": number, "page": page, "pages": pages,
        "first": (page - 1) * PAGE_SIZE + 1, "last": (page - 1) * PAGE_SIZE + len(shown.articles),
        # Articles that name no outlet (a .txt file names none): counted apart, not as 0,
        # over the whole story (from the listing rows, no article decoded).
        "unknown_outlets": sum(1 for i in infos.values() if i is not None and not i.outlet),
        "rows": _article_rows(shown, by_id, infos), "coverage": coverage,
    })


def _coverage(st: Story, infos: dict[str, ArticleInfo | None]) -> dict[str, int]:
    """A story's coverage from its listing rows: articles; outlets (an article naming none
    counts as its own, as claims count support); independent sources, the outlets of its
    articles that are not near-copies of another of its articles; the near-copies folded."""
    outlets, independent, copies = set(), set(), 0
    for aid in st.articles:
        info = infos.get(aid)
        source = (info.outlet if info else None) or aid
        outlets.add(source)
        if info is not None and info.copy_of and info.copy_of in infos:
            copies += 1
        else:
            independent.add(source)
    return {"articles": len(st.articles), "outlets": len(outlets),
            "independent": len(independent), "copies": copies}


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

    def narrowed(item):
        # The spans of the articles cited here only: the template looks up each cited
        # article's span among them, which over a thousand spans per line cost seconds.
        articles = cited(item.articles)
        return dataclasses.replace(item, articles=articles, spans=tuple(
            x for x in item.spans if x.article in articles))

    claims = tuple(dataclasses.replace(c, sentences=tuple(x for x in c.sentences
                                                          if x.article in keep))
                   for c in st.claims if any(x.article in keep for x in c.sentences))
    return dataclasses.replace(
        st, articles=ids, claims=claims,
        quotes=tuple(q for q in st.quotes if q.article in keep),
        timeline=tuple(narrowed(e) for e in st.timeline),
        summary=tuple(narrowed(x) for x in st.summary),
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
    highlighted (coloured by how far its claims are borne out), the story's entities it
    names, captions, credits, copies, and the lines cleaning removed."""
    annotated = corpus.article(article_id)
    if annotated is None:
        return None
    a = annotated.article
    info = corpus.article_info(article_id)
    cited: list[str] = []
    levels: list = []
    entities: list = []
    story_info = None
    if info is not None and info.story:
        st = _stored_story(corpus, info.story)
        if st is None:
            brief = corpus.brief(info.story)
            st = _story_of(brief, info.story) if brief is not None else None
        if st is not None:
            cited = used_sentences(st).get(a.id, [])
            levels = sentence_levels(st).get(a.id, [])
            entities = [e for e in st.entities if a.id in e.articles]
        story_info = corpus.story(info.story)
    text, _ = pieces(a, cited, levels)
    highlighted = [{"anchor": p.anchor, "text": p.text} for p in text if p.anchor]
    copies = corpus.copies(article_id)
    original = corpus.article_info(info.copy_of) if info and info.copy_of else None
    payload = {"article": jsonout.to_dict(Brief((a,), ()))["articles"][0],
               "info": plain(info), "copies": plain(copies), "highlighted": highlighted}
    return Page("article.html.j2", payload, {
        "a": a, "info": info, "language": annotated.language, "pieces": text,
        "highlighted": highlighted, "story": story_info, "copies": copies,
        "original": original, "entities": entities,
        "link": a.url if a.url and a.url.lower().startswith(("http://", "https://")) else None,
    })


ENTITY_TYPES = ("PER", "LOC", "ORG", "MISC")
QUOTE_STORIES = 10  # an entity's most recent stories whose briefs are read for its quotes
CONTEXT_ARTICLES = 6  # articles read for an entity's mentions in context
CONTEXTS = 12  # mentions in context shown
ENTITY_QUOTES = 30  # quotes shown on an entity's page
ENTITY_STORIES = 100  # stories listed on an entity's page, the latest (all in its exports)


def entities(corpus, kind: str | None, page: int, limit: int,
             fmt: str | None = None) -> Page | None:
    """The entities of the corpus, most stories first, `limit` a page, `kind` one type;
    with `fmt` csv or jsonl, every one of them. None past the last page."""
    reader = getattr(corpus, "lists", None)
    if reader is None:
        return None
    store = reader()
    if fmt in EXPORTS:
        _, every = store.entity_page(kind, limit=10_000_000)
        return Page("entities.html.j2", None, {}, rows=[
            {"key": k, "name": n, "type": t, "stories": c} for k, n, t, c in every])
    total, rows = store.entity_page(kind, limit, (page - 1) * limit)
    pages = max(1, -(-total // limit))
    if page > pages and total:
        return None
    found = [{"key": k, "name": n, "type": t, "stories": c} for k, n, t, c in rows]
    return Page("entities.html.j2", found, {
        "entities": found, "total": total, "page": page, "pages": pages, "limit": limit,
        "kind": kind, "types": store.entity_types(),
        "first": (page - 1) * limit + 1, "last": (page - 1) * limit + len(found)})


def url_entities(kind: str | None = None, page: int = 1, fmt: str | None = None) -> str:
    params = [(k, v) for k, v in (("type", kind), ("page", page if page > 1 else None),
                                  ("format", fmt)) if v]
    return "/entities" + ("?" + urlencode(params) if params else "")


def entity(corpus, key: str, fmt: str | None = None) -> Page | None:
    """An entity: its name, type, spellings, its stories (and when they were published),
    its quotes across stories, mentions in context, the entities named with it."""
    found = corpus.entity(key)
    if found is None:
        return None
    rows = [_export_story(s) for s in found.stories]
    reader = getattr(corpus, "lists", None)
    if reader is None or fmt in EXPORTS:
        return Page("entity.html.j2", plain(found), {
            "e": found, "quotes": [], "contexts": [], "together": [], "per_day": None,
            "stories": [{"info": s, "first": s.first, "last": s.last} for s in found.stories]},
            rows=rows)
    store = reader()
    stats, _ = _row_facts(store, list(found.stories))
    recent = sorted(found.stories, key=lambda s: s.last or "", reverse=True)
    quotes, contexts = [], []
    shown: set[str] = set()  # sentences in context shown (a near-copy repeats them)
    read = 0  # articles decoded for mentions in context: a bounded number
    for info in recent[:QUOTE_STORIES]:
        st = _stored_story(corpus, info.id)
        if st is None:
            continue
        mine = [e for e in st.entities if entity_key(e.name) == key]
        ids = {e.id for e in mine}
        outlets = store.article_outlets(info.id)
        quotes += [{"story": info, "quote": q, "outlet": outlets.get(q.article, (None,))[0],
                    "lang": outlets.get(q.article, (None, None))[1]}
                   for q in st.quotes if q.speaker_entity in ids]
        for aid in dict.fromkeys(a for e in mine for a in e.articles):
            if len(contexts) >= CONTEXTS or read >= CONTEXT_ARTICLES:
                break
            read += 1
            contexts += _contexts(corpus, aid, found.variants, info,
                                  CONTEXTS - len(contexts), shown)
    listed = [{"info": s, "first": (stats.get(s.id) or (None,))[0],
               "last": (stats.get(s.id) or (None, None))[1]} for s in recent[:ENTITY_STORIES]]
    return Page("entity.html.j2", lambda: plain(found), {
        "e": found, "quotes": quotes[:ENTITY_QUOTES], "contexts": contexts,
        "together": store.cooccurring(key), "stories": listed,
        "per_day": [((stats.get(s.id) or (None,))[0], 1) for s in found.stories],
    }, rows=rows)


def _contexts(corpus, article_id: str, variants, info: StoryInfo, most: int,
              shown: set[str]) -> list[dict]:
    """The sentences of an article that name the entity (as one of its `variants`), each
    split around its first such mention: before, the mention, after."""
    annotated = corpus.article(article_id)
    if annotated is None or most <= 0:
        return []
    names = {fold(v) for v in variants}
    text = annotated.article.text
    out, seen = [], set()  # sentences already shown (an article's, and any near-copy's)
    for m in annotated.mentions:
        if fold(m.text) not in names or m.sentence in seen \
                or m.sentence >= len(annotated.sentences):
            continue
        seen.add(m.sentence)
        s = annotated.sentences[m.sentence]
        if s.text in shown:
            continue
        shown.add(s.text)
        out.append({"article": article_id, "title": annotated.article.title,
                    "outlet": annotated.article.outlet, "story": info,
                    "lang": annotated.language,
                    "before": text[s.start:m.start], "mention": text[m.start:m.end],
                    "after": text[m.end:s.end]})
        if len(out) >= most:
            break
    return out


def outlets(corpus, fmt: str | None = None) -> Page:
    """Every outlet with its article, claim and sole-source counts."""
    found = corpus.outlets()
    found.sort(key=lambda o: (-o.size, o.name.casefold()))
    return Page("outlets.html.j2", plain(found), {"outlets": found}, rows=[
        {"outlet": o.name, "articles": o.size, "claims": o.claims, "sole_source": o.sole_source}
        for o in found])


OUTLET_STORIES = 20  # an outlet's most recent stories whose claims its page lists
OUTLET_ARTICLES = 200  # articles listed on an outlet's page, the latest (all in its exports)


def outlet(corpus, name: str) -> Page | None:
    """An outlet: its articles and their days, the claims it carries (those it alone
    carries apart), its near-copies of other outlets' texts."""
    found = corpus.outlet(name)
    if found is None:
        return None
    rows = [{"article": a.id, "title": a.title, "published": a.published, "story": a.story,
             "copy_of": a.copy_of} for a in found.articles]
    reader = getattr(corpus, "lists", None)
    context = {"o": found, "sole": [], "carried": [], "copies": [], "per_day": None,
               "articles": sorted(found.articles, key=lambda a: a.published or "",
                                  reverse=True)[:OUTLET_ARTICLES]}
    if reader is not None:
        store = reader()
        context["per_day"] = store.article_days(name)
        context["copies"] = store.outlet_copies(name)
        sole, carried = [], []
        for sid in store.outlet_stories(name, limit=OUTLET_STORIES):
            st = _stored_story(corpus, sid)
            info = corpus.story(sid)
            if st is None or info is None:
                continue
            outlet_of = {a: o for a, (o, _) in store.article_outlets(sid).items()}
            for c in st.claims:
                by = {outlet_of.get(a) for a in c.articles} - {None}
                if name in by:
                    item = {"story": info, "claim": c, "outlets": sorted(by),
                            "total": len(info.outlets)}
                    (sole if by == {name} else carried).append(item)
        context.update(sole=sole, carried=carried)
    return Page("outlet.html.j2", plain(found), context, rows=rows)
