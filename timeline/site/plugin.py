"""The mkdocs plugin: adds the timeline pages and exports as virtual files.

Nothing is written into docs_dir. Pages are rendered by the timeline partials (autoescaped
Jinja) into `page.content`, with their event headings in `page.toc` for themes that show
one. The built-in search plugin gets each page's entries from the data (`search.py`).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any, cast

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink, TableOfContents
from mkdocs.utils.templates import TemplateContext

from timeline.config import Config, build_date, settled_build_date
from timeline.errors import TimelineError
from timeline.site import fallback, notfound, pages, search
from timeline.site.articles import ArticleView
from timeline.site.exports import escape_markup
from timeline.site.feed import feed_source
from timeline.site.links import site_links
from timeline.site.options import SiteOptions
from timeline.site.pagecache import PageCache
from timeline.site.plugin_options import SETTLED, TimelinePluginConfig, table_settings
from timeline.site.render import environment, render_partial, templates_dir
from timeline.site.writer import ExportWriter
from timeline.types import Timeline

# Under mkdocs's plugin namespace: mkdocs shows these and counts warnings under --strict.
log = logging.getLogger(f"mkdocs.plugins.{__name__}")

ASSETS = ("assets/timeline.css", "assets/timeline.js")


def _toc(entries: tuple[pages.TocEntry, ...]) -> list[AnchorLink]:
    links = []
    for entry in entries:
        link = AnchorLink(entry.title, entry.id, entry.level)
        link.children = _toc(entry.children)
        links.append(link)
    return links


def _link_base(file: File) -> str:
    """The folder a page's relative links start from, as mkdocs computes them: the page's
    own URL when it is a folder (`use_directory_urls`), else the folder it is in."""
    head, _, tail = file.url.rpartition("/")
    return head if "." in tail else file.url


class StoredPage(File):
    """A generated page whose HTML the page cache already holds: unmodified, so a dirty
    mkdocs build neither renders nor writes it; the plugin places the stored copy."""

    stored: Path

    def is_modified(self) -> bool:
        return False


class TimelinePlugin(BasePlugin[TimelinePluginConfig]):  # type: ignore[no-untyped-call]
    """Renders a Timeline given in memory (`provide`) or extracted from `articles`."""

    def __init__(self) -> None:
        self._timeline: Timeline | None = None
        self._options: SiteOptions | None = None
        self._specs: dict[str, pages.PageSpec] = {}
        self._env: jinja2.Environment | None = None
        self._files: Files | None = None
        self._search: search.TimelineSearchIndex | None = None
        self._cache: PageCache | None = None
        self._fresh: dict[str, str] = {}  # src_uri -> page cache key, for pages rendered now
        self._exports: ExportWriter | None = None
        self._built: tuple[Timeline, SiteOptions] | None = None  # what this build shows
        self._warned: dict[str, str] = {}  # article id -> why its page is shown plain

    def provide(
        self, timeline: Timeline, options: SiteOptions, cache: PageCache | None = None
    ) -> None:
        """Give the plugin its data directly; `build_site` uses this instead of `articles`.

        With a page cache, pages whose key is stored become `StoredPage`s: the build must
        then run in mkdocs' dirty mode, which skips unmodified pages."""
        self._timeline = timeline
        self._options = options
        self._cache = cache

    @property
    def _prefix(self) -> str:
        prefix = self.config.prefix.strip("/")
        return f"{prefix}/" if prefix else ""

    @event_priority(-100)  # after the search plugin has created its index
    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self._search = search.use_timeline_index(config.plugins.get("search"))

    def _articles(self, config: MkDocsConfig) -> Path | None:
        if not self.config.articles:
            return None
        return Path(config.config_file_path or ".").parent / self.config.articles

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig | None:
        """Link the component stylesheet and script from every page, whatever the theme.
        Refuse articles kept inside site_dir, which mkdocs empties on every build."""
        articles = self._articles(config)
        if articles is not None:
            real, site = Path(os.path.realpath(articles)), Path(os.path.realpath(config.site_dir))
            if real == site or site in real.parents:
                raise PluginError(
                    f"timeline: the articles ({self.config.articles}) are inside site_dir "
                    f"({config.site_dir}), which mkdocs empties on every build; "
                    "keep them somewhere else"
                )
        if self._prefix + ASSETS[0] not in config.extra_css:
            config.extra_css.append(self._prefix + ASSETS[0])
        if self._prefix + ASSETS[1] not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(self._prefix + ASSETS[1])
        return config

    def _load(self, config: MkDocsConfig) -> tuple[Timeline, SiteOptions]:
        if self._timeline is not None and self._options is not None:
            return self._timeline, self._options
        articles = self._articles(config)
        if articles is None:
            raise PluginError("timeline: set the `articles` option to the folder of articles.")
        from timeline.pipeline.stages import extract_timeline  # the pipeline is heavy: load on use

        try:
            asked = settled_build_date(self.config[SETTLED], "mkdocs.yml: plugin timeline")
            # site_dir as the output: when it sits inside the articles folder, it is not read
            chosen = table_settings(self.config)
            settings = Config(output=config.site_dir, build_date=asked, **chosen)
            timeline = extract_timeline([articles], settings)
        except TimelineError as error:
            raise PluginError(f"timeline: {error}") from error
        options = SiteOptions(
            site_name=config.site_name,
            build_date=build_date(asked, (a.published.date for a in timeline.articles)),
            site_url=config.site_url,
            feed_id=settings.feed_id,
            feed_source=feed_source([articles]),
            key_event_ids=tuple(str(k) for k in self.config.key_events),
        )
        return timeline, options

    def _add(self, files: Files, file: File) -> None:
        if files.get_file_from_path(file.src_uri) is not None:
            raise PluginError(
                f"timeline: {file.src_uri} already exists in the docs; "
                "set the plugin's `prefix` option to a free folder."
            )
        files.append(file)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files | None:
        timeline, options = self._load(config)
        data = pages.site_data(timeline, options)
        log.info(
            "timeline: %d events from %d inputs, %d pages",
            len(timeline.events),
            len(timeline.results),
            len(data.pages),
        )
        self._specs = {}
        self._fresh = {}
        self._warned = {}
        self._built = (timeline, options)
        self._exports = self._start_exports(files, config, timeline, options, data)
        for spec in data.pages:
            file = self._page_file(config, spec)
            self._add(files, file)
            self._specs[file.src_uri] = spec
            if self._search is not None:
                self._search.add_page_entries(file.src_uri, file.url, spec.search)
        source = templates_dir()
        for asset in ASSETS:
            if files.get_file_from_path(self._prefix + asset) is None:
                files.append(
                    File.generated(config, self._prefix + asset, abs_src_path=str(source / asset))
                )
        self._env = environment(source)
        self._files = files
        return files

    def _start_exports(
        self,
        files: Files,
        config: MkDocsConfig,
        timeline: Timeline,
        options: SiteOptions,
        data: pages.SiteData,
    ) -> ExportWriter:
        """The exports, made by a child process while this one looks up and renders the
        pages, and written straight into the site folder."""
        links = site_links(
            (spec.path for spec in data.pages),
            lambda path: File.generated(config, self._prefix + path, content="").url,
            options.site_url,
        )
        standalone = not self._prefix  # the site is ours: robots.txt is ours to write
        names = [name for _, name in pages.EXPORTS] + (["robots.txt"] if standalone else [])
        targets: dict[str, Path] = {}
        for name in names:
            target = Path(config.site_dir, self._prefix + name)
            self._add(files, File.generated(config, self._prefix + name, abs_src_path=str(target)))
            targets[name] = target
        return ExportWriter(
            lambda: pages.export_files(timeline, data, options, links, robots=standalone),
            targets,
            root=Path(config.site_dir),
        )

    def _page_file(self, config: MkDocsConfig, spec: pages.PageSpec) -> File:
        src_uri = self._prefix + spec.path
        if self._cache is None:
            return File.generated(config, src_uri, content="")
        key = self._cache.key(src_uri, spec.title, spec.template, spec.context)
        stored = self._cache.lookup(key)
        if stored is None:
            self._fresh[src_uri] = key
            return File.generated(config, src_uri, content="")
        file = StoredPage.generated(config, src_uri, content="")
        assert isinstance(file, StoredPage)
        file.stored = stored
        return file

    # mkdocs passes every hook argument by keyword; `**_` takes the ones a hook ignores.
    def on_page_markdown(self, markdown: str, /, *, page: Page, **_: Any) -> str | None:
        spec = self._specs.get(page.file.src_uri)
        if spec is None:
            return markdown
        page.meta["title"] = spec.title
        return ""

    def on_page_content(self, html: str, /, *, page: Page, files: Files, **_: Any) -> str | None:
        spec = self._specs.get(page.file.src_uri)
        if spec is None or self._env is None:
            return html

        urls: dict[str, str] = {}  # a page links to the same few pages many times

        def href(target: str) -> str:
            path, _, anchor = target.partition("#")
            if path not in urls:
                file = files.get_file_from_path(self._prefix + path)
                if file is None:
                    raise PluginError(f"timeline: no page {path!r} (linked from {spec.path})")
                urls[path] = file.url_relative_to(page.file)
            return f"{urls[path]}#{anchor}" if anchor else urls[path]

        cached = None
        if self._cache is not None:
            cached = partial(self._cache.fragments.render, page.file.src_uri, _link_base(page.file))
        try:
            content = render_partial(self._env, spec.template, spec.context, href, cached)
        except Exception as error:
            view = spec.context.get("article")
            if not isinstance(view, ArticleView):  # a page of the whole site: the build fails
                if isinstance(error, TimelineError):
                    raise PluginError(str(error)) from error
                raise
            content = self._plain(page.file.src_uri, view, error, href)
        page.toc = TableOfContents(_toc(spec.toc))
        return content

    def _plain(
        self, src_uri: str, view: ArticleView, error: Exception, href: Callable[[str], str]
    ) -> str:
        """One article's page, shown without what failed (see `fallback.py`); never kept
        in the page cache, so the next build tries, and warns, again."""
        message = fallback.note(view, error)
        log.warning("timeline: %s", message)
        self._warned[view.id] = message
        self._fresh.pop(src_uri, None)
        assert self._env is not None
        context = {**self._specs[src_uri].context, "article": fallback.plain_view(view, message)}
        try:
            return render_partial(self._env, "article.html", context, href)
        except Exception:
            log.debug("timeline: the plain page failed too", exc_info=True)
            return fallback.bare_page(view, message)

    def on_env(
        self, env: jinja2.Environment, /, *, config: MkDocsConfig, files: Files
    ) -> jinja2.Environment | None:
        """mkdocs copies files next: the exports must be complete."""
        if self._exports is not None:
            self._exports.finish()
        return env

    def on_build_error(self, *, error: Exception) -> None:
        if self._exports is not None:
            self._exports.cancel()

    def _nav(self, current: File | None, base: str = ".") -> list[dict[str, Any]]:
        """The site menu; from a page, relative to it, else (search, 404) from `base`."""
        files = self._files
        if files is None:
            return []
        items = []
        for title, path in pages.NAV:
            file = files.get_file_from_path(self._prefix + path)
            if file is None:
                continue
            url = file.url_relative_to(current) if current else f"{base}/{file.url}"
            items.append({"title": title, "url": url, "active": current is file})
        return items

    def on_page_context(
        self, context: TemplateContext, /, *, page: Page, **_: Any
    ) -> TemplateContext | None:
        return self._theme_context(context, page.file)

    def on_template_context(
        self, context: TemplateContext, /, *, template_name: str, config: MkDocsConfig, **_: Any
    ) -> TemplateContext | None:
        if template_name == "404.html":
            notfound.error_page_context(context, config.site_url, self._files)
        return self._theme_context(context, None)

    def _theme_context(self, context: TemplateContext, current: File | None) -> TemplateContext:
        """Site navigation and the export folder for the theme (TemplateContext is open)."""
        extra = cast("dict[str, Any]", context)
        extra["timeline_nav"] = self._nav(current, str(extra.get("base_url", ".")))
        extra["timeline_prefix"] = self._prefix
        return context

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, **_: Any) -> None:
        """`mkdocs serve` rebuilds when an article is added or edited."""
        articles = self._articles(config)
        if articles is not None:
            server.watch(str(articles))

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: MkDocsConfig) -> None:
        if self._warned:
            self._report_plain_pages(Path(config.site_dir))
        if self._cache is not None and self._files is not None:
            self._settle_pages(self._cache, self._files)
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.is_file():
            text = index.read_text(encoding="utf-8")
            index.write_text(escape_markup(text), encoding="utf-8")

    def _report_plain_pages(self, site_dir: Path) -> None:
        """Articles whose page failed are warned in the report and the extraction export
        too (written before the pages were rendered); with --strict the build fails."""
        assert self._built is not None
        timeline, options = self._built
        if options.strict:
            raise PluginError(
                f"timeline: --strict: {len(self._warned)} article page(s) could not be rendered"
                " in full: " + "; ".join(self._warned.values())
            )
        fallback.rewrite_exports(site_dir / self._prefix, timeline, options, self._warned)

    def _settle_pages(self, cache: PageCache, files: Files) -> None:
        """Place the stored pages mkdocs skipped, and store the ones it just built."""
        fresh: list[tuple[str, str, Path]] = []
        for src_uri in self._specs:
            file = files.get_file_from_path(src_uri)
            if isinstance(file, StoredPage):
                cache.place(file.stored, Path(file.abs_dest_path))
            elif file is not None and src_uri in self._fresh:
                fresh.append((src_uri, self._fresh[src_uri], Path(file.abs_dest_path)))
        try:  # an unwritable cache costs the next build time, not this build
            for src_uri, key, built in fresh:
                cache.keep(key, built, cache.fragments.keys_of(src_uri))
            cache.commit()
        except OSError as error:
            log.warning("timeline: cannot update the page cache in %s: %s", cache.directory, error)
        fragments = cache.fragments
        log.info(
            "timeline: %d of %d pages reused, and %d of %d page fragments",
            len(self._specs) - len(self._fresh),
            len(self._specs),
            fragments.calls - fragments.rendered,
            fragments.calls,
        )
