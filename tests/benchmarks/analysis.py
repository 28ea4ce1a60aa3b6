"""Analysis quality and speed over labelled recaps.

Run on demand:  python tests/benchmarks/analysis.py [--details] [--folder DIR ...]
Default folders: ../shared/corpus/recaps + ../shared/samples (the dev corpus) and
tests/data/recaps (our own articles, reported separately).
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

from recap_labels import LabelScore, labelled_articles, load_labels, score  # noqa: E402

from reader.analysis import analyze  # noqa: E402
from reader.article import Article, Block  # noqa: E402
from reader.loaders import load  # noqa: E402


def _share(hit: int, total: int) -> str:
    return f"{hit}/{total} = {hit / total:.3f}" if total else "n/a"


def report(title: str, scores: list[LabelScore], details: bool) -> None:
    tot = lambda attr: sum(getattr(s, attr) for s in scores)  # noqa: E731
    print(f"\n== {title} ({len(scores)} articles)")
    print(f"  must_hide hidden       {_share(tot('hide_hit'), tot('hide_total'))}")
    print(f"  must_show readable     {_share(tot('show_hit'), tot('show_total'))}")
    print(f"  spoiler spans hidden   {_share(tot('span_hit'), tot('span_total'))}")
    print(f"  character precision    {_share(tot('char_correct'), tot('char_predicted'))}")
    print(f"  character recall       {_share(tot('char_found'), tot('char_labelled'))}")
    print(f"  actors right           {_share(tot('actor_right'), tot('actor_labelled'))}")
    print(f"  key-moment recall      {_share(tot('km_found'), tot('km_total'))}")
    print(f"  key moments leaked     {tot('km_leaked')}")
    print(f"  show right             {_share(tot('show_right'), len(scores))}")
    print(f"  season right           {_share(tot('season_right'), len(scores))}")
    print(f"  episode right          {_share(tot('episode_right'), len(scores))}")
    print(f"  boilerplate leaks      {tot('boilerplate_leaks')}")
    if details:
        for s in scores:
            rows = ([f"missed hide: {x}" for x in s.missed_hide] + [f"missed show: {x}" for x in s.missed_show]
                    + [f"wrong character: {x}" for x in s.wrong_characters]
                    + [f"missed character: {x}" for x in s.missed_characters]
                    + [f"missed moment: {x}" for x in s.missed_moments] + s.episode_errors)
            if rows:
                print(f"  -- {s.name}")
                for row in rows:
                    print(f"     {row}")


def timing(articles: list[Article]) -> None:
    times = []
    for article in articles:
        for _ in range(5):
            start = time.perf_counter()
            analyze(article)
            times.append((time.perf_counter() - start) * 1000)
    print(f"\n== speed: median {statistics.median(times):.2f} ms per article "
          f"(max {max(times):.2f} ms) over {len(articles)} articles")
    base = max(articles, key=lambda a: len(a.blocks))
    words = sum(len(b.text.split()) for b in base.blocks)
    big = Article(base.title, [Block(i, b.kind, b.text, list(b.runs), b.image, list(b.spoiler_markup), b.level, b.ordinal)
                               for i, b in enumerate(base.blocks * 100)], base.source_path, base.format)
    start = time.perf_counter()
    analyze(base)
    t1 = time.perf_counter() - start
    start = time.perf_counter()
    analyze(big)
    t100 = time.perf_counter() - start
    print(f"   linearity: {words} words {t1 * 1000:.2f} ms; x100 ({words * 100} words) {t100 * 1000:.0f} ms "
          f"= {t100 / t1:.0f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--details", action="store_true")
    args = parser.parse_args()
    groups = {
        "dev corpus (../shared/corpus/recaps + samples)": [args.shared / "corpus" / "recaps", args.shared / "samples"],
        "our own articles (tests/data/recaps)": [ROOT / "tests" / "data" / "recaps"],
        "blind articles (tests/data/recaps_blind; first, blind run recorded in its README)":
            [ROOT / "tests" / "data" / "recaps_blind"],
        "blind set 2 (tests/data/recaps_blind2; first, blind run recorded in its README)": [ROOT / "tests" / "data" / "recaps_blind2"],
    }
    all_articles = []
    for title, folders in groups.items():
        scores = []
        for folder in folders:
            if not folder.is_dir():
                continue
            for article_path, labels_path in labelled_articles(folder):
                article = load(article_path)
                all_articles.append(article)
                scores.append(score(article_path.name, load_labels(labels_path), article, analyze(article)))
        if scores:
            report(title, scores, args.details)
    if all_articles:
        timing(all_articles)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
