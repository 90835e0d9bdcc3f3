"""Configuration: defaults, then `timeline.toml` or `[tool.timeline]`, then SOURCE_DATE_EPOCH
(the build date only), then command-line flags.

Every value is checked here, once, so a bad one is a config error (exit 2) and never a
traceback further on; every problem is reported at once, each naming the setting and
where it came from (the file, the flag, the environment variable), so a user fixes them
in one pass. The limits are documented in the README's configuration table.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import fields, replace
from pathlib import Path
from typing import Any

from timeline.config.options import CHECKS, FLAGS, OPTIONS, Config, option
from timeline.config.values import (
    DATE_ORDERS,
    build_date,
    kind_of,
    parse_date,
    settled_build_date,
    shown,
    source_date_epoch,
)
from timeline.errors import ConfigError

__all__ = [
    "DATE_ORDERS",
    "FLAGS",
    "OPTIONS",
    "Config",
    "build_date",
    "load_config",
    "option",
    "parse_date",
    "settled_build_date",
    "source_date_epoch",
]

CONFIG_FILE = "timeline.toml"


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
            values[name] = CHECKS[name](raw)
        except ValueError as exc:
            problems.append(f"{FLAGS.get(name, name)} {shown(raw)}: {exc}")
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
        problems.append(f"{origin}: expected a table of settings, got {kind_of(table)}")
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
                f"{origin}: unknown key {shown(key)} (known: {', '.join(sorted(known))})"
            )
            continue
        if name == "build_date":  # checked with SOURCE_DATE_EPOCH, which wins over it
            values[name] = raw
            continue
        try:
            values[name] = CHECKS[name](raw)
        except ValueError as exc:
            problems.append(f"{origin}: {key} = {shown(raw)}: {exc}")
    return values
