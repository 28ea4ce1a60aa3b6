"""Which blocks would spoil the episode, and why (the layered signals of DESIGN.md)."""

from __future__ import annotations

from reader.article import Article, BlockVerdict, Character, EpisodeInfo, HiddenSpan

MARKED = "marked as spoiler on the page"


def judge_blocks(article: Article, characters: list[Character], episode: EpisodeInfo) -> list[BlockVerdict]:
    """One verdict per block (index = block id); for now only explicit markup hides."""
    verdicts = []
    for block in article.blocks:
        if block.is_marked_spoiler:
            verdicts.append(BlockVerdict(True, MARKED))
        else:
            spans = [HiddenSpan(m.start, m.end, MARKED) for m in block.spoiler_markup]
            verdicts.append(BlockVerdict(False, None, spans))
    return verdicts
