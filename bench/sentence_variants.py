"""How a key day's sentences are chosen, under leave-one-story-out: a script, not a test.

    .venv/bin/python bench/sentence_variants.py [T17_DIR] [--cache-dir DIR]

The key days are the shipped ranking's; only the sentences telling them change. For each
variant prints the held-out date-aligned ROUGE-1 of every story, their mean, and the mean
when every story is in; parameters are chosen per fold on the other stories by the rule
`timeline eval tls` uses for the ranking (best mean over stories, each weighing the same;
the middle of tied settings). Variants:

- the weight of a report published within some days of the day against a later aside
  (`day_sentences`' own two parameters, the shipped pair among them);
- the same, with a sentence in the first characters of its article (the news lead)
  weighing more, a position the product does not use.

Extraction comes from the cache `timeline eval tls` fills (default .timeline-cache).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path

from timeline.config import Config
from timeline.evaluate.crossval import story_of
from timeline.evaluate.tls import Case, aligned_rouge, prepare_cases
from timeline.pipeline.stages import analyse, open_cache
from timeline.rank.day_sentences import (
    OWN_REPORT,
    REDUNDANT,
    REPORT_DAYS,
    Candidates,
    _centrality,
    _dot,
    _own_report,
    day_sentences,
)
from timeline.rank.salience import key_days
from timeline.types import EventMention

ROOT = Path(__file__).resolve().parents[1]
Params = dict[str, float]
Choose = Callable[[Candidates, dt.date, int, Params], Sequence[EventMention]]


def shipped(found: Candidates, day: dt.date, count: int, p: Params) -> Sequence[EventMention]:
    return day_sentences(found, day, count, own_report=p["own"], report_days=int(p["days"]))


def with_lead(found: Candidates, day: dt.date, count: int, p: Params) -> Sequence[EventMention]:
    """`day_sentences` with a sentence starting in its article's first `lead_chars`
    characters weighing `lead` times more."""
    pool = found.by_day.get(day) or found.asides.get(day, ())
    vectors = [found.rows[row] for row, _ in pool]
    articles = [m.article for _, m in pool]
    echoed = _centrality(vectors, [found.sources.get(a, a) for a in articles])
    central = _centrality(vectors, [str(k) for k in range(len(pool))])
    weight = []
    for _, m in pool:
        own = _own_report(found.published.get(m.article), day, int(p["days"]))
        lead = p["lead"] if m.start < p["lead_chars"] else 1.0
        weight.append((p["own"] if own else 1.0) * lead)
    order = sorted(
        range(len(pool)), key=lambda k: (-weight[k] * echoed[k], -weight[k] * central[k], k)
    )
    picked: list[int] = []
    for k in order:
        if len(picked) >= count:
            break
        if all(_dot(vectors[k], vectors[j]) < REDUNDANT for j in picked):
            picked.append(k)
    return [pool[k][1] for k in picked]


SHIPPED: dict[str, Sequence[float]] = {"own": (OWN_REPORT,), "days": (float(REPORT_DAYS),)}
VARIANTS: tuple[tuple[str, Choose, dict[str, Sequence[float]]], ...] = (
    ("shipped: reports within 2 days weigh 2", shipped, SHIPPED),
    (
        "report weight 1-4, within 0-3 days",
        shipped,
        {"own": (1.0, 1.5, 2.0, 3.0, 4.0), "days": (0.0, 1.0, 2.0, 3.0)},
    ),
    (
        "shipped + lead: first 300-1000 characters weigh 1-3",
        with_lead,
        {**SHIPPED, "lead_chars": (300.0, 600.0, 1000.0), "lead": (1.0, 1.5, 2.0, 3.0)},
    ),
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared/data/t17")
    parser.add_argument("--cache-dir", default=str(ROOT / ".timeline-cache"))
    args = parser.parse_args(argv)
    cache = open_cache(Config(cache_dir=args.cache_dir))
    topics = sorted(p for p in args.corpus.iterdir() if (p / "articles.jsonl").is_file())
    cases = [c for t in topics for c in prepare_cases(t, lambda a: analyse(a, cache))]
    days = [(c, key_days(c.coverage, c.dates)) for c in cases]
    stories = sorted({story_of(c.topic) for c in cases})
    print(f"{'variant':<52}" + "".join(f"{s[:8]:>9}" for s in stories) + "     mean  fit all")
    for name, choose, grid in VARIANTS:
        settings = [dict(zip(grid, v, strict=True)) for v in itertools.product(*grid.values())]
        table = [_story_rouge(days, choose, p) for p in settings]
        held = {s: table[_choose(table, [o for o in stories if o != s])][s] for s in stories}
        fit = table[_choose(table, stories)]
        line = f"{name[:52]:<52}" + "".join(f"{held[s]:>9.3f}" for s in stories)
        print(line + f"{_mean(list(held.values())):>9.3f}{_mean(list(fit.values())):>9.3f}")
    return 0


def _story_rouge(
    days: list[tuple[Case, tuple[dt.date, ...]]], choose: Choose, p: Params
) -> dict[str, float]:
    by_story: dict[str, list[float]] = defaultdict(list)
    for case, key in days:
        told = {
            d: [m.sentence for m in choose(case.coverage.sentences, d, case.sentences_per_date, p)]
            for d in key
        }
        by_story[story_of(case.topic)].append(aligned_rouge(told, case.reference, 1))
    return {s: _mean(v) for s, v in by_story.items()}


def _choose(table: list[dict[str, float]], stories: list[str]) -> int:
    fits = [round(_mean([t[s] for s in stories]), 9) for t in table]
    tied = [i for i, f in enumerate(fits) if f == max(fits)]
    return tied[(len(tied) - 1) // 2]


def _mean(values: list[float]) -> float:
    return sum(values) / len(values) if values else 0.0


if __name__ == "__main__":
    raise SystemExit(main())
