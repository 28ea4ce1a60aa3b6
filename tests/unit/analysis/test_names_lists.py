"""A full name that opens a ranked list item, among items opening with characters."""

from __future__ import annotations

from reader.analysis.characters import find_characters
from reader.article import Article, Block

ITEMS = [
    "Ingrid Solberg (Marte Lunde). Last week: 2. She burns the ledger before dawn.",
    "Tomasz Wrona (Piotr Zalewski). Last week: 1. He lies to the harbour master again.",
    "Ola Brekke (Siri Dahl). Last week: 4. She finally reads the letters.",
    "Vidar Holmsen. Last week: 3. Nobody will trust the ferry again after this week.",
]


def _names(items: list[str], kind: str = "list_item") -> list[str]:
    blocks = [Block(0, "paragraph", "Spoilers for episode 3 follow."), Block(1, "heading", "The rankings", level=2)]
    blocks += [Block(i + 2, kind, t, ordinal=i + 1 if kind == "list_item" else None) for i, t in enumerate(items)]  # type: ignore[arg-type]
    return [c.name for c in find_characters(Article("Cold Harbour rankings", blocks, None, "text"))]


def test_a_name_opening_a_ranked_item_among_characters_is_a_character() -> None:
    assert "Vidar Holmsen" in _names(ITEMS)


def test_not_outside_a_list() -> None:
    assert "Vidar Holmsen" not in _names(ITEMS, kind="paragraph")


def test_not_when_the_other_items_do_not_open_with_characters() -> None:
    items = ["The boathouse. Last week: 2. Still standing.", "The ferry. Last week: 1. Still late.",
             ITEMS[0], ITEMS[3]]
    assert "Vidar Holmsen" not in _names(items)
