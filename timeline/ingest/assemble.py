"""Drafts to Articles: one set of rules for ids, precedence, language and status.

Metadata precedence for every field: front matter > manifest > format metadata >
what the text itself shows (a headline, a dateline).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import replace

from timeline.ingest.draft import Draft
from timeline.ingest.invisible import strip_invisible, visible
from timeline.ingest.language import language_problem
from timeline.ingest.metadata import Fields
from timeline.ingest.options import IngestOptions
from timeline.ingest.published import DateClaim, choose_published, find_dateline
from timeline.types import Article, DateSource, Published, Status

__all__ = ["build_article", "dedupe_ids", "sanitize_id", "skipped_article"]

_ID_JUNK = re.compile(r"[^a-z0-9_-]+")
_MULTI_KEYS = ("publisher", "language")


def sanitize_id(raw: str) -> str:
    """Lowercase ASCII letters, digits, '-' and '_': safe as a file name everywhere."""
    ascii_text = unicodedata.normalize("NFKD", raw).encode("ascii", "ignore").decode("ascii")
    cleaned = _ID_JUNK.sub("-", ascii_text.lower()).strip("-_")
    return cleaned[:100].rstrip("-_") or "article"


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v), None)


def _shown(*values: str | None) -> str | None:
    """The first declared value, as a page shows it: invisible characters out (a title
    or publisher is text a reader sees, like the article), spaces collapsed."""
    return _first(*(" ".join(strip_invisible(v).split()) for v in values if v))


def _claim(fields: Fields, source: DateSource) -> DateClaim | None:
    if not fields.published:
        return None
    key = fields.published_key
    detail = f"{fields.origin}, key '{key}'" if key else fields.origin
    return DateClaim(source=source, value=fields.published, detail=detail, timezone=fields.timezone)


def skipped_article(
    *,
    name: str,
    fallback_id: str,
    messages: Sequence[str],
    removed: tuple[str, ...] = (),
    language: str | None = None,
) -> Article:
    """An input that cannot be used: no text, no metadata, only the reasons."""
    return Article(
        id=sanitize_id(fallback_id),
        path=name,
        title=None,
        publisher=None,
        url=None,
        published=Published(date=None, source=DateSource.NONE),
        text="",
        status=Status.SKIPPED,
        messages=tuple(map(visible, messages)),
        removed=removed,
        language=language,
    )


def build_article(
    draft: Draft,
    *,
    name: str,
    manifest: Fields | None,
    manifest_messages: Sequence[str],
    options: IngestOptions,
) -> Article:
    """Apply the precedence rules to one draft; every message names the file."""
    where = f"{name} ({draft.label})" if draft.label else name
    messages = [f"{name}: {m}" for m in manifest_messages]
    messages += [f"{where}: {m}" for m in draft.messages]
    if draft.skip:
        return skipped_article(
            name=name,
            fallback_id=draft.front.id or draft.meta.id or draft.fallback_id,
            messages=(*messages, f"{where}: {draft.skip}"),
            removed=draft.removed,
        )
    entry = manifest or Fields()
    if draft.multi and manifest is not None:
        ignored = [k for k in ("id", "title", "url", "published") if getattr(entry, k)]
        if ignored:
            messages.append(
                f"{where}: manifest keys {', '.join(ignored)} do not apply to a "
                "file of several records and were ignored"
            )
        entry = Fields(origin=entry.origin, publisher=entry.publisher, language=entry.language)
    front, meta = draft.front, draft.meta

    declared = _first(front.language, entry.language, meta.language)
    language, problem = language_problem(draft.text, declared, options.languages)
    ident = sanitize_id(_first(front.id, entry.id, meta.id) or draft.fallback_id)
    if problem:
        return skipped_article(
            name=name,
            fallback_id=ident,
            messages=(*messages, f"{where}: {problem}"),
            language=language,
        )

    claims = [
        c
        for c in (
            _claim(front, DateSource.FRONT_MATTER),
            _claim(entry, DateSource.MANIFEST),
            _claim(meta, DateSource.METADATA),
        )
        if c
    ]
    dateline, dateline_note = find_dateline(draft.head)
    if dateline:
        claims.append(dateline)
    published, date_messages = choose_published(
        claims, build_date=options.build_date, date_order=options.date_order
    )
    if dateline_note and published.source is DateSource.NONE:
        messages.append(f"{where}: {dateline_note}")
    messages += [f"{where}: {m}" for m in date_messages]
    return Article(
        id=ident,
        path=name,
        title=_shown(front.title, entry.title, meta.title, draft.title_guess),
        publisher=_shown(front.publisher, entry.publisher, meta.publisher),
        url=_shown(front.url, entry.url, meta.url),
        published=published,
        text=draft.text,
        status=Status.WARNING if messages else Status.OK,
        messages=tuple(map(visible, messages)),
        removed=draft.removed,
        language=language,
    )


def dedupe_ids(articles: Iterable[Article]) -> tuple[Article, ...]:
    """Give repeated ids a numeric suffix (-2, -3, ...), with a warning: first among the
    articles that are read, in input order, then among the skipped ones. A skipped input
    never takes an id from one that is read, so fixing or removing it (`a.pdf` beside
    `a.txt`) changes no other article's id, page or permalinks."""
    listed = list(articles)
    seen: set[str] = set()
    ids: dict[int, str] = {}
    for skipped in (False, True):
        for i, article in enumerate(listed):
            if (article.status is Status.SKIPPED) != skipped:
                continue
            ident, n = article.id, 1
            while ident in seen:
                n += 1
                ident = f"{article.id}-{n}"
            seen.add(ident)
            ids[i] = ident
    result: list[Article] = []
    for i, article in enumerate(listed):
        ident = ids[i]
        if ident == article.id:
            result.append(article)
            continue
        note = (
            f"{article.path}: id '{article.id}' is already used by another input; "
            f"renamed '{ident}'. Set a unique 'id' in the front matter or manifest"
        )
        status = Status.SKIPPED if article.status is Status.SKIPPED else Status.WARNING
        result.append(replace(article, id=ident, status=status, messages=(*article.messages, note)))
    return tuple(result)
