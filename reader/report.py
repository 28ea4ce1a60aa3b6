"""The article as the JSON contract of DESIGN.md ("The analysis contract"), and as plain text.

Only what the pipeline knows is emitted: the analysis fields (spoilers, characters, key moments,
show/season/episode) join the object when the analysis exists, never as placeholder values.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.article import Article

SCHEMA_VERSION = 1


def article_json(article: Article, path: Path | str) -> dict[str, Any]:
    """One JSON object for one loaded article, keyed as the contract specifies."""
    return {
        "schema": SCHEMA_VERSION,
        "path": str(path),
        "format": article.format,
        "title": article.title,
        "byline": article.byline,
        "site": article.site,
        "published": article.published,
        "blocks": [{"id": b.id, "kind": b.kind, "text": b.text} for b in article.blocks],
    }


def error_json(path: Path | str, message: str) -> dict[str, Any]:
    """The contract's object for a file that could not be read."""
    return {"path": str(path), "error": message}


def article_text(article: Article) -> str:
    """A readable plain-text rendering (what the CLI prints without ``--json``)."""
    lines = [article.title, "=" * min(len(article.title), 78)]
    meta = [x for x in (article.site, article.byline and f"by {article.byline}", article.published) if x]
    if meta:
        lines.append(" · ".join(meta))
    lines.append("")
    for block in article.blocks:
        if block.kind == "heading":
            lines += ["", block.text.upper() if block.level <= 2 else block.text, ""]
        elif block.kind == "list_item":
            marker = f"{block.ordinal}." if block.ordinal is not None else "•"
            lines.append(f"{'  ' * max(0, block.level - 1)}  {marker} {block.text}")
        elif block.kind == "quote":
            lines.append(f"  > {block.text}")
        elif block.kind == "image":
            label = block.image.alt if block.image and block.image.alt else "image"
            lines.append(f"[{label}]" + (f" {block.text}" if block.text else ""))
        elif block.kind == "caption":
            lines.append(f"  ({block.text})")
        else:
            lines += [block.text, ""]
    return "\n".join(lines).rstrip() + "\n"
