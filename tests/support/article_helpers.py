"""Small lookups the loader tests share: find a block by its opening words, read its marks."""

from __future__ import annotations

import re

from reader.article import Article, Block


def norm(text: str) -> str:
    """Collapse whitespace (no-break spaces too), as the corpus README compares snippets."""
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


def block_starting(article: Article, start: str) -> Block:
    """The one block whose text starts with ``start`` (fails when there are none or several)."""
    found = [b for b in article.blocks if b.text.startswith(start)]
    assert len(found) == 1, (start, [b.text[:40] for b in found])
    return found[0]


def marked(block: Block) -> list[str]:
    """The texts the source marked as spoilers inside ``block``."""
    return [block.text[m.start : m.end] for m in block.spoiler_markup]
