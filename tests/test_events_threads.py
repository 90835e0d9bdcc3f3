"""Comment threads told by their signed stamps, whatever the comment system, and pages whose
stamps are reporting, not comments. Pages invented for the tests."""

from __future__ import annotations

import datetime as dt

import pytest
from builders import make_article
from spacy.language import Language

from timeline.events import extract_events
from timeline.events.parts import thread_start
from timeline.events.signatures import signatures
from timeline.events.signatures import thread_start as signed_thread

ARTICLE = (
    "The council voted on Tuesday to close the old bridge to lorries.\n"
    "The mayor said the repairs would start in the spring and cost 2 million pounds.\n"
    "Engineers found cracks in two of the piers last month."
)

# Each system's thread: its comments as written after the article (the thread starts at the
# first line that is not the article's).
THREADS = {
    "movable-type footers": (
        "12 Comments\n"
        "about time they fixed it, I drive over it every day.\n"
        "Posted by: riverfan | December 15, 2015 10:32 AM\n"
        "The council knew about the cracks for years.\n"
        "Posted by: Ann in Leeds | December 15, 2015 11:05 AM\n"
        "Two million is cheap for a bridge that size.\n"
        "Posted by: bob_k | December 15, 2015 1:47 PM\n"
    ),
    "wordpress headers": (
        "riverfan says:\nDecember 15, 2015 at 10:32 am\n"
        "about time they fixed it, I drive over it every day.\nReply\n"
        "Ann in Leeds says:\nDecember 15, 2015 at 11:05 am\n"
        "The council knew about the cracks for years.\nReply\n"
        "bob_k says:\nDecember 15, 2015 at 1:47 pm\n"
        "Two million is cheap for a bridge that size.\nReply\n"
    ),
    "name over a stamp": (
        "riverfan\n15 Dec 2015, 10:32AM\n"
        "about time they fixed it, I drive over it every day.\nRecommend Report abuse\n"
        "AnnInLeeds\n15 Dec 2015, 11:05AM\n"
        "The council knew about the cracks for years.\nRecommend Report abuse\n"
        "bob_k\n15 Dec 2015, 1:47PM\n"
        "Two million is cheap for a bridge that size.\nRecommend Report abuse\n"
    ),
    "have your say": (
        "This debate is now closed.\n"
        "Added: Tuesday, 15 December, 2015, 10:32 GMT about time they fixed it.\n"
        "Sam, Leeds\n"
        "Added: Tuesday, 15 December, 2015, 11:05 GMT The council knew about the cracks.\n"
        "Ann, York\n"
        "Added: Tuesday, 15 December, 2015, 13:47 GMT Two million is cheap for that.\n"
        "Bob, Hull\n"
    ),
    "newspaper blog headers": (
        "Comments\n"
        "At 10:32am on 15 Dec 2015, riverfan wrote:\n"
        "about time they fixed it, I drive over it every day.\n"
        "At 11:05am on 15 Dec 2015, Ann in Leeds wrote:\n"
        "The council knew about the cracks for years.\n"
        "At 1:47pm on 15 Dec 2015, bob_k wrote:\n"
        "Two million is cheap for a bridge that size.\n"
    ),
    "disqus-like": (
        "riverfan • 15 December 2015 10:32\n"
        "about time they fixed it, I drive over it every day.\nReply Share\n"
        "Ann in Leeds • 15 December 2015 11:05\n"
        "The council knew about the cracks for years.\nReply Share\n"
        "bob_k • 15 December 2015 13:47\n"
        "Two million is cheap for a bridge that size.\nReply Share\n"
    ),
    "stamped with no names": (
        "about time they fixed it, I drive over it every day. "
        "December 15, 2015 at 10:32 am | Report abuse | "
        "The council knew about the cracks for years. "
        "December 15, 2015 at 11:05 am | Report abuse | Reply "
        "Two million is cheap for a bridge that size.\n"
    ),
    "blogger said and stamp": (
        "3 comments:\n"
        "riverfan said...\n"
        "about time they fixed it, I drive over it every day.\n"
        "December 15, 2015 10:32 AM\n"
        "Ann in Leeds said...\n"
        "The council knew about the cracks for years.\n"
        "December 15, 2015 11:05 AM\n"
        "bob_k said...\n"
        "Two million is cheap for a bridge that size.\n"
        "December 15, 2015 1:47 PM\n"
        "Anonymous said...\n"
        "Fix the potholes first.\n"
        "December 15, 2015 2:12 PM\n"
    ),
}


# Where each starts: at the first header, or at the line that ends the article above the
# first footer (the comment system's furniture).
FIRST = {"have your say": "Added:", "newspaper blog headers": "At 10:32am"}


@pytest.mark.parametrize("system", THREADS)
def test_a_thread_starts_where_its_comments_start(system: str) -> None:
    text = ARTICLE + "\n" + THREADS[system]
    first = FIRST.get(system)
    assert signed_thread(text) == (text.index(first) if first else len(ARTICLE) + 1)


def test_the_post_own_signature_is_not_the_thread() -> None:
    """The blog post's byline is a signature of another form: the article ends there."""
    post = ARTICLE + "\nPosted by Jane Doe at 9:15 AM ET, 12/15/2015\n"
    thread = THREADS["movable-type footers"].removeprefix("12 Comments\n")
    assert signed_thread(post + thread) == len(post)


def test_footers_with_nothing_to_end_the_article_take_only_their_line() -> None:
    """With no line to say where the article ends, the comment above a first footer is
    left alone rather than risk the article's last paragraph."""
    thread = THREADS["movable-type footers"].removeprefix("12 Comments\n")
    text = ARTICLE + "\n" + thread
    assert signed_thread(text) == text.index("Posted by: riverfan")


NOT_THREADS = {
    "one byline": "Posted by: Jane Doe | December 15, 2015 10:32 AM\n" + ARTICLE,
    "one author's posts": "\n".join(
        f"{ARTICLE}\nPosted by: Jane Doe | December {day}, 2015 10:32 AM" for day in (13, 14, 15)
    ),
    "a blog's posts by two writers": "\n".join(
        f"{ARTICLE * 2}\nPosted by: {name} | December {day}, 2015 10:32 AM"
        for day, name in ((13, "Jane Doe"), (14, "Tom Hill"), (15, "Jane Doe"))
    ),
    "long posts by three writers": "\n".join(
        f"{ARTICLE * 9}\nPosted by: {name} | December {day}, 2015 10:32 AM"
        for day, name in ((13, "Jane Doe"), (14, "Tom Hill"), (15, "Amy Chen"))
    ),
    "wire stories one after another": "\n".join(
        f"{city} | Tue Dec 15, 2015 {clock} EST {city} (Reuters) - {ARTICLE}\nReply to letters"
        for city, clock in (("LONDON", "9:02 am"), ("PARIS", "9:40 am"), ("ROME", "10:15 am"))
    ),
    "a live blog of dated entries": "\n".join(
        f"December 15, 2015 {clock}\nThe council voted on the bridge.\nThe mayor spoke."
        for clock in ("10:32 AM", "11:05 AM", "1:47 PM", "2:10 PM")
    ),
    "dates and times in reporting": (
        "The minister said on December 15, 2015 at 10:32 am that the bridge would close.\n"
        "Police said the lorry crossed at 11:05 am on December 15, 2015, before the ban.\n"
        "The council said at 1:47 pm on December 15, 2015 it would appeal."
    ),
    "signatures too far apart": "\n".join(
        f"Posted by: {name} | December 15, 2015 10:32 AM\n{ARTICLE * 30}"
        for name in ("sam", "ann", "bob")
    ),
}


@pytest.mark.parametrize("text", NOT_THREADS.values(), ids=NOT_THREADS.keys())
def test_stamps_that_are_not_a_thread(text: str) -> None:
    assert signed_thread(text) is None


def test_signatures_record_their_names_and_form() -> None:
    found = signatures(ARTICLE + "\n" + THREADS["movable-type footers"])
    assert [s.name for s in found] == ["riverfan", "ann in leeds", "bob_k"]
    assert len({s.form for s in found}) == 1
    assert all(s.footer for s in found)


def test_the_known_forms_still_start_a_thread() -> None:
    text = ARTICLE + "\nWe welcome comments that advance the story.\nOn Tuesday I saw it."
    assert thread_start(text) == text.index("We welcome")


def test_comments_of_a_thread_are_set_aside_and_the_article_kept(nlp: Language) -> None:
    from timeline.timex import tag_doc

    thread = (
        "Comments\n"
        "Posted by: riverfan | December 15, 2015 10:32 AM\n"
        "The council closed the ferry on Monday as well, nobody asked us.\n"
        "Posted by: Ann in Leeds | December 15, 2015 11:05 AM\n"
        "The mayor promised a new bridge in 2012 and never built it.\n"
        "Posted by: bob_k | December 15, 2015 1:47 PM\n"
    )
    text = ARTICLE + "\n" + thread
    doc = nlp(text)
    day = dt.date(2015, 12, 16)
    found = extract_events(make_article("a", text, day), doc, tag_doc(doc, day))
    assert all(m.start < len(ARTICLE) for m in found.mentions)
    assert any(m.headline.startswith("The council voted on Tuesday") for m in found.mentions)
    comments = [p for p in found.set_aside if p.part == "comment"]
    assert {text[p.start : p.end].split()[1] for p in comments} >= {"council", "mayor"}
