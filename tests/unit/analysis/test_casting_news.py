"""Casting news links actors to parts: "X joins as Commander Y" (blind set 2's season preview).
All names here are invented for these tests."""

from __future__ import annotations

import pytest

from reader.analysis.characters import find_characters
from reader.article import Article, Block


@pytest.mark.parametrize("sentence", [
    "The big addition is Adaeze Nwosu, who joins as Commander Ngozi Eze, a diplomat from the colonies.",
    "Adaeze Nwosu joins in a recurring role as Commander Ngozi Eze, a diplomat from the colonies.",
])
def test_joins_as_links_the_actor(sentence: str) -> None:
    blocks = [Block(0, "paragraph", sentence),
              Block(1, "paragraph", "Ngozi Eze will clash with the crew, the showrunner says.")]
    characters = find_characters(Article("Night Bus season 2: everything we know", blocks, None, "text"))
    found = {c.name: c.actor for c in characters}
    assert found.get("Ngozi Eze") == "Adaeze Nwosu"
