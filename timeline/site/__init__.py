"""The timeline website: an mkdocs plugin, its theme, and exports from the same data."""

from timeline.site.build import build_site
from timeline.site.options import SiteOptions

__all__ = ["SiteOptions", "build_site"]
