"""Sidebar quality on pages the analysis has not seen: leave-one-site-out cross-validation.

Run on demand:  python tests/benchmarks/names_cv.py [--shared ../shared] [--details]

Reports, pooled over every labelled article (the shared corpus and sample, our own sets):
characters precision and recall, actors right, key moments found and show + season + episode
right. Each site's articles are scored by an analysis whose fitted parts were fitted on the
other sites only (``reader.analysis.names_train``); rule-based parts are the same in every fold.
Also: the plain per-folder figures (the analysis as shipped, which has seen every folder) and
the median analysis time per article.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "support"))

from labelled_sites import Figures, cross_validate, load_corpus  # noqa: E402
from names_folds import analyse_with, fitter  # noqa: E402
from recap_labels import score  # noqa: E402

from reader.analysis import analyze  # noqa: E402
from reader.analysis.episode import read_episode  # noqa: E402
from reader.analysis.episode_refs import find_refs  # noqa: E402
from reader.article import Article, Block  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--details", action="store_true", help="list each held-out article's misses")
    args = parser.parse_args()
    items = load_corpus(args.shared)
    if not items:
        print(f"no labelled articles under {args.shared}", file=sys.stderr)
        return 1

    print("== as shipped, per folder (tuned on, except where a README says otherwise)")
    folders: dict[str, Figures] = {}
    for item in items:
        folders.setdefault(f"{item.path.parent.parent.name}/{item.path.parent.name}", Figures()).scores.append(
            score(item.path.name, item.labels, item.article, analyze(item.article)))
    for name, figures in folders.items():
        print(f"  {name:20} ({len(figures.scores):2})  {figures.table_row()}")

    cv = cross_validate(items, fitter(items), analyse_with)
    print(f"\n== leave-one-site-out ({len({i.site for i in items})} sites, {len(items)} articles)")
    print(f"  {'all':20} ({len(cv.scores):2})  {cv.table_row()}")
    by_name = {s.name: s for s in cv.scores}
    for name in folders:
        part = Figures([by_name[i.path.name] for i in items
                        if f"{i.path.parent.parent.name}/{i.path.parent.name}" == name])
        print(f"  {name:20} ({len(part.scores):2})  {part.table_row()}")
    if args.details:
        for s in cv.scores:
            rows = ([f"wrong character: {x}" for x in s.wrong_characters]
                    + [f"missed character: {x}" for x in s.missed_characters]
                    + [f"missed moment: {x}" for x in s.missed_moments] + s.episode_errors)
            if rows:
                print(f"  -- {s.name}")
                for row in rows:
                    print(f"     {row}")

    # CPU time of this process, not the wall clock: the machine is shared, and another user's
    # load would otherwise be counted as ours.
    times = []
    for item in items:
        for _ in range(3):
            start = time.process_time()
            analyze(item.article)
            times.append((time.process_time() - start) * 1000)
    print(f"\n== speed: median {statistics.median(times):.2f} ms CPU per article (max {max(times):.2f} ms)")

    # Episode references are read from every block: their cost must grow with the text, no faster
    # (a timing check, so it lives here rather than in the unit tests).
    text = "The episode opens on a pier, and the season keeps its secrets for one more week. " * 200
    start = time.process_time()
    find_refs(text)
    short = time.process_time() - start
    start = time.process_time()
    find_refs(text * 10)
    long = time.process_time() - start
    print(f"   find_refs: {len(text)} chars {short * 1000:.1f} ms; x10 {long * 1000:.1f} ms = {long / max(short, 1e-6):.1f}x")

    # A hostile headline and body: the episode reader must stay linear too.
    sentence = "The finale, episode 9, is long. All 10 episodes are up. Episode 3 of Copper Bell. "
    small = Article("‘Copper Bell’ season finale recap " + "and more " * 100, [Block(0, "paragraph", sentence * 200)], None, "text")
    big = Article("‘Copper Bell’ season finale recap " + "and more " * 1_000, [Block(0, "paragraph", sentence * 2_000)], None, "text")
    read_episode(small)
    start = time.process_time()
    read_episode(small)
    short = time.process_time() - start
    start = time.process_time()
    read_episode(big)
    long = time.process_time() - start
    print(f"   read_episode: hostile page {short * 1000:.1f} ms; x10 {long * 1000:.1f} ms = {long / max(short, 1e-6):.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
