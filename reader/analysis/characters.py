"""Who is who: the characters an article names, their actors, aliases and mentions.

A first minimal version so ``analyze()`` runs end to end; the finder grows from here.
"""

from __future__ import annotations

from reader.article import Article, BlockVerdict, Character


def find_characters(article: Article) -> list[Character]:
    """Characters named in ``article`` (none yet: the finder is being built)."""
    return []


def mark_spoiler_characters(
    characters: list[Character], article: Article, verdicts: list[BlockVerdict]
) -> None:
    """Set ``spoiler`` on characters named only inside hidden text, so the sidebar can't leak them."""
    for character in characters:
        visible = False
        for mention in character.mentions:
            verdict = verdicts[mention.block] if mention.block < len(verdicts) else None
            if verdict is None or verdict.spoiler:
                continue
            if any(s.start < mention.end and mention.start < s.end for s in verdict.spans):
                continue
            visible = True
            break
        character.spoiler = bool(character.mentions) and not visible
