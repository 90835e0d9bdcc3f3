"""Options for one site build."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteOptions:
    """What the caller decides; `build_date` is required so output never depends on the clock.

    The caller derives `build_date` from SOURCE_DATE_EPOCH, config, or the newest
    publication date. `key_event_ids` are the events the key-events view lists (the
    plugin's `key_events` option); when empty it lists the events cited by most sources.
    """

    site_name: str = "Timeline"
    build_date: dt.date
    site_url: str | None = None
    key_event_ids: tuple[str, ...] = ()
    strict: bool = False  # an article page that fails to render fails the build
