"""Small builders for hand-made pipeline data in tests."""

from __future__ import annotations

import datetime as dt

from timeline.model import Article, DateSource, Published


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
