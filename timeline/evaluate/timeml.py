"""TempEval-3 scoring of the temporal tagger against TimeML gold files.

Strict extent counts exact offsets, relaxed extent any overlap (one-to-one); value and
type F1 are the attribute accuracy over relaxed matches times relaxed F1, as the
official TempEval-3 toolkit computes them. The creation-time TIMEX3 is metadata and
is never scored.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from timeline.errors import InputError
from timeline.timex import tag_doc
from timeline.types import Timex

_TEXT_RE = re.compile(r"<TEXT>(?P<body>.*?)</TEXT>", re.DOTALL)
_TAG_RE = re.compile(r"<(?P<close>/?)(?P<name>[A-Za-z0-9_]+)(?P<attrs>[^>]*?)/?>")
_ATTR_RE = re.compile(r'(\w+)="([^"]*)"')
_DCT_RE = re.compile(r"<TIMEX3(?P<attrs>[^>]*functionInDocument=\"CREATION_TIME\"[^>]*)>")


@dataclass(frozen=True, slots=True, kw_only=True)
class GoldTimex:
    """One annotated TIMEX3 with offsets into the extracted text."""

    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True, kw_only=True)
class TimemlDocument:
    """The scorable part of a TimeML file: body text, creation date and gold TIMEX3s."""

    path: Path
    name: str
    text: str
    dct: dt.date | None
    dct_value: str
    gold: tuple[GoldTimex, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class EvalError:
    """One disagreement with the gold standard, for the error list."""

    doc: str
    kind: str  # missed, spurious, extent, value, type
    gold: str
    system: str
    context: str


@dataclass(frozen=True, slots=True, kw_only=True)
class EvalReport:
    """TempEval-3 style scores (percentages) over a set of documents."""

    documents: int
    gold: int
    system: int
    strict_p: float
    strict_r: float
    strict_f1: float
    relaxed_p: float
    relaxed_r: float
    relaxed_f1: float
    value_accuracy: float
    value_f1: float
    type_accuracy: float
    type_f1: float
    errors: tuple[EvalError, ...]


def expand_paths(paths: Iterable[Path | str]) -> list[Path]:
    """Directories become every .tml file below them; a document name is counted once
    because TimeML corpora ship the same file in several folders."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        found.extend(sorted(path.rglob("*.tml")) if path.is_dir() else [path])
    seen: set[str] = set()
    unique: list[Path] = []
    for path in found:
        if path.name not in seen:
            seen.add(path.name)
            unique.append(path)
    return unique


HALVES = ("development", "held-out")


def split_half(paths: Sequence[Path], half: str) -> list[Path]:
    """One half of the documents for choosing rules on one and measuring on the other:
    sorted by file name, every other one (the first is in the development half)."""
    ordered = sorted(paths, key=lambda p: p.name)
    return ordered[HALVES.index(half) :: 2]


def read_timeml(path: Path) -> TimemlDocument:
    """Extract the <TEXT> body with its TIMEX3s and the creation date from a TimeML file."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read TimeML file ({err})") from err
    body = _TEXT_RE.search(raw)
    if body is None:
        raise InputError(f"{path}: no <TEXT> element; is this a TimeML file?")
    dct_value = ""
    dct_match = _DCT_RE.search(raw)
    if dct_match:
        dct_value = dict(_ATTR_RE.findall(dct_match.group("attrs"))).get("value", "")
    parts: list[str] = []
    length = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    gold: list[GoldTimex] = []
    pos = body.start("body")
    for tag in _TAG_RE.finditer(raw, pos, body.end("body")):
        chunk = html.unescape(raw[pos : tag.start()])
        parts.append(chunk)
        length += len(chunk)
        pos = tag.end()
        if tag.group("name") != "TIMEX3":
            continue
        if not tag.group("close"):
            open_timex = (length, dict(_ATTR_RE.findall(tag.group("attrs"))))
        elif open_timex is not None:
            start, attrs = open_timex
            open_timex = None
            text = "".join(parts)[start:length]
            gold.append(
                GoldTimex(
                    start=start,
                    end=length,
                    text=text,
                    type=attrs.get("type", ""),
                    value=attrs.get("value", ""),
                )
            )
    parts.append(html.unescape(raw[pos : body.end("body")]))
    return TimemlDocument(
        path=path,
        name=path.stem,
        text="".join(parts),
        dct=_parse_dct(dct_value),
        dct_value=dct_value,
        gold=tuple(gold),
    )


def _parse_dct(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class _Counts:
    gold: int
    system: int
    strict: int
    relaxed: int
    value: int
    type: int


def _score_document(
    doc: TimemlDocument, system: Sequence[Timex]
) -> tuple[_Counts, list[EvalError]]:
    errors: list[EvalError] = []
    strict = sum(1 for g in doc.gold for s in system if (g.start, g.end) == (s.start, s.end))
    used: set[int] = set()
    relaxed = value_ok = type_ok = 0
    for g in doc.gold:
        match = _best_overlap(g, system, used)
        if match is None:
            errors.append(_error(doc, "missed", g, None))
            continue
        used.add(match)
        s = system[match]
        relaxed += 1
        value_ok += s.value == g.value
        type_ok += s.type == g.type
        if s.value != g.value:
            errors.append(_error(doc, "value", g, s))
        elif (s.start, s.end) != (g.start, g.end):
            errors.append(_error(doc, "extent", g, s))
        if s.type != g.type:
            errors.append(_error(doc, "type", g, s))
    errors.extend(_error(doc, "spurious", None, s) for i, s in enumerate(system) if i not in used)
    counts = _Counts(len(doc.gold), len(system), strict, relaxed, value_ok, type_ok)
    return counts, errors


def _best_overlap(g: GoldTimex, system: Sequence[Timex], used: set[int]) -> int | None:
    best: int | None = None
    best_overlap = 0
    for i, s in enumerate(system):
        overlap = min(g.end, s.end) - max(g.start, s.start)
        if i not in used and overlap > best_overlap:
            best, best_overlap = i, overlap
    return best


def _error(doc: TimemlDocument, kind: str, g: GoldTimex | None, s: Timex | None) -> EvalError:
    start = g.start if g else s.start if s else 0
    end = g.end if g else s.end if s else 0
    context = doc.text[max(0, start - 60) : end + 40].replace("\n", " ")
    return EvalError(
        doc=doc.name,
        kind=kind,
        gold=f"{g.text!r} {g.type} {g.value}" if g else "",
        system=f"{s.text!r} {s.type} {s.value} [{s.rule}]" if s else "",
        context=context,
    )


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _ratio(a: int, b: int) -> float:
    return 100.0 * a / b if b else 0.0


def score(docs: Sequence[TimemlDocument], systems: Sequence[Sequence[Timex]]) -> EvalReport:
    """Score system timexes (one sequence per document) against the gold annotations."""
    total = _Counts(0, 0, 0, 0, 0, 0)
    errors: list[EvalError] = []
    for doc, system in zip(docs, systems, strict=True):
        c, errs = _score_document(doc, system)
        errors.extend(errs)
        total = _Counts(*(a + b for a, b in zip(_astuple(total), _astuple(c), strict=True)))
    sp, sr = _ratio(total.strict, total.system), _ratio(total.strict, total.gold)
    rp, rr = _ratio(total.relaxed, total.system), _ratio(total.relaxed, total.gold)
    relaxed_f1 = _f1(rp, rr)
    value_acc = _ratio(total.value, total.relaxed)
    type_acc = _ratio(total.type, total.relaxed)
    return EvalReport(
        documents=len(docs),
        gold=total.gold,
        system=total.system,
        strict_p=sp,
        strict_r=sr,
        strict_f1=_f1(sp, sr),
        relaxed_p=rp,
        relaxed_r=rr,
        relaxed_f1=relaxed_f1,
        value_accuracy=value_acc,
        value_f1=value_acc * relaxed_f1 / 100.0,
        type_accuracy=type_acc,
        type_f1=type_acc * relaxed_f1 / 100.0,
        errors=tuple(errors),
    )


def _astuple(c: _Counts) -> tuple[int, ...]:
    return (c.gold, c.system, c.strict, c.relaxed, c.value, c.type)


def evaluate(paths: Sequence[Path], nlp: Language) -> EvalReport:
    """Tag every TimeML file under `paths` with its own creation date and score it."""
    docs = [read_timeml(p) for p in expand_paths(paths)]
    parsed = nlp.pipe(d.text for d in docs)
    systems = [tag_doc(sdoc, d.dct) for d, sdoc in zip(docs, parsed, strict=True)]
    return score(docs, systems)


def format_report(report: EvalReport, *, errors: bool) -> str:
    """Human-readable scores, optionally followed by one line per error."""
    lines = [
        f"documents {report.documents}  gold {report.gold}  system {report.system}",
        f"strict extent   P {report.strict_p:5.1f}  R {report.strict_r:5.1f}"
        f"  F1 {report.strict_f1:5.1f}",
        f"relaxed extent  P {report.relaxed_p:5.1f}  R {report.relaxed_r:5.1f}"
        f"  F1 {report.relaxed_f1:5.1f}",
        f"value           accuracy {report.value_accuracy:5.1f}  F1 {report.value_f1:5.1f}",
        f"type            accuracy {report.type_accuracy:5.1f}  F1 {report.type_f1:5.1f}",
    ]
    if errors:
        lines.extend(
            f"{e.kind:8} {e.doc}: gold {e.gold or '-'} | system {e.system or '-'} | {e.context}"
            for e in report.errors
        )
    return "\n".join(lines)


def write_timeml(doc: TimemlDocument, timexes: Sequence[Timex], out: Path) -> None:
    """Write system TIMEX3s into a copy of the document for the official TempEval-3 scorer.

    The header (DOCID, DCT) is kept; the body is the plain extracted text with only
    the system TIMEX3 tags, which is what the toolkit's timex evaluation reads.
    """
    pieces: list[str] = []
    pos = 0
    for i, t in enumerate(sorted(timexes, key=lambda t: t.start), start=1):
        if t.start < pos:
            continue
        attrs = f'tid="t{i}" type="{t.type}" value="{html.escape(t.value)}"'
        if t.mod:
            attrs += f' mod="{t.mod}"'
        pieces.append(html.escape(doc.text[pos : t.start], quote=False))
        pieces.append(f"<TIMEX3 {attrs}>{html.escape(t.text, quote=False)}</TIMEX3>")
        pos = t.end
    pieces.append(html.escape(doc.text[pos:], quote=False))
    dct = (
        f'<DCT><TIMEX3 tid="t0" type="DATE" value="{doc.dct_value}" temporalFunction="false"'
        f' functionInDocument="CREATION_TIME">{doc.dct_value}</TIMEX3></DCT>'
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(
        '<?xml version="1.0" ?>\n<TimeML>\n'
        f"<DOCID>{doc.name}</DOCID>\n\n{dct}\n\n<TEXT>{''.join(pieces)}</TEXT>\n</TimeML>\n",
        encoding="utf-8",
    )
