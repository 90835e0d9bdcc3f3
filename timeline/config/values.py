"""The settings' values: each check turns a raw value (from a file, a flag, the mkdocs
plugin's options or the environment) into the value, or raises ValueError with a reason a
user can act on; and the one rule of the build date (SOURCE_DATE_EPOCH, else the date
asked for, else the newest publication date, never the clock).
"""

from __future__ import annotations

import datetime as dt
import math
import os
import re
from collections.abc import Iterable, Mapping
from urllib.parse import urlsplit

from timeline.errors import ConfigError

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


def shown(raw: object) -> str:
    """A value as the user wrote it, short and on one line, for a message."""
    if isinstance(raw, bool):
        return "true" if raw else "false"
    if isinstance(raw, dt.date):
        return raw.isoformat()
    if isinstance(raw, str) and not raw.strip():
        return f'"{raw}"'  # an empty value is shown as written, not as nothing
    text = raw if isinstance(raw, str) and raw.isprintable() else repr(raw)
    return text if len(text) <= 60 else text[:57] + "..."


def kind_of(raw: object) -> str:
    names = {bool: "true/false", str: "text", int: "a number", float: "a number"}
    names.update({list: "an array", dict: "a table", dt.date: "a date"})
    return next((n for t, n in names.items() if type(raw) is t), type(raw).__name__)


def check_text(raw: object) -> str:
    if not isinstance(raw, str):
        raise ValueError(f"expected text, got {kind_of(raw)}")
    return raw


def check_name(raw: object) -> str:
    text = check_text(raw)
    if not text.strip():
        raise ValueError("must not be empty")
    return text


def check_flag(raw: object) -> bool:
    if not isinstance(raw, bool):
        raise ValueError(f"expected true or false, got {kind_of(raw)}")
    return raw


def check_inputs(raw: object) -> tuple[str, ...]:
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list | tuple) or not all(isinstance(x, str) and x for x in items):
        raise ValueError("expected a list of paths")
    return tuple(items)


def check_jobs(raw: object) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int):
        raise ValueError(f"expected a whole number from 0 to {MAX_JOBS}, got {kind_of(raw)}")
    if not 0 <= raw <= MAX_JOBS:
        raise ValueError(f"expected 0 (decide from the CPU count) to {MAX_JOBS}")
    return raw


def check_megabytes(raw: object) -> float:
    if isinstance(raw, bool) or not isinstance(raw, int | float):
        raise ValueError(f"expected a number of megabytes, got {kind_of(raw)}")
    if not (math.isfinite(raw) and 0 < raw <= MAX_FILE_MB):
        raise ValueError(f"expected a number of megabytes above 0 and up to {MAX_FILE_MB}")
    return float(raw)


def check_date_order(raw: object) -> str:
    text = check_text(raw).strip().upper()
    if text not in DATE_ORDERS:
        raise ValueError(
            f"expected one of {', '.join(DATE_ORDERS)} (day, month, year first in a date "
            "such as 03/04/2015)"
        )
    return text


def check_executor(raw: object) -> str:
    if raw not in EXECUTORS:
        raise ValueError(f"expected one of {', '.join(EXECUTORS)}")
    return str(raw)


def within_build_dates(day: dt.date) -> dt.date:
    if not EARLIEST_BUILD_DATE <= day <= LATEST_BUILD_DATE:
        raise ValueError(
            f"a site can state a build date from {EARLIEST_BUILD_DATE} to {LATEST_BUILD_DATE}"
        )
    return day


def check_build_date(raw: object) -> dt.date:
    if isinstance(raw, dt.datetime):
        raw = raw.date()
    if isinstance(raw, str):
        raw = parse_date(raw)
    if not isinstance(raw, dt.date):
        raise ValueError(f"expected a date YYYY-MM-DD, got {kind_of(raw)}")
    return within_build_dates(raw)


def check_site_url(raw: object) -> str:
    """A public http(s) address, with nothing that would break or leak when published."""
    url = check_text(raw)
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
    text = check_name(raw)
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


def epoch_date(raw: str) -> dt.date:
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
        return epoch_date(raw)
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
            from_file = check_build_date(configured)
        except ValueError as exc:
            problems.append(f"{origin}: build_date = {shown(configured)}: {exc}")
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
