"""Statements off the story: the other news a page carries around the story's own.

A folder of articles about one story also holds pages that carry other news: a live page
of the day's headlines, a market report, a column page, sidebars. Their items are real
statements, dated and well formed, but a timeline of the story has no place for them. The
story is what the articles lead with: the words of their opening paragraphs that recur
across the corpus ("earthquake", "Haiti", "spill"), less the words of any news story
(`GENERIC_NEWS_WORDS`, calendar words). A statement is off the story when neither its own
paragraph nor the `WINDOW` paragraphs either side of it uses one of those words: an item
about a winter storm on a page of the day's news, not a quiet paragraph of a long report.

Each opening paragraph counts once across the corpus, so a sidebar repeated on many pages
does not become the story; a corpus too small to say what recurs (`MIN_ARTICLES`) keeps
every statement. What is set aside is kept with its reason, like every other page part.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from timeline.events.english import FUNCTION_WORDS, GENERIC_NEWS_WORDS
from timeline.timex.lang import ENGLISH
from timeline.types import ArticleResult, SetAside

MIN_ARTICLES = 30
LEAD_PARAGRAPHS = 3  # the opening paragraphs of an article that say what it is about
LEAD_WORDS = 8  # a paragraph shorter than this is a heading or a caption, not a lead
STORY_SHARE = 0.1  # a story word opens at least this share of the articles ...
STORY_MIN = 3  # ... and at least this many
WINDOW = 3  # paragraphs either side of a statement that may carry the story's words
PART = "off-topic"
REASON = "other news on the page: no word of the story in its paragraph or those around it"

_WORD = re.compile(r"[A-Za-z][A-Za-z0-9-]*[A-Za-z0-9]")
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")
_CALENDAR = frozenset(ENGLISH.months) | frozenset(ENGLISH.weekdays)


@dataclass(frozen=True, slots=True)
class Story:
    """The words the corpus leads with."""

    words: frozenset[str]

    def told_in(self, paragraph: str) -> bool:
        return any(w.lower() in self.words for w in _WORD.findall(paragraph))


def story_of(texts: Sequence[str]) -> Story | None:
    """The words of the story, or None when the corpus is too small to tell."""
    if len(texts) < MIN_ARTICLES:
        return None
    seen: set[str] = set()
    counts: Counter[str] = Counter()
    for text in texts:
        leads = [p for p in _paragraphs(text) if len(p.split()) >= LEAD_WORDS][:LEAD_PARAGRAPHS]
        fresh = [p for p in leads if p not in seen]
        seen.update(fresh)
        counts.update({w.lower() for p in fresh for w in _WORD.findall(p)})
    least = max(STORY_MIN, STORY_SHARE * len(texts))
    words = frozenset(
        w
        for w, n in counts.items()
        if n >= least and w not in FUNCTION_WORDS and w not in GENERIC_NEWS_WORDS
        and w not in _CALENDAR
    )  # fmt: skip
    return Story(words) if words else None


def keep_to_the_story(results: Sequence[ArticleResult]) -> tuple[ArticleResult, ...]:
    """The results with the mentions of statements off the story set aside."""
    story = story_of([r.article.text for r in results if r.article.text])
    if story is None:
        return tuple(results)
    return tuple(_kept(r, story) if r.mentions else r for r in results)


def _kept(result: ArticleResult, story: Story) -> ArticleResult:
    text = result.article.text
    spans = [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]
    told = [story.told_in(text[a:b]) for a, b in spans]
    ends = [b for _, b in spans]
    kept, aside = [], list(result.set_aside)
    for mention in result.mentions:
        at = min(bisect.bisect_left(ends, mention.start + 1), len(spans) - 1)
        if any(told[max(0, at - WINDOW) : at + WINDOW + 1]):
            kept.append(mention)
        elif not any(p.start == mention.start for p in aside):
            aside.append(SetAside(start=mention.start, end=mention.end, part=PART, reason=REASON))
    if len(kept) == len(result.mentions):
        return result
    aside.sort(key=lambda p: (p.start, p.end))
    return replace(result, mentions=tuple(kept), set_aside=tuple(aside))


def _paragraphs(text: str) -> Iterable[str]:
    return (m.group() for m in _PARAGRAPH.finditer(text))
