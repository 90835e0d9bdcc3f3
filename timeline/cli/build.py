"""The commands that read articles: `extract`, `build` and `check`, and the configuration
they share (file settings, SOURCE_DATE_EPOCH and flags)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from timeline.cli.report import EXIT_FAILED, EXIT_OK, ProgressBar, has_failed, print_report
from timeline.config import OPTIONS, Config, load_config
from timeline.errors import ConfigError
from timeline.types import Status, Timeline

if TYPE_CHECKING:  # the site code loads on use
    from timeline.site.pagecache import PageCache


def config_from_args(args: argparse.Namespace) -> Config:
    """The file's settings with SOURCE_DATE_EPOCH and the flags over them, each checked."""
    flags: dict[str, object] = {
        option.name: getattr(args, option.name)
        for option in OPTIONS
        if getattr(args, option.name, None) is not None
    }
    if args.paths:
        flags["inputs"] = tuple(str(p) for p in args.paths)
    if flags.get("scheduler"):  # a scheduler means Dask, unless the executor is named
        flags.setdefault("executor", "dask")
    config = load_config(Path.cwd(), args.config, flags=flags)
    missing = [p for p in config.inputs if not Path(p).exists()]
    if missing:
        raise ConfigError(f"input not found: {', '.join(missing)}")
    return config


def _extract(
    config: Config, *, quiet: bool, meanwhile: Callable[[], None] | None = None
) -> Timeline:
    from timeline.pipeline.stages import extract_timeline

    bar = ProgressBar(sys.stderr, enabled=not quiet)
    paths = [Path(p) for p in config.inputs]
    try:
        return extract_timeline(paths, config, progress=bar.update, meanwhile=meanwhile)
    finally:
        bar.close()


def _prepare_site(config: Config, opened: list[PageCache]) -> None:
    """Load the site code, compile its templates and open the page cache: a rebuild does
    this while the new articles are parsed in a helper process, so it costs no time."""
    from timeline.site import SiteOptions
    from timeline.site.build import open_page_cache
    from timeline.site.render import compile_partials

    compile_partials()
    if config.use_cache:
        # the build date is not known yet, and the page cache does not depend on it
        options = SiteOptions(
            site_name=config.title, build_date=dt.date.min, site_url=config.site_url
        )
        opened.append(open_page_cache(options, Path(config.cache_dir) / "pages"))


def cmd_extract(args: argparse.Namespace, config: Config) -> int:
    from timeline.pipeline.stages import restrict
    from timeline.store.serialize import timeline_to_dict

    if (args.top_dates is not None and args.top_dates < 1) or args.sentences_per_date < 1:
        raise ConfigError("--top-dates and --sentences-per-date take a positive number")
    if args.start and args.end and args.start > args.end:
        raise ConfigError(f"--start {args.start} is after --end {args.end}")
    timeline = _extract(config, quiet=args.quiet)
    if args.top_dates is not None or args.start or args.end:
        timeline = restrict(
            timeline,
            start=args.start,
            end=args.end,
            top_dates=args.top_dates,
            sentences_per_date=args.sentences_per_date,
        )
    print_report(timeline.articles, sys.stderr, quiet=args.quiet)
    json.dump(timeline_to_dict(timeline), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return EXIT_FAILED if has_failed(timeline.articles, config.strict) else EXIT_OK


def cmd_check(args: argparse.Namespace, config: Config) -> int:
    return _build(args, config, publish=False)


def cmd_build(args: argparse.Namespace, config: Config) -> int:
    return _build(args, config, publish=True)


def _build(args: argparse.Namespace, config: Config, *, publish: bool) -> int:
    """`build`, and `check` (publish=False): one code path, so that whatever would fail a
    build fails check. Check reads and extracts every article (using the cache) and builds
    the site with all its checks in a work folder, which it then drops; it writes no output.
    Check also fails when a file would be skipped."""
    from timeline.site.output import check_output

    inputs = [Path(p) for p in config.inputs]
    cache = Path(config.cache_dir) if config.use_cache else None
    check_output(config.output, inputs=inputs, cache_dir=cache)  # before minutes of work
    opened: list[PageCache] = []
    timeline = _extract(config, quiet=args.quiet, meanwhile=lambda: _prepare_site(config, opened))
    from timeline.pipeline.stages import build_date
    from timeline.site import SiteOptions, build_site
    from timeline.site.feed import feed_source

    print_report(timeline.articles, sys.stderr, quiet=args.quiet)
    failed = has_failed(timeline.articles, config.strict)
    if not publish:
        failed = failed or any(a.status == Status.SKIPPED for a in timeline.articles)
    elif failed:
        print("timeline: --strict: not building because of the problems above", file=sys.stderr)
        return EXIT_FAILED
    options = SiteOptions(
        site_name=config.title,
        build_date=build_date(config, timeline),
        site_url=config.site_url,
        feed_id=config.feed_id,
        feed_source=feed_source(inputs),
        strict=config.strict,
    )
    out = Path(config.output)
    pages = cache / "pages" if cache is not None else None
    page_cache = next(iter(opened), None)
    build_site(
        timeline,
        out,
        options,
        cache_dir=pages,
        page_cache=page_cache,
        inputs=inputs,
        publish=publish,
    )
    if not args.quiet:
        done = f"built {out}/" if publish else f"checked: the site for {out}/ builds"
        print(f"{done} with {len(timeline.events)} events", file=sys.stderr)
    return EXIT_FAILED if failed else EXIT_OK
