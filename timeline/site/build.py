"""`build_site`: a generated mkdocs config, a build into a staging folder, an atomic swap.

The swap replaces only a folder `output.py` allows (absent, empty, or a site this tool
built, which the marker file says); the staging folders are named so that a later build
removes the ones a killed build left (`staging.py`).
"""

from __future__ import annotations

import calendar
import contextlib
import hashlib
import json
import logging
import os
import shutil
from collections.abc import Iterator, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException

from timeline.errors import PipelineError, TimelineError
from timeline.site import pages
from timeline.site.options import SiteOptions
from timeline.site.output import SITE_MARKER, check_output, mark_site
from timeline.site.pagecache import PageCache
from timeline.site.plugin import TimelinePlugin
from timeline.site.staging import make_folder, remove_stale, work_folder
from timeline.store.code_hash import modules_digest, package_modules
from timeline.types import Timeline

log = logging.getLogger(__name__)


def mkdocs_config(options: SiteOptions, docs_dir: Path, site_dir: Path) -> dict[str, Any]:
    """The config of a stand-alone site: our theme, search, the timeline plugin at the root."""
    return {
        "site_name": options.site_name,
        "site_url": options.site_url or "",
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "use_directory_urls": False,  # plain .html links also work from the file system
        "theme": {"name": "timeline"},  # timeline/site/theme, registered with mkdocs
        "nav": [{title: path} for title, path in pages.NAV],
        "not_in_nav": "/sources/\n/entities/",  # reached from the pages, not the menu
        "plugins": [{"search": {"lang": ["en"]}}, {"timeline": {"prefix": ""}}],
        "strict": False,
    }


@contextlib.contextmanager
def _source_date_epoch(options: SiteOptions) -> Iterator[None]:
    """mkdocs dates the sitemap and its gzip header from SOURCE_DATE_EPOCH: pin it."""
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(calendar.timegm(options.build_date.timetuple()))
    try:
        yield
    finally:
        if previous is None:
            del os.environ["SOURCE_DATE_EPOCH"]
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous


def site_salt(settings: dict[str, Any]) -> str:
    """What every page's HTML depends on besides its own data: the mkdocs settings (minus
    the temporary folders), the library versions, and the code: the site's modules, the
    theme, and every timeline module and language data file they import (`store.code_hash`,
    as for the extraction cache)."""
    digest = hashlib.sha256()
    kept = {k: v for k, v in settings.items() if k not in ("docs_dir", "site_dir")}
    digest.update(json.dumps(kept, sort_keys=True, default=str).encode())
    for package in ("mkdocs", "jinja2", "markdown", "markupsafe"):
        digest.update(f"{package}={metadata.version(package)}".encode())
    digest.update(modules_digest(package_modules("timeline.site")).encode())
    return digest.hexdigest()


class _DirtyNotice(logging.Filter):
    """mkdocs warns that dirty builds may be inaccurate; with content-keyed pages they are not."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "'dirty' build" not in record.getMessage()


@contextlib.contextmanager
def _quiet_dirty_notice() -> Iterator[None]:
    logger = logging.getLogger("mkdocs.commands.build")
    notice = _DirtyNotice()
    logger.addFilter(notice)
    try:
        yield
    finally:
        logger.removeFilter(notice)


def open_page_cache(options: SiteOptions, cache_dir: Path) -> PageCache:
    """The page cache of a site with these options, opened (its index and fragments read)
    before the site's data exists: only the name and URL of the options matter here, so
    the CLI opens it while new articles are parsed."""
    return PageCache(cache_dir, site_salt(mkdocs_config(options, Path(), Path())))


def _render(
    timeline: Timeline,
    options: SiteOptions,
    site_dir: Path | None,
    cache_dir: Path | None,
    opened: PageCache | None,
) -> None:
    """Build the site into site_dir, or (None) into the work folder, where it is dropped."""
    with work_folder() as work:
        docs_dir = work / "docs"
        docs_dir.mkdir()
        config_file = work / "mkdocs.yml"
        settings = mkdocs_config(options, docs_dir, site_dir or work / "site")
        config_file.write_text(yaml.safe_dump(settings, sort_keys=True), encoding="utf-8")
        try:
            config = load_config(str(config_file))
            plugin = config.plugins["timeline"]
            if not isinstance(plugin, TimelinePlugin):
                raise PipelineError("The mkdocs `timeline` plugin is not this package's plugin.")
            cache = None
            if cache_dir is not None:
                salt = site_salt(settings)
                same = opened is not None and (opened.directory, opened.salt) == (cache_dir, salt)
                cache = opened if same else PageCache(cache_dir, salt)
            plugin.provide(timeline, options, cache)
            with _source_date_epoch(options), _quiet_dirty_notice():
                build(config, dirty=cache is not None)
        except TimelineError:
            raise
        except (MkDocsException, OSError, SystemExit) as error:
            cause = _cause(error)
            if isinstance(cause, TimelineError):
                raise cause from error
            raise PipelineError(f"The site build failed: {cause}") from error


def _cause(error: BaseException) -> BaseException:
    """mkdocs reports plugin errors as a bare "Aborted"; the useful message is in the chain."""
    seen: set[int] = set()
    current: BaseException | None = error
    deepest = error
    while current is not None and id(current) not in seen:
        if isinstance(current, TimelineError):
            return current
        seen.add(id(current))
        deepest = current
        current = current.__cause__ or current.__context__
    return deepest


def _ours(folder: Path) -> bool:
    """A staging or old-site folder holds a site (its marker is written first) or nothing."""
    return (folder / SITE_MARKER).is_file() or not any(folder.iterdir())


def _swap(staging: Path, out_dir: Path, inputs: Sequence[Path], cache_dir: Path | None) -> None:
    """Replace out_dir by staging with two renames; the old site is removed only after.
    The output is checked again first: it may have changed while the site was built."""
    check_output(out_dir, inputs=inputs, cache_dir=cache_dir)
    if not out_dir.exists():
        staging.rename(out_dir)
        return
    old = make_folder(out_dir.parent, f".{out_dir.name}.old-")
    old.rmdir()
    out_dir.rename(old)
    try:
        staging.rename(out_dir)
    except OSError:
        old.rename(out_dir)
        raise
    shutil.rmtree(old, ignore_errors=True)


def build_site(
    timeline: Timeline,
    out_dir: Path,
    options: SiteOptions,
    *,
    cache_dir: Path | None = None,
    page_cache: PageCache | None = None,
    inputs: Sequence[Path] = (),
    publish: bool = True,
) -> None:
    """Render with mkdocs into a temporary folder next to out_dir, then swap it in atomically
    (a failed build leaves the previous site intact). Byte-for-byte reproducible.

    out_dir must be absent, empty or a site this tool built, and neither hold one of the
    `inputs` nor the cache (`output.check_output`; ConfigError otherwise, nothing touched).
    With `publish=False` the site is built in a work folder and dropped: every check of a
    build, no output (`timeline check`).

    With `cache_dir`, pages whose data did not change since the last build are taken from
    there instead of rendered again (`pagecache.py`); the site is the same either way. A
    `page_cache` opened earlier by `open_page_cache` for that folder is used if it fits."""
    out_dir = Path(out_dir).absolute()
    check_output(out_dir, inputs=inputs, cache_dir=cache_dir)
    if not publish:
        _render(timeline, options, None, cache_dir, page_cache)
        return
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        for kind in ("new", "old"):
            remove_stale(out_dir.parent, f".{out_dir.name}.{kind}-", _ours)
        staging = make_folder(out_dir.parent, f".{out_dir.name}.new-")
        mark_site(staging)
    except OSError as error:
        raise PipelineError(f"Cannot create the site folder next to {out_dir}: {error}") from error
    try:
        _render(timeline, options, staging, cache_dir, page_cache)
        staging.chmod(0o755)
        _swap(staging, out_dir, inputs, cache_dir)
    except OSError as error:
        raise PipelineError(f"Cannot write the site to {out_dir}: {error}") from error
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    log.debug("site written to %s", out_dir)
