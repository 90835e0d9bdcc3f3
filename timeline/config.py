"""Configuration: defaults, then `timeline.toml` or `[tool.timeline]`, then SOURCE_DATE_EPOCH
(the build date only), then command-line flags.

Every value is checked here, once, so a bad one is a config error (exit 2) and never a
traceback further on; every problem is reported at once, each naming the setting and
where it came from (the file, the flag, the environment variable), so a user fixes them
in one pass. The limits are documented in the README's configuration table.
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import Field, dataclass, field, fields, replace
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urlsplit

from timeline.errors import ConfigError

CONFIG_FILE = "timeline.toml"
EXECUTORS = ("local", "dask")
#: Values of `date_order`: how an all-numeric publication date ("03/04/2015") is read.
DATE_ORDERS = ("DMY", "MDY", "YMD")
#: Parser processes: each holds a spaCy model (a few hundred MB), so more is never faster.
MAX_JOBS = 32
#: Largest accepted `max_file_mb`: an article is text; a gigabyte of it is a mistake.
MAX_FILE_MB = 1024
#: The dates a site can state it was built: mkdocs stamps the gzipped sitemap with the
#: build date, and a gzip header holds seconds since 1970 in 32 bits.
EARLIEST_BUILD_DATE = dt.date(1970, 1, 1)
LATEST_BUILD_DATE = dt.date(2106, 2, 7)
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_LATEST_EPOCH = int((dt.datetime(2106, 2, 8, tzinfo=dt.UTC) - _EPOCH).total_seconds()) - 1
T = TypeVar("T")


def _shown(raw: object) -> str:
    """A value as the user wrote it, short and on one line, for a message."""
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if isinstance(raw, str) and not raw.strip():
        return f'"{raw}"'  # an empty value is shown as written, not as nothing
    text = raw if isinstance(raw, str) and raw.isprintable() else repr(raw)
    return text if len(text) <= 60 else text[:57] + "..."


def _kind(raw: object) -> str:
    names = {bool: "true/false", str: "text", int: "a number", float: "a number"}
    names.update({list: "an array", dict: "a table", dt.date: "a date"})
    return next((n for t, n in names.items() if type(raw) is t), type(raw).__name__)


def _text(raw: object) -> str:
    if not isinstance(raw, str):
        raise ValueError(f"expected text, got {_kind(raw)}")
    return raw


def _name(raw: object) -> str:
    text = _text(raw)
    if not text.strip():
        raise ValueError("must not be empty")
    return text


def _flag(raw: object) -> bool:
    if not isinstance(raw, bool):
        raise ValueError(f"expected true or false, got {_kind(raw)}")
    return raw


def _inputs(raw: object) -> tuple[str, ...]:
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list | tuple) or not all(isinstance(x, str) and x for x in items):
        raise ValueError("expected a list of paths")
    return tuple(items)


def _jobs(raw: object) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise ValueError(f"expected a whole number from 0 to {MAX_JOBS}, got {_kind(raw)}")
    if not 0 <= raw <= MAX_JOBS:
        raise ValueError(f"expected 0 (decide from the CPU count) to {MAX_JOBS}")
    return raw


def _megabytes(raw: object) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise ValueError(f"expected a number of megabytes, got {_kind(raw)}")
    if not (math.isfinite(raw) and 0 < raw <= MAX_FILE_MB):
        raise ValueError(f"expected a number of megabytes above 0 and up to {MAX_FILE_MB}")
    return float(raw)


def _date_order(raw: object) -> str:
    text = _text(raw).strip().upper()
    if text not in DATE_ORDERS:
        raise ValueError(
            f"expected one of {', '.join(DATE_ORDERS)} (day, month, year first in a date "
            "such as 03/04/2015)"
        )
    return text


def _executor(raw: object) -> str:
    if raw not in EXECUTORS:
        raise ValueError(f"expected one of {', '.join(EXECUTORS)}")
    return str(raw)


def check_build_date(day: dt.date) -> dt.date:
    if not EARLIEST_BUILD_DATE <= day <= LATEST_BUILD_DATE:
        raise ValueError(
            f"a site can state a build date from {EARLIEST_BUILD_DATE} to {LATEST_BUILD_DATE}"
        )
    return day


def _build_date(raw: object) -> dt.date:
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, str):
        raw = parse_date(raw)
    if not isinstance(raw, dt.date):
        raise ValueError(f"expected a date YYYY-MM-DD, got {_kind(raw)}")
    return check_build_date(raw)


def check_site_url(raw: object) -> str:
    """A public http(s) address, with nothing that would break or leak when published."""
    url = _text(raw)
    if not url.isprintable() or any(c.isspace() for c in url) or set(url) & set("\"'<>\\`"):
        raise ValueError("a URL has no spaces, quotes, angle brackets or control characters")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for a port that is not a number)
    except ValueError as exc:
        raise ValueError(f"not a URL ({exc})") from None
    if parts.scheme.lower() not in {"http", "https"} or not parts.hostname:
        raise ValueError("expected an http:// or https:// address such as https://example.org/")
    if parts.username is not None or parts.password is not None:
        raise ValueError("a public URL must not carry a user name or password")
    if parts.query or parts.fragment:
        raise ValueError("expected the site's base address, without ?query or #fragment")
    return url


def check_feed_id(raw: object) -> str:
    """An Atom id is an IRI that never changes (RFC 4287 4.2.6): `urn:uuid:...`, a `tag:`
    URI or an http(s) address."""
    text = _name(raw)
    if not text.isprintable() or any(c.isspace() for c in text) or set(text) & set("\"'<>\\`"):
        raise ValueError("an id has no spaces, quotes, angle brackets or control characters")
    scheme, colon, rest = text.partition(":")
    if not colon or not rest or not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.-]*", scheme):
        raise ValueError("expected an IRI such as urn:uuid:..., tag:example.org,2026:story")
    return text


def parse_date(text: str) -> dt.date:
    """Parse YYYY-MM-DD strictly, with a message a user can act on."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a valid date (expected YYYY-MM-DD)") from None


def option(
    default: T,
    check: Callable[[object], Any],
    doc: str,
    *,
    flags: tuple[str, ...] = (),
    build_only: bool = False,
    cli: Mapping[str, Any] | None = None,
) -> T:
    """Declare a setting once: its type (the field's annotation), `default`, `check` (raw
    value from a file or a flag -> the value, ValueError with the reason otherwise), `doc`
    (the flag's help), its command-line `flags` (none: a file-only setting; `build_only`:
    only `build` and `check` take it) and what argparse needs besides (`cli`)."""
    meta = {"check": check, "doc": doc, "flags": flags, "build_only": build_only, "cli": cli}
    return field(default=default, metadata=meta)


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """Every option of a build, each declared once here (`option`): the checks of file
    values and flags and the command-line flags themselves (`cli.parser`) are made from
    these declarations, and a test keeps the README's configuration table listing each.

    `build_date` is the date asked for (a flag, else SOURCE_DATE_EPOCH, else the file);
    `build_date()` below completes it from the articles when none was."""

    title: str = option("Timeline", _name, "site and timeline title", flags=("--title",))
    inputs: tuple[str, ...] = option(
        ("seeds",), _inputs, "article files or folders (every supported file inside)"
    )
    output: str = option(
        "site",
        _name,
        "output folder (default: site); replaced only when absent, empty or a site timeline built",
        flags=("-o", "--output"),
        build_only=True,
    )
    build_date: dt.date | None = option(
        None,
        _build_date,
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
    )
    feed_id: str | None = option(
        None,
        check_feed_id,
        "the Atom feed's id (default: from title and URL)",
        flags=("--feed-id",),
        build_only=True,
    )
    strict: bool = option(False, _flag, "fail (exit 1) on any warning", flags=("--strict",))
    max_file_mb: float = option(5.0, _megabytes, "largest input file read, in megabytes")
    cache_dir: str = option(
        ".timeline-cache",
        _name,
        "per-article extraction cache folder (default: .timeline-cache)",
        flags=("--cache-dir",),
    )
    use_cache: bool = option(True, _flag, "neither read nor write the cache", flags=("--no-cache",))
    jobs: int = option(
        0,
        _jobs,
        f"parser processes, 0 to {MAX_JOBS} (default 0: decided from the CPU count)",
        flags=("--jobs",),
        cli={"type": int},
    )
    executor: str = option(
        "local",
        _executor,
        "where extraction runs: here (default) or on Dask distributed",
        flags=("--executor",),
        cli={"choices": EXECUTORS},
    )
    scheduler: str | None = option(
        None,
        _name,
        "Dask scheduler address (tcp://host:8786); default: a local Dask cluster",
        flags=("--scheduler",),
        cli={"metavar": "ADDRESS"},
    )
    date_order: str | None = option(
        None,
        _date_order,
        "how to read an all-numeric publication date such as 03/04/2015: DMY, MDY or YMD "
        "(default: such a date is used only when it reads the same every way)",
        flags=("--date-order",),
        cli={"metavar": "ORDER"},
    )


OPTIONS: tuple[Field[Any], ...] = fields(Config)
_CHECKS: dict[str, Callable[[object], Any]] = {f.name: f.metadata["check"] for f in OPTIONS}
#: The command-line flag of each setting that has one, for messages.
FLAGS = {f.name: f.metadata["flags"][-1] for f in OPTIONS if f.metadata["flags"]} | {
    "inputs": "PATH"
}


def _epoch_date(raw: str) -> dt.date:
    text = raw.strip() if raw.strip() == raw else ""  # no stray spaces: a typo, not a number
    if not (text.isascii() and text.isdigit()):
        raise ValueError("expected whole seconds since 1970-01-01 UTC, as `date +%s` prints")
    if int(text) > _LATEST_EPOCH:
        raise ValueError(f"it is after {LATEST_BUILD_DATE}, the latest build date a site can state")
    return (_EPOCH + dt.timedelta(seconds=int(text))).date()


def source_date_epoch(environ: Mapping[str, str] | None = None) -> dt.date | None:
    """The reproducible-builds date from SOURCE_DATE_EPOCH, in UTC, if set."""
    env = os.environ if environ is None else environ
    raw = env.get("SOURCE_DATE_EPOCH")
    if not raw:
        return None
    try:
        return _epoch_date(raw)
    except ValueError as exc:
        raise ConfigError(f"SOURCE_DATE_EPOCH={raw!r}: {exc}") from None


def settled_build_date(
    configured: object, origin: str, environ: Mapping[str, str] | None = None
) -> dt.date | None:
    """The build date asked for when there is no flag: SOURCE_DATE_EPOCH, else the date
    set in a file (`configured`, from `origin`). The one rule of the CLI and the plugin;
    both values are checked, so a bad one is reported even when the other wins."""
    problems: list[str] = []
    from_file = None
    if configured not in (None, ""):
        try:
            from_file = _build_date(configured)
        except ValueError as exc:
            problems.append(f"{origin}: build_date = {_shown(configured)}: {exc}")
    try:
        from_env = source_date_epoch(environ)
    except ConfigError as exc:
        problems.append(str(exc))
    if problems:
        raise ConfigError("\n".join(problems))
    return from_env or from_file


def build_date(configured: dt.date | None, published: Iterable[dt.date | None]) -> dt.date:
    """The date a site states it was built: the one asked for, else the newest publication
    date, brought into the dates a site can state. Never the clock."""
    if configured is not None:
        return configured
    newest = max((d for d in published if d is not None), default=EARLIEST_BUILD_DATE)
    return min(max(newest, EARLIEST_BUILD_DATE), LATEST_BUILD_DATE)


def load_config(
    directory: Path,
    explicit: Path | None = None,
    *,
    flags: Mapping[str, object] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Config:
    """The settings of a run: defaults, then `timeline.toml` (or `[tool.timeline]` in
    pyproject.toml) from `directory` or the `explicit` file, then SOURCE_DATE_EPOCH from
    `environ` (default: the process environment), then `flags` (setting name -> value).

    Raises ConfigError listing every problem, one per line."""
    problems: list[str] = []
    values: dict[str, Any] = {}
    table, origin = _find_table(directory, explicit, problems)
    values.update(_check_table(table, origin, problems))
    try:
        values["build_date"] = settled_build_date(values.pop("build_date", None), origin, environ)
    except ConfigError as exc:
        problems.extend(str(exc).splitlines())
    for name, raw in (flags or {}).items():
        try:
            values[name] = _CHECKS[name](raw)
        except ValueError as exc:
            problems.append(f"{FLAGS.get(name, name)} {_shown(raw)}: {exc}")
    if problems:
        raise ConfigError("\n".join(problems))
    return replace(Config(), **values)


def _display(path: Path) -> str:
    """A config file's name as messages show it: relative to the working folder if inside."""
    try:
        return str(path.absolute().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _find_table(
    directory: Path, explicit: Path | None, problems: list[str]
) -> tuple[Mapping[str, Any], str]:
    if explicit is not None:
        if not explicit.is_file():
            problems.append(f"{explicit}: config file not found")
            return {}, str(explicit)
        return _read_toml(explicit, problems), _display(explicit)
    candidate = directory / CONFIG_FILE
    if candidate.is_file():
        return _read_toml(candidate, problems), _display(candidate)
    pyproject = directory / "pyproject.toml"
    origin = f"{_display(pyproject)} [tool.timeline]"
    if not pyproject.is_file():
        return {}, origin
    tool = _read_toml(pyproject, problems).get("tool")
    table = tool.get("timeline") if isinstance(tool, dict) else None
    if table is not None and not isinstance(table, dict):
        problems.append(f"{origin}: expected a table of settings, got {_kind(table)}")
        return {}, origin
    return table or {}, origin


def _read_toml(path: Path, problems: list[str]) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except UnicodeDecodeError as exc:
        byte = exc.object[exc.start]
        problems.append(
            f"{_display(path)}: cannot read config: not UTF-8 text (byte {byte:#04x} at offset "
            f"{exc.start}); a config file is TOML text"
        )
    except (OSError, tomllib.TOMLDecodeError) as exc:
        problems.append(f"{_display(path)}: cannot read config: {exc}")
    except RecursionError:
        problems.append(f"{_display(path)}: cannot read config: nested too deeply")
    return {}


def _check_table(table: Mapping[str, Any], origin: str, problems: list[str]) -> dict[str, Any]:
    known = {f.name for f in fields(Config)}
    values: dict[str, Any] = {}
    for key, raw in table.items():
        name = key.replace("-", "_")
        if name not in known:
            problems.append(
                f"{origin}: unknown key {_shown(key)} (known: {', '.join(sorted(known))})"
            )
            continue
        if name == "build_date":  # checked with SOURCE_DATE_EPOCH, which wins over it
            values[name] = raw
            continue
        try:
            values[name] = _CHECKS[name](raw)
        except ValueError as exc:
            problems.append(f"{origin}: {key} = {_shown(raw)}: {exc}")
    return values
