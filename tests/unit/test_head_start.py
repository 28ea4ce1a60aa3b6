"""The early open in a child process (reader/head_start.py) gives exactly what the pipeline gives,
or nothing, so that the loader computes it itself.

Each check runs in a fresh interpreter: ``HeadStart`` forks only a process with no thread running,
and the test process has threads (Qt's pool, deadline timers) once other tests ran.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_CORES = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
# The head start forks only where a second core can run it.
two_cores = pytest.mark.skipif(_CORES < 2, reason="the head start needs two usable cores")


def _run(code: str, tmp_path: Path) -> dict[str, object]:
    """Run ``code`` in a fresh interpreter; it prints one JSON object on its last line."""
    script = tmp_path / "check.py"
    script.write_text(textwrap.dedent(code), encoding="utf-8")
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state"), "XDG_DATA_HOME": str(tmp_path / "data")}
    result = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=120,
                            cwd=ROOT, env=env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


_PRELUDE = """
import json, threading
from pathlib import Path
from reader.bundled import sample_article_path
from reader.errors import LoadError
from reader.head_start import HeadStart
from reader.library.progress import WatchProgress
from reader.pipeline import open_article
sample = sample_article_path()
"""


@two_cores
def test_the_child_gives_what_the_pipeline_gives(tmp_path: Path) -> None:
    out = _run(_PRELUDE + textwrap.dedent("""
    head = HeadStart.begin([sample])
    early = head.take(sample)
    direct = open_article(sample)
    print(json.dumps({"started": head is not None, "same_article": early.article == direct.article,
                      "same_analysis": early.analysis == direct.analysis, "again": head.take(sample) is None,
                      "child_ended": not head._process.is_alive()}))
    """), tmp_path)
    assert out == {"started": True, "same_article": True, "same_analysis": True, "again": True,
                   "child_ended": True}


@two_cores
def test_a_file_that_cannot_be_read_gives_the_pipelines_sentence(tmp_path: Path) -> None:
    bad = tmp_path / "empty.html"
    bad.write_bytes(b"")
    out = _run(_PRELUDE + textwrap.dedent(f"""
    bad = Path({str(bad)!r})
    head = HeadStart.begin([bad, sample])
    try:
        head.take(bad)
        early = None
    except LoadError as err:
        early = str(err)
    try:
        open_article(bad)
        direct = None
    except LoadError as err:
        direct = str(err)
    print(json.dumps({{"early": early, "direct": direct, "sample": head.take(sample) is not None}}))
    """), tmp_path)
    assert out["direct"] and out["early"] == out["direct"]
    assert out["sample"] is True


@two_cores
def test_other_progress_or_caution_or_file_means_computing_it_here(tmp_path: Path) -> None:
    out = _run(_PRELUDE + textwrap.dedent("""
    head = HeadStart.begin([sample])
    watched = [WatchProgress("Some Show", 1, 2)]
    other = Path("elsewhere.html")
    print(json.dumps({"progress": head.take(sample, watched) is None,
                      "caution": head.take(sample, caution="relaxed") is None,
                      "file": head.has(other) is False and head.take(other) is None,
                      "still_there": head.take(sample) is not None}))
    """), tmp_path)
    assert out == {"progress": True, "caution": True, "file": True, "still_there": True}


@two_cores
def test_a_child_that_dies_leaves_the_work_to_the_caller(tmp_path: Path) -> None:
    out = _run(_PRELUDE + textwrap.dedent("""
    head = HeadStart.begin([sample])
    head._process.kill()
    head._process.join()
    print(json.dumps({"taken": head.take(sample) is None}))
    """), tmp_path)
    assert out == {"taken": True}


def test_no_fork_with_threads_running_or_for_folders(tmp_path: Path) -> None:
    out = _run(_PRELUDE + textwrap.dedent("""
    folder = HeadStart.begin([sample.parent])
    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    threaded = HeadStart.begin([sample])
    stop.set()
    worker.join()
    print(json.dumps({"folder": folder is None, "threaded": threaded is None}))
    """), tmp_path)
    assert out == {"folder": True, "threaded": True}


@two_cores
def test_cancel_ends_the_child_and_a_waiting_take_returns(tmp_path: Path) -> None:
    out = _run(_PRELUDE + textwrap.dedent("""
    head = HeadStart.begin([sample])
    head.cancel()
    print(json.dumps({"ended": not head._process.is_alive(), "taken": head.take(sample) is None}))
    """), tmp_path)
    assert out == {"ended": True, "taken": True}


@two_cores
@pytest.mark.skipif(sys.platform != "linux", reason="the window's start path is measured on Linux")
def test_the_command_forks_before_qt_is_imported(tmp_path: Path) -> None:
    """The child must be forked while the process has no Qt and no threads: check the order the
    real command takes, up to the moment it would import Qt."""
    out = _run("""
    import json, sys
    import reader.cli as cli
    import reader.head_start as head_start
    seen = {}
    real_begin = head_start.HeadStart.begin.__func__
    def begin(cls, paths, progress=(), caution=None):
        seen["qt_before_fork"] = any(name.startswith("PySide6") for name in sys.modules)
        head = real_begin(cls, paths, progress, caution)
        seen["forked"] = head is not None
        return head
    head_start.HeadStart.begin = classmethod(begin)
    class Stop(Exception):
        pass
    def qt_app():
        raise Stop
    cli._qt_app = qt_app
    try:
        cli.open_window([])
    except Stop:
        pass
    print(json.dumps(seen))
    """, tmp_path)
    assert out == {"qt_before_fork": False, "forked": True}


@two_cores
def test_the_default_level_is_the_same_whether_named_or_not(tmp_path: Path) -> None:
    """The window names the reader's level ("cautious" by default); the start-up child was asked
    with none: the same level, so its result is used."""
    from reader.analysis.shield_model import Caution

    out = _run(_PRELUDE + textwrap.dedent(f"""
    head = HeadStart.begin([sample])
    print(json.dumps({{"named": head.take(sample, caution={Caution.CAUTIOUS.value!r}) is not None}}))
    """), tmp_path)
    assert out == {"named": True}


@pytest.mark.skipif(not hasattr(os, "sched_setaffinity"), reason="needs CPU affinity (Linux)")
def test_on_one_core_the_window_loads_the_files_itself(tmp_path: Path) -> None:
    out = _run(_PRELUDE + textwrap.dedent("""
    import os
    os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    print(json.dumps({"started": HeadStart.begin([sample]) is not None}))
    """), tmp_path)
    assert out == {"started": False}
