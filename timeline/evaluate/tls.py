"""Timeline summarisation scoring against journalist-written timelines (Timeline17 layout).

A directory holds `articles.jsonl` (`id`, `published`, `text`) and `timelines/*.json`
(`{"entries": [{"date", "sentences"}]}`). For each reference timeline the input is
restricted to articles published within its first and last date, the system is asked
for as many dates as the reference has and its average number of sentences per date,
and scored:

- date F1: exact day overlap between predicted and reference dates;
- ROUGE-1/2 F1, date-aligned: each predicted date is aligned to its nearest reference
  date and each reference date to its nearest predicted date; n-gram overlaps count
  with weight 1 / (1 + days apart). Tokens are lower-cased words, no stemming and no
  stop-word removal, so values are close to but not the same as published ROUGE;
- a baseline date F1: the days on which most articles were published.

Scores are averaged over timelines (macro).
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
from timeline.merge import merge_mentions
from timeline.model import Article, DateSource, EventMention, Published
from timeline.salience import select_key_events

Extract = Callable[[Sequence[Article]], Iterable[EventMention]]
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


def evaluate_tls(directory: Path, extract: Extract) -> TlsReport:
    """Score `extract` (articles -> event mentions) on every timeline in `directory`."""
    articles = load_articles(directory)
    paths = sorted((directory / "timelines").glob("*.json"))
    if not paths:
        raise InputError(f"{directory}: no timelines/*.json to score against")
    return TlsReport(scores=tuple(_score(directory.name, p, articles, extract) for p in paths))


def _score(topic: str, path: Path, articles: Sequence[Article], extract: Extract) -> TimelineScore:
    reference = load_timeline(path)
    start, end = min(reference), max(reference)
    inside = [a for a in articles if a.published.date and start <= a.published.date <= end]
    k = len(reference)
    per_date = max(1, round(sum(len(s) for s in reference.values()) / k))
    by_id = {a.id: a for a in inside}
    events = merge_mentions(extract(inside), by_id)
    key = select_key_events(events, by_id, k, per_date, start=start, end=end)
    predicted: Summary = {}
    for event in key:
        predicted[dt.date.fromisoformat(event.date)] = [m.sentence for m in event.mentions]
    precision, recall, f1 = _prf(len(set(predicted) & set(reference)), len(predicted), k)
    baseline = busiest_days(inside, k)
    return TimelineScore(
        topic=topic,
        timeline=path.stem,
        dates=k,
        sentences_per_date=per_date,
        articles=len(inside),
        date_precision=precision,
        date_recall=recall,
        date_f1=f1,
        baseline_f1=_prf(len(set(baseline) & set(reference)), len(baseline), k)[2],
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


def merge_reports(reports: Iterable[TlsReport]) -> TlsReport:
    return TlsReport(scores=tuple(s for r in reports for s in r.scores))


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
