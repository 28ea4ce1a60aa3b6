"""Extraction quality and speed: ours beside trafilatura and readability-lxml, same pages, one run.

Run on demand (not by CI):  python tests/benchmarks/extraction.py [--pages N] [--worst K] [--only ours]
Needs the bench extra (pip install '.[bench]') for the peers and ../shared for the pages.
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

from extraction_corpus import SUITES, html_text, lost_pages, score_text  # noqa: E402

from reader.article import ImageRef  # noqa: E402
from reader.loaders.html import html_to_article  # noqa: E402


def ours(html: str) -> str:
    article = html_to_article(html, source_path=None, fmt="html", resolve_image=lambda s: ImageRef(s))
    return "\n".join(b.text for b in article.blocks)


def _norm_field(value: str | None) -> str:
    text = re.sub(r"\s+", " ", value or "").strip().casefold()
    text = re.sub(r"^by\s+", "", text)
    return text


def field_right(ours_value: str | None, expected: str | None, site: str | None, is_date: bool) -> bool:
    """The issue's rule: equal after collapsing whitespace, case-folding, dropping a leading "By"
    and a trailing " | Site" / " - Site"; dates compare by day."""
    if is_date:
        return (ours_value or None) == ((expected or "")[:10] or None)
    a, b = _norm_field(ours_value), _norm_field(expected)
    for s in filter(None, {_norm_field(site)}):
        for sep in (" | ", " - ", " – ", " — "):
            a = a.removesuffix(sep + s)
            b = b.removesuffix(sep + s)
    return a == b


def metadata_report(pages) -> None:
    fields = [("title", "title", False), ("byline", "byline", False), ("site", "siteName", False),
              ("published", "publishedTime", True)]
    right = {f: [0, 0] for f, _, _ in fields}
    misses: dict[str, list[str]] = {f: [] for f, _, _ in fields}
    for page in pages:
        article = html_to_article(page.html, source_path=None, fmt="html", resolve_image=lambda s: ImageRef(s))
        for attr, key, is_date in fields:
            expected = page.metadata.get(key)
            if not expected:
                continue
            right[attr][1] += 1
            ok = field_right(getattr(article, attr), expected, page.metadata.get("siteName"), is_date)
            right[attr][0] += ok
            if not ok:
                misses[attr].append(f"{page.name}: {getattr(article, attr)!r} != {expected!r}")
    print("metadata (readability pages, share right where expected has the field):")
    for attr, (ok, total) in right.items():
        print(f"  {attr:10} {ok}/{total} = {ok / max(1, total):.2f}")
    return misses


def trafilatura_text(html: str) -> str:
    import trafilatura

    return trafilatura.extract(html) or ""


def readability_text(html: str) -> str:
    from readability import Document

    return html_text(Document(html).summary(html_partial=True))


EXTRACTORS = {"ours": ours, "trafilatura": trafilatura_text, "readability-lxml": readability_text}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--pages", type=int, default=0, help="limit pages per suite (0 = all)")
    parser.add_argument("--only", action="append", choices=list(EXTRACTORS), help="run only these")
    parser.add_argument("--worst", type=int, default=5, help="list the K worst pages of ours")
    parser.add_argument("--metadata-misses", action="store_true", help="list metadata misses")
    parser.add_argument("--dump", type=Path, help="write per-page F1 of every extractor to this JSON file")
    args = parser.parse_args()
    names = args.only or list(EXTRACTORS)
    dump: dict[str, dict[str, float]] = {}
    print(f"{'suite':18} {'extractor':17} {'P':>6} {'R':>6} {'F1':>6} {'worst':>6} {'ms/page':>8}")
    for suite, pages_of in SUITES.items():
        pages = list(pages_of(args.shared))
        if args.pages:
            pages = pages[: args.pages]
        per_page: dict[str, list[tuple[str, float]]] = {}
        for name in names:
            fn = EXTRACTORS[name]
            scores, times = [], []
            for page in pages:
                start = time.perf_counter()
                try:
                    text = fn(page.html)
                except Exception as err:  # noqa: BLE001 - a peer crashing on a page scores 0 there
                    print(f"  {name} failed on {page.name}: {err!r}", file=sys.stderr)
                    text = ""
                times.append((time.perf_counter() - start) * 1000)
                scores.append(score_text(text, page.expected_text))
            per_page[name] = [(p.name, s.f1) for p, s in zip(pages, scores)]
            dump.setdefault(name, {}).update({f"{suite}/{p.name}": s.f1 for p, s in zip(pages, scores)})
            print(
                f"{suite:18} {name:17} {statistics.mean(s.precision for s in scores):6.3f} "
                f"{statistics.mean(s.recall for s in scores):6.3f} "
                f"{statistics.mean(s.f1 for s in scores):6.3f} {min(s.f1 for s in scores):6.3f} "
                f"{statistics.median(times):8.1f}"
            )
        if "ours" in per_page and args.worst:
            others = {n: dict(v) for n, v in per_page.items() if n != "ours"}
            for page_name, f1 in sorted(per_page["ours"], key=lambda x: x[1])[: args.worst]:
                peers = " ".join(f"{n}={d[page_name]:.2f}" for n, d in others.items())
                print(f"    worst: {page_name[:40]:40} ours={f1:.2f} {peers}")
        if "ours" in per_page and len(per_page) > 1:
            lost = lost_pages(dict(per_page["ours"]), {n: dict(v) for n, v in per_page.items() if n != "ours"})
            print(f"    lost pages (ours < 0.5 while a peer > 0.9): {len(lost)}")
            for row in lost:
                print(f"      lost: {row}")
    if args.dump:
        import json

        args.dump.write_text(json.dumps(dump, indent=1))
    misses = metadata_report(readability_pages_list(args.shared))
    if args.metadata_misses:
        for attr, rows in misses.items():
            for row in rows:
                print(f"    {attr} miss: {row}")
    return 0


def readability_pages_list(shared: Path):
    return list(SUITES["readability"](shared))


if __name__ == "__main__":
    raise SystemExit(main())
