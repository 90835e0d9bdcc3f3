"""No hang, ever: the command exits within seconds, with the right exit code, and leaves no
process behind, whether parsing raises, a parsing process dies, the run is interrupted
(SIGINT, SIGTERM) or killed outright, in worker processes, the helper process and on Dask.

Each run is a real `timeline` command in its own process; every process it starts carries
a marker in its environment, so the test finds them all, orphans included.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import pytest

ARTICLES = 40  # enough for two worker processes and a progress line every 10%
WITHIN = 20.0  # seconds a run may take to stop once told to, models loading included

# Each run: optional patches, then the command line as `timeline` would run it.
RUNNER = """
import sys
{patch}
from timeline.cli import run
sys.argv = ["timeline", *sys.argv[1:]]
run()
"""
# The consumer of the results fails on the fifth one: a fault after parsing began.
FAIL_CONSUMER = """
import timeline.store.extraction
calls = []
def put(self, result):
    calls.append(result)
    if len(calls) == 5:
        raise RuntimeError("the cache broke")
timeline.store.extraction.ExtractionCache.put = put
"""
# Each article takes a quarter of a second more, so that a run is surely mid-parse when
# the test acts (the worker processes are forked with this patch).
SLOW_PARSE = """
import time
import timeline.pipeline.extract
real = timeline.pipeline.extract.extract_article
def slow(article, doc):
    time.sleep(0.25)
    return real(article, doc)
timeline.pipeline.extract.extract_article = slow
"""
# Parsing itself fails, inside the worker processes (they are forked with this patch).
FAIL_WORKERS = """
import timeline.nlp.parse
def parse_all(*args, **kwargs):
    raise RuntimeError("the parser broke")
    yield
timeline.nlp.parse.parse_all = parse_all
"""


def _corpus(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    lines = [
        {
            "id": f"a{n}",
            "published": f"2015-12-{n % 28 + 1:02d}",
            "text": f"Talks number {n} began in Vienna yesterday. The ministers will meet "
            f"again on Friday, officials said on Monday. Sanctions were lifted last year.",
        }
        for n in range(ARTICLES)
    ]
    path = folder / "wire.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return path


def _marked(token: str) -> list[int]:
    """Processes whose environment carries the marker, orphans included."""
    found = []
    needle = f"TIMELINE_TEST_RUN={token}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            environ = (entry / "environ").read_bytes()
            state = (entry / "stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if needle in environ.split(b"\0") and state != "Z":
            found.append(int(entry.name))
    return found


class Run:
    """A `timeline` command running in its own process group, with a marker."""

    def __init__(self, tmp_path: Path, args: list[str], patch: str = "") -> None:
        self.token = uuid.uuid4().hex
        env = {**os.environ, "TIMELINE_TEST_RUN": self.token, "PYTHONUNBUFFERED": "1"}
        self.stderr_path = tmp_path / f"stderr-{self.token}"
        self.stderr = self.stderr_path.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-c", RUNNER.format(patch=patch), *args],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=self.stderr,
            start_new_session=True,
        )

    def log(self) -> str:
        return self.stderr_path.read_text(errors="replace")

    def wait_for(self, ready: Callable[[], bool], what: str, timeout: float = 120.0) -> None:
        deadline = time.monotonic() + timeout
        while not ready():
            assert self.process.poll() is None, f"exited before {what}:\n{self.log()}"
            assert time.monotonic() < deadline, f"no {what} after {timeout} s:\n{self.log()}"
            time.sleep(0.1)

    def parsing(self) -> bool:
        return "parsed " in self.log()

    def finish(self, within: float = WITHIN) -> int:
        try:
            code = self.process.wait(within)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
            pytest.fail(f"still running {within} s later:\n{self.log()}")
        finally:
            self.stderr.close()
        return code

    def assert_nothing_left(self, within: float = 10.0) -> None:
        deadline = time.monotonic() + within
        while (left := _marked(self.token)) and time.monotonic() < deadline:
            time.sleep(0.1)
        for pid in left:  # do not leave them to the next test
            os.kill(pid, signal.SIGKILL)
        assert not left, f"processes left behind: {left}"


pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux /proc"),
]


def _extract(tmp_path: Path, *extra: str) -> list[str]:
    corpus = _corpus(tmp_path / "articles")
    return ["extract", str(corpus), "--no-cache", *extra]


@pytest.mark.parametrize(
    ("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)], ids=["sigint", "sigterm"]
)
def test_an_interrupt_mid_parse_stops_every_process(tmp_path: Path, sig: int, code: int) -> None:
    run = Run(tmp_path, _extract(tmp_path, "--jobs", "2"), patch=SLOW_PARSE)
    run.wait_for(run.parsing, "parsing")
    assert len(_marked(run.token)) == 3  # the command and its two parsing processes
    run.process.send_signal(sig)
    assert run.finish() == code
    run.assert_nothing_left()


def test_a_failure_after_parsing_began_stops_every_process(tmp_path: Path) -> None:
    run = Run(tmp_path, _extract(tmp_path, "--jobs", "2"), patch=FAIL_CONSUMER)
    assert run.finish(120) == 1
    assert "RuntimeError: the cache broke" in run.log()
    run.assert_nothing_left()


def test_a_failure_inside_the_parsing_processes_fails_the_run(tmp_path: Path) -> None:
    run = Run(tmp_path, _extract(tmp_path, "--jobs", "2"), patch=FAIL_WORKERS)
    assert run.finish(120) == 1
    assert "parsing failed: RuntimeError: the parser broke" in run.log()
    run.assert_nothing_left()


def test_a_parsing_process_killed_fails_the_run(tmp_path: Path) -> None:
    run = Run(tmp_path, _extract(tmp_path, "--jobs", "2"), patch=SLOW_PARSE)
    run.wait_for(run.parsing, "parsing")
    worker = max(pid for pid in _marked(run.token) if pid != run.process.pid)
    os.kill(worker, signal.SIGKILL)
    assert run.finish() == 1
    assert "a parsing process stopped" in run.log()
    run.assert_nothing_left()


def test_the_helper_dies_with_a_killed_build(tmp_path: Path) -> None:
    # A few new articles with a cache: the helper process loads the model and parses them.
    corpus = _corpus(tmp_path / "articles")
    args = ["extract", str(corpus), "--cache-dir", str(tmp_path / "cache")]
    run = Run(tmp_path, args, patch=SLOW_PARSE)
    run.wait_for(lambda: len(_marked(run.token)) >= 2, "a helper process")
    run.process.kill()
    run.finish()
    run.assert_nothing_left()


def test_the_helper_stops_with_an_interrupted_build(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path / "articles")
    args = ["extract", str(corpus), "--cache-dir", str(tmp_path / "cache")]
    run = Run(tmp_path, args, patch=SLOW_PARSE)
    run.wait_for(run.parsing, "parsing")
    run.process.send_signal(signal.SIGTERM)
    assert run.finish() == 143
    run.assert_nothing_left()


def test_an_interrupted_dask_run_closes_its_cluster(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    run = Run(tmp_path, _extract(tmp_path, "--executor", "dask"), patch=SLOW_PARSE)
    run.wait_for(lambda: "dask:" in run.log(), "the Dask cluster", timeout=180)
    time.sleep(1.0)  # the workers have their chunks
    run.process.send_signal(signal.SIGTERM)
    assert run.finish(60) == 143
    run.assert_nothing_left(30)


def test_a_failure_during_a_dask_run_closes_its_cluster(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    run = Run(tmp_path, _extract(tmp_path, "--executor", "dask"), patch=FAIL_CONSUMER)
    assert run.finish(240) == 1
    assert "RuntimeError: the cache broke" in run.log()
    run.assert_nothing_left(30)


# The page-export child never finishes: the build waits for it before copying files.
STALL_EXPORTS = """
import time
import timeline.site.pages
def export_files(*args, **kwargs):
    time.sleep(600)
timeline.site.pages.export_files = export_files
"""


@pytest.mark.parametrize("stop", ["sigterm", "kill"])
def test_the_export_process_never_outlives_the_build(tmp_path: Path, stop: str) -> None:
    corpus = _corpus(tmp_path / "articles")
    args = ["build", str(corpus), "--no-cache", "-o", str(tmp_path / "site")]
    run = Run(tmp_path, args, patch=STALL_EXPORTS)
    run.wait_for(lambda: len(_marked(run.token)) >= 2, "the export process")
    if stop == "kill":
        run.process.kill()
        run.finish()
    else:
        run.process.send_signal(signal.SIGTERM)
        assert run.finish() == 143
    run.assert_nothing_left()
    if stop == "sigterm":
        assert not (tmp_path / "site").exists()
        assert not list(tmp_path.glob(".site.new-*")), "the staging folder is removed"


def test_a_consumer_that_stops_early_stops_the_processes() -> None:
    import multiprocessing

    from builders import make_article

    from timeline.pipeline.process_executor import extract_in_processes

    articles = [make_article(f"a{n}", f"Talks {n} began yesterday.", None) for n in range(12)]
    results = extract_in_processes(articles, 2)
    assert next(results).article.id == "a0"
    assert len(multiprocessing.active_children()) == 2
    results.close()
    assert multiprocessing.active_children() == []


def test_parsing_goes_on_here_when_no_process_can_start(monkeypatch: pytest.MonkeyPatch) -> None:
    from builders import make_article

    from timeline.pipeline import process_executor as workers

    def refuse(parses: object) -> None:
        raise OSError("fork: Resource temporarily unavailable")

    monkeypatch.setattr(workers, "Worker", refuse)
    articles = [make_article(f"a{n}", f"Talks {n} began yesterday.", None) for n in range(3)]
    results = list(workers.extract_in_processes(articles, 2))
    assert [r.article.id for r in results] == ["a0", "a1", "a2"]
    assert all(r.timexes for r in results)
