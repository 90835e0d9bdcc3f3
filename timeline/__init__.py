"""timeline: news articles in, a dated, cross-sourced timeline website out.

The library in three calls (the command line runs the same code):

    import timeline

    found = timeline.extract(["articles/"])           # read, tag, find and merge events
    timeline.build_site(found, "site")                # the static site, as `timeline build`
    timeline.tag("Talks resume on Friday.", published=datetime.date(2015, 12, 16))

Everything listed in `__all__` is the public API; the modules under it are not. spaCy and
the site code load on first use, so `import timeline` stays quick.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path

from timeline.config import Config
from timeline.errors import TimelineError
from timeline.types import (
    Article,
    ArticleResult,
    DateSource,
    DateValue,
    Entity,
    Event,
    EventMention,
    Granularity,
    Published,
    Status,
    Timeline,
    Timex,
)
from timeline.version import __version__

__all__ = [
    "Article",
    "ArticleResult",
    "Config",
    "DateSource",
    "DateValue",
    "Entity",
    "Event",
    "EventMention",
    "Granularity",
    "Published",
    "Status",
    "Timeline",
    "TimelineError",
    "Timex",
    "__version__",
    "build_site",
    "extract",
    "tag",
]


def extract(paths: Iterable[str | Path], config: Config | None = None) -> Timeline:
    """The timeline of the articles in `paths` (files or folders, every supported file
    inside): each input with its status and what was found in it, and the merged events.
    A bad file is reported on its article, never raised; the cache and the executor are
    those of `config` (default `Config()`)."""
    from timeline.pipeline.stages import extract_timeline

    return extract_timeline([Path(p) for p in paths], config)


def build_site(
    found: Timeline, output: str | Path | None = None, config: Config | None = None
) -> Path:
    """Build the static site of `found` into `output` (default `config.output`), as
    `timeline build` does, and return its folder. The build date is `config`'s, else the
    newest publication date; the folder is replaced only when it is absent, empty or a site
    built here, and never when it holds one of `config.inputs` or the cache (raises
    `TimelineError` otherwise)."""
    from timeline.pipeline.stages import build_date
    from timeline.site import SiteOptions
    from timeline.site import build_site as build
    from timeline.site.feed import feed_source

    cfg = config or Config()
    out = Path(cfg.output if output is None else output)
    options = SiteOptions(
        site_name=cfg.title,
        build_date=build_date(cfg, found),
        site_url=cfg.site_url,
        feed_id=cfg.feed_id,
        feed_source=feed_source(Path(p) for p in cfg.inputs),
        strict=cfg.strict,
    )
    pages = Path(cfg.cache_dir) / "pages" if cfg.use_cache else None
    build(found, out, options, cache_dir=pages, inputs=[Path(p) for p in cfg.inputs])
    return out


def tag(text: str, published: dt.date | None = None) -> tuple[Timex, ...]:
    """The temporal expressions of `text`, resolved against its publication date (relative
    ones such as "yesterday" stay unresolved without it), with character offsets into it."""
    from timeline.nlp.load import load_pipeline
    from timeline.nlp.parse import parse_text
    from timeline.timex import tag as tag_doc

    return tag_doc(parse_text(load_pipeline(), text), published).timexes
