"""Leave-one-story-out cross-validation of the key-day ranking.

Timeline17 has several timelines of one story (an oil spill told by five outlets), so
leaving out one topic leaves its siblings in, and a weight tuned there is partly tuned
on the held-out story. Here every topic of the held-out story is out: the named-date
weight (`salience.NAMED_WEIGHT`) is chosen from `GRID` by the mean date F1 over the
other stories (each story weighs the same, however many timelines it has; when several
weights tie, the middle one of them, the choice least sensitive to which stories were
in), then the held-out story is scored under it. Those held-out figures are the ones
that say how the ranking does on a story it has never seen.

A topic's story is its folder name up to the first underscore (`bpoil_bbc` -> `bpoil`),
Timeline17's naming.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from timeline.errors import InputError
from timeline.evaluate.tls import Case, TimelineScore, date_f1, score_case
from timeline.rank.salience import NAMED_WEIGHT

GRID = (0.0, 0.5, 1.0, 2.0, 4.0, 8.0)
"""Named-date weights tried (0 counts publications alone)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class StoryScore:
    """One story held out."""

    story: str
    timelines: int
    weight: float  # chosen on the other stories
    date_f1: float  # held out: mean over the story's timelines under `weight`
    rouge1: float  # held out, likewise
    baseline_f1: float  # the busiest days
    fit_f1: float  # under the weight chosen with every story in (this one included)


@dataclass(frozen=True, slots=True, kw_only=True)
class CrossValidation:
    stories: tuple[StoryScore, ...]
    weight: float  # chosen with every story in: what the ranking ships with

    def mean(self, field: str) -> float:
        """Mean over stories (each story weighs the same)."""
        values = [float(getattr(s, field)) for s in self.stories]
        return sum(values) / len(values) if values else 0.0


def story_of(topic: str) -> str:
    return topic.split("_", 1)[0]


def leave_one_story_out(cases: Sequence[Case], grid: Sequence[float] = GRID) -> CrossValidation:
    """Hold out each story in turn; see the module docstring."""
    by_story: dict[str, list[int]] = defaultdict(list)
    for index, case in enumerate(cases):
        by_story[story_of(case.topic)].append(index)
    if len(by_story) < 2:
        raise InputError("leave-one-story-out needs timelines of at least two stories")
    f1 = {w: [date_f1(case, w) for case in cases] for w in grid}
    means = {w: {s: _mean(f1[w][i] for i in found) for s, found in by_story.items()} for w in grid}
    shipped = choose_weight(means, by_story, grid)
    scored: dict[tuple[int, float], TimelineScore] = {}

    def score(i: int, w: float) -> TimelineScore:
        if (i, w) not in scored:
            scored[i, w] = score_case(cases[i], w)
        return scored[i, w]

    stories = []
    for story, found in sorted(by_story.items()):
        weight = choose_weight(means, [s for s in by_story if s != story], grid)
        stories.append(
            StoryScore(
                story=story,
                timelines=len(found),
                weight=weight,
                date_f1=means[weight][story],
                rouge1=_mean(score(i, weight).rouge1 for i in found),
                baseline_f1=_mean(score(i, weight).baseline_f1 for i in found),
                fit_f1=means[shipped][story],
            )
        )
    return CrossValidation(stories=tuple(stories), weight=shipped)


def choose_weight(
    means: Mapping[float, Mapping[str, float]], stories: Iterable[str], grid: Sequence[float]
) -> float:
    """The weight of `grid` with the best mean date F1 over `stories`; of several that
    tie, the middle one (the lower of two middles)."""
    chosen = list(stories)
    fit = {w: round(_mean(means[w][s] for s in chosen), 9) for w in grid}
    best = max(fit.values())
    tied = [w for w in grid if fit[w] == best]
    return tied[(len(tied) - 1) // 2]


def format_cross_validation(cv: CrossValidation) -> str:
    """A plain-text table, one line per held-out story and the mean over stories."""
    head = f"{'held-out story':<22} {'TLs':>3} {'weight':>6} {'dateF1':>6} {'base':>6} {'R1':>6}"
    shipped = (
        "the one the ranking ships with"
        if cv.weight == NAMED_WEIGHT
        else f"the ranking ships with {NAMED_WEIGHT:g}"
    )
    lines = [
        "Leave one story out: the named-date weight is chosen on the other stories, and",
        "dateF1 and R1 are the held-out story's scores under it. fitF1: under the weight",
        f"chosen with every story in ({cv.weight:g}; {shipped}).",
        head + f" {'fitF1':>6}",
    ]
    for s in cv.stories:
        lines.append(
            f"{s.story[:22]:<22} {s.timelines:>3} {s.weight:>6g} {s.date_f1:>6.3f}"
            f" {s.baseline_f1:>6.3f} {s.rouge1:>6.3f} {s.fit_f1:>6.3f}"
        )
    m = cv.mean
    lines.append(
        f"{'mean (' + str(len(cv.stories)) + ' stories)':<33} {m('date_f1'):>6.3f}"
        f" {m('baseline_f1'):>6.3f} {m('rouge1'):>6.3f} {m('fit_f1'):>6.3f}"
    )
    return "\n".join(lines)


def _mean(values: Iterable[float]) -> float:
    found = list(values)
    return sum(found) / len(found) if found else 0.0
