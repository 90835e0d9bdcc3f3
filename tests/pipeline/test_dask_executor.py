"""Extraction on Dask distributed gives exactly what the local pipeline gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from timeline.ingest import read_inputs
from timeline.pipeline.stages import analyse
from timeline.store.extraction import ExtractionCache

distributed = pytest.importorskip("distributed")


@pytest.mark.slow
def test_dask_local_cluster_matches_local_run(repo_root: Path, tmp_path: Path) -> None:
    from timeline.pipeline.dask_executor import dask_mapper

    articles = read_inputs([repo_root / "seeds"])
    no_cache = ExtractionCache(directory=None, pipeline_version="test")
    local = analyse(articles, no_cache)
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        remote = analyse(articles, no_cache, mapper=dask_mapper(cluster.scheduler_address, chunk=1))
    assert remote == local
    assert sum(len(r.mentions) for r in remote) > 0


def test_unreachable_scheduler_is_a_clear_error(repo_root: Path) -> None:
    from timeline.errors import PipelineError
    from timeline.pipeline.dask_executor import dask_mapper

    articles = [a for a in read_inputs([repo_root / "seeds"]) if a.text]
    import dask

    mapper = dask_mapper("tcp://127.0.0.1:1")
    with (
        dask.config.set({"distributed.comm.timeouts.connect": "1s"}),
        pytest.raises(PipelineError, match=r"tcp://127\.0\.0\.1:1"),
    ):
        list(mapper(articles))
