"""Analysis cost in machine instructions: a measure that does not move with the machine's load.

Run on demand:  python tests/benchmarks/analysis_instructions.py [--checkout DIR ...]

CPU time on a shared machine swings by a factor of two within one run (``analysis.py`` prints a
reference loop to show it), which hides a 5% change. Valgrind's instruction count does not
swing: it is the same on every run of the same code. This runs the labelled articles through
``analyze`` under ``valgrind --tool=callgrind`` twice, once analysing them and once only setting
up, and reports the difference per article: each article analysed as new (``analysis.py``'s
protocol: the patterns articles share compiled, the article's own ones not, text caches empty).
Give several ``--checkout`` folders (git worktrees) to compare commits; about three minutes
each, two at a time. Needs Debian's ``valgrind``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Run inside the checkout under test; the benchmark helpers come from this checkout's analysis.py.
_DRIVER = """
import sys
sys.path[:0] = [{support!r}, {benchmarks!r}]
from pathlib import Path
from recap_labels import labelled_articles
from reader.analysis import analyze
from reader.loaders import load
import analysis as bench

articles = [load(a) for folder in {folders!r} if Path(folder).is_dir()
            for a, _ in labelled_articles(Path(folder))]
for article in articles:
    analyze(article)
shared = bench._shared_patterns(articles)
caches = bench._text_caches()
for article in articles:
    bench._restore_pattern_cache(shared)
    for cached in caches:
        cached.cache_clear()
    if {analyse}:
        analyze(article)
print(len(articles))
"""


def _folders(shared: Path) -> list[str]:
    return [str(p) for p in (shared / "corpus" / "recaps", shared / "samples", ROOT / "tests" / "data" / "recaps",
                             ROOT / "tests" / "data" / "recaps_blind", ROOT / "tests" / "data" / "recaps_blind2")]


def _instructions(checkout: Path, analyse: bool, shared: Path) -> tuple[int, int]:
    """(instructions, articles) of one run of the driver in ``checkout``."""
    driver = _DRIVER.format(support=str(ROOT / "tests" / "support"), benchmarks=str(ROOT / "tests" / "benchmarks"),
                            folders=_folders(shared), analyse=analyse)
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / "callgrind.out"
        env = {**os.environ, "PYTHONHASHSEED": "0", "PYTHONPATH": str(checkout)}
        run = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
                              sys.executable, "-c", driver],
                             cwd=checkout, env=env, capture_output=True, text=True, check=True)
        total = next(int(line.split()[-1].replace(",", "")) for line in run.stderr.splitlines()
                     if "Collected" in line)
        return total, int(run.stdout.split()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--checkout", type=Path, action="append", help="a checkout to measure (default: this one)")
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    if shutil.which("valgrind") is None:
        print("analysis_instructions: valgrind is not installed (apt-get install valgrind)", file=sys.stderr)
        return 1
    checkouts = [c.resolve() for c in (args.checkout or [ROOT])]
    # Bytecode first: otherwise whichever of two runs imports a changed module first compiles
    # it, and its cost lands on one side of the difference (12 million instructions per article).
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    for folder in [*(c / "reader" for c in checkouts), ROOT / "tests" / "support", ROOT / "tests" / "benchmarks"]:
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(folder)], env=env, check=True)
    jobs = [(c, analyse) for c in checkouts for analyse in (False, True)]
    with ThreadPoolExecutor(max_workers=2) as pool:
        results = dict(zip(jobs, pool.map(lambda job: _instructions(job[0], job[1], args.shared), jobs)))
    for checkout in checkouts:
        (setup, _), (total, articles) = results[(checkout, False)], results[(checkout, True)]
        print(f"{checkout}: {(total - setup) / articles / 1e6:.1f} million instructions per article "
              f"analysed as new ({articles} articles)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
