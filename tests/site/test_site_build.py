"""The built site: pages, links, reproducibility, safety and structure."""

from __future__ import annotations

import json
import os
from html.parser import HTMLParser
from pathlib import Path

import pytest
from site_timeline import BUILD_DATE, make_timeline

from timeline.errors import PipelineError
from timeline.site import SiteOptions, build_site
from timeline.site import plugin as plugin_module
from timeline.types import Timeline

OUR_SCRIPTS = {"search/main.js", "assets/timeline.js"}


class PageScan(HTMLParser):
    """Collects what the structure and safety checks need from one page.

    The theme's only non-http URL is its empty favicon (`data:,`), which stops browsers
    from requesting /favicon.ico.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.headings: list[int] = []
        self.ids: list[str] = []
        self.scripts: list[str | None] = []
        self.inline_scripts: list[str] = []
        self.handlers: list[tuple[str, str]] = []
        self.bad_urls: list[str] = []
        self.images = 0
        self.times: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.headings.append(int(tag[1]))
        if values.get("id"):
            self.ids.append(values["id"] or "")
        if tag == "script":
            self.scripts.append(values.get("src"))
            self._in_script = "src" not in values
        if tag == "img":
            self.images += 1
        if tag == "time" and values.get("datetime"):
            self.times.append(values["datetime"] or "")
        for name, value in attrs:
            if name.startswith("on"):
                self.handlers.append((tag, name))
            if name in {"href", "src", "action"} and value:
                scheme = value.strip().lower().split(":", 1)[0]
                if ":" in value and scheme not in {"http", "https"} and value != "data:,":
                    self.bad_urls.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.inline_scripts.append(data.strip())


def scan(path: Path) -> PageScan:
    parser = PageScan()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_pages_and_exports_exist(site: Path) -> None:
    for name in (
        "index.html",
        "key-events.html",
        "sources/index.html",
        "entities/index.html",
        "attention.html",
        "search.html",
        "timeline.json",
        "events.json",
        "timeline.ics",
        "feed.xml",
        "report.json",
        "assets/timeline.css",
        "assets/timeline.js",
        "search/search_index.json",
        "search/worker.js",
        "search/lunr.js",
    ):
        assert (site / name).is_file(), name
    for article in ("guardian-2015-12-16", "wire-undated", "broken", "hostile"):
        assert (site / "sources" / f"{article}.html").is_file()
    assert (site / "entities" / "person-vladimir-putin.html").is_file()


def test_timeline_page_lists_every_event_with_its_date(site: Path, timeline: Timeline) -> None:
    page = (site / "index.html").read_text(encoding="utf-8")
    for event in timeline.events:
        assert f'id="{event.id}"' in page
    found = scan(site / "index.html").times
    for value in ("2015-12-15", "2015-12", "2015-W51", "2015"):
        assert value in found
    assert "the 2010s" in page
    assert "2 of 3 sources agree" in page and "2 sources agree" in page
    assert "Conflicting dates" in page
    assert 'href="https://www.bbc.co.uk/news/world-35106447"' in page
    assert 'href="sources/bbc-2015-12-15.html#s-' in page


def test_article_page_highlights_timexes_and_shows_provenance(site: Path) -> None:
    page = (site / "sources" / "guardian-2015-12-16.html").read_text(encoding="utf-8")
    assert 'tabindex="0"' in page and "<mark" in page
    assert '<time datetime="2015-12-15">yesterday</time>' in page
    assert "relative to the publication date" in page
    assert "front-matter" in page and "date: 2015-12-16" in page
    assert 'href="../index.html#ev-meeting"' in page
    start = page.index('id="s-0"')  # the meeting sentence opens the article
    assert page.index("Kerry met Putin", start) > start
    assert 'href="guardian-2015-12-16.html#s-0"' in page  # the part of its page with it


def test_attention_page_gives_reasons(site: Path) -> None:
    page = (site / "attention.html").read_text(encoding="utf-8")
    assert "not UTF-8 text; re-save the file as UTF-8" in page
    assert "no publication date found" in page
    assert "at some point" in page and "Friday" in page
    assert "ev-meeting" in page


def test_search_indexes_one_entry_per_event_at_its_anchor(site: Path, timeline: Timeline) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [d["location"] for d in index["docs"]]
    for event in timeline.events:
        assert locations.count(f"index.html#{event.id}") == 1


def test_structure_one_h1_headings_in_order_unique_ids(site: Path) -> None:
    for path in html_pages(site):
        page = scan(path)
        assert page.headings.count(1) == 1, path
        assert page.headings[0] == 1, path
        for before, after in zip(page.headings, page.headings[1:], strict=False):
            assert after <= before + 1, f"{path}: h{before} then h{after}"
        assert len(page.ids) == len(set(page.ids)), path


def test_hostile_article_is_inert_everywhere(site: Path) -> None:
    for path in html_pages(site):
        page = scan(path)
        assert page.handlers == [], path
        assert page.bad_urls == [], path
        assert page.images == 0, path
        # the error page is served at any missing address: its links start at the site root
        base = site if path.name == "404.html" else path.parent
        scripts = [s.removeprefix("/kerry/") for s in page.scripts if s]
        sources = {os.path.normpath(base / s) for s in scripts if s}
        assert sources <= {str(site / s) for s in OUR_SCRIPTS}, path
        assert all(s.startswith("var base_url = ") for s in page.inline_scripts), path
    for path in sorted(site.rglob("*")):
        if path.is_file() and path.suffix in {".html", ".json", ".xml"}:
            data = path.read_bytes()
            assert b"<script>alert" not in data, path
            assert b"<img src=x" not in data, path
    ics = (site / "timeline.ics").read_text(encoding="utf-8")
    assert "URL:javascript" not in ics  # text values in iCal are plain text, never markup


def _tree(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


def test_two_builds_are_byte_identical(tmp_path: Path, site: Path, options: SiteOptions) -> None:
    other = tmp_path / "elsewhere" / "copy"
    build_site(make_timeline(), other, options)
    first, second = _tree(site), _tree(other)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []
    for name, data in first.items():
        assert str(tmp_path).encode() not in data, name
        assert str(site.parent).encode() not in data, name
        assert b"timeline-mkdocs-" not in data, name


def test_environment_is_restored(tmp_path: Path, timeline: Timeline) -> None:
    options = SiteOptions(build_date=BUILD_DATE)
    before = os.environ.get("SOURCE_DATE_EPOCH")
    build_site(timeline, tmp_path / "site", options)
    assert os.environ.get("SOURCE_DATE_EPOCH") == before


def test_failed_build_leaves_the_previous_site(
    tmp_path: Path, timeline: Timeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "site"
    build_site(timeline, out, SiteOptions(build_date=BUILD_DATE))
    before = _tree(out)

    def broken(*args: object, **kwargs: object) -> str:
        raise PipelineError("template exploded")

    monkeypatch.setattr(plugin_module, "render_partial", broken)
    with pytest.raises(PipelineError, match="template exploded"):
        build_site(timeline, out, SiteOptions(build_date=BUILD_DATE))
    assert _tree(out) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_rebuild_replaces_the_site(tmp_path: Path, timeline: Timeline) -> None:
    out = tmp_path / "site"
    build_site(timeline, out, SiteOptions(build_date=BUILD_DATE))
    (out / "stale.html").write_text("old", encoding="utf-8")
    build_site(timeline, out, SiteOptions(build_date=BUILD_DATE, site_name="Renamed"))
    assert not (out / "stale.html").exists()
    assert "Renamed" in (out / "index.html").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_theme_is_package_data_registered_with_mkdocs() -> None:
    from mkdocs.utils import get_theme_dir

    from timeline.site.render import templates_dir

    root = templates_dir()
    assert Path(get_theme_dir("timeline")) == root
    assert (root / "mkdocs_theme.yml").is_file()
    for name in ("main.html", "search.html", "assets/theme.css", "assets/timeline.css"):
        assert (root / name).is_file(), name
    assert {p.name for p in (root / "partials").glob("*.html")} >= {
        "timeline.html",
        "article.html",
        "attention.html",
        "entities.html",
        "entity.html",
        "key_events.html",
        "sources.html",
    }


def test_sources_list_leaves_out_a_publisher_column_no_article_fills(
    tmp_path: Path, site: Path, timeline: Timeline, options: SiteOptions
) -> None:
    """Records with only text and a date (most research corpora): a column saying
    "Unknown publisher" on every row would push the dates off a phone's screen."""
    import dataclasses

    named = (site / "sources" / "index.html").read_text(encoding="utf-8")
    assert '<th scope="col">Publisher</th>' in named and "None names its publisher" not in named
    bare = tuple(
        dataclasses.replace(r, article=dataclasses.replace(r.article, publisher=None, url=None))
        for r in timeline.results
    )
    out = tmp_path / "bare"
    build_site(dataclasses.replace(timeline, results=bare), out, options)
    listed = (out / "sources" / "index.html").read_text(encoding="utf-8")
    assert '<th scope="col">Publisher</th>' not in listed
    assert "Unknown publisher" not in listed.split("<tbody>", 1)[1]
    assert "None names its publisher." in listed
    rows = listed.split("<tbody>", 1)[1].split("</tbody>", 1)[0].split("<tr")[1:]
    assert rows and all(r.count("<td>") == 4 for r in rows)
