"""Work per article grows linearly with its length: the Python lines executed to tag an
article and find its events (the parse is spaCy's, measured by `bench/long_articles.py`)
roughly double when the text doubles, for the shapes that once made them grow with its
square: one endless sentence of dated clauses, and many short dated sentences naming
people. Counting executed lines, not seconds, keeps the test exact on a busy machine."""

from __future__ import annotations

import datetime as dt
import sys
import time
from collections.abc import Callable
from types import FrameType
from typing import Any

import pytest
from builders import dated_sentences, make_article, one_sentence
from spacy.language import Language

from timeline.nlp.parse import parse_text
from timeline.pipeline.extract import extract_article
from timeline.timex.detect import detect

LINEAR = 2.5  # doubling the text may at most multiply the work by this (its square: 4)


def _lines(work: Callable[[], object]) -> int:
    """Python lines executed by `work`."""
    count = 0

    def trace(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return trace

    sys.settrace(trace)
    try:
        work()
    finally:
        sys.settrace(None)
    return count


@pytest.mark.slow
@pytest.mark.parametrize("make", [one_sentence, dated_sentences], ids=["one-sentence", "many"])
def test_tagging_and_events_grow_linearly(nlp: Language, make: Callable[[int], str]) -> None:
    work = []
    for chars in (6_000, 12_000):
        article = make_article("long", make(chars), dt.date(2010, 12, 31))
        doc = parse_text(nlp, article.text)
        result = extract_article(article, doc)
        assert result.mentions and result.article.messages == ()
        work.append(_lines(lambda a=article, d=doc: extract_article(a, d)))
    assert work[1] / work[0] < LINEAR, work


@pytest.mark.parametrize(
    "unit", ["one two three ", "nineteen ninety ", "the third quarter of ", "10:30 a.m. "]
)
def test_detection_grows_linearly(unit: str) -> None:
    """Regular expressions run in C, out of the tracer's sight: the best of three timings
    at two sizes, with a factor no linear scan comes near and a quadratic one exceeds."""

    def seconds(text: str) -> float:
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            detect(text)
            best = min(best, time.perf_counter() - start)
        return best

    small, large = seconds(unit * 500), seconds(unit * 2000)
    assert large / small < 8, (small, large)  # four times the text; its square: 16
