"""The Jinja environment for the timeline partials: autoescaped, strict, no globals state."""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from timeline.errors import PipelineError
from timeline.site import theme


def templates_dir() -> Path:
    """The theme folder, package data of `timeline.site.theme`."""
    folder = Path(theme.__file__).parent
    if not (folder / "main.html").is_file():
        raise PipelineError(f"The timeline theme is missing from {folder}; reinstall the package.")
    return folder


@functools.cache
def environment(directory: Path) -> jinja2.Environment:
    """Autoescaping everywhere and StrictUndefined, so a typo fails the build, not the page.

    One per folder and process, as Jinja intends: compiled templates are kept (and
    recompiled when their file changes), so builds after the first compile nothing."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(directory)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def compile_partials() -> None:
    """Compile every partial ahead of the build (a rebuild does it while articles parse)."""
    env = environment(templates_dir())
    for name in env.list_templates(filter_func=lambda name: name.startswith("partials/")):
        env.get_template(name)


def render_partial(
    env: jinja2.Environment,
    name: str,
    context: Mapping[str, Any],
    href: Callable[[str], str],
    cached: Callable[..., Markup] | None = None,
) -> str:
    """Render `partials/<name>` with `href(src_uri)` turning page sources into relative URLs
    and `cached(macro, *args)` calling a macro through the fragment cache, if there is one."""
    try:
        template = env.get_template(f"partials/{name}")
        return template.render({**context, "href": href, "cached": cached or _call})
    except jinja2.TemplateError as error:
        raise PipelineError(f"Template partials/{name} failed: {error}") from error


def _call(macro: Callable[..., str], *args: Any) -> Markup:
    return Markup(macro(*args))
