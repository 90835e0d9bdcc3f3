"""One code hash for every cache: the files a cached result depends on are found from the
imports, with the data beside the modules, never from a list kept by hand."""

from __future__ import annotations

from pathlib import Path

import timeline
from timeline.pipeline.stages import EXTRACTION_ROOTS
from timeline.store.code_hash import code_digest, module_closure, package_modules

PACKAGE = Path(timeline.__file__).resolve().parent


def _names(files: tuple[Path, ...]) -> set[str]:
    return {f.relative_to(PACKAGE).as_posix() for f in files}


def test_the_pages_depend_on_the_site_code_its_theme_and_the_calendar_words() -> None:
    names = _names(module_closure(package_modules("timeline.site")))
    theme = PACKAGE / "site" / "theme"
    templates = {p.relative_to(PACKAGE).as_posix() for p in theme.rglob("*") if p.is_file()}
    assert {t for t in templates if "__pycache__" not in t} <= names
    assert {"site/plugin.py", "site/plugin_options.py", "timex/lang/en/calendar.toml"} <= names


def test_extraction_depends_on_the_tagger_and_its_data_not_on_the_site() -> None:
    names = _names(module_closure(EXTRACTION_ROOTS))
    assert {"timex/tense.py", "timex/lang/en/calendar.toml", "events/__init__.py"} <= names
    assert not any(n.startswith(("site/", "cli/", "rank/")) for n in names)


def test_the_digest_follows_each_file_and_its_place(tmp_path: Path) -> None:
    files = module_closure(["timeline.types"])
    assert code_digest(files) == code_digest(reversed(files))  # order of the listing: none
    assert code_digest(files) != code_digest(files[:-1])


def test_the_parse_cache_is_keyed_by_the_same_digest_of_the_nlp_code() -> None:
    """One digest function keys every cache: the parse cache's code part is `code_digest`
    of the nlp package's modules, so editing one of them makes its parses stale."""
    from pathlib import Path

    from timeline.nlp import model_package
    from timeline.nlp.model_package import parse_version

    nlp_files = list(Path(model_package.__file__).parent.glob("*.py"))
    assert parse_version().endswith("/" + code_digest(nlp_files)[:16])
