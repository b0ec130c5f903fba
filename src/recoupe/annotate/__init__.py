"""Articles -> AnnotatedArticles: language, sentences, tokens with their parse, and NER mentions.

In: a batch of cleaned `Article`s and the AnnotateConfig.
Out: one `AnnotatedArticle` per article, in the same order, with its date expressions
(`dates.find_dates`) and quotes (`quotes.find_quotes`). This is the only stage that runs the
NLP model; what later stages need from the parse (lemmas, parts of speech, dependencies,
entity mentions) is copied into plain frozen values here, so cross-article stages never go
back to the model.
"""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence

from ..config import AnnotateConfig
from ..errors import InputError
from ..model import AnnotatedArticle, Article, InputProblem, Mention, Sentence, Token
from . import nlp as _nlp
from . import sentences as _sentences
from .dates import find_dates
from .language import detect_language
from .quotes import find_quotes
from .vectors import sentence_vectors

# spaCy's French and English models use these four labels; others are mapped onto them.
_LABELS = {"PER": "PER", "PERSON": "PER", "LOC": "LOC", "GPE": "LOC", "FAC": "LOC",
           "ORG": "ORG", "NORP": "MISC", "MISC": "MISC", "EVENT": "MISC", "PRODUCT": "MISC",
           "WORK_OF_ART": "MISC", "LAW": "MISC", "LANGUAGE": "MISC"}


def annotate(articles: Sequence[Article], config: AnnotateConfig) -> list[AnnotatedArticle]:
    """Articles -> AnnotatedArticles (same order), one spaCy pass per language model."""
    languages = [a.language or detect_language(a.text) for a in articles]
    by_model: dict[str, list[int]] = defaultdict(list)
    for i, lang in enumerate(languages):
        by_model[_nlp.model_name(lang, config)].append(i)
    out: list[AnnotatedArticle | None] = [None] * len(articles)
    for indexes in by_model.values():
        nlp = _nlp.load(languages[indexes[0]], config)
        for i in indexes:
            if len(articles[i].text) > nlp.max_length:
                raise InputError(articles[i].source, (
                    f"article text is {len(articles[i].text):,} characters, over the "
                    f"{nlp.max_length:,} the language model takes; split it into articles"))
        docs = nlp.pipe((articles[i].text for i in indexes), batch_size=config.batch_size)
        for i, doc in zip(indexes, docs, strict=True):
            article = dataclasses.replace(articles[i], language=languages[i])
            annotated = _from_doc(article, doc)
            out[i] = dataclasses.replace(
                annotated, vectors=sentence_vectors(doc, annotated.sentences))
    return out  # type: ignore[return-value]


def annotate_each(articles: Sequence[Article], config: AnnotateConfig
                  ) -> list[AnnotatedArticle | InputProblem]:
    """Articles -> AnnotatedArticles, in one model pass; if the pass fails, article by article,
    so that one article the model cannot take becomes a problem and the others go on."""
    try:
        return list(annotate(articles, config))
    except Exception:  # noqa: BLE001 - find the article at fault below
        pass
    out: list[AnnotatedArticle | InputProblem] = []
    for article in articles:
        try:
            out.extend(annotate([article], config))
        except InputError as e:
            out.append(InputProblem(e.source, e.message))
        except Exception as e:  # noqa: BLE001 - one odd document must not sink the batch
            first = (str(e).strip().splitlines() or [""])[0]
            out.append(InputProblem(article.source,
                                    f"could not be annotated ({type(e).__name__}: {first})"))
    return out


def _from_doc(article: Article, doc) -> AnnotatedArticle:
    tokens = tuple(
        Token(t.text, t.idx, t.lemma_, t.pos_, t.dep_, t.head.i, str(t.morph), bool(t.whitespace_))
        for t in doc
    )
    sentences: list[Sentence] = []
    sentence_of_token = [0] * len(doc)
    # The boundaries were set by `sentences.set_boundaries` before the parser, which kept them.
    text = doc.text  # spaCy joins its tokens on each access
    for start, end, first, last in _sentences.spans(doc):
        sentences.append(Sentence(start, end, text[start:end]))
        for t in range(first, last):
            sentence_of_token[t] = len(sentences) - 1
    mentions = tuple(
        Mention(ent.text, _LABELS.get(ent.label_, "MISC"), ent.start_char, ent.end_char,
                sentence_of_token[ent.start], ent.start, ent.end)
        for ent in doc.ents
        # A mention across a line break is two lines glued by the model, never one name.
        if ent.text.strip() and "\n" not in ent.text
    )
    annotated = AnnotatedArticle(article, article.language, tuple(sentences), tokens, mentions)
    return dataclasses.replace(annotated, dates=find_dates(annotated),
                               quotes=find_quotes(annotated, doc))
