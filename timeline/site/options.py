"""Options for one site build."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True, slots=True, kw_only=True)
class SiteOptions:
    """What the caller decides; `build_date` is required so output never depends on the clock.

    The caller derives `build_date` from SOURCE_DATE_EPOCH, config, or the newest
    publication date. `key_event_ids` names the key events (the plugin's `key_events`);
    when empty, the key-events view shows the key days of the salience ranking.
    """

    site_name: str = "Timeline"
    build_date: dt.date
    site_url: str | None = None
    feed_id: str | None = None  # the Atom feed's id; None: derived from the name and URL
    # without a URL, what tells two sites of one name apart: their inputs (`feed.feed_source`)
    feed_source: str = ""
    key_event_ids: tuple[str, ...] = ()
    strict: bool = False  # an article page that fails to render fails the build
