"""Work past its deadline is stopped in the thread that runs it, main or worker."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from reader.deadline import DeadlineExceeded, run_with_deadline


def _forever() -> None:
    while True:
        sum(range(100))


def test_work_that_never_ends_is_stopped() -> None:
    started = time.monotonic()
    with pytest.raises(DeadlineExceeded):
        run_with_deadline(_forever, 0.3)
    assert time.monotonic() - started < 60  # the hang guard; the point is that it returned


def test_work_that_ends_returns_its_value_and_nothing_fires_later() -> None:
    assert run_with_deadline(lambda: 42, 0.2) == 42
    deadline = time.monotonic() + 0.6
    while time.monotonic() < deadline:  # a stray exception would surface in this loop
        sum(range(100))


def test_work_in_a_worker_thread_is_stopped_there() -> None:
    outcome: list[str] = []

    def worker() -> None:
        try:
            run_with_deadline(_forever, 0.3)
        except DeadlineExceeded:
            outcome.append("stopped")

    thread = threading.Thread(target=worker)
    thread.start()
    thread.join(60)
    assert outcome == ["stopped"]


def test_a_load_that_never_ends_becomes_one_sentence(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import reader.loaders
    from reader.errors import LoadError
    from reader.pipeline import Budget, open_article

    page = tmp_path / "page.html"
    page.write_text("<p>text</p>")
    monkeypatch.setattr(reader.loaders, "load", lambda path: _forever())
    with pytest.raises(LoadError, match="too complex to read in time"):
        open_article(page, budget=Budget(load_seconds=0.3))


def test_an_analysis_past_the_deadline_falls_back_to_the_beginning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first analysis is stopped; the second, on a short beginning, gives the article with
    a note (here the stand-in analysis is slow only on long articles)."""
    import reader.analysis
    from reader.pipeline import FALLBACK_BUDGET, Budget, open_article

    real = reader.analysis.analyze

    def slow_on_long(article, progress=(), caution=None):  # noqa: ANN001, ANN202
        if len(article.blocks) > FALLBACK_BUDGET.max_blocks:
            _forever()
        return real(article, progress, caution)

    monkeypatch.setattr(reader.analysis, "analyze", slow_on_long)
    page = tmp_path / "page.html"
    page.write_text("<html><body><article>" + "<p>The keeper wrote in the log that night.</p>" * 1000
                    + "</article></body></html>")
    opened = open_article(page, budget=Budget(deadline_seconds=0.3))
    assert opened.note is not None
    assert len(opened.article.blocks) <= FALLBACK_BUDGET.max_blocks
    assert len(opened.analysis.verdicts) == len(opened.article.blocks)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the lost one, on purpose
def test_a_stop_lost_in_a_destructor_is_raised_again() -> None:
    """Python ignores an exception raised inside ``__del__``; the deadline must still win."""
    import gc

    class Swallows:
        def __del__(self) -> None:
            deadline = time.monotonic() + 0.5
            while time.monotonic() < deadline:  # the first stop lands here and is ignored
                sum(range(100))

    def work() -> None:
        Swallows()  # collected at once: __del__ runs inside the work, past the deadline
        _forever()

    gc.collect()
    with pytest.raises(DeadlineExceeded):
        run_with_deadline(work, 0.1)
