"""Configuration: defaults, then `timeline.toml` or `[tool.timeline]`, then command-line flags.

Every problem in a config file is reported at once, so a user fixes them in one pass.
"""

from __future__ import annotations

import datetime as dt
import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from timeline.errors import ConfigError

CONFIG_FILE = "timeline.toml"
EXECUTORS = ("local", "dask")


@dataclass(frozen=True, slots=True, kw_only=True)
class Config:
    """Every option of a build; each field is documented in the README's config reference."""

    title: str = "Timeline"
    inputs: tuple[str, ...] = ("seeds",)
    output: str = "site"
    build_date: dt.date | None = None
    site_url: str | None = None
    strict: bool = False
    max_file_mb: float = 5.0
    cache_dir: str = ".timeline-cache"
    use_cache: bool = True
    jobs: int = 0
    executor: str = "local"
    scheduler: str | None = None


_FIELD_TYPES: dict[str, type] = {
    "title": str,
    "inputs": list,
    "output": str,
    "build_date": dt.date,
    "site_url": str,
    "strict": bool,
    "max_file_mb": float,
    "cache_dir": str,
    "use_cache": bool,
    "jobs": int,
    "executor": str,
    "scheduler": str,
}


def load_config(directory: Path, explicit: Path | None = None) -> Config:
    """Read `timeline.toml` (or `[tool.timeline]` in pyproject.toml) from `directory`.

    An explicit path must exist; the implicit ones are optional.
    """
    if explicit is not None:
        if not explicit.is_file():
            raise ConfigError(f"{explicit}: config file not found")
        return _from_table(_read_toml(explicit), str(explicit))
    candidate = directory / CONFIG_FILE
    if candidate.is_file():
        return _from_table(_read_toml(candidate), str(candidate))
    pyproject = directory / "pyproject.toml"
    if pyproject.is_file():
        table = _read_toml(pyproject).get("tool", {}).get("timeline")
        if isinstance(table, dict):
            return _from_table(table, f"{pyproject} [tool.timeline]")
    return Config()


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from exc


def _from_table(table: Mapping[str, Any], origin: str) -> Config:
    known = {f.name for f in fields(Config)}
    problems: list[str] = []
    values: dict[str, Any] = {}
    for key, raw in table.items():
        name = key.replace("-", "_")
        if name not in known:
            problems.append(f"unknown key {key!r} (known: {', '.join(sorted(known))})")
            continue
        try:
            values[name] = _coerce(name, raw)
        except ValueError as exc:
            problems.append(f"{key}: {exc}")
    if problems:
        raise ConfigError(f"{origin}: " + "; ".join(problems))
    return replace(Config(), **values)


def _coerce(name: str, raw: Any) -> Any:
    expected = _FIELD_TYPES[name]
    if expected is dt.date:
        if isinstance(raw, dt.datetime):
            return raw.date()
        if isinstance(raw, dt.date):
            return raw
        if isinstance(raw, str):
            return parse_date(raw)
        raise ValueError("expected a date YYYY-MM-DD")
    if expected is list:
        if isinstance(raw, str):
            return (raw,)
        if isinstance(raw, list) and all(isinstance(x, str) for x in raw):
            return tuple(raw)
        raise ValueError("expected a list of paths")
    if expected is float and isinstance(raw, int | float) and not isinstance(raw, bool):
        if raw <= 0:
            raise ValueError("expected a positive number")
        return float(raw)
    if name == "executor" and raw not in EXECUTORS:
        raise ValueError(f"expected one of {', '.join(EXECUTORS)}")
    if isinstance(raw, expected):
        return raw
    raise ValueError(f"expected {expected.__name__}, got {type(raw).__name__}")


def parse_date(text: str) -> dt.date:
    """Parse YYYY-MM-DD strictly, with a message a user can act on."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a valid date (expected YYYY-MM-DD)") from None


def source_date_epoch(environ: Mapping[str, str] | None = None) -> dt.date | None:
    """The reproducible-builds date from SOURCE_DATE_EPOCH, in UTC, if set."""
    env = os.environ if environ is None else environ
    raw = env.get("SOURCE_DATE_EPOCH")
    if not raw:
        return None
    try:
        return dt.datetime.fromtimestamp(int(raw), tz=dt.UTC).date()
    except (ValueError, OverflowError, OSError) as exc:
        raise ConfigError(f"SOURCE_DATE_EPOCH={raw!r} is not a Unix timestamp") from exc
