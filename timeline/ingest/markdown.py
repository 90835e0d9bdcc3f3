"""Markdown notes: optional YAML front matter, body reduced to plain text.

Only what changes the words is handled: headings, emphasis, links (their text kept),
images (dropped), code (kept as text), quotes and list markers. Lines of a paragraph
are joined, since Markdown paragraphs are usually hard-wrapped.
"""

from __future__ import annotations

import re

from timeline.errors import InputError
from timeline.ingest.decode import decode
from timeline.ingest.draft import Draft, prose_draft
from timeline.ingest.metadata import Fields, fields_from_mapping, load_yaml

__all__ = ["markdown_text", "read_markdown", "split_front_matter"]

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_RULE = re.compile(r"^\s{0,3}([-*_])(?:\s*\1){2,}\s*$")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
#: Front-matter keys common in static-site generators: accepted, not used.
_OTHER_KEYS = frozenset(
    {"author", "authors", "tags", "categories", "description", "summary", "layout", "draft"}
    | {"slug", "source", "image", "keywords"}
)
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+.*$")
_INLINE: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"!\[[^\]]*\]\([^)]*\)|!\[[^\]]*\]\[[^\]]*\]"), ""),  # images
    (re.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # inline links
    (re.compile(r"\[([^\]]+)\]\[[^\]]*\]"), r"\1"),  # reference links
    (re.compile(r"<(https?://[^>\s]+)>"), r"\1"),  # autolinks
    (re.compile(r"</?[A-Za-z][^>]*>"), ""),  # inline HTML tags
    (re.compile(r"`+([^`]+)`+"), r"\1"),  # code spans
    (re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1"), r"\2"),  # strong
    (re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])"), r"\1"),  # emphasis
    (re.compile(r"(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)"), r"\1"),
    (re.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),  # strikethrough
    (re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])"), r"\1"),  # escapes
)


def split_front_matter(text: str) -> tuple[str | None, str]:
    """Return (front matter YAML or None, body). Front matter opens on the first line."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return None, text
    for index, line in enumerate(lines[1:], 1):
        if line.rstrip() in {"---", "..."}:
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :])
    return None, text


def _inline(text: str) -> str:
    for pattern, replacement in _INLINE:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())


def markdown_text(body: str) -> str:
    """Markdown to plain text, one paragraph per block separated by blank lines."""
    blocks: list[str] = []
    paragraph: list[str] = []
    fence: str | None = None

    def flush() -> None:
        if paragraph:
            blocks.append(_inline(" ".join(paragraph)))
            paragraph.clear()

    for line in body.split("\n"):
        opening = _FENCE.match(line)
        if fence is not None:
            if opening and opening.group(1) == fence:
                fence = None
            elif line.strip():
                blocks.append(line.strip())
            continue
        if opening:
            flush()
            fence = opening.group(1)
            continue
        if not line.strip() or _RULE.match(line) or _REF_DEF.match(line):
            flush()
            continue
        if _SETEXT.match(line) and paragraph:
            flush()
            continue
        heading = _HEADING.match(line)
        if heading:
            flush()
            blocks.append(_inline(heading.group(1)))
            continue
        stripped = _QUOTE.sub("", line)
        item = _ITEM.match(stripped)
        if item:
            flush()
            stripped = stripped[item.end() :]
        paragraph.append(stripped.strip())
    flush()
    return "\n\n".join(b for b in blocks if b.strip())


def read_markdown(data: bytes, *, stem: str) -> tuple[Draft, ...]:
    decoded = decode(data)
    messages = [decoded.warning] if decoded.warning else []
    text = decoded.text.removeprefix("\ufeff").replace("\r\n", "\n")
    yaml_text, body = split_front_matter(text)
    front = Fields(origin="front matter")
    if yaml_text is not None:
        try:
            loaded = load_yaml(yaml_text)
        except InputError as exc:
            messages.append(
                f"front matter is {exc}; its metadata was ignored, fix the YAML "
                "between the '---' lines"
            )
            loaded = None
        if isinstance(loaded, dict):
            front, problems = fields_from_mapping(
                loaded,
                origin="front matter",
                known=_OTHER_KEYS,
            )
            messages.extend(problems)
        elif loaded is not None:
            messages.append("front matter is not a mapping of keys to values; it was ignored")
    return (
        prose_draft(markdown_text(body), fallback_id=stem, front=front, messages=tuple(messages)),
    )
