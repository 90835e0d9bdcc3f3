"""Which source files a cached result depends on, and one digest of them.

A cache entry must be recomputed when the code that made it changes, even when the version
number did not (a local edit, an upgrade of a checkout). Rather than a hand-kept list of
files, which goes stale as modules move, the files are found from the code itself: the
modules a stage's entry points import, directly or through others, within `timeline`
(found by reading their `import` statements, not by importing them: a fully cached build
must not load spaCy to learn that it need not). Imports inside a module's functions count
too, so the set errs on the side of a recomputation, never on the side of a stale entry;
only a package whose `__init__` runs because a module inside it is imported counts for what
it imports on import (the public API's functions in `timeline/__init__.py` load the whole
pipeline, yet importing `timeline.timex` runs none of them). Data files
beside a module count as its code (`timex/lang/en/calendar.toml` beside the lexicon that
reads it): every file that is not Python in a module's folder and in its subfolders that
are not packages of their own.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

from timeline.digest import code_digest

__all__ = ["code_digest", "module_closure", "modules_digest", "package_modules"]

PACKAGE = "timeline"
_ROOT = Path(__file__).resolve().parents[1]


def module_file(name: str) -> Path | None:
    """The source of module `name` (`timeline.x.y`), or None when it is not one of ours."""
    if name != PACKAGE and not name.startswith(PACKAGE + "."):
        return None
    base = _ROOT.joinpath(*name.split(".")[1:])
    for candidate in (base.with_suffix(".py"), base / "__init__.py"):
        if candidate.is_file():
            return candidate
    return None


def _imports(name: str, source: Path, *, whole: bool) -> set[str]:
    """The timeline modules `source` (module `name`) names in its imports: every one when
    the module is `whole` (an import names it, so any of its functions may run), else the
    ones run on import, outside functions (a package whose `__init__` runs only because a
    module inside it is imported)."""
    package = name if source.name == "__init__.py" else name.rpartition(".")[0]
    tree = ast.parse(source.read_bytes(), filename=str(source))
    found: set[str] = set()
    for node in ast.walk(tree) if whole else _run_on_import(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package, up `level - 1` packages
                parts = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join([*parts, base] if base else parts)
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)  # submodules
    return {m for m in found if module_file(m) is not None}


def _run_on_import(node: ast.AST) -> Iterator[ast.AST]:
    """`node` and what it holds, except the bodies of functions (class bodies run)."""
    yield node
    for child in ast.iter_child_nodes(node):
        if not isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            yield from _run_on_import(child)


def _packages(module: str) -> list[str]:
    """The packages holding a module, outermost first (`a.b.c` -> `a`, `a.b`)."""
    parts = module.split(".")
    return [".".join(parts[:n]) for n in range(1, len(parts))]


def module_closure(roots: Iterable[str]) -> tuple[Path, ...]:
    """The sources of `roots` and of every timeline module they import, with the packages
    holding each (importing a module runs its packages' `__init__` first) and the data
    files beside them, sorted."""
    whole: set[str] = set()
    run: set[str] = set()  # packages whose `__init__` runs, and what it imports then
    todo = [(root, True) for root in roots]
    while todo:
        name, named = todo.pop()
        if name in whole or (name in run and not named) or (source := module_file(name)) is None:
            continue
        (whole if named else run).add(name)
        todo.extend((m, True) for m in _imports(name, source, whole=named))
        todo.extend((p, False) for p in _packages(name))
    sources = {f for m in whole | run if (f := module_file(m)) is not None}
    return tuple(sorted(sources.union(*(_data_files(f.parent) for f in sources))))


def _data_files(folder: Path) -> set[Path]:
    """Files that are not Python in `folder` and its subfolders that are not packages."""
    found: set[Path] = set()
    for path in folder.iterdir():
        if path.is_dir() and not (path / "__init__.py").exists() and path.name != "__pycache__":
            found |= _data_files(path)
        elif path.is_file() and path.suffix not in (".py", ".pyc"):
            found.add(path)
    return found


def package_modules(package: str) -> tuple[str, ...]:
    """Every module of a package of timeline (`timeline.ingest`), by name, sorted."""
    folder = _ROOT.joinpath(*package.split(".")[1:])
    names = (
        ".".join((PACKAGE, *path.relative_to(_ROOT).with_suffix("").parts[:-1]))
        if path.name == "__init__.py"
        else ".".join((PACKAGE, *path.relative_to(_ROOT).with_suffix("").parts))
        for path in folder.rglob("*.py")
    )
    return tuple(sorted(names))


@cache
def modules_digest(roots: tuple[str, ...]) -> str:
    """`code_digest` of `module_closure(roots)`, once per process."""
    return code_digest(module_closure(roots))
