"""Publication dates: parsing, datelines, and precedence with provenance."""

from __future__ import annotations

import datetime as dt

import pytest

from timeline.errors import InputError
from timeline.ingest.published import DateClaim, choose_published, find_dateline, parse_date
from timeline.types import DateSource

D = dt.date(2015, 12, 15)

PARSE = [
    ("2015-12-15", D, None),
    ("2015-12-15T23:30:00-05:00", D, "-05:00"),  # the outlet's local day, not UTC's
    ("2015-12-15T23:30:00Z", D, "+00:00"),
    ("2015-12-15 10:00", D, None),
    ("2015-12-15 Europe/Dublin", D, "Europe/Dublin"),
    ("Tue, 15 Dec 2015 23:30:00 -0500", D, "-05:00"),
    ("15 December 2015", D, None),
    ("December 15, 2015", D, None),
    ("Tuesday 15 December 2015", D, None),
    # any common form and language, read by dateparser
    ("Dec. 15, 2015, 10:45 a.m. ET", D, "-05:00"),
    ("Tuesday 15 December 2015 09.30 GMT", D, "+00:00"),
    ("15 décembre 2015", D, None),
    ("15. Dezember 2015", D, None),
    ("15/12/2015", D, None),  # only one reading: there is no month 15
    ("12/15/2015", D, None),
    ("15-Dec-2015", D, None),
]


@pytest.mark.parametrize(("text", "day", "offset"), PARSE, ids=[p[0] for p in PARSE])
def test_parse_date(text: str, day: dt.date, offset: str | None) -> None:
    assert parse_date(text) == (day, offset)


@pytest.mark.parametrize(
    "text",
    [
        "2015-02-30",
        "2015-13-01",
        "31 June 2015",
        "yesterday",
        "soon",
        "",
        "next Friday",
        "December 2015",  # no day
        "Dec 15",  # no year
        "99/99/2015",
    ],
)
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(InputError):
        parse_date(text)


DATELINES = [
    pytest.param("Tuesday 15 December 2015\n\nKerry in Moscow", D, id="date-line"),
    pytest.param("Headline\nDecember 15, 2015\nText", D, id="second-line"),
    pytest.param("MOSCOW, Dec 15, 2015 (Reuters) - Kerry met", D, id="wire-with-year"),
    pytest.param("Kerry met Lavrov on 15 December 2015 in Moscow.", None, id="date-in-prose"),
    pytest.param("a\nb\nc\nd\n15 December 2015", None, id="too-far-down"),
]


@pytest.mark.parametrize(("text", "day"), DATELINES)
def test_find_dateline(text: str, day: dt.date | None) -> None:
    claim, _ = find_dateline(text)
    assert (parse_date(claim.value)[0] if claim else None) == day


def test_wire_dateline_without_year_is_not_guessed() -> None:
    claim, note = find_dateline("MOSCOW, Dec 15 (Reuters) - Kerry met Putin.")
    assert claim is None and note is not None and "no year" in note


def _claim(source: DateSource, value: str) -> DateClaim:
    return DateClaim(source=source, value=value, detail=f"{source.value} field")


PRECEDENCE = [
    pytest.param(
        [DateSource.DATELINE, DateSource.MANIFEST], DateSource.MANIFEST, id="manifest>dateline"
    ),
    pytest.param(
        [DateSource.METADATA, DateSource.FRONT_MATTER], DateSource.FRONT_MATTER, id="front>metadata"
    ),
    pytest.param(
        [DateSource.METADATA, DateSource.MANIFEST], DateSource.MANIFEST, id="manifest>metadata"
    ),
    pytest.param(
        [DateSource.DATELINE, DateSource.METADATA], DateSource.METADATA, id="metadata>dateline"
    ),
]


@pytest.mark.parametrize(("sources", "winner"), PRECEDENCE)
def test_precedence(sources: list[DateSource], winner: DateSource) -> None:
    values = {s: f"2015-12-{10 + i}" for i, s in enumerate(DateSource)}
    published, _ = choose_published([_claim(s, values[s]) for s in sources])
    assert published.source is winner
    assert published.date == parse_date(values[winner])[0]
    assert published.detail is not None and "overrides" in published.detail


def test_invalid_higher_source_falls_back_with_a_warning() -> None:
    published, messages = choose_published(
        [_claim(DateSource.FRONT_MATTER, "2015-02-30"), _claim(DateSource.MANIFEST, "2015-12-15")]
    )
    assert (published.source, published.date) == (DateSource.MANIFEST, D)
    assert len(messages) == 1 and "2015-02-30" in messages[0]


def test_dateline_only_warns_and_none_explains() -> None:
    _, messages = choose_published([_claim(DateSource.DATELINE, "15 December 2015")])
    assert "only usable date" in messages[0]
    published, messages = choose_published([])
    assert published.date is None and published.source is DateSource.NONE
    assert "relative dates" in messages[0]


def test_future_of_build_date_warns_never_the_clock() -> None:
    claim = _claim(DateSource.MANIFEST, "2099-01-01")
    assert choose_published([claim])[1] == ()
    _, messages = choose_published([claim], build_date=dt.date(2026, 1, 1))
    assert "after the build date" in messages[0]


def test_declared_timezone_is_kept_and_checked() -> None:
    zone = DateClaim(
        source=DateSource.MANIFEST, value="2015-12-15", detail="m", timezone="Europe/Moscow"
    )
    assert choose_published([zone])[0].timezone == "Europe/Moscow"
    junk = DateClaim(source=DateSource.MANIFEST, value="2015-12-15", detail="m", timezone="soon")
    published, messages = choose_published([junk])
    assert published.timezone is None and "time zone 'soon'" in messages[0]


ZONES = [
    # (declared value, timezone key, the zone kept, words of the warning or None)
    ("2015-12-15T10:00:00+05:30", None, "+05:30", None),
    ("2015-12-15T10:00:00+0530", None, "+05:30", None),
    ("2015-12-15 +14:00", None, "+14:00", None),
    ("2015-12-15 -12:00", None, "-12:00", None),
    ("2015-12-15", "europe/dublin", "Europe/Dublin", None),
    ("2015-12-15", "UTC", "UTC", None),
    ("2015-12-15T10:00:00+99:00", None, None, "'+99:00'"),
    ("2015-12-15T23:30:00+15:00", None, None, "'+15:00'"),
    ("2015-12-15 -13:00", None, None, "'-13:00'"),
    ("2015-12-15 +05:75", None, None, "'+05:75'"),
    ("Tue, 15 Dec 2015 10:00:00 +9900", None, None, "'+99:00'"),
    ("2015-12-15", "Mars/Olympus", None, "'Mars/Olympus'"),
    ("2015-12-15 Mars/Olympus", None, None, "'Mars/Olympus'"),
    ("2015-12-15T10:00:00+99:00", "Europe/Dublin", "Europe/Dublin", "'+99:00'"),
]


@pytest.mark.parametrize(
    ("value", "timezone", "kept", "warning"), ZONES, ids=[f"{z[0]}|{z[1]}" for z in ZONES]
)
def test_invalid_offsets_and_zones_warn_and_keep_the_day(
    value: str, timezone: str | None, kept: str | None, warning: str | None
) -> None:
    claim = DateClaim(
        source=DateSource.FRONT_MATTER, value=value, detail="front matter", timezone=timezone
    )
    published, messages = choose_published([claim])
    assert published.date == D, "the written calendar day is kept"
    assert published.timezone == kept
    if warning is None:
        assert messages == ()
    else:
        (message,) = messages
        assert warning in message and "2015-12-15" in message and "without" in message


def test_an_ambiguous_numeric_date_is_reported_not_guessed() -> None:
    with pytest.raises(InputError, match=r"ambiguous \(3 April 2015 or 4 March 2015\)"):
        parse_date("03/04/2015")


@pytest.mark.parametrize(
    ("order", "day"),
    [("DMY", dt.date(2015, 4, 3)), ("MDY", dt.date(2015, 3, 4))],
)
def test_date_order_decides_an_ambiguous_date(order: str, day: dt.date) -> None:
    assert parse_date("03/04/2015", order) == (day, None)


def test_a_weekday_that_contradicts_the_date_is_an_error() -> None:
    with pytest.raises(InputError, match="names a Thursday, but 15 December 2015 was a Tuesday"):
        parse_date("Thursday 15 December 2015")


def test_how_an_ambiguous_date_was_read_is_kept() -> None:
    claim = DateClaim(source=DateSource.FRONT_MATTER, value="03/04/2015", detail="front matter")
    published, messages = choose_published([claim], date_order="DMY")
    assert published.date == dt.date(2015, 4, 3)
    assert published.detail == "front matter (read day first (date_order = DMY))"
    assert messages == ()


def test_an_ambiguous_claim_falls_back_to_the_next_source() -> None:
    claims = [
        DateClaim(source=DateSource.FRONT_MATTER, value="03/04/2015", detail="front matter"),
        DateClaim(source=DateSource.METADATA, value="2015-04-03", detail="page metadata"),
    ]
    published, messages = choose_published(claims)
    assert published.date == dt.date(2015, 4, 3) and published.source is DateSource.METADATA
    assert any("ambiguous" in m and "date_order" in m for m in messages)
