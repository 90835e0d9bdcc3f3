"""Timeline summarisation scoring against journalist-written timelines (Timeline17 layout).

A directory holds `articles.jsonl` (`id`, `published`, `text`) and `timelines/*.json`
(`{"entries": [{"date", "sentences"}]}`). For each reference timeline the input is
restricted to articles published within its first and last date, the system is asked
for as many dates as the reference has and its average number of sentences per date
(`salience.key_events`, the ranking the site and `extract --top-dates` use), and scored:

- date F1: exact day overlap between predicted and reference dates;
- ROUGE-1/2 F1, date-aligned: each predicted date is aligned to its nearest reference
  date and each reference date to its nearest predicted date; n-gram overlaps count
  with weight 1 / (1 + days apart). Tokens are lower-cased words, no stemming and no
  stop-word removal, so values are close to but not the same as published ROUGE;
- a baseline date F1: the days on which most articles were published.

Scores are averaged over timelines (macro). `timeline.evaluate.crossval` scores the
ranking on stories it was not tuned on.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from timeline.errors import InputError
from timeline.rank.salience import NAMED_WEIGHT, Coverage, coverage, key_days, key_events
from timeline.types import Article, ArticleResult, DateSource, Published

Extract = Callable[[Sequence[Article]], Sequence[ArticleResult]]
Summary = dict[dt.date, list[str]]
_TOKEN_RE = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineScore:
    """Scores for one reference timeline."""

    topic: str
    timeline: str
    dates: int
    sentences_per_date: int
    articles: int
    date_precision: float
    date_recall: float
    date_f1: float
    baseline_f1: float
    rouge1: float
    rouge2: float


@dataclass(frozen=True, slots=True, kw_only=True)
class TlsReport:
    scores: tuple[TimelineScore, ...]

    def mean(self, field: str) -> float:
        values = [float(getattr(s, field)) for s in self.scores]
        return sum(values) / len(values) if values else 0.0


def load_articles(directory: Path) -> tuple[Article, ...]:
    """Articles from `articles.jsonl`, with their publication dates."""
    path = directory / "articles.jsonl"
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise InputError(f"{path}: cannot read articles ({exc})") from exc
    articles = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            published = dt.date.fromisoformat(str(record["published"])[:10])
            aid, text = str(record["id"]), str(record["text"])
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{number}: needs id, published, text ({exc})") from exc
        articles.append(
            Article(
                id=aid,
                path=f"{path}:{number}",
                title=None,
                publisher=None,
                url=None,
                published=Published(date=published, source=DateSource.MANIFEST),
                text=text,
            )
        )
    return tuple(articles)


def load_timeline(path: Path) -> Summary:
    """A reference timeline as date -> sentences (repeated dates are joined)."""
    try:
        entries = json.loads(path.read_text(encoding="utf-8"))["entries"]
        summary: Summary = {}
        for entry in entries:
            day = dt.date.fromisoformat(str(entry["date"])[:10])
            summary.setdefault(day, []).extend(str(s) for s in entry["sentences"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: not a timeline with entries of date and sentences") from exc
    return summary


@dataclass(frozen=True, slots=True)
class Case:
    """One reference timeline and what the system reads for it, ready to be ranked
    under any weight without extracting again."""

    topic: str
    timeline: str
    reference: Summary
    sentences_per_date: int
    articles: int
    baseline: tuple[dt.date, ...]  # the busiest days
    coverage: Coverage

    @property
    def dates(self) -> int:
        return len(self.reference)


def score_cases(cases: Iterable[Case]) -> TlsReport:
    """The report on `cases` (from `prepare_cases`, of one topic folder or several)."""
    return TlsReport(scores=tuple(score_case(c) for c in cases))


def prepare_cases(directory: Path, extract: Extract) -> tuple[Case, ...]:
    """A case per timeline in `directory/timelines`, its input restricted to its span."""
    articles = load_articles(directory)
    paths = sorted((directory / "timelines").glob("*.json"))
    if not paths:
        raise InputError(f"{directory}: no timelines/*.json to score against")
    cases = []
    for path in paths:
        reference = load_timeline(path)
        start, end = min(reference), max(reference)
        inside = [a for a in articles if a.published.date and start <= a.published.date <= end]
        k = len(reference)
        cases.append(
            Case(
                topic=directory.name,
                timeline=path.stem,
                reference=reference,
                sentences_per_date=max(1, round(sum(len(s) for s in reference.values()) / k)),
                articles=len(inside),
                baseline=tuple(busiest_days(inside, k)),
                coverage=coverage(extract(inside), start=start, end=end),
            )
        )
    return tuple(cases)


def date_f1(case: Case, named_weight: float = NAMED_WEIGHT) -> float:
    """Date F1 of the key days under `named_weight` (no sentences chosen: fast)."""
    days = key_days(case.coverage, case.dates, named_weight=named_weight)
    return _prf(len(set(days) & set(case.reference)), len(days), case.dates)[2]


def score_case(case: Case, named_weight: float = NAMED_WEIGHT) -> TimelineScore:
    """Every score of one timeline under `named_weight`."""
    reference, k = case.reference, case.dates
    key = key_events(case.coverage, k, case.sentences_per_date, named_weight=named_weight)
    predicted: Summary = {}
    for event in key:
        predicted[dt.date.fromisoformat(event.date)] = [m.sentence for m in event.mentions]
    precision, recall, f1 = _prf(len(set(predicted) & set(reference)), len(predicted), k)
    return TimelineScore(
        topic=case.topic,
        timeline=case.timeline,
        dates=k,
        sentences_per_date=case.sentences_per_date,
        articles=case.articles,
        date_precision=precision,
        date_recall=recall,
        date_f1=f1,
        baseline_f1=_prf(len(set(case.baseline) & set(reference)), len(case.baseline), k)[2],
        rouge1=aligned_rouge(predicted, reference, 1),
        rouge2=aligned_rouge(predicted, reference, 2),
    )


def busiest_days(articles: Sequence[Article], k: int) -> list[dt.date]:
    """The naive baseline: the `k` days with most articles published (earlier wins ties)."""
    counts = Counter(a.published.date for a in articles if a.published.date)
    return sorted(counts, key=lambda d: (-counts[d], d))[:k]


def _prf(hits: int, predicted: int, reference: int) -> tuple[float, float, float]:
    precision = hits / predicted if predicted else 0.0
    recall = hits / reference if reference else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return precision, recall, f1


def _ngrams(sentences: Iterable[str], n: int) -> Counter[tuple[str, ...]]:
    grams: Counter[tuple[str, ...]] = Counter()
    for sentence in sentences:
        tokens = _TOKEN_RE.findall(sentence.lower())
        grams.update(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))
    return grams


def _aligned_overlap(source: Summary, target: Summary, n: int) -> tuple[float, int]:
    """Weighted n-gram matches of each `source` date with its nearest `target` date."""
    matched, total = 0.0, 0
    for day, sentences in source.items():
        grams = _ngrams(sentences, n)
        total += sum(grams.values())
        if not target:
            continue
        nearest = min(target, key=lambda t: (abs((t - day).days), t))
        weight = 1.0 / (1 + abs((nearest - day).days))
        overlap = grams & _ngrams(target[nearest], n)
        matched += weight * sum(overlap.values())
    return matched, total


def aligned_rouge(predicted: Summary, reference: Summary, n: int) -> float:
    """Date-aligned ROUGE-n F1 (see the module docstring)."""
    p_match, p_total = _aligned_overlap(predicted, reference, n)
    r_match, r_total = _aligned_overlap(reference, predicted, n)
    precision = p_match / p_total if p_total else 0.0
    recall = r_match / r_total if r_total else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def format_report(report: TlsReport) -> str:
    """A plain-text table, one line per timeline and a macro average."""
    head = f"{'topic':<22} {'timeline':<34} {'K':>4} {'N':>2} {'docs':>5}"
    head += f" {'dateP':>6} {'dateR':>6} {'dateF1':>6} {'base':>6} {'R1':>6} {'R2':>6}"
    lines = [head]
    for s in report.scores:
        lines.append(
            f"{s.topic[:22]:<22} {s.timeline[:34]:<34} {s.dates:>4} {s.sentences_per_date:>2}"
            f" {s.articles:>5} {s.date_precision:>6.3f} {s.date_recall:>6.3f}"
            f" {s.date_f1:>6.3f} {s.baseline_f1:>6.3f} {s.rouge1:>6.3f} {s.rouge2:>6.3f}"
        )
    m = report.mean
    lines.append(
        f"{'mean (' + str(len(report.scores)) + ' timelines)':<57} {'':>5}"
        f" {m('date_precision'):>6.3f} {m('date_recall'):>6.3f} {m('date_f1'):>6.3f}"
        f" {m('baseline_f1'):>6.3f} {m('rouge1'):>6.3f} {m('rouge2'):>6.3f}"
    )
    return "\n".join(lines)
