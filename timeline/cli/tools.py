"""The commands around a build: `serve` (live preview), `tag` (the temporal tagger on one
text) and `eval` (TempEval-3, Timeline17, the event audit)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from timeline.cli.report import EXIT_FAILED, EXIT_OK, EXIT_USAGE
from timeline.config import Config, load_config
from timeline.errors import ConfigError
from timeline.types import Article, ArticleResult


def cmd_serve(args: argparse.Namespace) -> int:
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


def cmd_tag(args: argparse.Namespace) -> int:
    from timeline.nlp.load import load_pipeline
    from timeline.nlp.parse import parse_text
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


def cmd_eval(args: argparse.Namespace) -> int:
    if args.eval_command == "tls":
        return _eval_tls(args)
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
    from timeline.evaluate.timeml import (
        evaluate,
        expand_paths,
        format_report,
        split_half,
        write_timeml,
    )
    from timeline.nlp.load import load_pipeline

    paths = expand_paths(args.paths)
    if args.half:
        paths = split_half(paths, args.half)
    if not paths:
        print("timeline: no .tml files found in the given paths", file=sys.stderr)
        return EXIT_USAGE
    report = evaluate(paths, load_pipeline())
    print(format_report(report, errors=args.errors))
    if args.out is not None:
        _write_system_output(paths, args.out, write_timeml)
    return EXIT_OK


def _eval_tls(args: argparse.Namespace) -> int:
    from timeline.evaluate.crossval import (
        format_cross_validation,
        leave_one_story_out,
        story_of,
    )
    from timeline.evaluate.tls import format_report, prepare_cases, score_cases
    from timeline.pipeline.stages import analyse, open_cache

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
    print(format_report(score_cases(cases)))
    if len({story_of(c.topic) for c in cases}) > 1:
        print()
        print(format_cross_validation(leave_one_story_out(cases)))
    return EXIT_OK


def _write_system_output(paths: Sequence[Path], out: Path, write: Any) -> None:
    from timeline.evaluate.timeml import read_timeml
    from timeline.nlp.load import load_pipeline
    from timeline.timex import tag_text

    nlp = load_pipeline()
    out.mkdir(parents=True, exist_ok=True)
    for path in paths:
        document = read_timeml(path)
        write(document, tag_text(document.text, document.dct, nlp), out / path.name)
