"""One name, one entity: canonical names, majority types, junk, partial names."""

from __future__ import annotations

import datetime as dt

from builders import make_article
from spacy.language import Language

from timeline.events import article_entities
from timeline.merge.entities import canonical_results, canonical_table, is_junk, name_key
from timeline.types import ArticleResult, Entity, EventMention

DAY = dt.date(2021, 3, 9)


def result(aid: str, *entities: tuple[str, str]) -> ArticleResult:
    """An article with one mention naming `entities` (text, label)."""
    mention = EventMention(
        article=aid,
        sentence="A sentence.",
        start=0,
        end=11,
        date="2021-03-09",
        headline="A sentence.",
        entities=tuple(Entity(text=t, label=label) for t, label in entities),
    )
    return ArticleResult(article=make_article(aid, "A sentence.", DAY), mentions=(mention,))


def names(results: tuple[ArticleResult, ...], aid: str) -> list[tuple[str, str]]:
    (found,) = [r for r in results if r.article.id == aid]
    return [(e.text, e.label) for m in found.mentions for e in m.entities]


def test_case_diacritics_articles_and_possessives_make_one_name() -> None:
    assert name_key("the Élysée Palace's") == name_key("Elysee Palace")
    assert name_key("HAITI") == name_key("haiti") == name_key("Haiti")
    assert name_key("Carol M. Browner") == name_key("Carol Browner")
    assert name_key("Eric H. Holder Jr.") == name_key("Eric Holder")
    out = canonical_results(
        (
            result("a", ("haiti", "GPE")),
            result("b", ("Haiti", "GPE")),
            result("c", ("Haiti", "GPE")),
        )
    )
    assert {n for aid in "abc" for n in names(out, aid)} == {("Haiti", "GPE")}


def test_the_type_is_the_corpus_majority_of_the_labels() -> None:
    out = canonical_results(
        (
            result("a", ("Port Vila", "GPE")),
            result("b", ("Port Vila", "GPE")),
            result("c", ("Port Vila", "ORG")),
        )
    )
    assert names(out, "c") == [("Port Vila", "GPE")]


def test_junk_is_never_an_entity() -> None:
    for junk in (
        "BST",
        "ET Guys",
        "Aired February 6",
        "Thu Apr",
        "Secretary",
        "State",
        "Prime Minister",
        "Supreme Court",
        "298p",
        "@harbourwatch",
        "Lee Celano/Reuters",
        "Award",
        "La",
        "Social Media Has Affected Anything Going On In The Region",
    ):
        assert is_junk(junk), junk
    for name in ("UN", "Port-au-Prince", "Hillary Clinton", "World Health Organization", "EU"):
        assert not is_junk(name), name


def test_a_dateline_in_capitals_is_not_a_name() -> None:
    out = canonical_results(
        (
            result("a", ("CAIRO", "ORG")),
            result("b", ("CAIRO", "ORG"), ("UN", "ORG")),
            result("c", ("UN", "ORG")),
        )
    )
    assert names(out, "a") == []
    assert names(out, "c") == [("UN", "ORG")]


def test_an_entity_needs_two_sources() -> None:
    out = canonical_results(
        (result("a", ("Lena Sorvik", "PERSON")), result("b", ("Arne Dahl", "PERSON"))),
    )
    assert names(out, "a") == [] and names(out, "b") == []
    copies = {"a": "a", "b": "a"}  # b is a wire copy of a: one source
    out = canonical_results(
        (result("a", ("Lena Sorvik", "PERSON")), result("b", ("Lena Sorvik", "PERSON"))), copies
    )
    assert names(out, "b") == []


def test_a_surname_links_to_the_one_person_of_its_article() -> None:
    table = canonical_table(
        [
            ("a", Entity(text="Ivan Watson", label="PERSON")),
            ("a", Entity(text="Watson", label="PERSON")),
            ("b", Entity(text="Ivan Watson", label="PERSON")),
            ("b", Entity(text="Robert Watson", label="PERSON")),
            ("b", Entity(text="Watson", label="PERSON")),
            ("c", Entity(text="Robert Watson", label="PERSON")),
        ],
        {},
    )
    assert table["a", "watson"] == (Entity(text="Ivan Watson", label="PERSON"),)
    assert table["b", "watson"] == ()  # two Watsons in the article: no link, no page


def test_a_bare_first_name_is_no_page() -> None:
    table = canonical_table(
        [(x, Entity(text="Rachel", label="PERSON")) for x in "abc"],
        {},
    )
    assert table["a", "rachel"] == ()


def test_names_run_together_are_split() -> None:
    found = [
        ("a", Entity(text="Barack Obama", label="PERSON")),
        ("b", Entity(text="Barack Obama", label="PERSON")),
        ("a", Entity(text="BP", label="ORG")),
        ("b", Entity(text="BP", label="ORG")),
        ("c", Entity(text="Barack Obama BP", label="PERSON")),
    ]
    table = canonical_table(found, {})
    assert table["c", "barack obama bp"] == (
        Entity(text="Barack Obama", label="PERSON"),
        Entity(text="BP", label="ORG"),
    )


def test_a_fragment_of_a_longer_name_is_no_page() -> None:
    found = [(x, Entity(text="Deepwater Horizon", label="FAC")) for x in "abcd"]
    found += [(x, Entity(text="Horizon", label="ORG")) for x in "ab"]
    found += [(x, Entity(text="Gulf of Mexico", label="LOC")) for x in "abcd"]
    found += [(x, Entity(text="Mexico", label="GPE")) for x in "ab"]
    table = canonical_table(found, {})
    assert table["a", "horizon"] == ()
    assert table["a", "mexico"] == (Entity(text="Mexico", label="GPE"),)  # places stay


def test_a_ship_is_not_a_person() -> None:
    found = [(x, Entity(text="USS Carl Vinson", label="PERSON")) for x in "ab"]
    (ship,) = canonical_table(found, {})["a", "uss carl vinson"]
    assert ship.label == "PRODUCT"


def test_extraction_links_a_surname_only_when_one_person_of_the_article_has_it(
    nlp: Language,
) -> None:
    one = nlp("John Kerry met Sergei Lavrov in Moscow on Tuesday. Kerry said the talks went well.")
    assert article_entities(one)["Kerry"] == "John Kerry"
    two = nlp(
        "Ivan Watson reported from Cairo on Monday. Robert Watson, a climate scientist, "
        "disagreed with him. Watson said the protests would grow."
    )
    assert article_entities(two)["Watson"] == "Watson"


def test_a_company_suffix_names_one_company() -> None:
    assert name_key("Novartis AG") == name_key("Novartis") == name_key("NOVARTIS")
    assert name_key("Repsol SA") == name_key("Repsol")
    out = canonical_results(
        (
            result("a", ("Novartis AG", "PERSON")),
            result("b", ("Novartis AG", "PERSON")),
            result("c", ("Novartis", "ORG")),
        )
    )
    assert {n for aid in "abc" for n in names(out, aid)} == {("Novartis AG", "ORG")}
