"""Properties of the small pure pieces the site is built from."""

from __future__ import annotations

import json
import re
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from timeline.site import exports, ical
from timeline.site.articles import segment_text
from timeline.site.dates import date_label, html_datetime
from timeline.types import Timex

HTML_DATETIME = re.compile(r"^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?$")
line_text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\n"))


@given(line_text)
def test_fold_round_trips_within_75_octets(text: str) -> None:
    line = "DESCRIPTION:" + text
    folded = ical.fold(line)
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
    assert folded.replace("\r\n ", "") == line


@given(st.text())
def test_escaped_text_has_no_line_breaks(text: str) -> None:
    escaped = ical.escape_text(text)
    assert "\n" not in escaped and "\r" not in escaped


@given(st.text(max_size=20))
def test_labels_never_fail_and_datetimes_are_valid_html(value: str) -> None:
    assert isinstance(date_label(value), str)
    found = html_datetime(value)
    assert found is None or HTML_DATETIME.match(found)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4),
    max_leaves=12,
)


@given(json_values)
def test_json_exports_contain_no_markup_characters(value: Any) -> None:
    data = exports.dump_json(value)
    assert not set(b"<>&") & set(data)
    assert json.loads(data) == value


@st.composite
def text_and_timexes(draw: st.DrawFn) -> tuple[str, tuple[Timex, ...], tuple[int, ...]]:
    text = draw(st.text(alphabet="ab \n", max_size=60))
    spans = draw(
        st.lists(st.tuples(st.integers(-2, 70), st.integers(-2, 70)), max_size=6),
    )
    timexes = tuple(Timex(start=a, end=b, text="", type="DATE", value="2015") for a, b in spans)
    anchors = tuple(draw(st.lists(st.integers(-2, 70), max_size=4)))
    return text, timexes, anchors


@given(text_and_timexes())
def test_segments_keep_every_character_in_order(
    case: tuple[str, tuple[Timex, ...], tuple[int, ...]],
) -> None:
    text, timexes, anchors = case
    paragraphs = segment_text(text, timexes, anchors)
    joined = "".join(s.text for p in paragraphs for s in p)
    assert re.sub(r"\s", "", joined) == re.sub(r"\s", "", text)
    ids = [s.anchor for p in paragraphs for s in p if s.anchor]
    assert len(ids) == len(set(ids))
    nonblank = {f"s-{a}" for a in anchors if 0 <= a < len(text) and text[a:].strip()}
    assert set(ids) <= nonblank
