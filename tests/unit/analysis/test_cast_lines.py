"""Cast-list entries: a "Who's who" line introduces a character without telling the plot."""

from __future__ import annotations

import pytest

from reader.analysis.cast_lines import is_cast_entry
from reader.analysis.narration import read_narration
from reader.analysis.spoiler_names import build_index
from reader.analysis.spoilers import judge_blocks
from reader.article import Article, Block, Character, EpisodeInfo

CAST = [
    Character("Ingrid Solberg", "Marte Lunde", ["Ingrid"]),
    Character("Tomasz Wrona", None, ["Tomasz", "Tommy"]),
]


def _index():  # noqa: ANN202
    return build_index(Article("t", [], None, "text"), CAST, EpisodeInfo("Cold Harbour"))


@pytest.mark.parametrize(
    "line",
    [
        "Ingrid Solberg (Marte Lunde), the harbour master’s daughter",
        "Tomasz Wrona, the ferry’s engineer, played by Piotr Zalewski",
        "Captain Tomasz Wrona, Ingrid’s godfather (Piotr Zalewski)",
        "Tomasz “Tommy” Wrona (Piotr Zalewski), known to the whole town as the engineer",
    ],
)
def test_cast_list_lines_are_entries_and_do_not_narrate(line: str) -> None:
    index = _index()
    assert is_cast_entry(line, index.hits(line))
    n = read_narration(line, index)
    assert n.cast_intro and not n.narrates()


@pytest.mark.parametrize(
    "line",
    [
        "The harbour master’s daughter, Ingrid Solberg (Marte Lunde)",  # the name does not lead
        "Ingrid Solberg, the harbour master’s daughter",  # no actor credited
        "Ingrid Solberg (Marte Lunde) is back. She is the harbour master’s daughter.",  # two sentences
    ],
)
def test_other_shapes_are_not_entries(line: str) -> None:
    assert not is_cast_entry(line, _index().hits(line))


def test_an_entry_whose_description_narrates_is_still_narration() -> None:
    line = "Tomasz Wrona (Piotr Zalewski), who finally confesses to the fire"
    n = read_narration(line, _index())
    assert not n.cast_intro and n.narrates()


def test_a_whos_who_list_after_a_warning_stays_readable() -> None:
    texts = [
        ("paragraph", "Spoilers below."),
        ("list_item", "Ingrid Solberg (Marte Lunde), the harbour master’s daughter"),
        ("list_item", "Tomasz Wrona, the ferry’s engineer, played by Piotr Zalewski"),
        ("list_item", "Tomasz Wrona (Piotr Zalewski) burns the ledger"),
    ]
    article = Article("t", [Block(i, k, t) for i, (k, t) in enumerate(texts)], None, "text")  # type: ignore[arg-type]
    verdicts = judge_blocks(article, CAST, EpisodeInfo("Cold Harbour", 1, 3))
    assert [v.spoiler for v in verdicts] == [False, False, False, True]


def test_a_participle_without_an_auxiliary_describes_rather_than_narrates() -> None:
    index = _index()
    assert read_narration("Tomasz, her godfather, known to all as the engineer.", index).named_events == 0
    assert read_narration("Tomasz has known it all along.", index).named_events == 1
    assert read_narration("Tomasz knew it all along.", index).named_events == 1
