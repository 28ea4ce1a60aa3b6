"""Which show, season and episode an article is about (read from its title first)."""

from __future__ import annotations

import re

from reader.article import Article, EpisodeInfo

__all__ = ["read_episode"]

_SXE = re.compile(r"\bS(\d{1,2})\s*E(\d{1,3})\b", re.IGNORECASE)
_EPISODE = re.compile(r"\bEp(?:isode|\.)?\s*(\d{1,4})\b", re.IGNORECASE)


def read_episode(article: Article) -> EpisodeInfo:
    """Show / season / episode as the article states them; ``None`` where it does not."""
    title = article.title or ""
    if m := _SXE.search(title):
        return EpisodeInfo(title[: m.start()].strip(" '\"‘’“”:-—") or None, int(m[1]), int(m[2]))
    if m := _EPISODE.search(title):
        return EpisodeInfo(title[: m.start()].strip(" '\"‘’“”:-—") or None, None, int(m[1]))
    return EpisodeInfo(finale="finale" in title.casefold())
