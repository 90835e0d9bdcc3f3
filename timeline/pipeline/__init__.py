"""Orchestration: the stages wired in order (`stages`), the per-article map (`extract`), and
where the map runs: here, in worker processes (`process_executor`), in one process started
early to load the model (`parse_process`), or on Dask distributed (`dask_executor`).

`BatchMapper` is what an executor offers the stages: articles in, their results out, in
order. It lives here, not beside the stages, so executors never import the stages.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from timeline.types import Article, ArticleResult

BatchMapper = Callable[[Sequence[Article]], Iterable[ArticleResult]]
