"""English words and patterns the event rules read, and the syntax data's label sets they use.

Kept apart from the logic so that what counts as a reporting verb, a page part or a
clause of its own is stated in one place, per kind.
"""

from __future__ import annotations

import re

from timeline.timex.lang import ENGLISH, alternation

# --- words -------------------------------------------------------------------------------

QUOTES = frozenset('"“”')
REPORTING_VERBS = frozenset(
    {"say", "tell", "add", "state", "claim", "note", "explain", "insist", "report", "write"}
)
# A statement "since D" or "until D" is a state that began or ends at D, not a happening on D.
STATE_PREPOSITIONS = frozenset({"since", "until", "till", "through", "throughout"})
# Words before an earlier figure a statement compares with: its date is that figure's
# ("up from 1,364 on Saturday", "more than 40 last year").
COMPARISON_WORDS = frozenset({"from", "than", "with"})
# Subordinate clauses that say when the main statement happened ("As the talks began ...").
TEMPORAL_MARKERS = frozenset({"as", "when", "once", "while", "after", "before"})
# ... of which these say it happened at another time: their date dates the statement only when
# it is recent, within `anchors.SEQUENCE_REACH` of the article ("fears grew after officials
# said on Saturday ..."), not "nearly five months after the well ruptured on April 20".
SEQUENCE_MARKERS = frozenset({"after", "before"})
# Nouns of a planned happening, dated by a phrase of their own ("a meeting on Friday"), and
# the participles that plan one ("a meeting mooted for later this week").
PLANNED_NOUNS = frozenset(
    {"meeting", "talks", "summit", "conference", "vote", "election", "hearing", "visit",
     "trip", "session", "negotiations", "deadline", "ceremony", "launch", "referendum"}
)  # fmt: skip
PLANNING_VERBS = frozenset({"schedule", "plan", "moot", "set", "slate", "expect", "propose"})
# --- which clause a date belongs to (event dating) ---
# Nouns that make a copula with a date for subject a dated statement: "Tuesday was the
# [start] of the hurricane season" (it started on Tuesday).
DAY_OF_NOUNS = frozenset(
    {"start", "beginning", "end", "anniversary", "deadline", "opening", "launch", "close",
     "eve", "finale", "climax"}
)  # fmt: skip
# Verbs whose subject's date is earlier than the verb's own: "the April 20 blowout
# [prompted] the move" (the move came later), unlike "the April 20 blast killed 11".
CONSEQUENCE_VERBS = frozenset(
    {"prompt", "spark", "trigger", "spur", "fuel", "inspire", "lead", "force", "drive",
     "push", "motivate", "precipitate"}
)  # fmt: skip

# The writer or the reader as subject: chatter, not reporting ("we" is kept: aid workers'
# and officials' diaries report what their team did).
FIRST_SECOND_PERSON = frozenset({"i", "you"})
HONORIFICS = frozenset({"mr", "mrs", "ms", "dr", "sir", "mr.", "mrs.", "ms.", "dr."})

# Abbreviations that never end a sentence (a title before a name)...
TITLE_ABBREVIATIONS = frozenset(
    {"Gov.", "Sen.", "Rep.", "Gen.", "Lt.", "Col.", "Maj.", "Capt.", "Sgt.", "Adm.", "Cmdr.",
     "Dr.", "Mr.", "Mrs.", "Ms.", "Prof.", "Rev.", "St.", "Mt.", "Ft.", "Pres.", "Supt.",
     "Insp.", "Det.", "Cpl.", "Pvt.", "Amb.", "Atty.", "Hon.", "No."}
)  # fmt: skip
# ... month abbreviations, which do not end one before a day number ("Mar. 3") ...
MONTH_ABBREVIATIONS = frozenset(f"{a}." for short in ENGLISH.month_abbreviations for a in short)
# ... and abbreviations that end one only before a capitalised word ("U.S. forces").
LOWER_CONTINUES = frozenset(
    {"U.S.", "U.N.", "U.K.", "E.U.", "a.m.", "p.m.", "Inc.", "Corp.", "Co.", "Ltd.", "vs.",
     "etc.", "approx.", "est."}
)  # fmt: skip
# A stock ticker in parentheses: "BP (BP.L) said", "Lloyds (L) fell", "Repsol (REP. MC)".
TICKER = re.compile(r"\([A-Z0-9]{1,6}(?:\. ?[A-Z]{1,3})?\)")
# ... one the page broke at a line end: "BP Plc (BP.\nL) said", "Transocean RIGN.\nN)"; over a
# paragraph break only before its closing parenthesis ("Shell Plc (RDSa.\n\nL), which").
# Group "line" or "paragraph" is where the break starts.
TICKER_BROKEN = re.compile(
    r"\(?\b[A-Z]{1,6}\.(?P<line>\n)[A-Z]{1,3}(?=[).,;:]|\s)"
    r"|\(?\b[A-Z][A-Za-z]{0,5}\.(?P<paragraph>\n\s*)[A-Z]{1,3}(?=\))"
)
# ... and one written bare after its name with a space and a known exchange code, before a
# word in lower case: "Repsol REP. N prepares" (a sentence end there would start in capitals).
TICKER_SPACED = re.compile(
    r"\b[A-Z]{2,6}\. (?:N|L|O|OQ|PA|DE|MC|AS|MI|TO|HK|SA|AX|SS|SZ|MX|ST|OL|CO)(?=\)|,|\s+[a-z])"
)
# A line that opens with a comma or semicolon continues the one before: "Sen. Mary Smith
# (D-La.)\n\n, who said ...". Group "line" is where the line end starts.
LINE_CONTINUED = re.compile(r"(?P<line>\n)\s*[,;]")

# --- what makes a dated statement a happening --------------------------------------------
# Verbs that link a subject to a description, as "be" does: "the police look like soldiers",
# "the mood seems calm", "the road remains closed".
LINKING_VERBS = frozenset({"look", "seem", "appear", "remain", "sound", "stay"})
# Verbs saying a state goes on, whatever it is: "the well continues to leak".
ONGOING_VERBS = frozenset({"continue", "remain", "persist"})
# Prepositions with which a linking verb describes: "look [like] soldiers".
LIKENESS = frozenset({"like", "as"})
# Modals of what may be, not of what is or is planned: "costs could top $3 billion"
# (in lower case: "May 16 - BP succeeds ..." opens with a month).
SPECULATIVE_MODALS = frozenset({"could", "might", "may"})
# ... except "could not", a past inability ("he could not guarantee it", "they could find
# [no] trace"), and a verb of
# perception: "gunfire could be heard on Sunday" happened.
PAST_ABILITY = frozenset({"could"})
NEGATIVE_DETERMINERS = frozenset({"no"})
PERCEPTION_VERBS = frozenset({"hear", "overhear", "see", "smell", "feel", "watch", "spot"})
# A source that gave no answer reports nothing: "a spokesman declined to comment", "BP did
# not respond to a request", "officials could not be reached".
REFUSING_VERBS = frozenset({"decline", "refuse"})
COMMENTING_VERBS = frozenset({"comment", "elaborate", "discuss", "confirm", "specify"})
ANSWERING_VERBS = frozenset({"comment", "respond", "return", "answer"})
REACHED = frozenset({"reach", "contact"})  # in the passive: "could not be reached"

# --- parts of speech and the parse's tags and labels ----------------------------------------
# Parts of speech are universal; the English parse's tags and dependency labels are read from
# the language's syntax data (`timex/lang/en/syntax.toml`), the one place that spells them.

VERB_TAGS = frozenset({"VERB", "AUX"})
NOMINALS = frozenset({"NOUN", "PROPN"})
TAGS, LABELS = ENGLISH.tags, ENGLISH.labels
SUBJECTS = LABELS["subjects"]
NOT_TIME_ROLES = LABELS["participant_roles"]
ARGUMENT_ROLES = LABELS["argument_roles"]
NOUN_MODIFIERS = LABELS["date_on_a_noun"]
CLAUSAL = LABELS["clauses_of_a_noun"]
RELATIVE_TAGS = TAGS["relative_pronouns"]
PARTICIPLE_ROLES = LABELS["participle_clauses"]
AUXILIARIES = LABELS["auxiliaries"]
# ... and the model's named-entity labels, by meaning, from the same data.
PERSON_LABELS = frozenset(ENGLISH.entities["people"])
ENTITY_LABELS = frozenset(ENGLISH.entities["named"])
NOT_CONTENT_ENTS = frozenset(ENGLISH.entities["not_content"])
CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})

# --- page parts ----------------------------------------------------------------------------
# Each pattern is matched against one line or sentence; the first that fits names its part.

_CLOCK = r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)"
_ZONE = r"(?:\s*(?:ET|EST|EDT|GMT|BST|CET|UTC|PT|CT|IST|local time))?"

# A reader comment's header, or the furniture around a comment thread: everything after it
# on the page is the thread.
COMMENT_THREAD = re.compile(
    r"(?:\b(?:at|on)\s+" + _CLOCK + r"\s+on\s+\d{1,2}\s+\w+\s+\d{4},?\s+.{1,60}?\s+wrote:"
    r"|\b\w+\s+\d{1,2},\s+\d{4}\s+at\s+" + _CLOCK + r"\s*\|"
    r"|\|\s*Report abuse\s*\|"
    r"|\|\s*Reply\b"
    r"|\bThis discussion is now closed\b"
    r"|\bComments are (?:now )?closed\b"
    r"|\bAdd your comment\b"
    r"|\bWe welcome comments that advance the story\b"
    r"|^\s*[A-Z][\w' .-]{1,40},\s+[A-Z][\w .-]{1,40}\s+(?:emails|writes):)",
    re.IGNORECASE | re.MULTILINE,
)
# --- comment threads: signatures and furniture (`signatures.py`) ---------------------------
# A full time stamp, as comment systems print one under a name: a date (month in words or
# in figures) and a clock time, either first ("January 12, 2010 at 10:32 am",
# "12 Jan 2010 10.32", "10:32 AM on 01/12/2010"); a clock printed twice stays one stamp
# ("January 28, 2011 07:10 pm at 7:10 pm").
_MONTH_WORD = alternation(
    [*ENGLISH.month_names, *(a for m in ENGLISH.month_abbreviations for a in m)]
)
_WEEKDAY_WORD = alternation(
    [*ENGLISH.weekday_names, *(a for d in ENGLISH.weekday_abbreviations for a in d)]
)
_STAMP_DATE = (
    r"(?:(?:" + _WEEKDAY_WORD + r")\.?,?\s+)?"
    r"(?:(?:" + _MONTH_WORD + r")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:" + _MONTH_WORD + r")\.?,?\s+\d{4}"
    r"|\d{1,2}[/.-]\d{1,2}[/.-](?:\d{4}|\d{2})\b|\d{4}-\d{2}-\d{2})"
)
_MERIDIEM = r"\s*[AaPp]\.?[Mm]\b\.?"
_STAMP_CLOCK = (
    r"(?:\d{1,2}[:.]\d{2}(?::\d{2})?(?:" + _MERIDIEM + r")?|\d{1,2}" + _MERIDIEM + ")" + _ZONE
)
_STAMP_JOIN = r"\s*(?:,|-|–|—|\bat\b|@)?\s*"
COMMENT_STAMP = re.compile(
    r"\b(?:" + _STAMP_DATE + _STAMP_JOIN + _STAMP_CLOCK + r"(?:\s+at\s+" + _STAMP_CLOCK + r")?"
    r"|" + _STAMP_CLOCK + r"\s*(?:,|\bon\b)?\s*" + _STAMP_DATE + r")"
)
# Words of a stamp that vary from comment to comment, left out when forms are compared, and
# the word that leads a stamp into its header ("At 10:32am on 12 Jan 2010, sam wrote:").
STAMP_VARIES = re.compile(
    r"\b(?:" + _MONTH_WORD + "|" + _WEEKDAY_WORD + r")\b\.?|(?<=\d)" + _MERIDIEM, re.IGNORECASE
)
STAMP_LEAD = re.compile(r"\b(?:at|on)\s*$", re.IGNORECASE)
# A commenter's name or handle: one to four words of no more than 40 characters in all.
_HANDLE = r"(?P<name>[\w@.'’-]+(?:[ \t]+[\w@.'’-]+){0,3})"
# Labels before the name of a signature that closes its comment ("Posted by: sam | ...",
# "Added: 12 January 2010 10:32"); its stamp ends the line.
SIGNATURE_LABEL_BEFORE = re.compile(
    r"(?P<label>posted\s+by|submitted\s+by|comment\s+by|sent\s+by|added|posted)\s*:?\s*"
    r"(?:" + _HANDLE + r"\s*)?(?:[|,–—-]\s*|\b(?:at|on)\s+)*$",
    re.IGNORECASE,
)
# A header's verb, with the colon or dots that end the header: "sam wrote:", "sam said...".
_SIGNATURE_VERB = r"(?P<verb>wrote|writes|said|says|commented|replied)\s*(?::|\.\.\.|…)"
SIGNATURE_VERB_AFTER = re.compile(r"^\s*,?\s*" + _HANDLE + r"\s+" + _SIGNATURE_VERB, re.IGNORECASE)
SIGNATURE_VERB_BEFORE = re.compile(
    _HANDLE + r"\s+" + _SIGNATURE_VERB + r"\s*(?:\b(?:at|on)\s+)?$", re.IGNORECASE
)
# A stamp set off by a bar or a dot ("sam | 12 Jan 2010 10:32", "sam • 12 Jan 2010 10:32",
# "January 1, 2011 at 4:23 pm | ...").
SIGNATURE_BAR_BEFORE = re.compile(r"(?:" + _HANDLE + r"\s*)?[|•·]\s*$")
SIGNATURE_BAR_AFTER = re.compile(r"^\s*[|•·]")
# A stamp with only a name before it on its line ("sam 12 January 2010 10:32am").
SIGNATURE_NAME_ONLY = re.compile(r"(?:^|\n)[ \t]*" + _HANDLE + r"(?<![.!?\"”:])[ \t]*[,–—-]?\s*$")
# Words of a stamp that are not a name ("Updated 12 January 2010 10:32" is not signed).
NOT_A_HANDLE = frozenset(
    {"at", "on", "by", "posted", "updated", "published", "added", "last", "first", "modified",
     "edited", "sent", "submitted", "aired", "date", "time", "page", "update", "the", "am",
     "pm", "a.m.", "p.m.", "gmt", "et", "bst"}
)  # fmt: skip
# The furniture of a comment system, which makes a thread of fewer signatures.
COMMENT_FURNITURE = re.compile(
    r"\b(?:Report (?:abuse|this comment)|[Rr]eport offensive comments?|Reply(?: to this)?\b"
    r"|Recommend\b|Permalink|Sign in to (?:comment|reply)|[Cc]omments are (?:now )?closed"
    r"|(?:Log|Sign) in or register to (?:post|comment)|Post a comment|Leave a (?:comment|reply)"
    r"|Add your comment|Have your say|Flag as (?:inappropriate|offensive)|Show (?:more )?replies"
    r"|Comments? \(\d+\)|Readers'? comments)"
    r"|^\s*\d+\s+(?:[Cc]omments?|[Rr]eplies)\s*:?\s*$",
    re.MULTILINE,
)
# Reader comments with no header read informally: repeated punctuation ("!!", "?!", "too.."
# but not an ellipsis "..."), words shouted in capitals; a transcript's speaker label
# ("PARKER:", "REP. JOHN BOEHNER (R), HOUSE SPEAKER:") is capitals by convention.
INFORMAL_PUNCTUATION = re.compile(r"[!?]{2,}|(?<![.\w])\w+\.\.(?!\.)|\.{4,}")
INFORMAL_CAPS = re.compile(r"\b[A-Z]{5,}\b")
SPEAKER_LABEL = re.compile(r"\s*(?:[A-Z][A-Z.'-]+\s?){1,4}(?:\([A-Z]\))?(?:,[^:]{0,60})?:")
PAGE_PARTS: tuple[tuple[str, str, re.Pattern[str]], ...] = (
    (
        "reader",
        "a reader's e-mail, text or comment sent in",
        re.compile(r"\b(?:e-?mails|texts|writes|tweets)\s*:|\bwrote\s*:", re.IGNORECASE),
    ),
    (
        "listing",
        "a programme, TV or radio listing",
        re.compile(
            r"\b(?:first broadcast|broadcast on|is being (?:screened|broadcast|shown)"
            r"|will be (?:screened|broadcast|shown)|listen (?:again|live|now)|watch (?:again|live)"
            r"|on BBC (?:One|Two|Four|World|News|Radio)|Radio \d\b|\bairs (?:at|on)\b"
            r"|catch up on|programme (?:is|was) (?:broadcast|repeated))",
            re.IGNORECASE,
        ),
    ),
    (
        "prompt",
        "a subscription or sharing prompt, or the player's notice",
        re.compile(
            r"\b(?:sign up|subscribe|share this|e-?mail this|print this|click here"
            r"|follow (?:us|the latest)"
            r"|JavaScript must be|To play this content|Flash player|RETWEET|Related links?"
            r"|newsletter|Read more|More on this story|A version appeared on p"
            r"|RUSH TRANSCRIPT|updated:|Photograph:|Photo:|Picture:|Getty Images"
            r"|commercial-free|All rights reserved|Copyright|Full Article|We've published"
            r"|is not responsible for the content)",
            re.IGNORECASE,
        ),
    ),
    (
        "photo caption",
        "a photo's caption",
        re.compile(
            r"\b[Ii]n (?:this|an?) (?:[\w,]+ ){0,5}?(?:photo|photograph|picture|image)\b"
            r"|\b(?:is|are) (?:seen|pictured) (?:in|at|on|near|among|during|inside|outside|off"
            r"|along|after)\b"
            # a caption with no verb of its own: "Satellite image of the port taken on 13 May."
            r"|^\s*(?:(?:[Aa]n?|[Tt]he)\s+)?(?:(?:[Ss]atellite|[Aa]erial|[Hh]andout|[Ff]ile)\s+)*"
            r"(?:[Ii]mage|[Pp]hoto(?:graph)?|[Pp]icture)s?\s+of\s+[^.;:!?]{1,120}?"
            r"\btaken\s+(?:on|in|at|during)\s+[^.;:!?]{1,40}[.]?\s*$"
        ),
    ),
    (
        "housekeeping",
        "a live blog's note to its readers about the blog itself",
        re.compile(
            r"\b(?:live ?blog|here(?:'s| is) (?:a|the|our|my) (?:video|summary|round-?up|recap"
            r"|picture|gallery)|we(?:'ll| will) (?:bring|keep) you|stay with us|keep refreshing"
            r"|bear with us|(?:sorry|apologies) for the (?:delay|lack of updates|interruption))"
            r"|^My colleagues?\b",
            re.IGNORECASE,
        ),
    ),
    (
        "bio",
        "an author's biography",
        re.compile(
            r"^(?:[A-Z][\w'.-]+\s){1,3}(?:is|was)\s+(?:an?|the)\s+(?:[\w-]+\s){0,4}"
            r"(?:correspondent|columnist|editor|writer|author|reporter|contributor|blogger"
            r"|fellow|professor|analyst|commentator)\b"
            r"|^(?:[A-Z][\w'.-]+\s){1,3}is based in\b"
            # the author's work: "Ann Reed writes for the Review", "... has written for it since"
            r"|^(?:[A-Z][\w'.-]+\s){1,3}(?:writes|blogs|has (?:written|blogged))\s+(?:for|at)\s"
            # ... and with a former post between commas: "Ann Reed, a former envoy, is a fellow"
            r"|^(?:[A-Z][\w'.-]+\s){0,2}[A-Z][\w'.-]+,\s[^,]{1,80},\sis\s+(?:an?|the)\s+"
            r"(?:[\w-]+\s){0,4}(?:correspondent|columnist|editor|writer|author|reporter"
            r"|contributor|blogger|fellow|professor|analyst|commentator)\b"
            r"|\b(?:in my post|I have (?:been|worked|written|covered))\b",
        ),
    ),
)

# A photo credit: "Photograph: Gabriel Bouys/AFP/Getty Images" (slashes may come escaped).
_CREDIT_LABEL = r"(?:Photograph|Photo|Picture|Image)s?:"
_OPENER = r"(?!(?:The|A|An|This|These|Those|It|He|She|They|We|Who|What|When|In|On|As)\b)"
_NAME = r"[A-Z][\w.'-]+(?:\s" + _OPENER + r"[A-Z][\w.'-]+){0,3}"
# A bullet, set apart like a stamp but dating nothing: "* " opens an item of a fact box. (A
# dash opens a live blog's entry of the day, as a time stamp does.)
LIST_MARK = re.compile(r"\s*\\?\*\s*")
# What tells a photo credit from a time stamp among the stamps set apart.
CREDIT = re.compile(r"\\?/|" + _CREDIT_LABEL)
# A statement right before a photo credit is the photo's caption.
BEFORE_CREDIT = re.compile(r"\s*" + _CREDIT_LABEL + r"\s")

# --- chronology items: the date a dated list's item opens with (`segments.py`) ------------
# "Sept. 14: The Fed ...", "April 25 - ...", "Sept 14 — ...", "14 September: ...", "Monday,
# Sept. 15: ...": a stamp that dates the item. CHRONOLOGY_PREFIX is the date and mark alone.
_ITEM_DAY, _ITEM_MONTH = r"\d{1,2}(?:st|nd|rd|th)?", alternation(m.title() for m in ENGLISH.months)
_ITEM_WEEKDAY = r"(?:(?:" + alternation(w.title() for w in ENGLISH.weekdays) + r")\.?,?\s+)?"
CHRONOLOGY_DATE = (
    r"(?:\\?\*\s+)?" + _ITEM_WEEKDAY + r"(?:(?:" + _ITEM_MONTH + r")\.?\s+" + _ITEM_DAY
    + r"|" + _ITEM_DAY + r"\s+(?:" + _ITEM_MONTH + r")\.?)(?:,?\s+\d{4})?\s*(?::|--|-|–|—)\s*"
)  # fmt: skip
CHRONOLOGY_ITEM = re.compile(CHRONOLOGY_DATE + r"(?=[A-Z\"“'])")
CHRONOLOGY_PREFIX = re.compile(r"\s*" + CHRONOLOGY_DATE)

# A live-blog or page time stamp at the start of a line ("1528", "10.20am:", "11.45 am ET:",
# "(Update 2:50 p.m. ET)", "Monday 19 July 2010 09.18 BST"), removed from the statement.
TIME_STAMP = re.compile(
    r"^\s*(?:\(?\s*(?:Update(?:d)?:?\s*)?" + _CLOCK + _ZONE + r"\s*\)?\s*[:\-–—|]\s*"
    r"|\(\s*Update(?:d)?:?\s*" + _CLOCK + _ZONE + r"\s*\)\s*"
    r"|(?:Last updated|Page last updated at|First published|Published):?"
    r"\s+(?:\w+\s+)?\d{1,2}\s+\w+,?\s+\d{4}"
    r"(?:\s*[-,]?\s*(?:at\s+)?\d{1,2}[:.]\d{2}" + _ZONE + r")?\s*"
    r"|(?:[A-Z][a-z]+day\s+)?\d{1,2}\s+[A-Z][a-z]+\s+\d{4}\s+\d{1,2}[.:]\d{2}\s*" + _ZONE + r"\s+"
    r"|\d{1,2}\s+[A-Z]+,\s+\d{4}\s+GMT,\s+[A-Z ,]+\s+"
    r"|\(\s*Update(?:d)?\b[^)]{0,80}\)\s*"
    r"|[A-Z][\w.'-]+(?:\s[A-Z][\w.'-]+){0,3}\s?\\?/\s?"
    r"(?:AP|Reuters|AFP|EPA|PA|Getty Images)\s+(?=[A-Z])"
    r"|" + _CREDIT_LABEL + r"\s*" + _NAME + r"(?:\s?\\?/\s?" + _NAME + r")*\s+(?=[A-Z])"
    r"|" + CHRONOLOGY_ITEM.pattern + r"|(?:--|–|—|-|\\?\*)\s+(?=[A-Z])"
    r"|" + _CLOCK + _ZONE + r"\s*[:\-–—]\s*)",
)
# A bare four-digit clock ("1528 UK Prime Minister ...") is a time stamp only on a page
# that has several lines opening with one.
BARE_CLOCK = re.compile(r"^(?:[01]\d|2[0-3])[0-5]\d\s+(?=[A-Z])", re.MULTILINE)
# A dateline glued to the lead: "PORT-AU-PRINCE, Haiti (CNN) -- ", "LONDON (Reuters) - ".
DATELINE = re.compile(
    r"^.{0,160}?\((?:CNN|Reuters|AP|AFP|BBC|Bloomberg)\)\s*(?:--|-|–|—)\s*(?=[A-Z\"“'])"
    r"|^\s*(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+\d{4}\s+" + _CLOCK + _ZONE + r"\s+)?"
    r"(?:[A-Z][A-Z.'-]+(?:\s[A-Z][A-Z.'-]+)*(?:,\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)*)?"
    r"(?:,\s+\w+\.?\s+\d{1,2}(?:,\s+\d{4})?)?\s*)?\((?:CNN|Reuters|AP|AFP|BBC|Bloomberg)\)"
    r"\s*(?:--|-|–|—)\s*"
    r"|^\s*[A-Z][A-Z.'-]{2,}(?:\s[A-Z][A-Z.'-]+)*,\s+[A-Z][\w.]*(?:\s[A-Z][\w.]*)*\s+(?:--|–|—)\s+",
)
# A subheading in capitals glued to the paragraph after it: "WEATHER HAMPERING FIGHT AGAINST
# SLICK Hayward on Monday ...".
SUBHEADING = re.compile(r"^\s*(?=[^a-z]*[A-Z]{4})(?:[A-Z][A-Z'’-]+\s+){3,}(?=[A-Z][a-z])")
# Words a caption or a page heading glued to the next sentence begins it with: a capitalised
# word of this kind right after a word, with no punctuation between, starts a new sentence.
GLUED_STARTERS = frozenset(
    {"The", "A", "An", "This", "These", "Those", "It", "He", "She", "They", "We", "Some",
     "Many", "Most", "Up", "More", "Meanwhile", "To", "In", "When", "After", "Our", "His",
     "Her", "Their", "Its", "There"}
)  # fmt: skip
# Sentence-initial "Now," is a discourse marker, not a date.
DISCOURSE_NOW = frozenset({"now"})

# --- the story -----------------------------------------------------------------------------
# English function words: they open every paragraph of every story.
_FUNCTION_WORDS = """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how if in
    into is it its itself just more most my myself no nor not now of off on once only or
    other our ours ourselves out over own same she should so some such than that the their
    theirs them themselves then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your
    yours yourself yourselves may might must shall upon since still yet across along amid
    among around behind beyond despite inside near onto toward towards via within without
    another every either neither many much several whether though although unless however
    one two three four five six seven eight nine ten hundred thousand second third become
    became get got go went make made take took put see seen give given call called back
    even well ever
"""
FUNCTION_WORDS = frozenset(_FUNCTION_WORDS.split())
# Words that open news reports of any story, so name none: reporting verbs, people and
# places in general, amounts and times, news organisations, clock and zone abbreviations.
GENERIC_NEWS_WORDS = frozenset(
    {"said", "says", "say", "told", "tells", "according", "reported", "reports", "report",
     "people", "new", "world", "president", "government", "country", "countries", "state",
     "states", "united", "national", "international", "public", "official", "officials",
     "company", "companies", "group", "city", "home", "man", "men", "women", "way", "local",
     "year", "years", "day", "days", "week", "weeks", "month", "months", "time", "times",
     "today", "yesterday", "tomorrow", "morning", "night", "first", "last", "number",
     "million", "millions", "billion", "thousands", "hundreds", "percent", "part", "help",
     "news", "cnn", "reuters", "bbc", "guardian", "ap", "afp", "associated", "press",
     "photograph", "photo", "getty", "images", "am", "pm", "et", "edt", "est", "gmt", "bst",
     "utc", "pst", "cet"}
)  # fmt: skip
