"""The character finder stays linear in the article's length, even when every paragraph names
new people (look-ups are dictionaries, mentions are matched per word run, not per name).

Generous bounds: a linear finder takes ~10x for 10x the text; a quadratic one takes ~100x.
"""

from __future__ import annotations

import random
import time

from reader.analysis.characters import find_characters
from reader.article import Article, Block

_SYLLABLES = ["ka", "ro", "mi", "ta", "ne", "so", "lu", "vi", "da", "pe", "zu", "ho"]


def _article(paragraphs: int, seed: int = 7) -> Article:
    rng = random.Random(seed)

    def name() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()

    blocks = [Block(i, "paragraph",
                    f"{name()} {name()} ({name()} {name()}) walks in. Later {name()} {name()} tells "
                    f"{name()} everything at {name()} Group in {name()}.") for i in range(paragraphs)]
    return Article("Probe, episode 1 recap", blocks, None, "text")


def _best_time(article: Article) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        find_characters(article)
        best = min(best, time.perf_counter() - start)
    return best


def test_many_distinct_names_scale_linearly() -> None:
    small, large = _article(100), _article(1000)
    assert len(find_characters(small)) > 100, "the probe must really name many people"
    ratio = _best_time(large) / _best_time(small)
    assert ratio < 30, f"10x the text took {ratio:.0f}x the time"


def test_one_huge_paragraph_scales_linearly() -> None:
    text = " ".join(b.text for b in _article(30).blocks)
    small = Article("Probe", [Block(0, "paragraph", text)], None, "text")
    large = Article("Probe", [Block(0, "paragraph", " ".join([text] * 10))], None, "text")
    ratio = _best_time(large) / _best_time(small)
    assert ratio < 30, f"10x the text took {ratio:.0f}x the time"
