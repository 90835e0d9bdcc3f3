"""Language data of the temporal tagger, read by the tagger, ingest and the site.

Each language keeps its words in one data file, `lang/<code>/calendar.toml`, and what its
parser's tags and labels mean in another, `lang/<code>/syntax.toml`, both keyed by
meaning; `lexicon` builds the read-only `Lexicon` from them.
"""

from timeline.timex.lang.lexicon import (
    ENGLISH,
    Holiday,
    Lexicon,
    Unit,
    alternation,
    load_lexicon,
    read_data,
)

__all__ = [
    "ENGLISH",
    "Holiday",
    "Lexicon",
    "Unit",
    "alternation",
    "load_lexicon",
    "read_data",
]
