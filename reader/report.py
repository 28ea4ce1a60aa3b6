"""The article as the JSON contract of DESIGN.md ("The analysis contract"), and as plain text.

The analysis fields (title_spoiler, safe_title, show/season/episode, each block's verdict and
spans, characters, key moments) come from ``reader.analysis.analyze`` under the progress given on
the command line; the keys follow the contract's order so diffs of saved outputs stay readable.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reader.article import Analysis, Article, Block, BlockVerdict

SCHEMA_VERSION = 1


def article_json(article: Article, path: Path | str, analysis: Analysis) -> dict[str, Any]:
    """One JSON object for one analysed article, keyed as the contract specifies."""
    episode = analysis.episode
    return {
        "schema": SCHEMA_VERSION,
        "path": str(path),
        "format": article.format,
        "title": article.title,
        "title_spoiler": analysis.title_spoiler,
        "safe_title": analysis.safe_title,
        "byline": article.byline,
        "site": article.site,
        "published": article.published,
        "show": episode.show,
        "season": episode.season,
        "episode": episode.episode,
        "blocks": [_block_json(block, analysis) for block in article.blocks],
        "characters": [
            {
                "name": c.name,
                "actor": c.actor,
                "aliases": list(c.aliases),
                "spoiler": c.spoiler,
                "mentions": [{"block": m.block, "start": m.start, "end": m.end} for m in c.mentions],
            }
            for c in analysis.characters
        ],
        "key_moments": [{"text": k.text, "block": k.block, "spoiler": k.spoiler} for k in analysis.key_moments],
    }


def _block_json(block: Block, analysis: Analysis) -> dict[str, Any]:
    verdict = analysis.verdicts[block.id] if block.id < len(analysis.verdicts) else BlockVerdict()
    return {
        "id": block.id,
        "kind": block.kind,
        "text": block.text,
        "spoiler": verdict.spoiler,
        "reason": verdict.reason,
        # Spans matter only inside a readable block (the contract: empty when the whole block hides).
        "spans": [] if verdict.spoiler else [
            {"start": s.start, "end": s.end, "reason": s.reason} for s in verdict.spans
        ],
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
