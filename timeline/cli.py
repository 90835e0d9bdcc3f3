"""Command-line interface: the only module that prints, parses flags and maps errors to exit codes.

Exit codes: 0 success, 1 a failed build or check (including warnings under --strict),
2 bad usage or configuration.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import gc
import json
import logging
import os
import sys
import traceback
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from timeline import __version__
from timeline.config import MAX_JOBS, Config, load_config, parse_date
from timeline.errors import ConfigError, TimelineError
from timeline.model import Article, ArticleResult, Status, Timeline
from timeline.shutdown import Terminated, exit_code, signals_as_exceptions, stop_children

if TYPE_CHECKING:  # the site code loads on use
    from timeline.site.pagecache import PageCache

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
PROGRESS_FROM = 20  # articles to parse before a progress display is worth showing


def _date_arg(text: str) -> Any:
    try:
        return parse_date(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _add_common(parser: argparse.ArgumentParser, *, output: bool = False) -> None:
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="article files or folders (every supported file inside); default: seeds/",
    )
    parser.add_argument("--config", type=Path, help="config file (default: ./timeline.toml)")
    parser.add_argument("--strict", action="store_true", help="fail (exit 1) on any warning")
    parser.add_argument("--title", help="site and timeline title")
    parser.add_argument("-q", "--quiet", action="store_true", help="only print problems")
    parser.add_argument(
        "--cache-dir", help="per-article extraction cache folder (default: .timeline-cache)"
    )
    parser.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    parser.add_argument(
        "--jobs",
        type=int,
        help=f"parser processes, 0 to {MAX_JOBS} (default 0: decided from the CPU count)",
    )
    parser.add_argument(
        "--executor",
        choices=("local", "dask"),
        help="where extraction runs: here (default) or on Dask distributed",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address (tcp://host:8786); default: a local Dask cluster",
    )
    parser.add_argument(
        "--date-order",
        metavar="ORDER",
        help="how to read an all-numeric publication date such as 03/04/2015: DMY, MDY or "
        "YMD (default: such a date is used only when it reads the same every way)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log each stage")
    if output:
        parser.add_argument(
            "-o",
            "--output",
            help="output folder (default: site); replaced only when absent, empty or a site "
            "timeline built",
        )
        parser.add_argument(
            "--build-date",
            type=_date_arg,
            help="date shown as the build date (default: SOURCE_DATE_EPOCH, else config, "
            "else the newest publication date; never the clock)",
        )
        parser.add_argument("--site-url", help="public URL of the site, for feeds and sitemaps")


def make_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline",
        description="Turn news articles about one story into a dated, cross-sourced timeline.",
    )
    parser.add_argument("--version", action="version", version=f"timeline {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = sub.add_parser("build", help="build the static site", description="Build the site.")
    _add_common(build, output=True)

    extract = sub.add_parser(
        "extract",
        help="print the extraction (articles, temporal expressions, events)",
        description="Run the extraction and print it; --json prints the documented JSON shape.",
    )
    _add_common(extract)
    extract.add_argument("--json", action="store_true", help="JSON on stdout (the default)")
    extract.add_argument(
        "--top-dates",
        type=int,
        metavar="K",
        help="key events only: at most K days, ranked by salience, one entry per day",
    )
    extract.add_argument(
        "--sentences-per-date",
        type=int,
        default=1,
        metavar="N",
        help="with --top-dates: the N best sentences of each day, as its mentions (default 1)",
    )
    extract.add_argument(
        "--start", type=_date_arg, help="keep articles published and events dated from this day"
    )
    extract.add_argument(
        "--end", type=_date_arg, help="keep articles published and events dated up to this day"
    )

    check = sub.add_parser(
        "check",
        help="everything a build does, without writing the site",
        description="Read and extract every article and build the site in a work folder that "
        "is then dropped: whatever would fail `build` fails `check`. Exit 1 when a file is "
        "skipped (or, with --strict, has a warning) or the site would not build; exit 2 on "
        "bad usage, configuration or output folder. On GitHub Actions, prints file "
        "annotations.",
    )
    _add_common(check, output=True)

    serve = sub.add_parser(
        "serve",
        help="preview the site with live reload",
        description="Serve the site locally with mkdocs' live-reload server; adding or editing "
        "an article in the folder rebuilds it (only the changed article is parsed again).",
    )
    serve.add_argument(
        "folder", nargs="?", type=Path, default=Path("seeds"), help="articles folder (seeds/)"
    )
    serve.add_argument(
        "-a", "--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT", help="listen address"
    )
    serve.add_argument("--title", help="site title")
    serve.add_argument("-q", "--quiet", action="store_true", help="only print problems")
    serve.add_argument("-v", "--verbose", action="store_true", help="log each stage")

    tag = sub.add_parser(
        "tag",
        help="tag the temporal expressions of one text",
        description="Print the temporal expressions of one raw text as JSON; offsets index the "
        "text exactly as read.",
    )
    tag.add_argument("file", nargs="?", default="-", help="a text file, or - for stdin")
    tag.add_argument("--dct", type=_date_arg, help="publication date YYYY-MM-DD")
    tag.add_argument(
        "--explain", action="store_true", help="one line per expression: anchor and rule"
    )

    ev = sub.add_parser("eval", help="measure accuracy on research data")
    ev_sub = ev.add_subparsers(dest="eval_command", required=True, metavar="BENCHMARK")
    tml = ev_sub.add_parser(
        "timeml",
        help="TempEval-3 scores on TimeML files",
        description="Score the temporal tagger on TimeML (.tml) files as TempEval-3 does.",
    )
    tml.add_argument("paths", nargs="+", type=Path, metavar="PATH", help=".tml files or folders")
    tml.add_argument("--errors", action="store_true", help="list every error")
    tml.add_argument("--out", type=Path, help="write system output as TimeML into this folder")
    tls = ev_sub.add_parser(
        "tls",
        help="timeline summarisation scores (Timeline17 layout)",
        description="For each reference timeline in DIR/timelines/*.json, extract key events "
        "from DIR/articles.jsonl restricted to its span, with as many dates as it has, and "
        "report date F1 and date-aligned ROUGE-1/2 against it, beside the busiest-days baseline."
        " With topics of two or more stories (the folder name up to its first underscore), "
        "also leave one story out at a time: the ranking's weight is chosen on the other "
        "stories and the held-out story scored under it."
        " A DIR without articles.jsonl means every subfolder that has one.",
    )
    tls.add_argument("dirs", nargs="+", type=Path, metavar="DIR", help="topic folders")
    tls.add_argument(
        "--cache-dir", default=".timeline-cache", help="extraction cache (default .timeline-cache)"
    )
    audit = ev_sub.add_parser(
        "events",
        help="a reader's verdicts on a sample of events (the event audit)",
        description="Build every topic of the audit from DATA/<topic>/articles.jsonl and score "
        "its events against the verdicts in AUDIT: worth an entry, date right, text faithful, "
        "merges of one happening, entity pages. Whatever the verdicts do not decide is counted "
        "as pending; --pending writes it out to be judged, --add folds answers back in.",
    )
    audit.add_argument("audit", type=Path, metavar="AUDIT", help="the audit file (JSON lines)")
    audit.add_argument(
        "--data", type=Path, default=Path("../shared/data/t17"), help="folder of the topics"
    )
    audit.add_argument("--topic", action="append", default=[], help="only this topic")
    audit.add_argument("--pending", type=Path, help="write what is left to judge here")
    audit.add_argument("--add", type=Path, help="judged tasks to fold into AUDIT first")
    audit.add_argument(
        "--cache-dir", default=".timeline-cache", help="extraction cache (default .timeline-cache)"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    with _fewer_collections():
        return _main(argv)


def run() -> NoReturn:
    """The `timeline` command: `main`, then a quick exit. A build leaves millions of objects
    behind, and freeing them one by one takes about a second that the OS does at once.
    Every child process has been stopped and every file closed by then; streams and logs
    are flushed here.

    Ctrl-C, SIGTERM and SIGHUP unwind the run like an error, so every cleanup runs; the
    exit code is then 128 plus the signal's number (130 for Ctrl-C). A fault in timeline
    itself prints its traceback and exits 1: never a hang on a process left behind."""
    code = EXIT_FAILED
    try:
        with signals_as_exceptions():
            code = main()
    except (KeyboardInterrupt, Terminated) as stop:
        print(f"timeline: stopped ({stop or 'interrupted'})", file=sys.stderr)
        code = exit_code(stop)
    except Exception:
        traceback.print_exc()
        print("timeline: internal error: this is a fault in timeline, please report it",
              file=sys.stderr)  # fmt: skip
    finally:
        stop_children()
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError):  # a closed pipe (`timeline extract | head`)
            stream.flush()
    os._exit(code)


def _main(argv: Sequence[str] | None) -> int:
    parser = make_parser()
    args = parser.parse_args(argv)
    _setup_logging(getattr(args, "verbose", False), getattr(args, "quiet", False))
    try:
        if args.command == "tag":
            return _cmd_tag(args)
        if args.command == "eval":
            return _cmd_eval(args)
        if args.command == "serve":
            return _cmd_serve(args)
        config = _config(args)
        if args.command == "check":
            return _cmd_check(args, config)
        if args.command == "extract":
            return _cmd_extract(args, config)
        return _cmd_build(args, config)
    except ConfigError as exc:
        for problem in str(exc).splitlines():
            print(f"timeline: config error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    except TimelineError as exc:
        print(f"timeline: {exc}", file=sys.stderr)
        return EXIT_FAILED


@contextlib.contextmanager
def _fewer_collections() -> Iterator[None]:
    """A build makes millions of long-lived objects (cached results, event views, pages) and
    few reference cycles; with the default thresholds the collector walks them again and
    again (a tenth of a warm rebuild). Collecting young objects every 100,000 allocations
    instead of 700 still frees cycles and keeps memory flat (`make bench` shows it)."""
    previous = gc.get_threshold()
    gc.set_threshold(100_000, *previous[1:])
    try:
        yield
    finally:
        gc.set_threshold(*previous)


def _setup_logging(verbose: bool, quiet: bool) -> None:
    level = logging.DEBUG if verbose else logging.WARNING if quiet else logging.INFO
    logging.basicConfig(level=level, format="%(message)s", stream=sys.stderr, force=True)
    # Third-party libraries log chatter at INFO; keep the terminal about the build.
    for noisy in ("mkdocs", "trafilatura", "htmldate", "MARKDOWN", "watchdog"):
        logging.getLogger(noisy).setLevel(logging.WARNING if not verbose else logging.INFO)


def _config(args: argparse.Namespace) -> Config:
    """The file's settings with SOURCE_DATE_EPOCH and the flags over them, each checked."""
    flags: dict[str, object] = {}
    if args.paths:
        flags["inputs"] = tuple(str(p) for p in args.paths)
    if args.strict:
        flags["strict"] = True
    for name in ("title", "cache_dir", "executor", "output", "site_url", "date_order"):
        if getattr(args, name, None) is not None:
            flags[name] = getattr(args, name)
    if getattr(args, "no_cache", False):
        flags["use_cache"] = False
    if getattr(args, "jobs", None) is not None:
        flags["jobs"] = args.jobs
    if getattr(args, "scheduler", None):
        flags["scheduler"] = args.scheduler
        flags.setdefault("executor", "dask")
    if getattr(args, "build_date", None):
        flags["build_date"] = args.build_date
    config = load_config(Path.cwd(), args.config, flags=flags)
    missing = [p for p in config.inputs if not Path(p).exists()]
    if missing:
        raise ConfigError(f"input not found: {', '.join(missing)}")
    return config


def _extract(
    config: Config, *, quiet: bool, meanwhile: Callable[[], None] | None = None
) -> Timeline:
    from timeline.pipeline import extract_timeline

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


class ProgressBar:
    """A bar on a terminal; on a log (CI) a line every 10%, so logs stay readable."""

    def __init__(self, stream: TextIO, *, enabled: bool) -> None:
        self.stream = stream
        self.enabled = enabled
        self.tty = stream.isatty()
        self.shown = -1
        self.drawn = False

    def update(self, done: int, total: int) -> None:
        if not self.enabled or total < PROGRESS_FROM:
            return
        percent = done * 100 // total
        if self.tty:
            filled = percent * 30 // 100
            bar = "#" * filled + "-" * (30 - filled)
            self.stream.write(f"\rparsing [{bar}] {done}/{total} articles")
            self.stream.flush()
            self.drawn = True
        elif percent // 10 > self.shown // 10 or done == total:
            self.stream.write(f"parsed {done}/{total} articles ({percent}%)\n")
        self.shown = percent

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.drawn = False


def _report(articles: Sequence[Article], stream: TextIO, *, quiet: bool) -> None:
    """Terminal summary: counts that add up, then one line per problem naming the file."""
    counts = {s: sum(1 for a in articles if a.status == s) for s in Status}
    from timeline.report import problem_lines

    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for line in problem_lines(articles, annotate=annotate):
        print(line, file=stream)
    if not quiet:
        summary = ", ".join(f"{n} {s}" for s, n in counts.items())
        print(f"{len(articles)} inputs: {summary}", file=stream)


def _failed(articles: Sequence[Article], strict: bool) -> bool:
    bad = {Status.SKIPPED, Status.WARNING} if strict else set()
    return any(a.status in bad for a in articles)


def _cmd_extract(args: argparse.Namespace, config: Config) -> int:
    from timeline.pipeline import restrict
    from timeline.serialize import timeline_to_dict

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
    _report(timeline.articles, sys.stderr, quiet=args.quiet)
    json.dump(timeline_to_dict(timeline), sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return EXIT_FAILED if _failed(timeline.articles, config.strict) else EXIT_OK


def _cmd_check(args: argparse.Namespace, config: Config) -> int:
    return _build(args, config, publish=False)


def _cmd_build(args: argparse.Namespace, config: Config) -> int:
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
    from timeline.pipeline import build_date
    from timeline.site import SiteOptions, build_site

    _report(timeline.articles, sys.stderr, quiet=args.quiet)
    failed = _failed(timeline.articles, config.strict)
    if not publish:
        failed = failed or any(a.status == Status.SKIPPED for a in timeline.articles)
    elif failed:
        print("timeline: --strict: not building because of the problems above", file=sys.stderr)
        return EXIT_FAILED
    options = SiteOptions(
        site_name=config.title,
        build_date=build_date(config, timeline),
        site_url=config.site_url,
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


def _cmd_serve(args: argparse.Namespace) -> int:
    """mkdocs serve on a generated config whose plugin extracts from the watched folder."""
    import yaml
    from mkdocs.commands.serve import serve

    from timeline.site import SiteOptions
    from timeline.site.build import mkdocs_config
    from timeline.site.staging import SERVE_PREFIX, work_folder

    folder = args.folder.resolve()
    if not folder.is_dir():
        raise ConfigError(f"{args.folder}: not a folder of articles")
    config = load_config(Path.cwd())
    with work_folder(SERVE_PREFIX) as work:
        docs_dir = work / "docs"
        docs_dir.mkdir()
        # Only the name is used here: the plugin dates each rebuild from the articles.
        options = SiteOptions(site_name=args.title or config.title, build_date=dt.date.min)
        settings = mkdocs_config(options, docs_dir, work / "site")
        settings["plugins"] = [
            {"search": {"lang": ["en"]}},
            {"timeline": {"prefix": "", "articles": str(folder)}},
        ]
        settings["watch"] = [str(folder)]
        settings["dev_addr"] = args.dev_addr
        config_file = work / "mkdocs.yml"
        config_file.write_text(yaml.safe_dump(settings, sort_keys=True), encoding="utf-8")
        print(f"serving {folder} at http://{args.dev_addr}/ (Ctrl-C stops)", file=sys.stderr)
        # SIGTERM unwinds like Ctrl-C (`run`), so mkdocs and work_folder remove their folders
        serve(str(config_file), livereload=True)
    return EXIT_OK


def _cmd_tag(args: argparse.Namespace) -> int:
    from timeline.nlp import load_pipeline, parse_text
    from timeline.timex import explain, tag

    # Bytes decoded as they are: no newline translation, so offsets index the text as read.
    name = "<stdin>" if args.file == "-" else args.file
    try:
        raw = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
        text = raw.decode("utf-8-sig") if raw.startswith(b"\xef\xbb\xbf") else raw.decode()
    except (OSError, UnicodeDecodeError) as exc:
        print(f"timeline: {name}: cannot read as UTF-8 text: {exc}", file=sys.stderr)
        return EXIT_FAILED
    if args.dct is None:
        print(
            'timeline: no --dct given: relative expressions stay unresolved (value "")',
            file=sys.stderr,
        )
    tagging = tag(parse_text(load_pipeline(), text), args.dct)
    for failure in tagging.failures:  # a fault in a rule: the others are still printed
        print(f"timeline: {name}: {failure.describe()}; please report this", file=sys.stderr)
    timexes = tagging.timexes
    if args.explain:
        for timex in timexes:
            print(explain(timex))
        return EXIT_OK
    rows = [
        {"start": t.start, "end": t.end, "text": t.text, "type": t.type, "value": t.value}
        for t in timexes
    ]
    json.dump(rows, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")
    return EXIT_OK


def _cmd_eval(args: argparse.Namespace) -> int:
    if args.eval_command == "tls":
        return _cmd_eval_tls(args)
    if args.eval_command == "events":
        from timeline.evaluate.audit_run import run_audit

        print(
            run_audit(
                args.audit,
                args.data,
                cache_dir=args.cache_dir,
                topics=args.topic,
                pending=args.pending,
                judged=args.add,
            )
        )
        return EXIT_OK
    from timeline.evaluate.timeml import evaluate, expand_paths, format_report, write_timeml
    from timeline.nlp import load_pipeline

    paths = expand_paths(args.paths)
    if not paths:
        print("timeline: no .tml files found in the given paths", file=sys.stderr)
        return EXIT_USAGE
    report = evaluate(paths, load_pipeline())
    print(format_report(report, errors=args.errors))
    if args.out is not None:
        _write_system_output(paths, args.out, write_timeml)
    return EXIT_OK


def _cmd_eval_tls(args: argparse.Namespace) -> int:
    from timeline.evaluate.crossval import (
        format_cross_validation,
        leave_one_story_out,
        story_of,
    )
    from timeline.evaluate.tls import TlsReport, format_report, prepare_cases, score_case
    from timeline.pipeline import analyse, open_cache

    topics = [
        found
        for folder in args.dirs
        for found in (
            [folder] if (folder / "articles.jsonl").is_file() else sorted(folder.glob("*/"))
        )
        if (found / "articles.jsonl").is_file()
    ]
    if not topics:
        print("timeline: no folder with articles.jsonl in the given paths", file=sys.stderr)
        return EXIT_USAGE
    cache = open_cache(Config(cache_dir=args.cache_dir))

    def extract(articles: Sequence[Article]) -> Sequence[ArticleResult]:
        return analyse(articles, cache)

    cases = [case for topic in topics for case in prepare_cases(topic, extract)]
    print(format_report(TlsReport(scores=tuple(score_case(c) for c in cases))))
    if len({story_of(c.topic) for c in cases}) > 1:
        print()
        print(format_cross_validation(leave_one_story_out(cases)))
    return EXIT_OK


def _write_system_output(paths: Sequence[Path], out: Path, write: Any) -> None:
    from timeline.evaluate.timeml import read_timeml
    from timeline.nlp import load_pipeline
    from timeline.timex import tag_text

    nlp = load_pipeline()
    out.mkdir(parents=True, exist_ok=True)
    for path in paths:
        document = read_timeml(path)
        write(document, tag_text(document.text, document.dct, nlp), out / path.name)


if __name__ == "__main__":
    raise SystemExit(main())
