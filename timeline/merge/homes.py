"""One home date per sentence set: a sentence with two dated clauses ("the rig exploded
on April 20 and sank two days later") gives one mention per clause, and when other
sources say the same the two clauses merge into two events built of the very same
sentences. Shown as they are, one entry would be listed on both days, headline and
sources alike. The event whose date the sentences name first keeps them; the later
clause is part of its text, not an entry of its own.

`merge_mentions` stays lossless (every mention in exactly one event); this is the
timeline's choice of which events to show.
"""

from __future__ import annotations

from collections.abc import Iterable

from timeline.types import Event, date_order, mention_order

_UNDATED = 1 << 62
"""Position of a mention dated without a phrase in its sentence: after any phrase."""


def one_home(events: Iterable[Event]) -> tuple[Event, ...]:
    """`events` without those whose sentences are exactly another event's sentences, the
    event of the date named first being kept; the order of `events` is preserved."""
    kept: dict[frozenset[tuple[str, int]], Event] = {}
    listed = tuple(events)
    for event in sorted(listed, key=_named_first):
        kept.setdefault(frozenset((m.article, m.start) for m in event.mentions), event)
    chosen = {id(e) for e in kept.values()}
    return tuple(e for e in listed if id(e) in chosen)


def _named_first(event: Event) -> tuple[tuple[int, ...], tuple[int, str, str, str], str]:
    """Where in each of its sentences (in sentence order) the event's date phrase stands."""
    ordered = sorted(event.mentions, key=mention_order)
    at = tuple(m.timex.start - m.start if m.timex is not None else _UNDATED for m in ordered)
    return (at, date_order(event.date), event.id)
