"""Small builders for hand-made pipeline data in tests."""

from __future__ import annotations

import datetime as dt

from timeline.model import Article, ArticleResult, DateSource, EventMention, Published, Timex


def make_article(aid: str, text: str, published: dt.date | None) -> Article:
    """An ingested article with a manifest date, as the seeds are read."""
    return Article(
        id=aid,
        path=f"{aid}.txt",
        title=None,
        publisher=None,
        url=None,
        published=Published(date=published, source=DateSource.MANIFEST),
        text=text,
    )


def dated_result(
    aid: str, published: str, *said: tuple[str, str, str], text: str = ""
) -> ArticleResult:
    """An article published on `published` (ISO) with one dated sentence per
    (`words`, how its date was written, TIMEX3 value) in `said`."""
    body = text or f"An article of its own, number {aid}, {aid * 5}."
    mentions, timexes = [], []
    for offset, (words, written, value) in enumerate(said):
        start = 1000 + 100 * offset
        end = start + len(written)
        timexes.append(Timex(start=start, end=end, text=written, type="DATE", value=value))
        mentions.append(
            EventMention(
                article=aid,
                sentence=words,
                start=start,
                end=start + len(words),
                date=value,
                headline=words,
                lemmas=tuple(words.lower().split()),
            )
        )
    return ArticleResult(
        article=make_article(aid, body, dt.date.fromisoformat(published)),
        timexes=tuple(timexes),
        mentions=tuple(mentions),
    )
