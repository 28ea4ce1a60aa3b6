"""Cast tables reach the analysis one cell per block; the finder reads their rows as links."""

from __future__ import annotations

from reader.analysis.characters import find_characters
from reader.article import Article, Block

STORY = ["Odile Marsh spends the episode trying to get her brother off the island before the storm.",
         "Brann Tolle finally admits that he sold the boat, and Odile tells him so on the pier."]
AFTER = "Ida Lunn turns up at the end with the keys, which changes everything for Odile and Brann."


def _article(*cells: str, heading: str = "Cast") -> Article:
    rows = [("paragraph", t) for t in STORY] + [("heading", heading)] + [("paragraph", c) for c in cells]
    rows.append(("paragraph", AFTER))
    return Article("Copper Bell episode 5 recap", [Block(i, k, t) for i, (k, t) in enumerate(rows)], None, "html")


def _cast(article: Article) -> dict[str, str | None]:
    return {c.name: c.actor for c in find_characters(article)}


def test_a_table_with_a_header_row_links_each_row() -> None:
    found = _cast(_article("Character", "Actor", "Odile Marsh", "Greta Lowe", "Brann Tolle", "Ivo Stark",
                           "Ida Lunn", "Maren Holt"))
    assert found == {"Odile Marsh": "Greta Lowe", "Brann Tolle": "Ivo Stark", "Ida Lunn": "Maren Holt"}


def test_the_header_says_which_column_is_the_actor() -> None:
    found = _cast(_article("Played by", "Role", "Greta Lowe", "Odile Marsh", "Ivo Stark", "Brann Tolle"))
    assert found["Odile Marsh"] == "Greta Lowe" and found["Brann Tolle"] == "Ivo Stark"


def test_a_cast_table_without_header_is_oriented_by_usage() -> None:
    found = _cast(_article("Greta Lowe", "Odile Marsh", "Ivo Stark", "Brann Tolle"))
    assert found["Odile Marsh"] == "Greta Lowe" and found["Brann Tolle"] == "Ivo Stark"


def test_names_under_another_heading_are_no_table() -> None:
    found = _cast(_article("Greta Lowe", "Odile Marsh", "Ivo Stark", "Brann Tolle", heading="Also this week"))
    assert found.get("Odile Marsh") is None
