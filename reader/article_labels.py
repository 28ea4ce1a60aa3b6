"""Short lines about an article that several surfaces show: which show and episode, and where the
article is from.

Pure Python, so the window's header and the spoiler-safe export (``reader/export.py``) say the
same thing in the same words. Neither line ever quotes the article's text: metadata is never
hidden text.
"""

from __future__ import annotations

import datetime as _dt

from reader.article import Article, EpisodeInfo

__all__ = ["episode_label", "meta_line", "readable_date"]


def episode_label(episode: EpisodeInfo) -> str:
    """"Show · Season 2 · Episode 5" from what the analysis read (parts it did not find are left out)."""
    parts = [episode.show] if episode.show else []
    if episode.season is not None:
        parts.append(f"Season {episode.season}")
    if episode.episode is not None:
        parts.append(f"Episode {episode.episode}")
    elif episode.finale:
        parts.append("Finale")
    return " · ".join(parts)


def readable_date(iso: str | None) -> str | None:
    """"14 March 2026" for "2026-03-14"; a date that is not ISO is given back as it is."""
    if not iso:
        return None
    try:
        day = _dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day:%B} {day.year}"


def meta_line(article: Article) -> str:
    """"Site · by Byline · 14 March 2026" (metadata is never hidden text)."""
    parts = [article.site, article.byline and f"by {article.byline}", readable_date(article.published)]
    return " · ".join(p for p in parts if p)
