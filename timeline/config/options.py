"""The option table: every setting of a build declared once, with its type, default,
check, help text and command-line flags. The checks of file values, the command-line
flags (`cli.parser`) and the mkdocs plugin's options (`site.plugin_options`) are all made
from these declarations, as mkdocs declares its own options once
(`mkdocs.config.defaults`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import Field, dataclass, field, fields
from typing import Any, TypeVar

from timeline.config.values import (
    EXECUTORS,
    MAX_JOBS,
    check_build_date,
    check_date_order,
    check_executor,
    check_feed_id,
    check_flag,
    check_inputs,
    check_jobs,
    check_megabytes,
    check_name,
    check_site_url,
    parse_date,
)

T = TypeVar("T")


def option(
    default: T,
    check: Callable[[object], Any],
    doc: str,
    *,
    flags: tuple[str, ...] = (),
    build_only: bool = False,
    cli: Mapping[str, Any] | None = None,
    mkdocs: str | None = None,
) -> T:
    """Declare a setting once: its type (the field's annotation), `default`, `check` (raw
    value from a file, a flag or mkdocs.yml -> the value, ValueError with the reason
    otherwise), `doc` (the flag's help), its command-line `flags` (none: a file-only
    setting; `build_only`: only `build` and `check` take it), what argparse needs besides
    (`cli`), and the setting of mkdocs.yml that stands for it in a site of your own
    (`mkdocs`; none: the plugin takes it as an option of its own name)."""
    meta = {
        "check": check,
        "doc": doc,
        "flags": flags,
        "build_only": build_only,
        "cli": cli,
        "mkdocs": mkdocs,
    }
    return field(default=default, metadata=meta)


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """Every option of a build, each declared once here (`option`): the checks of file
    values and flags, the command-line flags themselves (`cli.parser`) and the mkdocs
    plugin's options (`site.plugin_options`) are made from these declarations, and a test
    keeps the README's configuration table listing each.

    `build_date` is the date asked for (a flag, else SOURCE_DATE_EPOCH, else the file);
    `build_date()` below completes it from the articles when none was."""

    title: str = option(
        "Timeline", check_name, "site and timeline title", flags=("--title",), mkdocs="site_name"
    )
    inputs: tuple[str, ...] = option(
        ("seeds",),
        check_inputs,
        "article files or folders (every supported file inside)",
        mkdocs="plugins.timeline.articles",
    )
    output: str = option(
        "site",
        check_name,
        "output folder (default: site); replaced only when absent, empty or a site timeline built",
        flags=("-o", "--output"),
        build_only=True,
        mkdocs="site_dir",
    )
    build_date: dt.date | None = option(
        None,
        check_build_date,
        "date shown as the build date (default: SOURCE_DATE_EPOCH, else config, else the "
        "newest publication date; never the clock)",
        flags=("--build-date",),
        build_only=True,
        cli={"type": parse_date},
    )
    site_url: str | None = option(
        None,
        check_site_url,
        "public URL of the site, for feeds and sitemaps",
        flags=("--site-url",),
        build_only=True,
        mkdocs="site_url",
    )
    feed_id: str | None = option(
        None,
        check_feed_id,
        "the Atom feed's id (default: from title and URL)",
        flags=("--feed-id",),
        build_only=True,
    )
    strict: bool = option(
        False, check_flag, "fail (exit 1) on any warning", flags=("--strict",), mkdocs="strict"
    )
    max_file_mb: float = option(5.0, check_megabytes, "largest input file read, in megabytes")
    cache_dir: str = option(
        ".timeline-cache",
        check_name,
        "per-article extraction cache folder (default: .timeline-cache)",
        flags=("--cache-dir",),
    )
    use_cache: bool = option(
        True, check_flag, "neither read nor write the cache", flags=("--no-cache",)
    )
    jobs: int = option(
        0,
        check_jobs,
        f"parser processes, 0 to {MAX_JOBS} (default 0: decided from the CPU count)",
        flags=("--jobs",),
        cli={"type": int},
    )
    executor: str = option(
        "local",
        check_executor,
        "where extraction runs: here (default) or on Dask distributed",
        flags=("--executor",),
        cli={"choices": EXECUTORS},
    )
    scheduler: str | None = option(
        None,
        check_name,
        "Dask scheduler address (tcp://host:8786); default: a local Dask cluster",
        flags=("--scheduler",),
        cli={"metavar": "ADDRESS"},
    )
    date_order: str | None = option(
        None,
        check_date_order,
        "how to read an all-numeric publication date such as 03/04/2015: DMY, MDY or YMD "
        "(default: such a date is used only when it reads the same every way)",
        flags=("--date-order",),
        cli={"metavar": "ORDER"},
    )


OPTIONS: tuple[Field[Any], ...] = fields(Config)
CHECKS: dict[str, Callable[[object], Any]] = {f.name: f.metadata["check"] for f in OPTIONS}
#: The command-line flag of each setting that has one, for messages.
FLAGS = {f.name: f.metadata["flags"][-1] for f in OPTIONS if f.metadata["flags"]} | {
    "inputs": "PATH"
}
