"""People the finder missed: a name the hidden plot keeps using makes a 'quiet' block plot."""

from __future__ import annotations

from reader.analysis.participants import names_participant, recurring_people
from reader.analysis.spoiler_names import build_index
from reader.analysis.spoilers import WARNED, judge_blocks
from reader.article import Article, Block, Character, EpisodeInfo

CAST = [Character("Ingrid Solberg", None, ["Ingrid"])]  # the judge; the finder missed the bakers
SHOW = EpisodeInfo("Cold Harbour", 2, 3)
TEXTS = [
    "Spoilers below.",
    "The first bake sorted the tent. Ingrid tasted everything, and Olav Brekke came last.",
    "It went worse for Olav Brekke in the second round, and Ingrid said so.",
    "Going into the final round, then, Olav needed something special. The top tier slumped.",
    "The tent looked lovely in the rain, and the drone shots over Hamar were something.",
]


def _article() -> Article:
    return Article("t", [Block(i, "paragraph", t) for i, t in enumerate(TEXTS)], None, "text")


def test_a_name_in_two_hidden_blocks_is_a_participant() -> None:
    index = build_index(_article(), CAST, SHOW)
    people = recurring_people(TEXTS[1:3], index)
    assert "olav" in people and "hamar" not in people
    assert names_participant(TEXTS[3], index, people)
    assert not names_participant(TEXTS[4], index, people)


def test_a_quiet_block_naming_a_missed_participant_is_hidden_after_a_warning() -> None:
    verdicts = judge_blocks(_article(), CAST, SHOW)
    assert [v.spoiler for v in verdicts] == [False, True, True, True, False]
    assert verdicts[3].reason == WARNED
