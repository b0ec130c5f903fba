"""A small corpus database written by hand, for the list pages' tests and screenshots.

`build(path)` stores hand-written French (and one English) articles, already annotated (no
NLP model runs), groups them into four stories and stores each story's cross-check as
written here: what the list pages (stories, entities, outlets) read. Every sentence is
invented for these tests. The stories:
- "pont": three articles of three outlets (one a near-copy of another), in March 2024, a
  mayor quoted, placed in Lyon;
- "musee": two articles, one in English, in April 2024, its stored place a demonym
  ("Américains": the list must not show it as a place);
- "vaccin": two articles in May 2024 whose stored place is a disease name;
- "archives": one undated article whose story's day is a date its text names (1998).
"""

from __future__ import annotations

from pathlib import Path

from recoupe import pipeline
from recoupe.model import (
    AnnotatedArticle,
    Article,
    Claim,
    ClaimSentence,
    Entity,
    Mention,
    Quote,
    Sentence,
    Story,
    StoryInfo,
    SummarySentence,
    TimelineEvent,
)
from recoupe.store import Store
from recoupe.text import entity_key

MAYOR = "Claire Vasseur"
PONT_1 = ("Le pont de la Guillotière rouvre lundi à Lyon après huit mois de travaux. "
          f"La maire {MAYOR} a coupé le ruban devant deux cents habitants. "
          "« C'est un grand jour pour le quartier », a déclaré Claire Vasseur.")
PONT_2 = ("Après huit mois de chantier, le pont de la Guillotière rouvre lundi à Lyon. "
          f"{MAYOR} a salué le travail des ouvriers. "
          "Les cyclistes disposent désormais d'une voie protégée.")
MUSEE_1 = ("Le musée des Tissages ouvre une salle consacrée aux métiers à tisser. "
           "Deux collectionneurs américains ont prêté quarante pièces.")
MUSEE_2 = ("The weaving museum opens a new room dedicated to looms. "
           "Two American collectors lent forty pieces.")
VACCIN_1 = ("Une campagne de vaccination contre la rougeole débute dans les écoles. "
            "Le ministère vise cent mille élèves avant l'été.")
VACCIN_2 = ("La campagne de vaccination contre la rougeole commence mardi. "
            "Les parents doivent signer une autorisation.")
ARCHIVES = ("Les archives de la ville ont retrouvé un registre perdu depuis le 3 mars 1998. "
            "Il sera exposé à la mairie.")


def _sentences(text: str) -> tuple[Sentence, ...]:
    out, start = [], 0
    for part in text.split(". "):
        part = part if part.endswith((".", "»")) else part + "."
        begin = text.index(part.rstrip("."), start)
        end = min(len(text), begin + len(part))
        out.append(Sentence(begin, end, text[begin:end]))
        start = end
    return tuple(out)


def _annotated(aid: str, title: str, text: str, outlet: str | None, published: str | None,
               language: str = "fr", names: tuple[tuple[str, str], ...] = (),
               quotes: tuple[Quote, ...] = ()) -> AnnotatedArticle:
    sentences = _sentences(text)
    mentions = []
    for name, label in names:
        at = text.find(name)
        while at >= 0:
            n = next(i for i, s in enumerate(sentences) if s.start <= at < s.end)
            mentions.append(Mention(name, label, at, at + len(name), n))
            at = text.find(name, at + 1)
    article = Article(id=aid, source=f"{aid}.txt", text=text, title=title, outlet=outlet,
                      published=published, language=language)
    return AnnotatedArticle(article, language, sentences, (), tuple(mentions), quotes)


def _claim(cid: str, text: str, by: dict[str, str], support: int, independent: int) -> Claim:
    return Claim(cid, text, tuple(by), support, independent,
                 tuple(ClaimSentence(aid, sent) for aid, sent in by.items()))


def articles() -> dict[str, list[AnnotatedArticle]]:
    """Story id -> its articles, oldest first."""
    quote_text = "C'est un grand jour pour le quartier"
    quote = Quote("pont-1:q1", quote_text, "direct", "pont-1", 2, PONT_1.index(quote_text),
                  PONT_1.index(quote_text) + len(quote_text), speaker=MAYOR,
                  speaker_entity="e1", sentence_text=_sentences(PONT_1)[2].text)
    people = ((MAYOR, "PER"), ("Lyon", "LOC"))
    return {
        "pont": [
            _annotated("pont-1", "Le pont de la Guillotière rouvre", PONT_1, "Le Matin du Rhône",
                       "2024-03-04", names=people, quotes=(quote,)),
            _annotated("pont-2", "Lyon retrouve son pont", PONT_2, "Radio Fourvière",
                       "2024-03-04", names=people),
            _annotated("pont-3", "Le pont de la Guillotière rouvre à Lyon", PONT_1,
                       "L'Écho des Quais", "2024-03-05", names=people),
        ],
        "musee": [
            _annotated("musee-1", "Une salle pour les métiers à tisser", MUSEE_1,
                       "Le Matin du Rhône", "2024-04-10"),
            _annotated("musee-2", "A room for looms", MUSEE_2, "Weaving Weekly", "2024-04-11",
                       language="en"),
        ],
        "vaccin": [
            _annotated("vaccin-1", "La vaccination contre la rougeole à l'école", VACCIN_1,
                       "Radio Fourvière", "2024-05-13"),
            _annotated("vaccin-2", "Rougeole : la campagne commence", VACCIN_2,
                       "Le Matin du Rhône", "2024-05-14"),
        ],
        "archives": [_annotated("archives-1", "Un registre retrouvé", ARCHIVES, None, None)],
    }


def stories() -> dict[str, tuple[StoryInfo, Story, tuple, tuple]]:
    """Story id -> (listing, cross-check, entity rows, outlet rows) as `put_story` takes."""
    made = articles()
    mayor = Entity("e1", MAYOR, "PER", (MAYOR,), ("pont-1", "pont-2", "pont-3"), 4)
    lyon = Entity("e2", "Lyon", "LOC", ("Lyon",), ("pont-1", "pont-2", "pont-3"), 3)
    s1 = _sentences(PONT_1)[0].text
    pont = Story(
        "pont", "Le pont de la Guillotière rouvre", "2024-03-04", "Lyon",
        ("pont-1", "pont-2", "pont-3"), (mayor, lyon), made["pont"][0].quotes, (),
        (_claim("c1", s1, {"pont-1": s1, "pont-2": _sentences(PONT_2)[0].text, "pont-3": s1},
                3, 2),
         _claim("c2", _sentences(PONT_2)[2].text, {"pont-2": _sentences(PONT_2)[2].text}, 1, 1)),
        (), (TimelineEvent("2024-03-04", s1, ("pont-1", "pont-2")),),
        (SummarySentence(s1, ("pont-1", "pont-2")),))
    musee = Story("musee", "Une salle pour les métiers à tisser", "2024-04-10", "Américains",
                  ("musee-1", "musee-2"),
                  summary=(SummarySentence(_sentences(MUSEE_1)[0].text, ("musee-1",)),))
    vaccin = Story("vaccin", "La campagne contre la rougeole", "2024-05-13", "Rougeole",
                   ("vaccin-1", "vaccin-2"),
                   claims=(_claim("c1", _sentences(VACCIN_1)[0].text,
                                  {"vaccin-1": _sentences(VACCIN_1)[0].text}, 1, 1),))
    archives = Story("archives", "Un registre retrouvé", "1998-03-03", None, ("archives-1",))
    out = {}
    for st in (pont, musee, vaccin, archives):
        members = made[st.id]
        days = sorted(a.article.published for a in members if a.article.published)
        info = StoryInfo(st.id, st.title, st.when, st.where, st.articles,
                         tuple(sorted({a.article.outlet for a in members if a.article.outlet})),
                         days[0] if days else st.when, days[-1] if days else st.when)
        entities = tuple((entity_key(e.name), e.name, e.type, e.variants) for e in st.entities)
        outlet_of = {a.article.id: a.article.outlet for a in members}
        rows = []
        for o in info.outlets:
            carried = [c for c in st.claims if o in {outlet_of[a] for a in c.articles}]
            sole = [c for c in carried if {outlet_of[a] for a in c.articles} == {o}]
            rows.append((o, len(carried), len(sole)))
        out[st.id] = (info, st, entities, tuple(rows))
    return out


def build(path: Path) -> Path:
    """The corpus database at `path` (made, or filled again if empty)."""
    made = articles()
    with Store(path) as store:
        for story_id, members in made.items():
            for a in members:
                store.add(a, "hand-written")
                copy_of = "pont-1" if a.article.id == "pont-3" else None
                store.assign(a.article.id, story_id, copy_of)
        for info, st, entities, outlets in stories().values():
            store.put_story(info, st, pipeline.BRIEF_VERSION, entities, outlets)
    return path
