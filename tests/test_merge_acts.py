"""Reports of one happening report one act: the verb their date belongs to, or the act
words a light verb carries. Each rule on invented news sentences, as the events stage
records them (the sentence, its date, its verb, its content lemmas and names)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from builders import make_article

from timeline.merge import merge_mentions
from timeline.merge.acts import Acts, act, predicate, stem
from timeline.types import Entity, Event, EventMention, Timex

ARTICLES = {
    a: make_article(a, f"Body of article {a}, in its own words {a * 4}.", dt.date(2021, 3, 9))
    for a in ("a", "b", "c")
}


def report(
    aid: str,
    sentence: str,
    when: str,
    date: str,
    *entities: tuple[str, str],
    verb: str,
    lemmas: str,
) -> EventMention:
    """A mention of `sentence` dated `date` by the phrase `when`, its date belonging to
    `verb` (as written), with the content lemmas the parser would give."""
    at = sentence.index(when)
    return EventMention(
        article=aid,
        sentence=sentence,
        start=100,
        end=100 + len(sentence),
        date=date,
        headline=sentence,
        timex=Timex(start=100 + at, end=100 + at + len(when), text=when, type="DATE", value=date),
        entities=tuple(Entity(text=t, label=label) for t, label in entities),
        lemmas=tuple(lemmas.split()),
        predicate=verb,
    )


def groups(events: tuple[Event, ...]) -> list[tuple[str, ...]]:
    return sorted(e.articles for e in events)


@pytest.mark.parametrize(
    "forms",
    [
        "raise raised raises raising",
        "strike struck strikes striking attack attacked",
        "carry carried carries carrying",
        "die died dies dying kill killed",
        "agree agreed agrees agreeing",
        "travel travelled traveled travels went go",
        "vote voted approve approved passed",
        "meet met meeting talks negotiated",
        "bring brought bringing",
        "need needed needs",
        "focus focused focuses",
    ],
)
def test_forms_and_equivalents_of_one_verb_are_one_act(forms: str) -> None:
    assert len({act(word) for word in forms.split()}) == 1, {w: act(w) for w in forms.split()}


def test_different_verbs_are_different_acts() -> None:
    verbs = "raised slid questioned landed told drew rescued sent"
    assert len({act(v) for v in verbs.split()}) == len(verbs.split())
    assert stem("bring") == "bring"  # no stem is left without a vowel


def test_light_verbs_and_speech_name_no_act() -> None:
    assert predicate("is") == predicate("held") == predicate("scheduled")
    assert predicate("is").act is None and not predicate("is").speech
    assert predicate("told").speech and predicate("says").speech
    assert predicate("told").act is None
    assert predicate("landed").act == act("land")
    assert not predicate("").known  # a mention made without its verb


def test_an_act_word_beside_a_verb_of_its_own_belongs_to_another_clause() -> None:
    def acts(verb: str, *words: str) -> Acts:
        return Acts.of(predicate(verb), [act(w) for w in words])

    landed = acts("landed", "rescue")  # "search and rescue specialists landed ..."
    priority = acts("tells", "rescue")  # "... rescue response, tells the BBC ..."
    talks = acts("is", "talk")  # "is in Moscow for talks"
    met = acts("met", "talk")  # "met ... for talks"
    assert landed.shared(priority) == frozenset()
    assert talks.shared(met) == {act("talk")}
    assert acts("exploded").shared(acts("killed", "explosion")) == {act("explode")}
    # the story's theme ("the quake", in every report of a quake) is no act two light
    # verbs share, but a verb naming it is matched by it
    quake = act("earthquake")
    troops = Acts.of(predicate("be"), [quake], common=[quake])
    doctor = Acts.of(predicate("was"), [quake], common=[quake])
    assert troops.shared(doctor) == frozenset()
    assert Acts.of(predicate("is"), [quake]).shared(Acts.of(predicate("was"), [quake])) == {quake}
    assert Acts.of(predicate("quaked"), []).shared(doctor) == {quake}


def test_reports_of_different_acts_the_same_day_stay_apart() -> None:
    shares = report(
        "a",
        "Northline shares slid nearly 3% this morning after the closure of the pipeline "
        "that carries a tenth of the state's oil output.",
        "this morning",
        "2021-03-08",
        ("Northline", "ORG"),
        verb="slid",
        lemmas="share slide closure pipeline carry tenth state oil output",
    )
    concern = report(
        "b",
        "The pipeline carries a tenth of the state's oil, and its shutdown for a third "
        "day on Monday has raised concern about fuel prices.",
        "Monday",
        "2021-03-08",
        verb="raised",
        lemmas="pipeline carry tenth state oil shutdown third day raise concern fuel price",
    )
    assert groups(merge_mentions([shares, concern], ARTICLES)) == [("a",), ("b",)]
    again = report(
        "c",
        "Northline shares fell 3% on Monday after the pipeline closure.",
        "Monday",
        "2021-03-08",
        ("Northline", "ORG"),
        verb="fell",
        lemmas="share fall pipeline closure",
    )
    # in other verbs but close to one text: one happening, the concern still another
    assert groups(merge_mentions([shares, concern, again], ARTICLES)) == [("a", "c"), ("b",)]


def test_one_act_in_other_words_merges() -> None:
    travel = report(
        "a",
        "Foreign Minister Ines Calder said she would travel to Port Lerin on Saturday.",
        "Saturday",
        "2021-03-13",
        ("Ines Calder", "PERSON"),
        ("Port Lerin", "GPE"),
        verb="travel",
        lemmas="foreign travel",
    )
    go = report(
        "b",
        "Ines Calder tells reporters she will go to Port Lerin on Saturday with aid officials.",
        "Saturday",
        "2021-03-13",
        ("Ines Calder", "PERSON"),
        ("Port Lerin", "GPE"),
        verb="go",
        lemmas="reporter aid official",
    )
    (event,) = merge_mentions([travel, go], ARTICLES)
    assert event.articles == ("a", "b")


def test_a_light_verb_carries_the_act_of_its_words() -> None:
    met = report(
        "a",
        "President Olsen met Prime Minister Dara Voss for talks in Tallin yesterday on the "
        "border dispute.",
        "yesterday",
        "2021-03-08",
        ("Olsen", "PERSON"),
        ("Dara Voss", "PERSON"),
        ("Tallin", "GPE"),
        verb="met",
        lemmas="president meet prime talk border dispute",
    )
    visit = report(
        "b",
        "Dara Voss is in Tallin for talks with President Olsen on the border dispute on Monday.",
        "Monday",
        "2021-03-08",
        ("Dara Voss", "PERSON"),
        ("Tallin", "GPE"),
        ("Olsen", "PERSON"),
        verb="is",
        lemmas="talk president border dispute",
    )
    (event,) = merge_mentions([met, visit], ARTICLES)
    assert event.articles == ("a", "b")


def test_light_verbs_with_no_act_word_in_common_stay_apart() -> None:
    relief = report(
        "a",
        "Relief has now started trickling through, with charities and the army getting aid "
        "to some of those who need it on Monday.",
        "Monday",
        "2021-03-08",
        ("Velia", "GPE"),
        verb="started",
        lemmas="relief start trickle charity army get aid need",
    )
    crates = report(
        "b",
        "On Monday we started getting a flood of crates from army helicopters in Velia.",
        "Monday",
        "2021-03-08",
        ("Velia", "GPE"),
        verb="started",
        lemmas="start get flood crate army helicopter",
    )
    assert groups(merge_mentions([relief, crates], ARTICLES)) == [("a",), ("b",)]


def test_figures_with_a_magnitude_are_figures() -> None:
    first = report(
        "a",
        "By Friday the flood appeal had raised $1m for families in the valley.",
        "Friday",
        "2021-03-05",
        verb="raised",
        lemmas="flood appeal raise family valley",
    )
    second = report(
        "b",
        "The flood appeal had raised $2.5m for families in the valley by Friday.",
        "Friday",
        "2021-03-05",
        verb="raised",
        lemmas="flood appeal raise family valley",
    )
    assert groups(merge_mentions([first, second], ARTICLES)) == [("a",), ("b",)]


def story(words: str, place: str, count: int = 60) -> tuple[list[EventMention], dict[str, Any]]:
    """A story's background: `count` reports on other days, from other articles, each
    using `words` and naming `place`, so both are common in the corpus."""
    mentions, articles = [], dict(ARTICLES)
    for n in range(count):
        aid = f"s{n}"
        articles[aid] = make_article(
            aid, f"Report {n} of the story {aid * 3}.", dt.date(2021, 3, 9)
        )
        day = (dt.date(2021, 1, 1) + dt.timedelta(days=n)).isoformat()
        mentions.append(
            report(
                aid,
                f"On {day} the report recalled it all in {place}.",
                day,
                day,
                (place, "GPE"),
                verb="recalled",
                lemmas=f"{words} recall",
            )
        )
    return mentions, articles


def test_the_storys_main_place_is_no_evidence_of_one_happening() -> None:
    girl = report(
        "a",
        "On Friday a girl was rescued from the rubble of a school in Port Lerin by a crew.",
        "Friday",
        "2021-03-05",
        ("Port Lerin", "GPE"),
        verb="rescued",
        lemmas="girl rescue rubble school crew",
    )
    boy = report(
        "b",
        "Blogger Tom Reyes rescues a boy from the rubble in Port Lerin on Friday.",
        "Friday",
        "2021-03-05",
        ("Tom Reyes", "PERSON"),
        ("Port Lerin", "GPE"),
        verb="rescues",
        lemmas="blogger rescue boy rubble",
    )
    assert len(merge_mentions([girl, boy], ARTICLES)) == 1  # a small story: the place tells
    background, articles = story("quake aid", "Port Lerin")
    events = merge_mentions([girl, boy, *background], articles)
    assert ("a", "b") not in groups(events)  # every report names the story's city


def test_reports_of_one_act_in_the_storys_common_words_are_compared() -> None:
    """All the words two reports share are the story's own ("explosion", "rig"): the act
    their dates belong to is what brings them together."""
    first = report(
        "a",
        "The explosion aboard the rig on 20 April killed 11 workers.",
        "20 April",
        "2021-04-20",
        verb="killed",
        lemmas="explosion rig die worker",
    )
    second = report(
        "b",
        "Timeline: on 20 April an explosion on the drilling rig killed 11 men.",
        "20 April",
        "2021-04-20",
        verb="killed",
        lemmas="timeline explosion drilling rig die man",
    )
    background, articles = story("explosion rig die drilling", "Gulf")
    events = merge_mentions([first, second, *background], articles)
    assert ("a", "b") in groups(events)
