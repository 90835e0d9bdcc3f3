"""Where the exports point: page URLs relative to the folder of the pages, and absolute when
the site has a public address (`site_url`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True, kw_only=True)
class Links:
    """`urls` maps a page path (`index.md`, `dates/2010.md`) to its URL relative to the
    folder of the pages (where the exports are written); `root` is that folder's public
    address, ending in "/", when the site has one."""

    urls: dict[str, str] = field(default_factory=dict)
    root: str | None = None

    def relative(self, path: str) -> str:
        page, hash_, anchor = path.partition("#")
        url = self.urls.get(page, page.removesuffix(".md") + ".html")
        return url + hash_ + anchor

    def absolute(self, path: str) -> str | None:
        return None if self.root is None else self.root + self.relative(path)


def site_links(paths: Iterable[str], url_of: Callable[[str], str], site_url: str | None) -> Links:
    """The links of the pages at `paths`, from `url_of(path)`, their URL from the site's
    root as mkdocs makes it; the exports sit in the pages' folder, beside `feed.xml`."""
    folder = url_of("feed.xml").removesuffix("feed.xml")
    urls = {path: url_of(path).removeprefix(folder) or "./" for path in paths}
    root = site_url.rstrip("/") + "/" + folder if site_url else None
    return Links(urls=urls, root=root)
