"""TIMEX3 calendar values as intervals: the basis of merging and display."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.types import DateValue, Granularity

D = dt.date


@pytest.mark.parametrize(
    ("value", "granularity", "first", "last"),
    [
        ("2015-12-15", Granularity.DAY, D(2015, 12, 15), D(2015, 12, 15)),
        ("2015-12-15T10:30", Granularity.DAY, D(2015, 12, 15), D(2015, 12, 15)),
        ("2015-12-15TMO", Granularity.DAY, D(2015, 12, 15), D(2015, 12, 15)),
        ("2015-W51", Granularity.WEEK, D(2015, 12, 14), D(2015, 12, 20)),
        ("2016-02", Granularity.MONTH, D(2016, 2, 1), D(2016, 2, 29)),
        ("2015-Q4", Granularity.QUARTER, D(2015, 10, 1), D(2015, 12, 31)),
        ("2015-H1", Granularity.HALF, D(2015, 1, 1), D(2015, 6, 30)),
        ("2015-WI", Granularity.SEASON, D(2015, 12, 1), D(2016, 2, 29)),
        ("2015-SU", Granularity.SEASON, D(2015, 6, 1), D(2015, 8, 31)),
        ("2015", Granularity.YEAR, D(2015, 1, 1), D(2015, 12, 31)),
        ("199", Granularity.DECADE, D(1990, 1, 1), D(1999, 12, 31)),
        ("19", Granularity.CENTURY, D(1900, 1, 1), D(1999, 12, 31)),
    ],
    ids=str,
)
def test_parse_calendar_values(
    value: str, granularity: Granularity, first: dt.date, last: dt.date
) -> None:
    parsed = DateValue.parse(value)
    assert parsed is not None
    assert (parsed.granularity, parsed.first, parsed.last) == (granularity, first, last)


@pytest.mark.parametrize(
    "value", ["PRESENT_REF", "PAST_REF", "P2D", "XXXX-12-15", "", "2015-02-30", "2015-13"]
)
def test_non_calendar_or_impossible_values_do_not_parse(value: str) -> None:
    assert DateValue.parse(value) is None


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("2015-12-18", "2015-W51", True),
        ("2016-01-01", "2016-01", True),
        ("2015-12-15", "2015-12-16", False),
        ("2015-W53", "2016-01", False),
        ("2015-12", "2015", True),
    ],
)
def test_compatible_is_containment_either_way(a: str, b: str, expected: bool) -> None:
    left, right = DateValue.parse(a), DateValue.parse(b)
    assert left is not None and right is not None
    assert left.compatible(right) is expected
    assert right.compatible(left) is expected
