"""The monkey, at length: seeded random use of the real window, each seed in its own process.

Run on demand:  python tests/benchmarks/monkey.py [--seeds 20] [--actions 200] [--jobs 2]

Each seed opens the bundled sample and every labelled recap (../shared/corpus/recaps*, and
tests/data/recaps when the shared corpus is absent) and does ACTIONS random things with random
waits of 0.1 to 1.2 s: clicks in the article, wheel turns, shortcuts, Tab + Space, tab switches
and closes, sidebar clicks, resizes, theme, zoom and width changes, Find, reveal and hide all
(tests/support/interaction.py). A seed fails on a crash (a signal), an uncaught or logged
exception, or a Qt warning. CI runs two short seeds (tests/e2e/test_interaction.py); this runs
the goal of issue 11: 20 seeds x 200 actions with no failure.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DRIVER = ROOT / "tests" / "support" / "interaction.py"
SUFFIXES = (".html", ".htm", ".mhtml", ".md", ".txt")


def articles() -> list[str]:
    shared = ROOT.parent / "shared" / "corpus"
    folders = sorted(shared.glob("recaps*")) if shared.is_dir() else [ROOT / "tests" / "data" / "recaps"]
    files = [str(p) for folder in folders for p in sorted(folder.iterdir()) if p.suffix in SUFFIXES]
    sys.path.insert(0, str(ROOT))
    from reader.bundled import sample_article_path

    return [str(sample_article_path()), *files]


def run_seed(seed: int, actions: int, files: list[str]) -> tuple[int, int, float, str]:
    start = time.monotonic()
    done = subprocess.run([sys.executable, str(DRIVER), "monkey", str(seed), str(actions), *files],
                          capture_output=True, text=True, check=False)
    return seed, done.returncode, time.monotonic() - start, done.stderr[-3000:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=20)
    parser.add_argument("--first-seed", type=int, default=100)
    parser.add_argument("--actions", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    files = articles()
    print(f"{args.seeds} seeds x {args.actions} actions over {len(files)} articles")
    failures = 0
    with ThreadPoolExecutor(max_workers=args.jobs) as pool:
        seeds = range(args.first_seed, args.first_seed + args.seeds)
        for seed, status, seconds, stderr in pool.map(lambda s: run_seed(s, args.actions, files), seeds):
            verdict = "ok" if status == 0 else (f"CRASH (signal {-status})" if status < 0 else f"FAIL ({status})")
            print(f"seed {seed}: {verdict} in {seconds:.0f} s", flush=True)
            if status != 0:
                failures += 1
                print(stderr)
    print(f"{args.seeds - failures}/{args.seeds} seeds survived {args.actions} actions")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
