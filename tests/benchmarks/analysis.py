"""Analysis quality and speed over labelled recaps.

Run on demand:  python tests/benchmarks/analysis.py [--details] [--folder DIR ...]
Default folders: ../shared/corpus/recaps + ../shared/samples (the dev corpus) and
tests/data/recaps (our own articles, reported separately).
"""

from __future__ import annotations

import argparse
import re
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


def _cpu_ms(article: Article, shared_patterns: dict | None = None) -> float:
    """CPU time of one analysis. With ``shared_patterns``, the regular-expression cache first
    holds only those (see ``_shared_patterns``) and the analysis's own caches of text are
    emptied: the article is analysed as the app analyses an article it has not seen."""
    if shared_patterns is not None:
        _restore_pattern_cache(shared_patterns)
        for cached in _text_caches():
            cached.cache_clear()
    start = time.process_time()
    analyze(article)
    return (time.process_time() - start) * 1000


def _text_caches() -> list:
    """The analysis's ``lru_cache``s of results per text (names folded, runs of capitals), not
    its one-entry caches of fitted models."""
    found = []
    for name, module in list(sys.modules.items()):
        if not name.startswith(("reader.analysis", "reader.loaders")) or module is None:
            continue
        for value in vars(module).values():
            info = getattr(value, "cache_info", None)
            if callable(info) and getattr(value, "__module__", None) == name and info().maxsize not in (None, 1):
                found.append(value)
    return found


def _pattern_cache() -> dict | None:
    cache = getattr(re, "_cache", None)  # CPython's cache of patterns compiled through re.*
    return cache if isinstance(cache, dict) else None


def _restore_pattern_cache(shared: dict) -> None:
    re.purge()
    cache = _pattern_cache()
    if cache is not None:
        cache.update(shared)


def _shared_patterns(articles: list[Article]) -> dict:
    """The compiled patterns that at least two articles need: the code's own patterns, which the
    app compiles once. A pattern only one article needs (one made of its names) is compiled
    again in every timed run, as it is when the app meets a new article. Without access to the
    cache (another Python) every pattern is compiled in every run: an upper bound."""
    needed_by: dict[object, int] = {}
    compiled: dict = {}
    for article in articles:
        re.purge()
        for cached in _text_caches():
            cached.cache_clear()  # else a cached result hides the patterns its function needs
        analyze(article)
        for key, pattern in (_pattern_cache() or {}).items():
            needed_by[key] = needed_by.get(key, 0) + 1
            compiled[key] = pattern
    return {key: compiled[key] for key, count in needed_by.items() if count >= 2}


def _words(article: Article) -> int:
    return sum(len(b.text.split()) for b in article.blocks)


def _repeated(article: Article, times: int) -> Article:
    """``article`` with its body written ``times`` times over (a longer article of the same kind)."""
    blocks = [Block(i, b.kind, b.text, list(b.runs), b.image, list(b.spoiler_markup), b.level, b.ordinal)
              for i, b in enumerate(article.blocks * times)]
    return Article(article.title, blocks, article.source_path, article.format)


def timing(articles: list[Article]) -> None:
    """Median CPU time per article (CPU, not wall clock: the machine is shared), and whether the
    time grows linearly with length: ms per 1000 words on the short articles, on the long ones,
    and on the longest article written 10 and 100 times over."""
    for article in articles:
        analyze(article)  # compile the patterns every article needs once, as the app does at start
    shared = _shared_patterns(articles)
    times: list[float] = []
    repeat_times: list[float] = []
    per_article: list[tuple[int, float]] = []
    for _ in range(5):  # five passes over all the articles, so no article runs twice in a row
        for article in articles:
            times.append(_cpu_ms(article, shared))
            repeat_times.append(_cpu_ms(article))
    for article in articles:
        per_article.append((_words(article), min(_cpu_ms(article, shared) for _ in range(3))))
    print(f"\n== speed: median {statistics.median(times):.2f} ms CPU per article "
          f"(max {max(times):.2f} ms) over {len(articles)} articles (goal <= 5 ms), each analysed as new")
    print(f"   the same article analysed again at once (its own patterns still compiled): median "
          f"{statistics.median(repeat_times):.2f} ms")
    print(f"   machine: a fixed pure-Python loop takes {_reference_ms():.0f} ms CPU here "
          "(compare figures from different machines by it)")
    per_article.sort()
    half = len(per_article) // 2
    for label, group in (("shorter half", per_article[:half]), ("longer half", per_article[half:])):
        words = sum(w for w, _ in group)
        ms = sum(t for _, t in group)
        print(f"   {label:12s} {words / len(group):6.0f} words on average: {1000 * ms / words:.2f} ms per 1000 words")
    base = max(articles, key=_words)
    words = _words(base)
    rows = []
    for times_over in (1, 10, 100):
        article = _repeated(base, times_over) if times_over > 1 else base
        ms = min(_cpu_ms(article, shared) for _ in range(3 if times_over < 100 else 1))
        rows.append(f"x{times_over} {1000 * ms / (words * times_over):.2f}")
    print(f"   linearity: ms per 1000 words, longest article ({words} words) written over: {', '.join(rows)}"
          " (flat = linear)")


def _reference_ms() -> float:
    """CPU time of a fixed loop: this 2-core machine's speed varied threefold between sessions."""
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        total = 0
        for i in range(2_000_000):
            total += i
        best = min(best, (time.process_time() - start) * 1000)
    return best


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
