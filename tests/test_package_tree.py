"""The package stays a tree of small modules: none grows past the size at which the house
style splits a module, so each keeps one job."""

from __future__ import annotations

from pathlib import Path

import timeline

PACKAGE = Path(timeline.__file__).resolve().parent
MOST_LINES = 400


def test_no_module_is_over_400_lines() -> None:
    sizes = {
        path.relative_to(PACKAGE).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    assert len(sizes) > 100  # the whole package was read
    assert {name: n for name, n in sizes.items() if n > MOST_LINES} == {}
