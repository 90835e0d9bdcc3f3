"""Time zones and UTC offsets as articles declare them: which ones are real.

A zone name must be in the tz database, read from the `tzdata` package (pinned, like every
library that shapes output) rather than from the system, so the same input gives the same
verdict on every machine. An offset must be one in use on Earth: from -12:00 to +14:00.
A publication date is kept whatever the verdict; only its zone can be dropped.
"""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

__all__ = ["check_zone", "format_offset"]

_OFFSET = re.compile(r"^([+-])(\d{2}):?(\d{2})$")
_UTC = {"z": "+00:00", "utc": "UTC", "gmt": "GMT"}
EARLIEST_OFFSET, LATEST_OFFSET = -12 * 60, 14 * 60


@cache
def _zone_names() -> dict[str, str]:
    """Every tz database name (with the old links such as US/Eastern), by lowercase name."""
    names = resources.files("tzdata").joinpath("zones").read_text(encoding="utf-8").split()
    return {name.lower(): name for name in names}


def format_offset(minutes: int) -> str:
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def check_zone(zone: str) -> tuple[str | None, str | None]:
    """The zone as recorded (offsets as +HH:MM, names spelled as the tz database does),
    or None and the reason it is not a real zone or offset."""
    text = zone.strip()
    if text.lower() in _UTC:
        return _UTC[text.lower()], None
    offset = _OFFSET.match(text)
    if offset:
        hours, minutes = int(offset[2]), int(offset[3])
        total = (hours * 60 + minutes) * (-1 if offset[1] == "-" else 1)
        if minutes < 60 and EARLIEST_OFFSET <= total <= LATEST_OFFSET:
            return format_offset(total), None
        return None, (
            f"'{text}' is not a UTC offset in use (they run from "
            f"{format_offset(EARLIEST_OFFSET)} to {format_offset(LATEST_OFFSET)})"
        )
    name = _zone_names().get(text.lower())
    if name is not None:
        return name, None
    return None, f"'{text}' is not a time zone of the tz database (such as Europe/Dublin)"
