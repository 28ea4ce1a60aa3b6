"""Honest figures for the spoiler shield: cross-validation of the whole training procedure.

Run on demand:  python tests/benchmarks/shield_cv.py [--no-tvtropes] [--folds 5] [--sites]

1. Leave one site out, over every labelled recap article (../shared/corpus/recaps, recaps2,
   samples, tests/data/recaps*): fit on every other site (and the TV Tropes sentences), choose
   the Cautious threshold by cross-validation inside that training material, score the site
   left out. Reports plot blocks hidden and safe blocks readable at each caution level.
2. TV Tropes, 5-fold over shows: fit on the recaps and four fifths of the shows, score the
   sentences of the fifth (a sentence is hidden when its entry's block is).

Needs the ``train`` extra (scikit-learn). Takes a few minutes on two cores.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.analysis import train  # noqa: E402
from reader.analysis.shield_model import Caution  # noqa: E402

LEVELS = (Caution.CAUTIOUS, Caution.BALANCED, Caution.RELAXED)


def _share(hit: int, total: int) -> str:
    return f"{hit}/{total} = {hit / total:.1%}" if total else "n/a"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=train.SHARED)
    parser.add_argument("--no-tvtropes", action="store_true", help="recaps only (train and score)")
    parser.add_argument("--folds", type=int, default=5, help="TV Tropes folds over shows")
    parser.add_argument("--sites", action="store_true", help="one line per site left out")
    args = parser.parse_args()
    start = time.perf_counter()
    rows = train.recap_rows(train.recap_folders(args.shared))
    tropes_csv = args.shared / "corpus" / "tvtropes" / "train.csv"
    if not args.no_tvtropes and tropes_csv.exists():
        rows += train.tvtropes_rows(tropes_csv)
    print(f"material: {sum(r.domain == 'recap' for r in rows)} labelled recap blocks from "
          f"{len({r.site for r in rows if r.domain == 'recap'})} sites, "
          f"{sum(r.domain == 'tvtropes' for r in rows)} TV Tropes entries "
          f"({time.perf_counter() - start:.0f} s to read)")

    by_site = train.leave_one_site_out(rows, LEVELS)
    print("\n== leave one site out (recap articles; each site scored by a model that never saw it)")
    for level in LEVELS:
        t = train.total(by_site[level].values())
        print(f"  {level.value:9s} plot blocks hidden {_share(t.hidden, t.plot):>18s}   "
              f"safe blocks readable {_share(t.readable, t.safe):>18s}")
    if args.sites:
        for site, t in sorted(by_site[Caution.CAUTIOUS].items()):
            print(f"    {site:45s} hidden {t.hidden}/{t.plot}  readable {t.readable}/{t.safe}")

    if any(r.domain == "tvtropes" for r in rows):
        folds = train.tvtropes_folds(rows, args.folds, levels=LEVELS)
        print(f"\n== TV Tropes, {args.folds}-fold over shows (sentences)")
        for level in LEVELS:
            t = folds[level]
            print(f"  {level.value:9s} spoilers hidden {t.recall:.1%}   safe readable {t.readable_share:.1%}   "
                  f"balanced accuracy {t.balanced:.1%}")
    print(f"\n({time.perf_counter() - start:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
