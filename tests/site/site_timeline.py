"""A realistic synthetic Timeline: several publishers, an undated article, a skipped file,
merged and conflicting events, every granularity the site labels, and a hostile article."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from timeline.types import (
    Article,
    ArticleResult,
    DateSource,
    Entity,
    Event,
    EventMention,
    Published,
    Status,
    Timeline,
    Timex,
)

BUILD_DATE = dt.date(2016, 1, 20)
XSS = '<script>alert("x")</script><img src=x onerror="alert(1)">'
XSS_LINK = '<a href="javascript:alert(2)">click</a>'


def _article(
    id: str,
    publisher: str | None,
    published: dt.date | None,
    text: str,
    *,
    title: str | None = None,
    url: str | None = None,
    status: Status = Status.OK,
    messages: tuple[str, ...] = (),
    source: DateSource = DateSource.FRONT_MATTER,
) -> Article:
    return Article(
        id=id,
        path=f"articles/{id}.txt",
        title=title or f"Report {id}",
        publisher=publisher,
        url=url,
        published=Published(
            date=published,
            source=source if published else DateSource.NONE,
            detail="date: 2015-12-16" if published else None,
            timezone="UTC" if published else None,
        ),
        text=text,
        status=status,
        messages=messages,
    )


def _timex(text: str, whole: str, value: str, anchor: str = "none", after: str = "") -> Timex:
    start = whole.index(after + text) + len(after)
    return Timex(
        start=start,
        end=start + len(text),
        text=text,
        type="DATE",
        value=value,
        anchor=anchor,
        anchor_value="2015-12-16" if anchor == "publication" else None,
        rule="test-rule",
    )


def _mention(article: str, sentence: str, text: str, date: str, *ents: Entity) -> EventMention:
    start = text.index(sentence)
    return EventMention(
        article=article,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        date=date,
        headline=sentence.split(",", maxsplit=1)[0][:80],
        entities=ents,
    )


PUTIN = Entity(text="Vladimir Putin", label="PERSON")
KERRY = Entity(text="John Kerry", label="PERSON")
KREMLIN = Entity(text="Kremlin", label="FAC")
UN = Entity(text="United Nations", label="ORG")
MOSCOW = Entity(text="Moscow", label="GPE")
RUSSIANS = Entity(text="Russians", label="NORP")

GUARDIAN_TEXT = (
    "Kerry met Putin in the Kremlin yesterday, in a bid to break a deadlock over Syria.\n\n"
    "Talks began in December 2015 and resumed in the week of 14 December.\n\n"
    "The UN resolution was passed in 2015. Sanctions date back to the 2010s.\n\n"
    "Officials said it could happen at some point."
)
BBC_TEXT = (
    "John Kerry met Vladimir Putin in Moscow on 15 December 2015, the Kremlin said.\n\n"
    "Talks began in December 2015."
)
TIMES_TEXT = "Kerry and Putin met on 16 December 2015 in Moscow, officials said."
UNDATED_TEXT = "The UN Security Council will vote on Friday on a Syria resolution."
XSS_TEXT = f"On 17 December 2015 {XSS} and {XSS_LINK} were posted."


def make_timeline() -> Timeline:
    guardian = _article(
        "guardian-2015-12-16",
        "The Guardian",
        dt.date(2015, 12, 16),
        GUARDIAN_TEXT,
        url="https://www.theguardian.com/world/kerry-putin",
        title="Kerry meets Putin in Kremlin for talks on Syria",
    )
    bbc = _article(
        "bbc-2015-12-15",
        "BBC News",
        dt.date(2015, 12, 15),
        BBC_TEXT,
        url="https://www.bbc.co.uk/news/world-35106447",
        source=DateSource.METADATA,
    )
    times = _article("times-2015-12-17", "The Times", dt.date(2015, 12, 17), TIMES_TEXT)
    undated = _article(
        "wire-undated",
        "Wire",
        None,
        UNDATED_TEXT,
        status=Status.WARNING,
        messages=("no publication date found; add `date:` front matter",),
    )
    hostile = _article(
        "hostile",
        f"Evil {XSS}",
        dt.date(2015, 12, 18),
        XSS_TEXT,
        title=f"Bad {XSS}",
        url="javascript:alert(3)",
    )
    skipped = _article(
        "broken",
        None,
        None,
        "",
        status=Status.SKIPPED,
        messages=("not UTF-8 text; re-save the file as UTF-8",),
    )
    g_meet = _mention(
        "guardian-2015-12-16",
        GUARDIAN_TEXT.split("\n", maxsplit=1)[0],
        GUARDIAN_TEXT,
        "2015-12-15",
        KERRY,
        PUTIN,
        KREMLIN,
    )
    b_first = BBC_TEXT.split("\n", maxsplit=1)[0]
    b_meet = _mention("bbc-2015-12-15", b_first, BBC_TEXT, "2015-12-15", KERRY, PUTIN, MOSCOW)
    t_meet = _mention(
        "times-2015-12-17", TIMES_TEXT, TIMES_TEXT, "2015-12-16", KERRY, PUTIN, MOSCOW
    )
    g_month = _mention(
        "guardian-2015-12-16",
        "Talks began in December 2015 and resumed in the week of 14 December.",
        GUARDIAN_TEXT,
        "2015-12",
    )
    b_month = _mention("bbc-2015-12-15", "Talks began in December 2015.", BBC_TEXT, "2015-12")
    g_week = _mention(
        "guardian-2015-12-16",
        "Talks began in December 2015 and resumed in the week of 14 December.",
        GUARDIAN_TEXT,
        "2015-W51",
    )
    g_year = _mention(
        "guardian-2015-12-16", "The UN resolution was passed in 2015.", GUARDIAN_TEXT, "2015", UN
    )
    g_decade = _mention(
        "guardian-2015-12-16", "Sanctions date back to the 2010s.", GUARDIAN_TEXT, "201", RUSSIANS
    )
    x_event = _mention(
        "hostile", XSS_TEXT, XSS_TEXT, "2015-12-17", Entity(text=XSS, label="PERSON")
    )
    events = (
        Event(
            id="ev-meeting",
            date="2015-12-15",
            headline="Kerry meets Putin in the Kremlin",
            mentions=(g_meet, b_meet, t_meet),
            entities=(KERRY, PUTIN, KREMLIN, MOSCOW),
            conflict=True,
            conflict_dates=("2015-12-16",),
        ),
        Event(
            id="ev-talks",
            date="2015-12",
            headline="Talks begin",
            mentions=(g_month, b_month),
            entities=(),
        ),
        Event(id="ev-resumed", date="2015-W51", headline="Talks resume", mentions=(g_week,)),
        Event(
            id="ev-resolution",
            date="2015",
            headline="UN resolution passed",
            mentions=(g_year,),
            entities=(UN,),
        ),
        Event(
            id="ev-sanctions",
            date="201",
            headline="Sanctions begin",
            mentions=(g_decade,),
            entities=(RUSSIANS,),
        ),
        Event(
            id="ev-hostile",
            date="2015-12-17",
            headline=f"Posted {XSS} {XSS_LINK}",
            mentions=(x_event,),
            entities=(Entity(text=XSS, label="PERSON"),),
        ),
    )
    results = (
        ArticleResult(
            article=guardian,
            timexes=(
                _timex("yesterday", GUARDIAN_TEXT, "2015-12-15", "publication"),
                _timex("December 2015", GUARDIAN_TEXT, "2015-12"),
                _timex("the week of 14 December", GUARDIAN_TEXT, "2015-W51"),
                _timex("2015", GUARDIAN_TEXT, "2015", after="passed in "),
                _timex("the 2010s", GUARDIAN_TEXT, "201"),
                _timex("at some point", GUARDIAN_TEXT, ""),
            ),
            mentions=(g_meet, g_month, g_week, g_year, g_decade),
        ),
        ArticleResult(
            article=bbc,
            timexes=(
                _timex("15 December 2015", BBC_TEXT, "2015-12-15"),
                _timex("December 2015.", BBC_TEXT, "2015-12"),
            ),
            mentions=(b_meet, b_month),
        ),
        ArticleResult(
            article=times,
            timexes=(_timex("16 December 2015", TIMES_TEXT, "2015-12-16"),),
            mentions=(t_meet,),
        ),
        ArticleResult(article=undated, timexes=(_timex("Friday", UNDATED_TEXT, ""),)),
        ArticleResult(
            article=hostile,
            timexes=(_timex("17 December 2015", XSS_TEXT, "2015-12-17"),),
            mentions=(x_event,),
        ),
        ArticleResult(article=skipped),
    )
    return Timeline(results=results, events=events, title="Kerry in Moscow")


def make_long_timeline(n_events: int = 1200) -> Timeline:
    """The same sources retold as a long story: `n_events` events over two years, most of
    them on a few busy days (as coverage peaks after a disaster), one dated centuries
    before the coverage, one week and one quarter; enough to split the site into pages."""
    base = make_timeline()
    meeting = base.events[0]
    busy = (dt.date(2015, 12, 15), dt.date(2015, 12, 16), dt.date(2016, 1, 5))
    events = []
    for n in range(n_events):
        if n % 5 > 1:
            day = busy[n % len(busy)]
        else:
            day = dt.date(2014, 3, 1) + dt.timedelta(days=n * 7 % 700)
        mentions = meeting.mentions[: 1 + n % 3]
        events.append(
            Event(
                id=f"ev-{n:04d}",
                date=day.isoformat(),
                headline=f"{meeting.headline}, report {n}",
                mentions=tuple(replace(m, date=day.isoformat()) for m in mentions),
                entities=meeting.entities[: 1 + n % 4],
            )
        )
    g_meet = meeting.mentions[0]
    for value, label in (("1770", "An earlier quake"), ("2015-W50", "Talks"), ("2015-Q4", "Aid")):
        events.append(
            Event(
                id=f"ev-{value.lower()}",
                date=value,
                headline=label,
                mentions=(replace(g_meet, date=value),),
            )
        )
    return Timeline(results=base.results, events=tuple(events), title="A long story")
