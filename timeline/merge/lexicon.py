"""English data for merging and entities: word lists only, no logic.

Everything language-specific that merging and the entity rules read lives here, so that
another language is a matter of another data module.
"""

from __future__ import annotations

from types import MappingProxyType

PREDICATE_EQUIVALENTS = MappingProxyType(
    {
        # lemma -> the lemma it is counted as, so two reports of one act in different words
        # share a feature: "troops attacked" / "troops struck", "the council voted" /
        # "the council approved"
        "strike": "attack",
        "bomb": "attack",
        "raid": "attack",
        "assault": "attack",
        "shell": "attack",
        "approve": "vote",
        "pass": "vote",
        "adopt": "vote",
        "reject": "vote",
        "kill": "die",
        "death": "die",
        "dead": "die",
        "quake": "earthquake",
        "tremor": "earthquake",
        "resign": "quit",
        "resignation": "quit",
        "step": "quit",
        "arrest": "detain",
        "detention": "detain",
        "announcement": "announce",
        "unveil": "announce",
        "visit": "travel",
        "arrive": "travel",
        "fly": "travel",
        "meeting": "meet",
        "talk": "meet",
        "protest": "demonstrate",
        "demonstration": "demonstrate",
        "rally": "demonstrate",
        "explode": "explosion",
        "blast": "explosion",
        "sign": "signing",
        "agree": "agreement",
        "deal": "agreement",
        "election": "elect",
        "win": "elect",
        "broadcast": "air",
        "screen": "air",
        "show": "air",
        "release": "publish",
        "launch": "publish",
    }
)
"""Curated equivalences between the lemmas of predicates that name one kind of act."""

BACKGROUND_BEFORE = frozenset(
    {"since", "after", "following", "before", "until", "till", "from", "ahead", "prior"}
)
"""Words just before a date that make it the date of a background happening, not of the
sentence's own: "since Tuesday's earthquake", "after the 12 January quake"."""

BACKGROUND_CLAUSE = frozenset({"which", "who", "whose", "that", "when", "where"})
"""Relative words: a date after one of these (in the same clause) dates the clause."""

POSSESSIVES = ("'s", "\u2019s", "s'", "s\u2019")
"""A date in the possessive modifies a noun ("Tuesday's earthquake"): background."""

# --- entities ----------------------------------------------------------------------------

ENTITY_STOPWORDS = frozenset(
    {
        # single common words the model takes for names
        "award", "breakdown", "current", "flash", "gal", "guys", "journal", "ohh", "teen",
        "state", "white", "main", "related", "statutes", "today", "yesterday", "tonight",
        "morning", "evening", "afternoon", "news", "update", "live", "video", "photo",
        "photos", "read", "more", "comment", "comments", "share", "email", "print",
        "advertisement", "editor", "editors", "reporter", "staff", "blog", "twitter",
        "facebook", "youtube", "god", "lord", "internet", "web", "online", "tv", "radio",
        "government", "police", "army", "military", "parliament", "congress", "senate",
        "court", "ministry", "council", "committee", "agency", "company", "group",
        "president", "minister", "secretary", "chairman", "chief", "director", "spokesman",
        "spokeswoman", "official", "officials", "governor", "mayor", "ambassador", "general",
        "senator", "king", "queen", "prince", "pope", "judge", "professor", "doctor",
        "captain", "commander", "sergeant", "mep", "mp", "ceo", "aired",
        "foreign", "prime", "supreme", "national", "international", "federal", "central",
        "republic", "kingdom", "union", "united", "world", "global", "north", "south",
        "east", "west", "northern", "southern", "eastern", "western", "new", "old",
    }
)
"""Words that are never an entity page on their own (lower case)."""

TITLES = frozenset(
    {
        "president", "vice", "prime", "minister", "secretary", "chancellor", "chairman",
        "chairwoman", "chief", "executive", "director", "general", "spokesman",
        "spokeswoman", "spokesperson", "governor", "mayor", "senator", "sen", "sen.",
        "rep", "rep.", "representative", "ambassador", "king", "queen", "prince",
        "princess", "pope", "judge", "justice", "commissioner", "admiral", "captain",
        "capt", "capt.", "colonel", "col", "col.", "lt", "lt.", "maj", "maj.", "sgt",
        "sgt.", "gen", "gen.", "president-elect", "officer", "head", "deputy", "mr",
        "mrs", "ms", "dr", "sir", "lord", "lady", "mr.", "mrs.", "ms.", "dr.",
        "professor", "prof", "prof.", "reverend", "rev", "rev.", "state", "foreign",
        "defence", "defense", "health", "interior", "finance", "treasury", "office",
    }
)
"""Words of titles and offices: a name made only of these is an office, not an entity
("Secretary", "State" from "Secretary of State", "Prime Minister")."""

HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "mr.", "mrs.", "ms.", "dr."})
"""Words dropped from the front of a name ("Mr Obama" is "Obama")."""

TIME_ZONES = frozenset(
    {
        "gmt", "bst", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et",
        "pt", "ct", "cet", "cest", "jst", "ist", "aest", "hkt", "sgt",
    }
)
"""Time-zone abbreviations: time stamps, never entities ("BST", "ET Guys")."""

DATELINE_WORDS = frozenset(
    {
        "aired", "posted", "updated", "published", "last", "modified", "mon", "tue",
        "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "jan", "feb", "mar",
        "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "am", "pm", "a.m.",
        "p.m.",
    }
)
"""Words of datelines and time stamps: a name holding one is furniture, not an entity
("Aired February 6", "Thu Apr")."""
