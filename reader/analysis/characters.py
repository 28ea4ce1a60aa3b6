"""Who is who: the characters an article names, their actors, aliases and mentions.

The finder reads the article's own grammar rather than a list of names:

1. ``names`` cuts every block into capitalised name sequences (titles, particles, nicknames).
2. ``names_links`` reads how the text ties names together: ``Name (Actor)`` either way round,
   ``Actor as Name``, ``Actor plays Name``, possessives, casting news, cast-list lines,
   nicknames, crew credits and photo captions; ``names_tables`` reads cast tables.
3. Linked characters come first; every other name is matched to one of them (given name,
   surname, title + name, accent-free spelling, romanisation with or without hyphens, either
   word order, short form, a title with an initial) or, failing that, decided by a fitted
   logistic model (``names_model``) over the context cues ``names_evidence`` reads: does it act
   like a person, or like a place, a company, a title of a work? ``names_train`` fits it.
4. ``names_mentions`` finds every occurrence of every character, one pass per block.

``names_finder`` runs those steps over one article; ``names_context`` knows the names that are
never characters (the show, the site, the byline) from the article's metadata.

Actors, crew, bylines, the site and the show itself never become characters.
"""

from __future__ import annotations

from reader.analysis.names_finder import CharacterFinder
from reader.article import Article, BlockVerdict, Character


def find_characters(article: Article) -> list[Character]:
    """The characters ``article`` names, each with its actor (if the text gives one), the other
    ways the text refers to it, and every mention as (block, start, end)."""
    return CharacterFinder(article).run()


def mark_spoiler_characters(
    characters: list[Character], article: Article, verdicts: list[BlockVerdict]
) -> None:
    """Set ``spoiler`` on characters named only inside hidden text (a hidden block or an inline
    hidden span), so the sidebar does not reveal who turns up before the reader does."""
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
