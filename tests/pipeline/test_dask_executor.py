"""Extraction on Dask distributed gives exactly what the local pipeline gives.

Each test runs in a child interpreter: Dask starts threads that live as long as the process
(its IO loop, its offload pool), and the tests that follow need a process with one thread
(`site.writer` forks only then)."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytest.importorskip("distributed")

_SAME_AS_LOCAL = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    import distributed
    from timeline.ingest import read_inputs
    from timeline.pipeline.dask_executor import dask_mapper
    from timeline.pipeline.stages import analyse
    from timeline.store.extraction import ExtractionCache

    articles = read_inputs([Path(sys.argv[1])])
    no_cache = ExtractionCache(directory=None, pipeline_version="test")
    local = analyse(articles, no_cache)
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        remote = analyse(articles, no_cache, mapper=dask_mapper(cluster.scheduler_address, chunk=1))
    print(json.dumps({"same": remote == local, "mentions": sum(len(r.mentions) for r in remote)}))
    """
)

_UNREACHABLE = textwrap.dedent(
    """
    import json, sys
    from pathlib import Path
    import dask
    from timeline.errors import PipelineError
    from timeline.ingest import read_inputs
    from timeline.pipeline.dask_executor import dask_mapper

    articles = [a for a in read_inputs([Path(sys.argv[1])]) if a.text]
    mapper = dask_mapper("tcp://127.0.0.1:1")
    try:
        with dask.config.set({"distributed.comm.timeouts.connect": "1s"}):
            list(mapper(articles))
    except PipelineError as error:
        print(json.dumps({"error": str(error)}))
    else:
        print(json.dumps({"error": None}))
    """
)


def _run(script: str, seeds: Path) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-c", script, str(seeds)],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr
    found: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


@pytest.mark.slow
def test_dask_local_cluster_matches_local_run(repo_root: Path) -> None:
    found = _run(_SAME_AS_LOCAL, repo_root / "seeds")
    assert found["same"] is True
    assert isinstance(found["mentions"], int)
    assert found["mentions"] > 0


def test_unreachable_scheduler_is_a_clear_error(repo_root: Path) -> None:
    found = _run(_UNREACHABLE, repo_root / "seeds")
    assert isinstance(found["error"], str)
    assert "tcp://127.0.0.1:1" in found["error"]
