"""The whole way from a file to what the reader sees: load → extract → analyze, with bounds.

One function, ``open_article``, used by the command line (``analyze``, ``--screenshot``) and by
the window's background loader, so both see the same article, the same caps and the same
messages. Pure Python, no Qt.

Bounds (issue 14: every input ends in an article or one clear line within seconds and a
gigabyte):

- bytes: ``reader.loaders`` reads only regular files, at most ``MAX_FILE_BYTES``;
- analysis and drawing: an article longer than ``Budget.max_blocks`` blocks or
  ``Budget.max_chars`` characters is cut there, a paragraph longer than
  ``Budget.max_block_chars`` is shortened (past ``max_block_runs`` pieces of formatting, the
  rest is plain text), and the article ends with a note block saying so. The window lays the
  article out on its GUI thread, so these bound the drawing too: a megabyte-long paragraph or
  one with thousands of formatted pieces froze it for minutes. Analysis time grows with the
  text (about a millisecond per block), so these bound it; a recap is a few hundred blocks and
  characters in the tens of thousands, far inside them;
- deadline (``reader.deadline``): loading is stopped at ``Budget.load_seconds`` and ends in one
  sentence (the page is too complex to read in time). When loading used up much of
  ``Budget.deadline_seconds`` the analysis budget shrinks in proportion; an analysis still
  running at the deadline is stopped and run again on a small beginning of the article (a few
  hundred blocks, well under a second), so the reader gets fewer blocks and a note, not a wait.
  Degrading means fewer blocks, never a different verdict for the blocks that are kept.

Every failure becomes a ``LoadError`` with one sentence; nothing here writes to the file.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reader.article import Analysis, Article, Block
from reader.deadline import DeadlineExceeded, run_with_deadline
from reader.errors import LoadError
from reader.library.progress import WatchProgress

__all__ = ["Budget", "DEFAULT_BUDGET", "Opened", "bound_article", "open_article"]

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Budget:
    """How much of an article is analysed, and the time the whole pipeline aims to stay in."""

    max_blocks: int = 1000
    max_chars: int = 300_000
    max_block_chars: int = 20_000
    max_block_runs: int = 200
    # The whole must end within 10 s (issue 14), and the window's own start and a C call that
    # has to return before the stop lands (a parser) come on top: a second or two on a busy
    # machine, hence the margin.
    deadline_seconds: float = 7.0
    load_seconds: float = 5.0


# What is analysed when the full analysis ran out of time: small enough for well under a second.
FALLBACK_BUDGET = Budget(max_blocks=200, max_chars=40_000)
FALLBACK_SECONDS = 1.5


DEFAULT_BUDGET = Budget()


@dataclass(frozen=True)
class Opened:
    """An opened article: what was read, what the analysis found, and the note when the article
    was cut to fit the budget (None when it is whole)."""

    path: Path
    article: Article
    analysis: Analysis
    note: str | None = None


def open_article(path: Path, progress: Sequence[WatchProgress] = (), budget: Budget = DEFAULT_BUDGET,
                 caution: str | None = None) -> Opened:
    """Load, extract and analyse the file at ``path``; raise ``LoadError`` only. ``caution`` is
    the shield level (``reader.analysis.analyze``; None for the default, Cautious)."""
    from reader.loaders import load

    path = Path(path)
    started = time.monotonic()
    try:
        article = run_with_deadline(lambda: load(path), budget.load_seconds)
    except LoadError:
        raise
    except DeadlineExceeded:
        raise LoadError(f"{path.name} is too complex to read in time (over {budget.load_seconds:.0f} s); "
                        "it does not look like a saved article.") from None
    except RecursionError:
        raise LoadError(f"{path.name} is nested too deeply to be read as an article.") from None
    except MemoryError:
        raise LoadError(f"{path.name} is too large to load.") from None
    except Exception as err:  # noqa: BLE001 - the reader gets a sentence, not a traceback
        _log.exception("loading %s failed", path)
        raise LoadError(f"{path.name} could not be read ({type(err).__name__}).") from err
    spent = time.monotonic() - started
    bounded, note = bound_article(article, _remaining(budget, spent))
    try:
        analysis = _analyse(path, bounded, progress, caution, max(FALLBACK_SECONDS, budget.deadline_seconds - spent))
    except DeadlineExceeded:
        _log.warning("analysing %s ran out of time; analysing its beginning only", path)
        bounded, note = bound_article(article, FALLBACK_BUDGET)
        try:
            analysis = _analyse(path, bounded, progress, caution, FALLBACK_SECONDS)
        except DeadlineExceeded:
            raise LoadError(f"{path.name} could not be checked for spoilers in time.") from None
    return Opened(path, bounded, analysis, note)


def _analyse(path: Path, article: Article, progress: Sequence[WatchProgress], caution: str | None,
             seconds: float) -> Analysis:
    """The analysis under a deadline: ``DeadlineExceeded`` passes through (the caller falls back
    to the beginning), any other failure becomes one sentence for the reader."""
    from reader.analysis import analyze

    try:
        return run_with_deadline(lambda: analyze(article, list(progress), caution), seconds)
    except DeadlineExceeded:
        raise
    except Exception as err:  # noqa: BLE001 - the reader gets a sentence, not a traceback
        _log.exception("analysing %s failed", path)
        raise LoadError(f"{path.name} could not be analysed ({type(err).__name__}).") from err


def _remaining(budget: Budget, spent: float) -> Budget:
    """The analysis budget left after loading took ``spent`` seconds of the deadline."""
    share = 1.0 - spent / budget.deadline_seconds
    if share >= 0.5:
        return budget
    share = max(share, 0.1)
    _log.info("loading took %.1f s; analysing at most %.0f%% of the usual budget", spent, share * 100)
    return replace(budget, max_blocks=max(50, int(budget.max_blocks * share)),
                   max_chars=max(20_000, int(budget.max_chars * share)))


def bound_article(article: Article, budget: Budget = DEFAULT_BUDGET) -> tuple[Article, str | None]:
    """``article`` cut to ``budget`` with a closing note block, or unchanged with no note.

    Blocks past ``max_blocks`` or ``max_chars`` are left out, and a single block longer than
    ``max_block_chars`` is shortened: Qt lays out one paragraph as a whole, and a paragraph of a
    megabyte (a text file with no blank line) would freeze the window for minutes.
    """
    blocks = article.blocks
    total_chars = sum(len(b.text) for b in blocks)
    longest = max((len(b.text) for b in blocks), default=0)
    most_runs = max((len(b.runs) for b in blocks), default=0)
    if (len(blocks) <= budget.max_blocks and total_chars <= budget.max_chars
            and longest <= budget.max_block_chars and most_runs <= budget.max_block_runs):
        return article, None
    kept: list[Block] = []
    used = 0
    shortened = 0
    for block in blocks:
        if len(kept) >= budget.max_blocks - 1 or used >= budget.max_chars:
            break
        room = min(budget.max_chars - used, budget.max_block_chars)
        if len(block.text) > room:
            block = _cut_block(block, room)
            shortened += 1
        if len(block.runs) > budget.max_block_runs:  # the words stay, the formatting goes
            block = replace(block, runs=block.runs[: budget.max_block_runs])
            shortened += 1
        kept.append(block)
        used += len(block.text)
    shown = sum(len(b.text) for b in kept)
    if len(kept) < len(blocks):
        note = (f"This page is too long to be read whole: Recap Reader shows its first {len(kept):,} of "
                f"{len(blocks):,} blocks ({_share(shown, total_chars)} of the text), checked for spoilers.")
    else:
        note = (f"Recap Reader simplified {shortened:,} very long paragraph{'s' if shortened > 1 else ''} "
                f"of this page ({_share(shown, total_chars)} of the text is shown), checked for spoilers.")
    kept.append(Block(id=len(kept), kind="paragraph", text=note))
    _log.info("%s cut to %d of %d blocks, %d shortened", article.source_path, len(kept) - 1, len(blocks), shortened)
    return replace(article, blocks=kept), note


def _share(part: int, whole: int) -> str:
    percent = 100 * part / whole if whole else 100
    return f"{percent:.0f}%" if percent >= 1 else "under 1%"


def _cut_block(block: Block, room: int) -> Block:
    """``block`` with its text cut to at most ``room`` characters, at a space when there is one
    near the end; formatting and spoiler markup are clipped to the text that remains."""
    end = room
    space = block.text.rfind(" ", max(0, room - 200), room)
    if space > 0:
        end = space
    text = block.text[:end].rstrip() + " …"
    limit = len(text)
    runs = [replace(r, end=min(r.end, limit)) for r in block.runs if r.start < end]
    marks = [replace(m, end=min(m.end, limit)) for m in block.spoiler_markup if m.start < end]
    return replace(block, text=text, runs=runs, spoiler_markup=marks)
