"""Plain data passed between pipeline stages: no I/O, no NLP.

Every stage takes and returns these frozen dataclasses so a stage can be cached,
tested and run in another process without dragging parser state along.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Status(StrEnum):
    """Outcome of reading one input file; every input gets one."""

    OK = "ok"
    WARNING = "warning"
    SKIPPED = "skipped"


class DateSource(StrEnum):
    """Where an article's publication date came from (highest precedence first)."""

    FRONT_MATTER = "front-matter"
    MANIFEST = "manifest"
    METADATA = "metadata"
    DATELINE = "dateline"
    NONE = "none"


class Granularity(StrEnum):
    """How precise a date value is; ordered coarse to fine by `rank`."""

    CENTURY = "century"
    DECADE = "decade"
    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    SEASON = "season"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"

    @property
    def rank(self) -> int:
        return _RANKS[self]


_RANKS = {granularity: rank for rank, granularity in enumerate(Granularity)}


_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}
_VALUE_RE = re.compile(
    r"^(?:(?P<century>\d{2})|(?P<decade>\d{3})|(?P<year>\d{4})"
    r"(?:-(?:(?P<month>\d{2})(?:-(?P<day>\d{2}))?|W(?P<week>\d{2})|Q(?P<quarter>[1-4])"
    r"|H(?P<half>[12])|(?P<season>SP|SU|FA|WI)))?)(?:T.*)?$"
)


@dataclass(frozen=True, slots=True, kw_only=True)
class DateValue:
    """A calendar TIMEX3 value seen as the interval of days it covers.

    `first` and `last` are inclusive. Values that are not calendar periods
    (durations, PRESENT_REF, sets) do not parse: `DateValue.parse` returns None.
    """

    value: str
    granularity: Granularity
    first: dt.date
    last: dt.date

    @staticmethod
    def parse(value: str) -> DateValue | None:
        """Parse a TIMEX3 value such as `2015`, `2015-W51`, `201`, `2015-12-15T10:00`."""
        match = _VALUE_RE.match(value)
        if not match:
            return None
        groups = match.groupdict()
        try:
            return _interval(value, groups)
        except (ValueError, OverflowError):  # no such day, or a year outside 1-9999
            return None

    def contains(self, other: DateValue) -> bool:
        return self.first <= other.first and other.last <= self.last

    def overlaps(self, other: DateValue) -> bool:
        return self.first <= other.last and other.first <= self.last

    def compatible(self, other: DateValue) -> bool:
        """True when one period lies inside the other (a day inside its week or month)."""
        return self.contains(other) or other.contains(self)


def _interval(value: str, g: dict[str, str | None]) -> DateValue:
    def make(gran: Granularity, first: dt.date, last: dt.date) -> DateValue:
        return DateValue(value=value, granularity=gran, first=first, last=last)

    if g["century"]:
        start = int(g["century"]) * 100
        return make(Granularity.CENTURY, dt.date(max(start, 1), 1, 1), dt.date(start + 99, 12, 31))
    if g["decade"]:
        start = int(g["decade"]) * 10
        return make(Granularity.DECADE, dt.date(max(start, 1), 1, 1), dt.date(start + 9, 12, 31))
    year = int(g["year"] or 0)
    if g["day"]:
        day = dt.date(year, int(g["month"] or 0), int(g["day"]))
        return make(Granularity.DAY, day, day)
    if g["month"]:
        month = int(g["month"])
        return make(Granularity.MONTH, dt.date(year, month, 1), _month_end(year, month))
    if g["week"]:
        monday = dt.date.fromisocalendar(year, int(g["week"]), 1)
        return make(Granularity.WEEK, monday, _days_after(monday, 6))
    if g["quarter"]:
        q = int(g["quarter"])
        return make(Granularity.QUARTER, dt.date(year, 3 * q - 2, 1), _month_end(year, 3 * q))
    if g["half"]:
        h = int(g["half"])
        return make(Granularity.HALF, dt.date(year, 6 * h - 5, 1), _month_end(year, 6 * h))
    if g["season"]:
        lo, hi = _SEASON_MONTHS[g["season"]]
        end_year, end_month = (year + 1, hi - 12) if hi > 12 else (year, hi)
        last = _month_end(end_year, end_month) if end_year <= dt.MAXYEAR else dt.date.max
        return make(Granularity.SEASON, dt.date(year, lo, 1), last)
    return make(Granularity.YEAR, dt.date(year, 1, 1), dt.date(year, 12, 31))


def _month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def _days_after(day: dt.date, days: int) -> dt.date:
    """`days` later, or the calendar's last day: a period running past year 9999 (its last
    week, its last winter) is cut where the calendar ends."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max


@dataclass(frozen=True, slots=True, kw_only=True)
class Published:
    """A publication date with its provenance; `date` is None when unknown."""

    date: dt.date | None
    source: DateSource
    timezone: str | None = None
    detail: str | None = None  # e.g. the metadata field or dateline text it came from


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """One input document after ingest and cleaning.

    `text` is the cleaned body that every later offset refers to; `removed` records
    the page furniture cleaning dropped, so nothing disappears unexplained.
    """

    id: str
    path: str
    title: str | None
    publisher: str | None
    url: str | None
    published: Published
    text: str
    status: Status = Status.OK
    messages: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    language: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Timex:
    """A temporal expression: where it is, what it means, and why.

    Offsets index the text it was found in. `anchor` is `publication` (deictic,
    resolved against the publication date), `update` (deictic, in a live blog, against
    the day of the update's stamp), `previous` (anaphoric, against the last fully
    specified date before it) or `none` (absolute or unresolved);
    `anchor_value` is the date used. `rule` names the rule that produced `value`.
    """

    start: int
    end: int
    text: str
    type: str  # DATE, TIME, DURATION, SET
    value: str  # TIMEX3 value; "" when it could not be resolved
    mod: str | None = None
    anchor: str = "none"
    anchor_value: str | None = None
    rule: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    text: str
    label: str  # PERSON, ORG, GPE, LOC, NORP, EVENT ...


@dataclass(frozen=True, slots=True, kw_only=True)
class EventMention:
    """One dated statement in one article.

    `start`/`end` are the sentence's offsets in the article text; `timex` is None
    when the date is the publication date of a present-tense lead sentence.
    """

    article: str
    sentence: str
    start: int
    end: int
    date: str
    headline: str
    timex: Timex | None = None
    date_source: str = "timex"  # "timex" or "publication"
    entities: tuple[Entity, ...] = ()
    lemmas: tuple[str, ...] = ()
    predicate: str = ""  # the verb the date belongs to ("met"; "" for a publication date)


@dataclass(frozen=True, slots=True, kw_only=True)
class SetAside:
    """A dated statement of a page part that is not reporting (a comment, a listing, a time
    stamp...), kept out of the events: where it is, which part, and why."""

    start: int
    end: int
    part: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class MergeLink:
    """Why two mentions of one event were joined: the evidence an editor checks to see a
    wrong join at a glance."""

    first: tuple[str, int]  # (article, sentence start) of one mention
    second: tuple[str, int]  # and of the other
    similarity: float  # TF-IDF cosine of their content words and names
    shared_terms: tuple[str, ...]  # content words both use (acts counted as equivalents)
    shared_entities: tuple[str, ...]  # names both give
    dates: str  # "same date", "one inside the other" or "conflicting dates"
    same_text: bool  # near-identical statements: a wire copy or a reused paragraph


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """The same happening as reported by one or more mentions, possibly across sources."""

    id: str
    date: str
    headline: str
    mentions: tuple[EventMention, ...]
    entities: tuple[Entity, ...] = ()
    conflict: bool = False
    conflict_dates: tuple[str, ...] = ()
    links: tuple[MergeLink, ...] = ()  # one per join that made the event, in join order

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(sorted({m.article for m in self.mentions}))


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleResult:
    """Everything extracted from one article: the unit of caching and parallelism."""

    article: Article
    timexes: tuple[Timex, ...] = ()
    mentions: tuple[EventMention, ...] = ()
    set_aside: tuple[SetAside, ...] = ()
    # Sampled word 5-gram hashes of the text (`shingles.text_shingles`), made with the
    # extraction and cached with it, so a rebuild need not read every text again to find
    # wire copies. Empty when not computed.
    shingles: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True, kw_only=True)
class Timeline:
    """The whole corpus after merging: what the site and the exports render.

    `results` holds every input file, skipped ones included, in input order. `sources`
    maps each article id to its source, as merging found them (wire copies share one),
    so later stages count sources without looking for copies again.
    """

    results: tuple[ArticleResult, ...]
    events: tuple[Event, ...] = ()
    title: str = "Timeline"
    sources: Mapping[str, str] = field(default_factory=dict)

    @property
    def articles(self) -> tuple[Article, ...]:
        return tuple(r.article for r in self.results)


def date_order(value: str) -> tuple[int, str, str, str]:
    """The one order of date values: by first day, then shorter periods first (a day before
    its week, a month before its year); values that are not calendar periods last."""
    parsed = DateValue.parse(value)
    if parsed is None:
        return (1, "", "", value)
    return (0, parsed.first.isoformat(), parsed.last.isoformat(), value)


def mention_order(m: EventMention) -> tuple[str, int, int, str, str, str, int, int]:
    """A total order on mentions that depends on their content only."""
    tx = m.timex
    return (
        m.article,
        m.start,
        m.end,
        m.date,
        m.headline,
        m.date_source,
        tx.start if tx else -1,
        tx.end if tx else -1,
    )


def event_id(date: str, mentions: Iterable[EventMention]) -> str:
    """Stable id: a hash of the date and where each mention sits, never of order or wording."""
    places = sorted(f"{m.article}:{m.start}:{m.end}" for m in mentions)
    digest = hashlib.sha1("|".join([date, *places]).encode("utf-8"), usedforsecurity=False)
    return digest.hexdigest()[:16]
