"""Fixtures for the site tests: the synthetic Timeline and one shared build of it."""

from __future__ import annotations

from pathlib import Path

import pytest
from site_timeline import BUILD_DATE, make_timeline

from timeline.site import SiteOptions, build_site
from timeline.types import Timeline


@pytest.fixture(scope="session")
def timeline() -> Timeline:
    return make_timeline()


@pytest.fixture(scope="session")
def options() -> SiteOptions:
    return SiteOptions(
        site_name="Kerry in Moscow", build_date=BUILD_DATE, site_url="https://example.org/kerry/"
    )


@pytest.fixture(scope="session")
def site(
    tmp_path_factory: pytest.TempPathFactory, timeline: Timeline, options: SiteOptions
) -> Path:
    out = tmp_path_factory.mktemp("build") / "site"
    build_site(timeline, out, options)
    return out
