"""Small builders for hand-made pipeline data in tests."""

from __future__ import annotations

import datetime as dt

from timeline.types import Article, ArticleResult, DateSource, EventMention, Published, Timex


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


_FIRST = ("John", "Maria", "Ahmed", "Li", "Olga", "Pierre", "Amina", "Carlos", "Yuki", "Sara")
_LAST = ("Kerry", "Lopez", "Hassan", "Wei", "Petrova", "Dubois", "Okafor", "Silva", "Sato")
_VERBS = ("met", "called", "thanked", "criticised", "visited", "warned")


def dated_sentences(chars: int) -> str:
    """Short sentences, each with a date and two people: an archive pasted as one text."""
    sentences, size, day = [], 0, dt.date(2010, 1, 1)
    for n in range(chars):
        day += dt.timedelta(days=n % 3)
        first, second = _person(n), _person(n * 7 + 3)
        sentence = f"On {day.day} {day:%B} {day.year} {first} {_VERBS[n % 6]} {second}."
        sentences.append(sentence)
        size += len(sentence) + 1
        if size >= chars:
            break
    return " ".join(sentences)


def one_sentence(chars: int) -> str:
    """One sentence of dated clauses joined by commas: a list run together, no full stop."""
    clauses, size, day = [], 0, dt.date(2010, 1, 1)
    for n in range(chars):
        day += dt.timedelta(days=1 + n % 2)
        clause = f"on {day.day} {day:%B} {day.year} {_person(n)} {_VERBS[n % 6]} officials"
        clauses.append(clause)
        size += len(clause) + 6
        if size >= chars:
            break
    return "It was reported that " + ", and ".join(clauses) + "."


def _person(n: int) -> str:
    return f"{_FIRST[n % len(_FIRST)]} {_LAST[n // len(_FIRST) % len(_LAST)]}"


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
