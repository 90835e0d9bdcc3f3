"""Years of the era before year 1: the era written once after a range is both years'."""

from __future__ import annotations

import pytest

from tests.timex.conftest import Tagger

CASES = [
    ("The fort was held between 300 and 250 BC.", {"300": "BC0300", "250 BC": "BC0250"}),
    ("Two cities fought from 431 to 404 B.C.", {"431": "BC0431", "404 B.C.": "BC0404"}),
    ("The consul served 63-62 BC.", {"63": "BC0063", "62 BC": "BC0062"}),
    ("The walls rose between 120 and 130 AD.", {"120": "0120", "130 AD": "0130"}),
    ("The temple dates to the fourth century BC.", {"the fourth century BC": "BC03"}),
]


@pytest.mark.parametrize(("text", "expect"), CASES, ids=[c[0] for c in CASES])
def test_era_applies_to_the_range(tag: Tagger, text: str, expect: dict[str, str]) -> None:
    found = {t.text: t.value for t in tag(text, "2015-12-16")}
    assert found == expect
