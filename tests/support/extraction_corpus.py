"""The shared extraction suites and their bag-of-words score, for tests and benchmarks.

Both suites live in ``../shared/corpus/extraction`` (read-only, never copied into the project).
Score as the corpus README defines it: lower-cased ``\\w+`` tokens, precision/recall/F1 over the
word multisets, averaged over pages.
"""

from __future__ import annotations

import gzip
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html

_WORD = re.compile(r"\w+")


@dataclass
class Page:
    suite: str
    name: str
    html: str
    expected_text: str
    metadata: dict


@dataclass
class Score:
    precision: float
    recall: float
    f1: float


def score_text(predicted: str, expected: str) -> Score:
    """Bag-of-words precision, recall and F1 of ``predicted`` against ``expected``."""
    pred = Counter(w.lower() for w in _WORD.findall(predicted))
    gold = Counter(w.lower() for w in _WORD.findall(expected))
    if not pred and not gold:
        return Score(1.0, 1.0, 1.0)
    common = sum((pred & gold).values())
    p = common / sum(pred.values()) if pred else 0.0
    r = common / sum(gold.values()) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return Score(p, r, f)


def html_text(fragment: str) -> str:
    """Visible text of an HTML fragment (block elements separated by spaces)."""
    if not fragment.strip():
        return ""
    doc = lxml_html.fromstring(fragment)
    for bad in doc.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    return " ".join(doc.itertext())


def readability_pages(shared: Path) -> Iterator[Page]:
    root = shared / "corpus" / "extraction" / "readability-pages"
    for folder in sorted(p for p in root.iterdir() if p.is_dir()):
        source = folder / "source.html"
        expected = folder / "expected.html"
        if not source.is_file() or not expected.is_file():
            continue
        meta_file = folder / "expected-metadata.json"
        meta = json.loads(meta_file.read_text(encoding="utf-8")) if meta_file.is_file() else {}
        yield Page(
            "readability", folder.name, source.read_bytes().decode("utf-8", "replace"),
            html_text(expected.read_text(encoding="utf-8")), meta,
        )


def benchmark_pages(shared: Path) -> Iterator[Page]:
    root = shared / "corpus" / "extraction" / "article-benchmark"
    truth = json.loads((root / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        path = root / "html" / f"{key}.html.gz"
        if not path.is_file():
            continue
        yield Page(
            "article-benchmark", key, gzip.decompress(path.read_bytes()).decode("utf-8", "replace"),
            truth[key].get("articleBody") or "", {"url": truth[key].get("url")},
        )


SUITES = {"readability": readability_pages, "article-benchmark": benchmark_pages}


# A page where we keep less than half the article while a peer keeps nearly all of it is lost to
# the reader, whatever the suite's mean says (issue 15): the worst-page guard lists those pages.
LOST_BELOW = 0.5
PEER_ABOVE = 0.9


def lost_pages(ours: dict[str, float], peers: dict[str, dict[str, float]]) -> list[str]:
    """Pages where ``ours`` is below ``LOST_BELOW`` while some peer is above ``PEER_ABOVE``.

    ``peers`` maps a peer's name to its per-page F1; a page a peer was not run on counts as
    that peer keeping the article, so an incomplete peer run can only lengthen the list.
    """
    lost = []
    for page, f1 in sorted(ours.items()):
        if f1 >= LOST_BELOW:
            continue
        best = max((scores.get(page, 1.0) for scores in peers.values()), default=1.0)
        if best > PEER_ABOVE:
            lost.append(f"{page} ours={f1:.2f} best peer={best:.2f}")
    return lost


def peer_extractors() -> dict:
    """The peers the benchmark compares with (trafilatura, readability-lxml), those installed."""
    found = {}
    try:
        import trafilatura

        found["trafilatura"] = lambda html: trafilatura.extract(html) or ""
    except ImportError:
        pass
    try:
        from readability import Document

        found["readability-lxml"] = lambda html: html_text(Document(html).summary(html_partial=True))
    except ImportError:
        pass
    return found
