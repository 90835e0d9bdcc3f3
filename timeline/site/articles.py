"""Article pages and the "needs attention" list, as plain data for the templates."""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections import Counter
from dataclasses import dataclass

from timeline.site.attribution import article_title, published_label, publisher_name, safe_url
from timeline.site.context import EventView, article_page
from timeline.site.dates import date_label, html_datetime
from timeline.site.parts import part_page, part_starts
from timeline.types import ArticleResult, Status, Timeline, Timex

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_CONTEXT_CHARS = 60


@dataclass(frozen=True, slots=True, kw_only=True)
class TimexView:
    text: str
    value: str
    label: str
    datetime: str | None
    explanation: str  # shown on hover and focus: why this value


@dataclass(frozen=True, slots=True, kw_only=True)
class Segment:
    text: str
    timex: TimexView | None = None
    anchor: str | None = None  # id marking where an event's sentence starts


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleView:
    id: str
    page: str
    title: str
    publisher: str
    url: str | None
    path: str
    status: str
    messages: tuple[str, ...]
    published: str
    published_iso: str | None
    published_source: str
    published_detail: str | None
    timezone: str | None
    language: str | None
    removed: int
    text: str
    timexes: tuple[Timex, ...]
    anchors: tuple[int, ...]  # where the sentences of its events start
    n_timexes: int
    n_unresolved: int
    events: tuple[EventView, ...]
    starts: tuple[int, ...] = (0,)  # where the parts of its page start (`parts.py`)
    part: int = 1  # the part this view shows

    @property
    def here(self) -> str:
        """The page of this part (part 1: the article's page)."""
        return part_page(self.page, self.part)

    @property
    def part_pages(self) -> tuple[str, ...]:
        return tuple(part_page(self.page, n) for n in range(1, len(self.starts) + 1))

    set_aside: tuple[SetAsideView, ...] = ()

    @property
    def set_aside_counts(self) -> tuple[tuple[str, int], ...]:
        """How many dated statements of each page part were set aside, most first."""
        counts = Counter(p.part for p in self.set_aside)
        return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))

    @property
    def paragraphs(self) -> tuple[tuple[Segment, ...], ...]:
        """The part's text cut into highlighted segments, made when a page is rendered: the
        page cache keys pages by their data, and the text with its timexes is far cheaper
        to digest than its segments, which an unchanged page never needs."""
        start = self.starts[self.part - 1]
        end = self.starts[self.part] if self.part < len(self.starts) else len(self.text)
        if (start, end) == (0, len(self.text)):
            return segment_text(self.text, self.timexes, self.anchors)
        timexes = tuple(
            dataclasses.replace(t, start=t.start - start, end=t.end - start)
            for t in self.timexes
            if start <= t.start and t.end <= end
        )
        anchors = tuple(a - start for a in self.anchors if start <= a < end)
        return segment_text(self.text[start:end], timexes, anchors, base=start)


@dataclass(frozen=True, slots=True, kw_only=True)
class SetAsideView:
    """A dated statement kept out of the events, with why (`events.parts`)."""

    part: str
    reason: str
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class UnresolvedTimex:
    article: ArticleView
    text: str
    before: str
    after: str
    type: str
    rule: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Attention:
    undated: tuple[ArticleView, ...]
    unresolved: tuple[UnresolvedTimex, ...]
    conflicts: tuple[EventView, ...]
    skipped: tuple[ArticleView, ...]
    warnings: tuple[ArticleView, ...]
    far: tuple[EventView, ...] = ()  # dated far from the coverage: suspicious, listed here

    @property
    def total(self) -> int:
        return (
            len(self.far)
            + len(self.undated)
            + len(self.unresolved)
            + len(self.conflicts)
            + len(self.skipped)
            + len(self.warnings)
        )


def timex_view(timex: Timex) -> TimexView:
    label = date_label(timex.value)
    parts = [f"{timex.type} {timex.value or 'unresolved'}: {label}"]
    if timex.anchor != "none":
        anchor = date_label(timex.anchor_value) if timex.anchor_value else "unknown"
        parts.append(f"relative to the {timex.anchor} date ({anchor})")
    if timex.rule:
        parts.append(f"rule {timex.rule}")
    return TimexView(
        text=timex.text,
        value=timex.value,
        label=label,
        datetime=html_datetime(timex.value) if timex.value else None,
        explanation="; ".join(parts),
    )


def _valid_timexes(text: str, timexes: tuple[Timex, ...]) -> list[Timex]:
    """Timexes whose offsets fit the text, without overlaps (the earlier, longer one wins)."""
    chosen: list[Timex] = []
    end = 0
    for timex in sorted(timexes, key=lambda t: (t.start, -t.end)):
        if 0 <= timex.start < timex.end <= len(text) and timex.start >= end:
            chosen.append(timex)
            end = timex.end
    return chosen


def sentence_anchor(start: int) -> str:
    return f"s-{start}"


def _flat_segments(
    text: str, timexes: tuple[Timex, ...], anchors: tuple[int, ...], base: int = 0
) -> list[Segment]:
    """Plain and temporal segments in text order; plain text is also cut where anchors are."""
    cuts = sorted({a for a in anchors if 0 <= a < len(text)})
    flat: list[Segment] = []

    def plain(start: int, end: int) -> None:
        edges = [start, *(c for c in cuts if start < c < end), end]
        for a, b in itertools.pairwise(edges):
            anchor = sentence_anchor(base + a) if a in cuts else None
            flat.append(Segment(text=text[a:b], anchor=anchor))

    pos = 0
    for timex in _valid_timexes(text, timexes):
        if timex.start > pos:
            plain(pos, timex.start)
        inside = [c for c in cuts if timex.start <= c < timex.end]
        flat.append(
            Segment(
                text=text[timex.start : timex.end],
                timex=timex_view(timex),
                anchor=sentence_anchor(base + inside[0]) if inside else None,
            )
        )
        pos = timex.end
    if pos < len(text):
        plain(pos, len(text))
    return flat


def segment_text(
    text: str, timexes: tuple[Timex, ...], anchors: tuple[int, ...] = (), base: int = 0
) -> tuple[tuple[Segment, ...], ...]:
    """Split text into paragraphs of plain and temporal segments, by character offsets.

    `anchors` are offsets where event sentences start; the segment there carries an id so
    an event can link to the exact place in the text it was taken from; `base` is where
    `text` starts in the article (a part of a long article's page).
    """
    paragraphs: list[list[Segment]] = [[]]
    pending: str | None = None
    for segment in _flat_segments(text, timexes, anchors, base):
        anchor = segment.anchor or pending
        pending = None
        if segment.timex is not None:
            paragraphs[-1].append(Segment(text=segment.text, timex=segment.timex, anchor=anchor))
            continue
        for i, piece in enumerate(_PARAGRAPH_BREAK.split(segment.text)):
            if i:
                paragraphs.append([])
            if piece.strip() or (piece and not anchor):
                paragraphs[-1].append(Segment(text=piece, anchor=anchor))
                anchor = None
            elif piece:
                paragraphs[-1].append(Segment(text=piece))
        pending = anchor
    return tuple(tuple(p) for p in paragraphs if any(s.text.strip() for s in p))


def article_view(result: ArticleResult, events: tuple[EventView, ...]) -> ArticleView:
    """One article page; `events` are the events that cite it, in timeline order."""
    article = result.article
    return ArticleView(
        id=article.id,
        page=article_page(article.id),
        title=article_title(article),
        publisher=publisher_name(article),
        url=safe_url(article.url),
        path=article.path,
        status=str(article.status),
        messages=article.messages,
        published=published_label(article),
        published_iso=article.published.date.isoformat() if article.published.date else None,
        published_source=str(article.published.source),
        published_detail=article.published.detail,
        timezone=article.published.timezone,
        language=article.language,
        removed=len(article.removed),
        text=article.text,
        timexes=result.timexes,
        anchors=tuple(m.start for m in result.mentions),
        n_timexes=len(result.timexes),
        n_unresolved=sum(1 for t in result.timexes if not t.value),
        events=events,
        starts=part_starts(article.text, result.timexes),
        set_aside=tuple(
            SetAsideView(
                part=p.part, reason=p.reason, text=" ".join(article.text[p.start : p.end].split())
            )
            for p in result.set_aside
        ),
    )


def article_views(timeline: Timeline, events: tuple[EventView, ...]) -> tuple[ArticleView, ...]:
    """Every input, skipped ones included, in input order."""
    citing: dict[str, list[EventView]] = {}
    for event in events:
        for article_id in dict.fromkeys(c.article_id for c in event.citations):
            citing.setdefault(article_id, []).append(event)
    return tuple(article_view(r, tuple(citing.get(r.article.id, ()))) for r in timeline.results)


def attention(
    timeline: Timeline,
    articles: tuple[ArticleView, ...],
    events: tuple[EventView, ...],
    far: tuple[EventView, ...] = (),
) -> Attention:
    """Everything a reader should double-check, each with the reason recorded for it;
    `far` are the events dated far from the coverage (a misread year, a historical aside)."""
    by_id = {a.id: a for a in articles}
    unresolved = []
    for result in timeline.results:
        text = result.article.text
        for timex in sorted(result.timexes, key=lambda t: t.start):
            if timex.value:
                continue
            unresolved.append(
                UnresolvedTimex(
                    article=by_id[result.article.id],
                    text=timex.text,
                    before=text[max(0, timex.start - _CONTEXT_CHARS) : max(0, timex.start)],
                    after=text[timex.end : timex.end + _CONTEXT_CHARS],
                    type=timex.type,
                    rule=timex.rule,
                )
            )
    skipped = str(Status.SKIPPED)
    return Attention(
        undated=tuple(a for a in articles if a.published_iso is None and a.status != skipped),
        unresolved=tuple(unresolved),
        conflicts=tuple(e for e in events if e.conflict),
        skipped=tuple(a for a in articles if a.status == skipped),
        warnings=tuple(a for a in articles if a.status == str(Status.WARNING)),
        far=far,
    )
