"""Key-day ranking variants under leave-one-story-out: a script, not a test.

    .venv/bin/python bench/rank_variants.py [T17_DIR] [--cache-dir DIR]

For each variant (the shipped ranking first, then the richer ones it was compared with)
prints the held-out date F1 of every story, their mean, and the mean when every story is
in. Parameters are chosen per fold on the other stories by the rule `timeline eval tls`
uses (best mean over stories, each weighing the same; the middle of tied settings, in
grid order), so every figure but the last column is held out. Days are candidates as in
the product: inside the reference span, with a sentence dated to them. After the
variants: a learned ranker (logistic regression fit on the other stories, held out), the
busiest days, and the best choice among the days that can be told, knowing the reference
(what no ranking can beat). The "publication days need no sentence" line is a bound too,
not the product: a key day must be told.

Extraction comes from the cache `timeline eval tls` fills (default .timeline-cache):
run that once first, or this script extracts every topic (minutes).
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from timeline.config import Config
from timeline.evaluate.crossval import story_of
from timeline.evaluate.tls import Case, prepare_cases
from timeline.pipeline.stages import analyse, open_cache
from timeline.rank.evidence import READER_PARTS, day_of, names_day, reported_timexes
from timeline.types import ArticleResult

ROOT = Path(__file__).resolve().parents[1]

Day = dict[str, int]
Params = dict[str, float]


@dataclass(frozen=True)
class Variant:
    name: str
    grid: dict[str, Sequence[float]]
    score: Callable[[Day, Params], float]
    spread: bool = False  # greedy choice that discounts days next to chosen ones
    local: bool = False  # scores relative to the days around them
    span: bool = False  # the spread window is a share of the span per key day
    cut: bool = False  # drops chosen days scoring under a share of the chosen days' mean
    untold: bool = False  # publication days count as told (a bound, not the product)
    told_by: str = "told"  # "own": statements dated to the day only; "aside": set-aside too
    readers: bool = False  # reader comments' expressions count as evidence


def features(
    results: Sequence[ArticleResult], case: Case, readers: bool = False
) -> dict[dt.date, Day]:
    """Independent sources per day, by how they speak of it (see timeline.rank.evidence):
    published on it; referring to it later (`later`), within two days (`next`, the print
    report) or over a week later (`far`); naming it by date later (`named`), over a week
    later or within one (`named_far`, `named_near`); referring to it on the day or ahead
    (`same`), ahead only (`ahead`); reporting it: of the publication day and the day
    before, the one an article dates most of its statements to (`report`); and the
    expressions dating anything to it, not sources (`references`, Datewise's count)."""
    start, end = min(case.reference), max(case.reference)
    sources = case.coverage.sentences.sources
    found: dict[dt.date, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    references: Counter[dt.date] = Counter()
    for r in results:
        source, published = sources.get(r.article.id, r.article.id), r.article.published.date
        if published is None:
            continue
        if start <= published <= end:
            found[published]["published"].add(source)
        recent: Counter[dt.date] = Counter()
        for timex in r.timexes if readers else reported_timexes(r):
            day = day_of(timex.value)
            if day is None or not start <= day <= end:
                continue
            references[day] += 1
            gap = (published - day).days
            kind = "later" if gap > 0 else "same"
            found[day][kind].add(source)
            if gap < 0:
                found[day]["ahead"].add(source)
            if 0 <= gap <= 1:
                recent[day] += 1
            if gap > 0:
                found[day]["next" if gap <= 2 else "far" if gap > 7 else "mid"].add(source)
            if gap > 0 and names_day(timex):
                found[day]["named"].add(source)
                found[day]["named_far" if gap > 7 else "named_near"].add(source)
        report = max(recent, key=lambda d: (recent[d], d)) if recent else published
        if start <= report <= end:
            found[report]["report"].add(source)
        if recent and start <= published <= end:
            found[published]["news"].add(source)
    days = {}
    for day, kinds in found.items():
        row = {k: len(v) for k, v in kinds.items()}
        row["attested"] = len(set().union(*kinds.values()))
        row["references"] = references[day]
        days[day] = row
    return days


def set_aside_days(results: Sequence[ArticleResult], case: Case) -> set[dt.date]:
    """Days named in statements set aside as no entry (captions, questions...), readers'
    comments excepted."""
    start, end = min(case.reference), max(case.reference)
    found = set()
    for r in results:
        parts = [(p.start, p.end) for p in r.set_aside if p.part not in READER_PARTS]
        for t in reported_timexes(r):
            day = day_of(t.value)
            if day and start <= day <= end and any(a <= t.start < b for a, b in parts):
                found.add(day)
    return found


def pick(days: Mapping[dt.date, Day], told: set[dt.date], k: int, v: Variant, p: Params) -> list:
    scores = {d: v.score(f, p) for d, f in days.items()}
    if v.local and p.get("b"):
        scores = _relative(scores, p["b"])
    if v.untold:
        told = told | {d for d, f in days.items() if g(f, "published")}
    scores = {d: s for d, s in scores.items() if d in told}
    ranked = sorted((d for d, s in scores.items() if s > 0), key=lambda d: (-scores[d], d))
    if v.cut and ranked[:k]:
        mean = sum(scores[d] for d in ranked[:k]) / len(ranked[:k])
        return [d for d in ranked[:k] if scores[d] >= p["cut"] * mean]
    if not v.spread or not p.get("spread"):
        return ranked[:k]
    chosen: list[dt.date] = []
    window = p["window"] * (k_span(days) / k if v.span else 1.0)
    while ranked and len(chosen) < k:

        def discounted(d: dt.date) -> float:
            near = sum(1 for c in chosen if abs((c - d).days) <= window)
            return scores[d] / (1 + p["spread"] * near)

        best = min(ranked, key=lambda d: (-discounted(d), d))
        chosen.append(best)
        ranked.remove(best)
    return chosen


def k_span(days: Mapping[dt.date, Day]) -> int:
    """Days from the first to the last day with any evidence."""
    return (max(days) - min(days)).days + 1 if days else 1


def _relative(scores: dict[dt.date, float], power: float, days: int = 7) -> dict[dt.date, float]:
    out = {}
    for d, s in scores.items():
        around = [scores.get(d + dt.timedelta(days=i), 0.0) for i in range(-days, days + 1)]
        local = sum(around) / len(around)
        out[d] = s / local**power if local > 0 else 0.0
    return out


def settings(v: Variant) -> Iterator[Params]:
    names = list(v.grid)
    for values in itertools.product(*(v.grid[n] for n in names)):
        yield dict(zip(names, values, strict=True))


def g(day: Day, key: str) -> int:
    return day.get(key, 0)


def gated(day: Day, weight: float, key: str = "named") -> float:
    return weight * g(day, key) if g(day, "attested") >= 2 else 0.0


WEIGHTS = (0.0, 0.5, 1.0, 2.0, 4.0, 8.0)
VARIANTS = (
    Variant(
        "shipped: published + w * named (a day two sources speak of)",
        {"w": WEIGHTS},
        lambda d, p: g(d, "published") + gated(d, p["w"]),
    ),
    Variant(
        "shipped, told only by statements dated to the day (before)",
        {"w": WEIGHTS},
        lambda d, p: g(d, "published") + gated(d, p["w"]),
        told_by="own",
    ),
    Variant(
        "shipped, set-aside statements (captions...) tell days too",
        {"w": WEIGHTS},
        lambda d, p: g(d, "published") + gated(d, p["w"]),
        told_by="aside",
    ),
    Variant(
        "shipped, reader comments count as evidence (before)",
        {"w": WEIGHTS},
        lambda d, p: g(d, "published") + gated(d, p["w"]),
        readers=True,
    ),
    Variant("published only (busiest days, by source)", {}, lambda d, _p: g(d, "published")),
    Variant(
        "published + w * named, no corroboration needed",
        {"w": WEIGHTS},
        lambda d, p: g(d, "published") + p["w"] * g(d, "named"),
    ),
    Variant(
        "+ v * later references of any wording",
        {"w": WEIGHTS, "v": (0.0, 0.25, 0.5, 1.0)},
        lambda d, p: g(d, "published") + gated(d, p["w"]) + p["v"] * g(d, "later"),
    ),
    Variant(
        "+ u * same-day and forward references",
        {"w": WEIGHTS, "u": (0.0, 0.25, 0.5, 1.0)},
        lambda d, p: g(d, "published") + gated(d, p["w"]) + p["u"] * g(d, "same"),
    ),
    Variant(
        "+ spread: discount by chosen days within a window",
        {"w": WEIGHTS, "spread": (0.0, 0.5, 1.0), "window": (1, 3)},
        lambda d, p: g(d, "published") + gated(d, p["w"]),
        spread=True,
    ),
    Variant(
        "+ spread: window c x (span / K), discount s per chosen day in it",
        {"w": WEIGHTS, "spread": (0.0, 0.25, 0.5, 1.0), "window": (0.5, 1.0, 2.0)},
        lambda d, p: g(d, "published") + gated(d, p["w"]),
        spread=True,
        span=True,
    ),
    Variant(
        "+ local volume: divide by the mean score of +-7 days ^ b",
        {"w": WEIGHTS, "b": (0.0, 0.25, 0.5)},
        lambda d, p: g(d, "published") + gated(d, p["w"]),
        local=True,
    ),
    Variant(
        "days need two sources (a one-source day is never key)",
        {"w": WEIGHTS},
        lambda d, p: (g(d, "published") + gated(d, p["w"])) * (g(d, "attested") >= 2),
    ),
    Variant(
        "sources attesting the day in any way",
        {},
        lambda d, _p: g(d, "attested"),
    ),
    Variant(
        "expressions dating anything to the day (not sources)",
        {},
        lambda d, _p: g(d, "references"),
    ),
    Variant(
        "published + v * expressions dating anything to the day",
        {"v": (0.0, 0.05, 0.1, 0.25, 0.5, 1.0)},
        lambda d, p: g(d, "published") + p["v"] * g(d, "references"),
    ),
    Variant(
        "+ v * reports within two days after (the print report)",
        {"w": WEIGHTS, "v": (0.0, 0.25, 0.5, 1.0, 2.0)},
        lambda d, p: g(d, "published") + gated(d, p["w"]) + p["v"] * g(d, "next"),
    ),
    Variant(
        "+ u * forward references only (plans), u may be negative",
        {"w": WEIGHTS, "u": (-1.0, -0.5, -0.25, 0.0, 0.25, 0.5, 1.0)},
        lambda d, p: g(d, "published") + gated(d, p["w"]) + p["u"] * g(d, "ahead"),
    ),
    Variant(
        "named over a week later: w far + v near",
        {"w": WEIGHTS, "v": WEIGHTS},
        lambda d, p: (
            g(d, "published") + gated(d, p["w"], "named_far") + gated(d, p["v"], "named_near")
        ),
    ),
    Variant(
        "report day (the day an article dates most to) + w * named",
        {"w": WEIGHTS, "u": (0.0, 0.25, 0.5, 1.0)},
        lambda d, p: g(d, "report") + p["u"] * g(d, "published") + gated(d, p["w"]),
    ),
    Variant(
        "news: published with something dated to the day or the one before",
        {"w": WEIGHTS, "u": (0.0, 0.25, 0.5, 1.0)},
        lambda d, p: g(d, "news") + p["u"] * g(d, "published") + gated(d, p["w"]),
    ),
    Variant(
        "fewer days: drop those under c x the mean of the K best",
        {"w": WEIGHTS, "cut": (0.0, 0.1, 0.2, 0.3)},
        lambda d, p: g(d, "published") + gated(d, p["w"]),
        cut=True,
    ),
    Variant(
        "(bound) shipped, publication days need no sentence",
        {"w": WEIGHTS},
        lambda d, p: g(d, "published") + gated(d, p["w"]),
        untold=True,
    ),
)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("corpus", nargs="?", type=Path, default=ROOT.parent / "shared/data/t17")
    parser.add_argument("--cache-dir", default=str(ROOT / ".timeline-cache"))
    args = parser.parse_args(argv)
    cache = open_cache(Config(cache_dir=args.cache_dir))
    topics = sorted(p for p in args.corpus.iterdir() if (p / "articles.jsonl").is_file())
    rows = []
    for topic in topics:
        seen: list[ArticleResult] = []

        def extract(articles: Sequence, seen: list[ArticleResult] = seen) -> Sequence:
            seen[:] = analyse(articles, cache)
            return seen

        for case in prepare_cases(topic, extract):
            told = set(case.coverage.sentences.told)
            ways = {
                "told": told,
                "own": set(case.coverage.sentences.by_day),
                "aside": told | set_aside_days(seen, case),
            }
            rows.append((case, (features(seen, case), features(seen, case, True)), ways))
    stories = sorted({story_of(c.topic) for c, _, _ in rows})
    print(f"{'variant':<58}" + "".join(f"{s[:8]:>9}" for s in stories) + "     mean  fit all")
    for variant in VARIANTS:
        grid = list(settings(variant)) or [{}]
        table = [_story_means(rows, variant, p) for p in grid]
        held = {s: table[_choose(table, [o for o in stories if o != s])][s] for s in stories}
        fit = table[_choose(table, stories)]
        line = f"{variant.name[:58]:<58}" + "".join(f"{held[s]:>9.3f}" for s in stories)
        print(line + f"{_mean(held.values()):>9.3f}{_mean(fit.values()):>9.3f}")
    held = _learned(rows, stories)
    line = f"{'logistic regression on six log counts, fit per fold':<58}"
    print(line + "".join(f"{held[s]:>9.3f}" for s in stories) + f"{_mean(held.values()):>9.3f}")
    bounds = (("busiest days (the baseline)", _baseline), ("(bound) best told days", _best))
    for name, bound in bounds:
        by_story = _by_story(rows, bound)
        line = f"{name:<58}" + "".join(f"{by_story[s]:>9.3f}" for s in stories)
        print(line + f"{_mean(by_story.values()):>9.3f}")
    return 0


LEARNED = ("published", "named", "later", "same", "ahead", "references")


def _learned(rows: list, stories: list[str]) -> dict[str, float]:
    """A Datewise-like learned ranker: logistic regression (Newton steps, L2 1) of "the
    day is in the reference" on log(1 + count) of `LEARNED` (named only for a day two
    sources speak of), centred per timeline, fit on the told days of the other stories."""
    data = []
    for case, (days, _), ways in rows:
        order = sorted(ways["told"])
        x = np.log1p([[_learned_count(days.get(d, {}), k) for k in LEARNED] for d in order])
        x = np.hstack([x - x.mean(axis=0), np.ones((len(order), 1))])
        data.append((case, order, x, np.array([d in case.reference for d in order], float)))
    held: dict[str, list[float]] = defaultdict(list)
    for story in stories:
        train = [(x, y) for c, _, x, y in data if story_of(c.topic) != story]
        x, y = np.vstack([t[0] for t in train]), np.concatenate([t[1] for t in train])
        w = np.zeros(x.shape[1])
        ridge = np.diag([1.0] * (len(w) - 1) + [0.0])
        for _ in range(50):
            p = 1 / (1 + np.exp(-x @ w))
            hessian = (x.T * (p * (1 - p))) @ x + ridge + 1e-9 * np.eye(len(w))
            w -= np.linalg.solve(hessian, x.T @ (p - y) + ridge @ w)
        for case, order, xc, yc in data:
            if story_of(case.topic) == story:
                p = xc @ w
                chosen = sorted(range(len(order)), key=lambda i: (-p[i], order[i]))[: case.dates]
                hits = sum(yc[i] for i in chosen)
                held[story].append(2 * hits / (len(chosen) + case.dates) if hits else 0.0)
    return {s: _mean(v) for s, v in held.items()}


def _learned_count(day: Day, key: str) -> int:
    return g(day, key) if key != "named" or g(day, "attested") >= 2 else 0


def _baseline(case: Case, _told: set[dt.date]) -> float:
    hits = len(set(case.baseline) & set(case.reference))
    return 2 * hits / (len(case.baseline) + case.dates) if hits else 0.0


def _best(case: Case, told: set[dt.date]) -> float:
    """Every reference day that can be told and no other: the most any ranking gets."""
    hits = len(told & set(case.reference))
    return 2 * hits / (hits + case.dates) if hits else 0.0


def _by_story(rows: list, score: Callable[[Case, set[dt.date]], float]) -> dict[str, float]:
    by_story: dict[str, list[float]] = defaultdict(list)
    for case, _days, ways in rows:
        by_story[story_of(case.topic)].append(score(case, ways["told"]))
    return {s: _mean(v) for s, v in by_story.items()}


def _story_means(rows: list, variant: Variant, p: Params) -> dict[str, float]:
    by_story: dict[str, list[float]] = defaultdict(list)
    for case, both, ways in rows:
        days, told = both[variant.readers], ways[variant.told_by]
        chosen = pick(days, told, case.dates, variant, p)
        hits = len(set(chosen) & set(case.reference))
        f1 = 2 * hits / (len(chosen) + case.dates) if hits else 0.0
        by_story[story_of(case.topic)].append(f1)
    return {s: _mean(v) for s, v in by_story.items()}


def _choose(table: list[dict[str, float]], stories: list[str]) -> int:
    fits = [round(_mean(t[s] for s in stories), 9) for t in table]
    tied = [i for i, f in enumerate(fits) if f == max(fits)]
    return tied[(len(tied) - 1) // 2]


def _mean(values: object) -> float:
    found = list(values)  # type: ignore[call-overload]
    return sum(found) / len(found) if found else 0.0


if __name__ == "__main__":
    raise SystemExit(main())
