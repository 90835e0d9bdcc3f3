"""Date labels keep the precision the sources gave: a month is never shown as a day."""

from __future__ import annotations

import pytest

from timeline.site.dates import date_label, html_datetime
from timeline.types import date_order

LABELS = [
    ("day", "2015-12-15", "15 December 2015"),
    ("day-with-time", "2015-12-15T10:30", "15 December 2015, 10:30"),
    ("month", "2015-12", "December 2015"),
    ("week", "2015-W51", "week of 14 December 2015"),
    ("week-across-years", "2015-W53", "week of 28 December 2015"),
    ("year", "2015", "2015"),
    ("decade", "201", "the 2010s"),
    ("century", "20", "the 21st century"),
    ("quarter", "2015-Q4", "Q4 2015"),
    ("half", "2015-H1", "first half of 2015"),
    ("season", "2015-SU", "summer 2015"),
    ("winter-spans-years", "2015-WI", "winter 2015–16"),
    ("present", "PRESENT_REF", "the time of publication"),
    ("past", "PAST_REF", "some time in the past"),
    ("unresolved", "", "unresolved"),
    ("duration-kept-as-is", "P5Y", "P5Y"),
    ("year-bc", "BC0044", "44 BC"),
    ("century-bc", "BC03", "the 4th century BC"),
    ("first-century-bc", "BC00", "the 1st century BC"),
    ("last-day-of-the-calendar", "9999-12-31", "31 December 9999"),
    ("last-month-of-the-calendar", "9999-12", "December 9999"),
    ("last-week-of-the-calendar", "9999-W52", "week of 27 December 9999"),
    ("last-winter-of-the-calendar", "9999-WI", "winter 9999–00"),
    ("first-year", "0001", "1"),
    ("no-year-0", "0000", "0000"),
]


@pytest.mark.parametrize(("value", "label"), [c[1:] for c in LABELS], ids=[c[0] for c in LABELS])
def test_date_label(value: str, label: str) -> None:
    assert date_label(value) == label


DATETIMES = [
    ("day", "2015-12-15", "2015-12-15"),
    ("month", "2015-12", "2015-12"),
    ("week", "2015-W51", "2015-W51"),
    ("year", "2015", "2015"),
    ("decade-has-no-html-form", "201", None),
    ("quarter-has-no-html-form", "2015-Q4", None),
    ("not-a-date", "PRESENT_REF", None),
]


@pytest.mark.parametrize(
    ("value", "expected"), [c[1:] for c in DATETIMES], ids=[c[0] for c in DATETIMES]
)
def test_html_datetime_keeps_granularity(value: str, expected: str | None) -> None:
    assert html_datetime(value) == expected


def test_sort_key_puts_shorter_periods_first_and_unparseable_last() -> None:
    values = ["PRESENT_REF", "2015-12", "2015", "2015-12-01", "2015-W49", "201"]
    assert sorted(values, key=date_order) == [
        "201",
        "2015",
        "2015-W49",
        "2015-12-01",
        "2015-12",
        "PRESENT_REF",
    ]
