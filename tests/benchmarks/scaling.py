"""Analysis time as articles grow: the growth checks that used to be timed unit tests.

Run on demand:  python tests/benchmarks/scaling.py

Timing belongs here, not in the unit tests: on a busy two-core machine a timed unit test fails
for reasons that have nothing to do with the code (these did, more than once). Each check takes
the best of three runs and compares a small input with one ten or twenty times larger: a linear
step takes about that many times longer, a quadratic one a hundred times or more. The bounds are
generous on purpose; the script exits 1 when one is broken.

- the character finder, with every paragraph naming new people, and with one huge paragraph;
- the spoiler judge and key moments over 40 and 800 paragraphs;
- judging a headline against a 300-paragraph article (goal: under 10 ms).
"""

from __future__ import annotations

import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from reader.analysis.characters import find_characters  # noqa: E402
from reader.analysis.episode import read_episode  # noqa: E402
from reader.analysis.moments import find_key_moments  # noqa: E402
from reader.analysis.spoilers import judge_blocks  # noqa: E402
from reader.analysis.titles import judge_title  # noqa: E402
from reader.article import Article, Block, BlockVerdict, Character, EpisodeInfo  # noqa: E402

_SYLLABLES = ["ka", "ro", "mi", "ta", "ne", "so", "lu", "vi", "da", "pe", "zu", "ho"]


def best_of_three(work: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def many_names(paragraphs: int, seed: int = 7) -> Article:
    rng = random.Random(seed)

    def name() -> str:
        return "".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()

    blocks = [Block(i, "paragraph",
                    f"{name()} {name()} ({name()} {name()}) walks in. Later {name()} {name()} tells "
                    f"{name()} everything at {name()} Group in {name()}.") for i in range(paragraphs)]
    return Article("Probe, episode 1 recap", blocks, None, "text")


def plot_paragraphs(n: int) -> Article:
    paragraph = ("Ingrid finds the ledger that night and burns it before Tomasz wakes; the score, "
                 "meanwhile, is gorgeous and Marte Lunde has never been better. ")
    return Article("t", [Block(i, "paragraph", f"{paragraph} Block {i} of {n}.") for i in range(n)], None, "text")


def checks() -> list[tuple[str, float, float]]:
    """(what, measured, bound) for each check."""
    out = []
    small, large = many_names(100), many_names(1000)
    ratio = best_of_three(lambda: find_characters(large)) / best_of_three(lambda: find_characters(small))
    out.append(("characters: 10x paragraphs naming new people, time ratio", ratio, 30.0))

    text = " ".join(b.text for b in many_names(30).blocks)
    small = Article("Probe", [Block(0, "paragraph", text)], None, "text")
    large = Article("Probe", [Block(0, "paragraph", " ".join([text] * 10))], None, "text")
    ratio = best_of_three(lambda: find_characters(large)) / best_of_three(lambda: find_characters(small))
    out.append(("characters: one paragraph 10x longer, time ratio", ratio, 30.0))

    cast = [Character("Ingrid Solberg", "Marte Lunde", ["Ingrid"]), Character("Tomasz", None, [])]

    def judge(article: Article) -> Callable[[], object]:
        return lambda: find_key_moments(article, judge_blocks(article, cast, EpisodeInfo("Cold Harbour")))

    ratio = best_of_three(judge(plot_paragraphs(800))) / best_of_three(judge(plot_paragraphs(40)))
    out.append(("spoiler judge + key moments: 20x paragraphs, time ratio", ratio, 60.0))

    blocks = [Block(i, "paragraph", f"Paragraph {i}: Nora talks to Tunde about the boat, the debt and the storm.")
              for i in range(300)]
    article = Article("Copper Bell S2E5 recap: a quiet one", blocks, None, "text")
    verdicts = [BlockVerdict(spoiler=i % 2 == 0, reason="test" if i % 2 == 0 else None) for i in range(300)]
    people = [Character("Nora Vance", "Ida Brenner", ["Nora"]), Character("Tunde Adebayo", None, ["Tunde"])]
    episode = read_episode(article)
    seconds = best_of_three(lambda: judge_title(article, episode, people, verdicts))
    out.append(("headline judged against 300 paragraphs, ms", seconds * 1000, 10.0))
    return out


def main() -> int:
    broken = 0
    for what, measured, bound in checks():
        ok = measured < bound
        broken += not ok
        print(f"{'ok  ' if ok else 'SLOW'} {what}: {measured:.1f} (bound {bound:g})")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
