"""People the finder missed: a name the narrating blocks keep using is a feature of a 'quiet' block."""

from __future__ import annotations

from reader.analysis.participants import names_participant, recurring_people
from reader.analysis.spoiler_names import build_index
from reader.analysis.shield_features import feature_records
from reader.analysis.spoilers import judge_blocks, plot_probabilities
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


def test_a_quiet_block_naming_a_missed_participant_carries_the_feature() -> None:
    records = feature_records(_article(), CAST, SHOW)
    assert records[3]["names_recurring_person"] == 1.0
    assert records[4]["names_recurring_person"] == 0.0


def test_naming_a_missed_participant_raises_the_odds_of_plot() -> None:
    verdicts = judge_blocks(_article(), CAST, SHOW)
    assert [v.spoiler for v in verdicts][:3] == [False, True, True]
    # The same quiet sentence, with a name nobody else in the article uses.
    odds = plot_probabilities(_article(), CAST, SHOW)[3]
    other = Article("t", [Block(i, "paragraph", t.replace("Olav needed", "Sigrun needed") if i == 3 else t)
                          for i, t in enumerate(TEXTS)], None, "text")
    assert odds > plot_probabilities(other, CAST, SHOW)[3]
