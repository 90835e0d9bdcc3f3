"""Merging needs evidence of one happening: each rule on invented news sentences."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace

from builders import make_article

from timeline.merge import merge_mentions
from timeline.merge.evidence import background_date
from timeline.site.context import event_views
from timeline.store.serialize import event_to_dict
from timeline.types import ArticleResult, Entity, Event, EventMention, Timeline, Timex

ARTICLES = {
    a: make_article(
        a, f"Body of article {a}, written in its own words {a * 4}.", dt.date(2021, 3, 9)
    )
    for a in ("a", "b", "c", "d")
}
STOP = {"the", "a", "an", "on", "in", "of", "to", "at", "for", "by", "had", "has", "was", "were"}


def said(
    aid: str,
    sentence: str,
    when: str,
    date: str,
    *entities: tuple[str, str],
    lemmas: str = "",
    start: int = 100,
) -> EventMention:
    """A mention of `sentence` (at `start` in its article) dated `date` by the phrase `when`."""
    at = sentence.index(when)
    return EventMention(
        article=aid,
        sentence=sentence,
        start=start,
        end=start + len(sentence),
        date=date.split("T", maxsplit=1)[0],
        headline=sentence,
        timex=Timex(
            start=start + at, end=start + at + len(when), text=when, type="DATE", value=date
        ),
        entities=tuple(Entity(text=t, label=label) for t, label in entities),
        lemmas=tuple(
            w
            for w in dict.fromkeys((lemmas or sentence).lower().replace(",", " ").split())
            if w not in STOP
        ),
    )


def groups(events: tuple[Event, ...]) -> list[tuple[str, ...]]:
    return sorted(e.articles for e in events)


def test_reports_of_one_act_in_equivalent_words_merge_and_say_why() -> None:
    a = said(
        "a",
        "Rebels attacked a supply convoy near Kandor on Sunday, provincial officials said.",
        "Sunday",
        "2021-03-07",
        ("Kandor", "GPE"),
        lemmas="rebel attack supply convoy kandor provincial official",
    )
    b = said(
        "b",
        "Rebels struck an army convoy on the mountain road near Kandor on Sunday.",
        "Sunday",
        "2021-03-07",
        ("Kandor", "GPE"),
        lemmas="rebel strike army convoy mountain road kandor",
    )
    (event,) = merge_mentions([a, b], ARTICLES)
    (link,) = event.links
    assert {link.first[0], link.second[0]} == {"a", "b"}
    assert "attack" in link.shared_terms and "convoy" in link.shared_terms
    assert link.shared_entities == ("Kandor",)
    assert link.dates == "same date"
    assert not link.same_text
    assert 0 < link.similarity < 1


def test_a_date_of_a_background_happening_does_not_pull_the_sentence_in() -> None:
    flood = "Aid workers helping victims of Tuesday's flood have been sharing their accounts."
    appeal = "The UN has launched an appeal for victims of Tuesday's flood in the valley."
    since = "Share prices have fallen by 40% since the refinery exploded on 3 March."
    relative = "The league, which in March asked the council to act, welcomed the vote."
    assert background_date(said("a", flood, "Tuesday", "2021-03-02"))
    assert background_date(said("a", since, "3 March", "2021-03-03"))
    assert background_date(said("a", relative, "March", "2021-03"))
    events = merge_mentions(
        [
            said("a", flood, "Tuesday", "2021-03-02", lemmas="aid worker help victim flood share"),
            said("b", appeal, "Tuesday", "2021-03-02", lemmas="appeal aid victim flood valley"),
        ],
        ARTICLES,
    )
    assert len(events) == 2


def test_the_sentences_own_date_is_not_background() -> None:
    own = said(
        "a", "The refinery exploded on 3 March, killing four workers.", "3 March", "2021-03-03"
    )
    assert not background_date(own)


def test_programmes_at_different_hours_are_different_events() -> None:
    words = "The documentary about the refinery fire is broadcast on Channel 4 at {}."
    nine = said("a", words.format("9pm"), "9pm", "2021-03-05T21:00", ("Channel 4", "ORG"))
    eleven = said("b", words.format("11pm"), "11pm", "2021-03-05T23:00", ("Channel 4", "ORG"))
    repeat = said("c", words.format("9pm"), "9pm", "2021-03-05T21:00", ("Channel 4", "ORG"))
    assert groups(merge_mentions([nine, eleven, repeat], ARTICLES)) == [("a", "c"), ("b",)]


def test_different_people_doing_the_same_thing_stay_apart() -> None:
    ruiz = said(
        "a",
        "Senator Ann Ruiz voted against the budget bill on Monday.",
        "Monday",
        "2021-03-08",
        ("Ann Ruiz", "PERSON"),
        lemmas="senator vote budget bill",
    )
    grant = said(
        "b",
        "Senator Paul Grant voted against the budget bill on Monday.",
        "Monday",
        "2021-03-08",
        ("Paul Grant", "PERSON"),
        lemmas="senator vote budget bill",
    )
    surname = said(
        "c",
        "Ruiz, a first-term senator, voted against the budget bill on Monday.",
        "Monday",
        "2021-03-08",
        ("Ruiz", "PERSON"),
        lemmas="ruiz senator vote budget bill",
    )
    assert groups(merge_mentions([ruiz, grant, surname], ARTICLES)) == [("a", "c"), ("b",)]


def test_different_figures_are_different_releases() -> None:
    first = said(
        "a",
        "The ministry said on Friday that 65 people had died of the fever.",
        "Friday",
        "2021-03-05",
        ("ministry", "ORG"),
        lemmas="ministry people die fever",
    )
    second = said(
        "b",
        "The ministry said on Friday that 72 people had died of the fever.",
        "Friday",
        "2021-03-05",
        ("ministry", "ORG"),
        lemmas="ministry people die fever",
    )
    assert len(merge_mentions([first, second], ARTICLES)) == 2


def test_a_coarse_date_joins_a_day_only_on_strong_evidence() -> None:
    day = said(
        "a",
        "The city council approved the new harbour budget on 3 March.",
        "3 March",
        "2021-03-03",
        ("city council", "ORG"),
        lemmas="city council approve harbour budget",
    )
    theme = said(
        "b",
        "In March the council also debated parking fees and school meals.",
        "March",
        "2021-03",
        ("city council", "ORG"),
        lemmas="council debate parking fee school meal",
    )
    same = said(
        "c",
        "In March the city council approved the harbour budget.",
        "March",
        "2021-03",
        ("city council", "ORG"),
        lemmas="city council approve harbour budget",
    )
    assert groups(merge_mentions([day, theme], ARTICLES)) == [("a",), ("b",)]
    (event,) = merge_mentions([day, same], ARTICLES)
    assert event.date == "2021-03-03"
    assert event.links[0].dates == "one inside the other"


def test_a_wire_paragraph_reused_word_for_word_is_one_event() -> None:
    text = "The company said on Tuesday it would close the plant."
    copies = [said(a, text, "Tuesday", "2021-03-09", lemmas="company close plant") for a in "abc"]
    (event,) = merge_mentions(copies, ARTICLES)
    assert event.articles == ("a", "b", "c")
    assert all(link.same_text for link in event.links)


def test_a_chain_of_neighbours_is_not_one_event() -> None:
    """b is like a and like c, but a and c name different people: not one group."""
    a = said(
        "a",
        "Minister Jo Park signed the fishing agreement in Oslo on Monday.",
        "Monday",
        "2021-03-08",
        ("Jo Park", "PERSON"),
        ("Oslo", "GPE"),
        lemmas="minister sign fishing agreement oslo",
    )
    b = said(
        "b",
        "The fishing agreement was signed in Oslo on Monday after long talks.",
        "Monday",
        "2021-03-08",
        ("Oslo", "GPE"),
        lemmas="fishing agreement sign oslo long talk",
    )
    c = said(
        "c",
        "Minister Lea Berg signed the fishing agreement in Oslo on Monday.",
        "Monday",
        "2021-03-08",
        ("Lea Berg", "PERSON"),
        ("Oslo", "GPE"),
        lemmas="minister sign fishing agreement oslo",
    )
    events = merge_mentions([a, b, c], ARTICLES)
    assert ("a", "b", "c") not in groups(events)


def test_the_reasons_are_in_events_json_and_on_the_page() -> None:
    a = said(
        "a",
        "Rebels attacked a supply convoy near Kandor on Sunday, provincial officials said.",
        "Sunday",
        "2021-03-07",
        ("Kandor", "GPE"),
        lemmas="rebel attack supply convoy kandor provincial official",
    )
    b = said(
        "b",
        "Rebels struck an army convoy on the mountain road near Kandor on Sunday.",
        "Sunday",
        "2021-03-07",
        ("Kandor", "GPE"),
        lemmas="rebel strike army convoy mountain road kandor",
    )
    (event,) = merge_mentions([a, b], ARTICLES)
    (why,) = json.loads(json.dumps(event_to_dict(event)))["why_merged"]
    assert {m["article"] for m in why["mentions"]} == {"a", "b"}
    assert "attack" in why["shared_words"] and why["shared_entities"] == ["Kandor"]
    assert why["dates"] == "same date" and not why["same_text"]
    results = tuple(
        ArticleResult(article=replace(ARTICLES[x], publisher=name))
        for x, name in (("a", "Valley Post"), ("b", "Wire Service"))
    )
    (view,) = event_views(Timeline(results=results, events=(event,)))
    (reason,) = view.reasons
    assert reason.startswith("Valley Post and Wire Service: same date; both name Kandor; ")
    assert "both say attack, convoy, rebel" in reason and "% alike" in reason


def test_a_month_report_of_the_same_act_joins_the_day_it_happened() -> None:
    day = replace(
        said(
            "a",
            "The cargo ship sank off Kandor on 3 March; its insurer and owner dispute the claim.",
            "3 March",
            "2021-03-03",
            lemmas="cargo ship sink kandor insurer owner claim",
        ),
        predicate="sank",
    )
    month = replace(
        said(
            "b",
            "A cargo ship sank in March as storm waves hit the coast.",
            "March",
            "2021-03",
            lemmas="cargo ship sink storm wave coast",
        ),
        predicate="sank",
    )
    other_act = replace(month, article="c", predicate="sailed")
    (event,) = merge_mentions([day, month], ARTICLES)
    assert event.date == "2021-03-03"
    assert groups(merge_mentions([day, other_act], ARTICLES)) == [("a",), ("c",)]


def test_the_event_speaks_with_the_report_closest_in_time_to_it() -> None:
    sentence = (
        "The cargo ship sank off Kandor on 3 March in a storm that battered the coast and "
        "closed the harbour."
    )
    days = {"a": dt.date(2021, 11, 2), "b": dt.date(2021, 3, 4)}
    articles = {
        a: replace(ARTICLES[a], published=replace(ARTICLES[a].published, date=day))
        for a, day in days.items()
    }
    look_back = said("a", "On 3 March last year, a cargo ship sank off Kandor.", "3 March",
                     "2021-03-03", ("Kandor", "GPE"), lemmas="cargo ship sink kandor")  # fmt: skip
    news = said("b", sentence, "3 March", "2021-03-03", ("Kandor", "GPE"),
                lemmas="cargo ship sink kandor storm batter coast close harbour")  # fmt: skip
    merged = [replace(m, predicate="sank") for m in (look_back, news)]
    (event,) = merge_mentions(merged, articles)
    assert event.headline == sentence
