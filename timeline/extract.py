"""The per-article map: parse, tag, extract mentions. It has no shared state, so it runs the
same in this process, in a helper process, in spaCy's worker processes or on a cluster.

This is the only stage that needs spaCy; the rest of the pipeline imports it on use, so a
build whose articles are all cached never loads the model.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from timeline.events import extract_mentions
from timeline.model import Article, ArticleResult
from timeline.nlp import load_pipeline
from timeline.shingles import text_shingles
from timeline.timex import tag_doc

BATCH_SIZE = 32


def extract_batch(articles: Sequence[Article], jobs: int = 1) -> Iterator[ArticleResult]:
    """Results in order; spaCy runs once per article through one `nlp.pipe`. The wire-copy
    shingles are made here too, so they are cached with the rest."""
    nlp = load_pipeline()
    docs = nlp.pipe((a.text for a in articles), batch_size=BATCH_SIZE, n_process=jobs)
    for article, doc in zip(articles, docs, strict=True):
        timexes = tag_doc(doc, article.published.date)
        mentions = extract_mentions(article, doc, timexes)
        shingles = text_shingles(article.text)
        yield ArticleResult(article=article, timexes=timexes, mentions=mentions, shingles=shingles)
