"""Whether the headline gives plot away, and a title that is always safe to show."""

from __future__ import annotations

from collections.abc import Sequence

from reader.article import Article, BlockVerdict, Character, EpisodeInfo

__all__ = ["judge_title", "safe_title_for"]


def safe_title_for(article: Article, episode: EpisodeInfo) -> str:
    """A title built only from show, episode and site, so it can never carry plot."""
    if episode.show:
        if episode.season is not None and episode.episode is not None:
            where = f" S{episode.season}E{episode.episode}"
        elif episode.episode is not None:
            where = f" episode {episode.episode}"
        else:
            where = ""
        text = f"{episode.show}{where} recap"
        return f"{text} — {article.site}" if article.site else text
    return f"Recap — {article.site}" if article.site else "Recap"


def judge_title(article: Article, episode: EpisodeInfo, characters: Sequence[Character],
                verdicts: Sequence[BlockVerdict]) -> tuple[bool, str]:
    """(title_spoiler, safe_title). For now any headline naming a character counts as a spoiler."""
    title = (article.title or "").casefold()
    spoiler = any(c.name.casefold() in title for c in characters)
    return spoiler, safe_title_for(article, episode)
