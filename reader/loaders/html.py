"""Loader for web pages saved by a browser (HTML only, or "Web page, complete")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reader.article import Article, ArticleFormat, ImageRef

ImageResolver = Callable[[str], ImageRef]


def load_html(data: bytes, path: Path) -> Article:
    """Decode, parse and extract the article from a saved HTML page."""
    raise NotImplementedError


def html_to_article(
    html: str,
    *,
    source_path: Path | None,
    fmt: ArticleFormat,
    resolve_image: ImageResolver,
) -> Article:
    """Extract the article from decoded page HTML; ``resolve_image`` maps each ``src`` to an image."""
    raise NotImplementedError
