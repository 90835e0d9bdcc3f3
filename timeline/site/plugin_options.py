"""The mkdocs plugin's options (`plugins: [timeline: {...}]` in mkdocs.yml).

Its own say where the articles are, where the pages go and which events are key. The
rest are the settings of the option table (`timeline.config.options`) that have no mkdocs
setting standing for them: each is made from its declaration there, with the table's
check, so mkdocs.yml and timeline.toml accept the same values and a bad one gets the same
reason. mkdocs declares each of its own options once in the same way
(`mkdocs.config.defaults`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import Field
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c

from timeline.config import OPTIONS

SETTLED = "build_date"
"""The setting checked when it is used, with SOURCE_DATE_EPOCH, which wins over it
(`config.settled_build_date`): both are reported when both are bad, as `timeline build`
reports them."""


class TableOption(base.BaseConfigOption[Any]):
    """A setting of the option table in mkdocs.yml. Unset (None) leaves the table's
    default; a value is checked by the table's own check."""

    def __init__(self, declared: Field[Any]) -> None:
        super().__init__()
        self.declared = declared
        self.default = None
        self.__doc__ = declared.metadata["doc"]

    def run_validation(self, value: object) -> Any:
        if value is None or self.declared.name == SETTLED:
            return value
        try:
            return self.declared.metadata["check"](value)
        except ValueError as exc:
            raise base.ValidationError(str(exc)) from None


TABLE_OPTIONS: tuple[Field[Any], ...] = tuple(o for o in OPTIONS if o.metadata["mkdocs"] is None)
"""The settings of the option table the plugin takes, by their own names."""


class _WithTable(base.Config):  # type: ignore[no-untyped-call]
    """A config class that also takes the table's settings: mkdocs reads a config class's
    options from its attributes when the class is made, so they are set just before."""

    def __init_subclass__(cls) -> None:
        for declared in TABLE_OPTIONS:
            setattr(cls, declared.name, TableOption(declared))
        super().__init_subclass__()  # type: ignore[no-untyped-call]


class TimelinePluginConfig(_WithTable):
    """`plugins: [timeline: {...}]` options for an existing mkdocs site: these, and the
    settings of `TABLE_OPTIONS` (read them as `config[name]`)."""

    articles = c.Optional(c.Type(str))  # folder or file of articles, relative to mkdocs.yml
    prefix = c.Type(str, default="timeline")  # folder of the generated pages in the site
    key_events = c.Type(list, default=[])  # event ids for the key-events view


def table_settings(options: Mapping[str, Any]) -> dict[str, Any]:
    """The table's settings given in mkdocs.yml (checked), by name; `SETTLED` aside."""
    return {
        o.name: options[o.name]
        for o in TABLE_OPTIONS
        if o.name != SETTLED and options.get(o.name) is not None
    }
