"""Exports are well-formed and carry the same events as the pages."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from site_timeline import BUILD_DATE

from timeline.site import SiteOptions, context, exports, feed, ical
from timeline.site.dates import parse_value
from timeline.site.links import Links
from timeline.store.serialize import timeline_to_dict
from timeline.types import Status, Timeline

ATOM = "{http://www.w3.org/2005/Atom}"


def test_events_json_is_the_serialized_timeline(site: Path, timeline: Timeline) -> None:
    data = json.loads((site / "events.json").read_text(encoding="utf-8"))
    assert data == json.loads(json.dumps(timeline_to_dict(timeline)))


def test_report_counts_add_up(site: Path, timeline: Timeline) -> None:
    report = json.loads((site / "report.json").read_text(encoding="utf-8"))
    counts = report["counts"]
    assert counts["total"] == len(timeline.results) == len(report["inputs"])
    assert sum(counts[str(s)] for s in Status) == counts["total"]
    assert counts == {"total": 6, "ok": 4, "warning": 1, "skipped": 1}
    skipped = next(i for i in report["inputs"] if i["status"] == "skipped")
    assert skipped["messages"] == ["not UTF-8 text; re-save the file as UTF-8"]
    assert report["build_date"] == BUILD_DATE.isoformat()


def test_timelinejs_keeps_precision_and_escapes_markup(site: Path) -> None:
    data = json.loads((site / "timeline.json").read_text(encoding="utf-8"))
    by_id = {e["unique_id"]: e for e in data["events"]}
    meeting, talks, sanctions = by_id["ev-meeting"], by_id["ev-talks"], by_id["ev-sanctions"]
    assert meeting["start_date"] == {"year": 2015, "month": 12, "day": 15}
    assert meeting["display_date"] == "15 December 2015"
    assert "end_date" not in meeting
    assert talks["start_date"] == {"year": 2015, "month": 12}
    assert talks["display_date"] == "December 2015"
    assert sanctions["start_date"] == {"year": 2010} and sanctions["end_date"] == {"year": 2019}
    assert all("group" not in e for e in data["events"])  # no row per year in the navigator
    hostile = by_id["ev-hostile"]["text"]
    assert "<script" not in hostile["headline"] + hostile["text"]
    assert "&lt;script&gt;" in hostile["headline"]


def _unfold(ics: str) -> list[str]:
    return ics.replace("\r\n ", "").split("\r\n")


def test_ics_is_folded_escaped_and_stable(site: Path) -> None:
    raw = (site / "timeline.ics").read_bytes()
    assert raw.endswith(b"\r\n")
    physical = raw.split(b"\r\n")[:-1]
    assert all(len(line) <= 75 for line in physical)
    assert b"\n" not in raw.replace(b"\r\n", b"")
    lines = _unfold(raw.decode())
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR"
    uids = [line for line in lines if line.startswith("UID:")]
    # day, week and month events only: not the year, the decade or undated ones
    assert sorted(uids) == [
        "UID:ev-hostile@timeline",
        "UID:ev-meeting@timeline",
        "UID:ev-resumed@timeline",
        "UID:ev-talks@timeline",
    ]
    assert lines.count("BEGIN:VEVENT") == lines.count("END:VEVENT") == 4
    assert all(line == "DTSTAMP:20160120T000000Z" for line in lines if line.startswith("DTSTAMP"))
    assert "DTSTART;VALUE=DATE:20151214" in lines and "DTEND;VALUE=DATE:20151221" in lines
    assert all(line.startswith("URL:https://") for line in lines if line.startswith("URL")), (
        "only http(s) URLs"
    )


FOLDS = [
    ("short", "SUMMARY:short"),
    ("ascii-long", "DESCRIPTION:" + "x" * 200),
    ("multibyte-at-boundary", "SUMMARY:" + "é" * 100),
    ("emoji", "SUMMARY:" + "🗞" * 40),
]


@pytest.mark.parametrize("line", [f[1] for f in FOLDS], ids=[f[0] for f in FOLDS])
def test_fold_never_exceeds_75_octets_or_splits_characters(line: str) -> None:
    folded = ical.fold(line)
    parts = folded.split("\r\n")
    assert all(len(p.encode()) <= 75 for p in parts)
    assert folded.replace("\r\n ", "") == line


def test_ics_text_escaping() -> None:
    assert ical.escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_atom_is_well_formed_newest_first(site: Path) -> None:
    root = ET.parse(site / "feed.xml").getroot()
    assert root.tag == f"{ATOM}feed"
    assert root.findtext(f"{ATOM}updated") == "2016-01-20T00:00:00Z"
    entries = root.findall(f"{ATOM}entry")
    links = [e.find(f"{ATOM}link").get("href") for e in entries]  # type: ignore[union-attr]
    assert links[0] == "https://example.org/kerry/index.html#ev-hostile"
    assert links[-1].endswith("#ev-sanctions")
    assert len({e.findtext(f"{ATOM}id") for e in entries}) == len(entries) == 6
    assert all(e.find(f"{ATOM}content").get("type") == "text" for e in entries)  # type: ignore[union-attr]


def test_exports_do_not_depend_on_the_clock(timeline: Timeline) -> None:
    views = context.event_views(timeline)
    one = ical.calendar("t", views, dt.date(2020, 1, 1), Links().absolute)
    two = ical.calendar("t", views, dt.date(2020, 1, 1), Links().absolute)
    assert one == two
    assert exports.report_json(timeline, BUILD_DATE) == exports.report_json(timeline, BUILD_DATE)


def test_atom_keeps_the_newest_entries_only(timeline: Timeline) -> None:
    views = context.event_views(timeline)
    many = tuple(
        dataclasses.replace(
            views[0], id=f"ev-{n:04d}", value=f"20{10 + n // 12:02d}-{1 + n % 12:02d}"
        )
        for n in range(feed.FEED_ENTRIES + 30)
    )
    options = SiteOptions(site_name="t", build_date=BUILD_DATE, site_url="https://x.org/")
    root = ET.fromstring(feed.atom_feed("t", many, options, Links(root="https://x.org/")))
    links = [e.find(f"{ATOM}link") for e in root.findall(f"{ATOM}entry")]
    ids = [link.get("href", "").rsplit("#", 1)[1] for link in links if link is not None]
    assert len(ids) == feed.FEED_ENTRIES
    assert ids[0] == "ev-0129" and "ev-0029" not in ids


def test_timelinejs_keeps_the_key_and_best_attested_events_of_a_big_story() -> None:
    from site_timeline import make_long_timeline

    views = context.event_views(make_long_timeline(exports.TIMELINEJS_EVENTS + 300))
    key = frozenset({views[-1].id})
    data = exports.timelinejs("t", views, key)
    ids = [e["unique_id"] for e in data["events"]]
    dated = [v.id for v in views if parse_value(v.value) is not None]
    assert len(ids) == exports.TIMELINEJS_EVENTS and views[-1].id in ids
    assert ids == [i for i in dated if i in set(ids)]  # still in date order
    kept = {v.id: v.n_sources for v in views if v.id in ids}
    dropped = [v.n_sources for v in views if v.id not in kept and v.id not in key]
    assert min(n for i, n in kept.items() if i not in key) >= max(dropped)


def _feed_id(site: Path) -> str:
    found = ET.parse(site / "feed.xml").getroot().find(f"{ATOM}id")
    assert found is not None and found.text
    return found.text


def test_sites_titled_alike_without_an_address_have_their_own_feed_id(tmp_path: Path) -> None:
    """Two stories built with the default title and no site_url (the usual first use)
    get different feed ids, from their input folders; moving a folder keeps its id."""
    from timeline.cli import main

    article = (
        "---\npublished: 2015-12-15\n---\nJohn Kerry met Vladimir Putin in Moscow on Tuesday.\n"
    )
    for folder in ("haiti", "bpoil", "elsewhere/haiti"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "a.md").write_text(article, encoding="utf-8")

    def build(folder: str, *flags: str) -> str:
        out = tmp_path / "out" / folder
        assert (
            main(["build", str(tmp_path / folder), "-o", str(out), "-q", "--no-cache", *flags]) == 0
        )
        return _feed_id(out)

    haiti, bpoil, moved = build("haiti"), build("bpoil"), build("elsewhere/haiti")
    assert haiti != bpoil
    assert moved == haiti
    assert all(i.startswith("urn:uuid:") for i in (haiti, bpoil))
    # with a public address, the address tells sites apart, wherever the inputs are
    url = ("--site-url", "https://example.org/story/")
    assert build("haiti", *url) == build("bpoil", *url) != haiti
    assert build("haiti", "--feed-id", "tag:example.org,2026:haiti") == "tag:example.org,2026:haiti"
