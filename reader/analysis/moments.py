"""The episode's key moments, each tied to the block it comes from."""

from __future__ import annotations

from reader.article import Article, BlockVerdict, KeyMoment


def find_key_moments(article: Article, verdicts: list[BlockVerdict]) -> list[KeyMoment]:
    """Key moments of the article (placeholder: none yet)."""
    return []
