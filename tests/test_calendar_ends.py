"""Articles published on the calendar's first and last days build like any other: dates
beyond year 9999 or before year 1 stay unresolved, and every later stage (merging, pages,
exports) takes the dates at the very ends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from timeline.cli import main

ARTICLES = {
    "end.md": (
        "9999-12-31",
        "The minister resigned yesterday. The council meets today and votes tomorrow. "
        "The final session will be held on 31 December 9999. The temple was built in the "
        "fourth century BC, and Caesar died in 44 BC.",
    ),
    "start.md": (
        "0001-01-01",
        "The minister resigned yesterday. The council meets today and votes tomorrow. "
        "Talks ended last week and resume next month.",
    ),
}


@pytest.mark.slow
def test_articles_at_the_calendars_ends_build(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, (published, text) in ARTICLES.items():
        (folder / name).write_text(f"---\npublished: {published}\n---\n{text}\n")
    out = tmp_path / "site"
    code = main(["build", str(folder), "-o", str(out), "-q", "--no-cache"])
    assert code == 0
    extraction = json.loads((out / "events.json").read_text())
    values = {(t["article"], t["text"]): t["value"] for t in extraction["timexes"]}
    assert values[("end", "yesterday")] == "9999-12-30"
    assert values[("end", "tomorrow")] == ""  # the day after the calendar's last
    assert values[("end", "31 December 9999")] == "9999-12-31"
    assert values[("end", "the fourth century BC")] == "BC03"
    assert values[("start", "yesterday")] == ""
    assert values[("start", "tomorrow")] == "0001-01-02"
    assert {e["date"] for e in extraction["events"]} >= {"9999-12-31", "0001-01-01"}
    assert all(a["status"] != "warning" or "report" not in " ".join(a["messages"])
               for a in extraction["articles"])  # fmt: skip
    ics = (out / "timeline.ics").read_text()
    assert "DTSTART;VALUE=DATE:00010101" in ics
    assert "DTSTART;VALUE=DATE:99991231" in ics
    page = (out / "sources" / "end.html").read_text()
    assert "the 4th century BC" in page
