"""The command line's flags and subcommands (argparse)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

from timeline.config import OPTIONS, parse_date
from timeline.version import __version__


def _typed(convert: Callable[[str], Any]) -> Callable[[str], Any]:
    """An argparse type that reports a bad value with the checker's own reason."""
    if convert in (int, float, str):  # argparse words these well already
        return convert

    def parse(text: str) -> Any:
        try:
            return convert(text)
        except ValueError as exc:
            raise argparse.ArgumentTypeError(str(exc)) from None

    return parse


_DATE = _typed(parse_date)


def _add_common(parser: argparse.ArgumentParser, *, output: bool = False) -> None:
    """The flags of the commands that read articles: the settings that have one (declared
    with each option in `timeline.config.Config`), and the run's own."""
    parser.add_argument(
        "paths",
        nargs="*",
        type=Path,
        metavar="PATH",
        help="article files or folders (every supported file inside); default: seeds/",
    )
    parser.add_argument("--config", type=Path, help="config file (default: ./timeline.toml)")
    parser.add_argument("-q", "--quiet", action="store_true", help="only print problems")
    parser.add_argument("-v", "--verbose", action="store_true", help="log each stage")
    for option in OPTIONS:
        meta = option.metadata
        if not meta["flags"] or (meta["build_only"] and not output):
            continue
        if isinstance(option.default, bool):  # --strict sets True, --no-cache sets False
            parser.add_argument(
                *meta["flags"],
                dest=option.name,
                action="store_const",
                const=not option.default,
                help=meta["doc"],
            )
            continue
        extra = dict(meta["cli"] or {})
        if "type" in extra:
            extra["type"] = _typed(extra["type"])
        parser.add_argument(*meta["flags"], dest=option.name, help=meta["doc"], **extra)


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
        "--start", type=_DATE, help="keep articles published and events dated from this day"
    )
    extract.add_argument(
        "--end", type=_DATE, help="keep articles published and events dated up to this day"
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
    tag.add_argument("--dct", type=_DATE, help="publication date YYYY-MM-DD")
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
    tml.add_argument(
        "--half",
        choices=("development", "held-out"),
        help="score one half of the documents, split by file name in sorted order: the 1st, "
        "3rd, 5th ... are the development half, the 2nd, 4th ... the held-out half",
    )
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
