"""Language data of the temporal tagger, read by the tagger, ingest and the site.

Each language keeps its words in one data file, `lang/<code>/calendar.toml`, keyed by
meaning; `lexicon` builds the read-only `Lexicon` from it.
"""

from timeline.timex.lang.lexicon import (
    ENGLISH,
    Holiday,
    Lexicon,
    Unit,
    alternation,
    data_files,
    load_lexicon,
    read_data,
)

__all__ = [
    "ENGLISH",
    "Holiday",
    "Lexicon",
    "Unit",
    "alternation",
    "data_files",
    "load_lexicon",
    "read_data",
]
