"""Plot that looks quiet after a spoiler warning: a death told without a name, and the one
item of a ranked list whose siblings are all plot (the blind set's power-rankings leak)."""

from __future__ import annotations

from reader.analysis.fates import tells_a_fate
from reader.analysis.list_siblings import list_runs, list_siblings
from reader.analysis.shield_features import feature_records
from reader.analysis.spoilers import judge_blocks
from reader.article import Article, Block, BlockVerdict, Character, EpisodeInfo

CAST = [
    Character("Ingrid Solberg", "Marte Lunde", ["Ingrid"]),
    Character("Tomasz Wrona", "Piotr Zalewski", ["Tomasz"]),
]
SHOW = EpisodeInfo("Cold Harbour", 1, 3)
WARNING = "Spoilers for episode 3 follow."
FATE = "There is no kind way to put it: the body in the harbour was his, and the town knows it."
QUIET_ITEM = "Newcomer of the week. Last week: 7. Nobody saw this coming, and nobody will forget it."
PLOT_ITEMS = [
    "Ingrid. Last week: 2. Ingrid finds the ledger in the boathouse and burns it.",
    "Tomasz. Last week: 1. Tomasz lies to the harbour master and steals the key.",
]
CRAFT_ITEM = "The score, all low strings and foghorns, is the best on television this year."
WHERE_ITEM = "Cold Harbour streams Fridays on Nordlys+, and episode 4 arrives June 2."


def _judge(*blocks: tuple[str, str], caution: str | None = None) -> list[BlockVerdict]:
    article = Article("Cold Harbour, episode 3: rankings", [Block(i, k, t) for i, (k, t) in enumerate(blocks)],
                      None, "text")
    return judge_blocks(article, CAST, SHOW, caution)


# --- a fate told without a name ---------------------------------------------------------------


def test_tells_a_fate_needs_a_person_and_a_death_word() -> None:
    assert tells_a_fate(FATE)
    assert tells_a_fate("By the end of the hour she is dead, and nobody is surprised.")
    assert not tells_a_fate("The body in the harbour is a striking image.")  # no person
    assert not tells_a_fate("His body of work speaks for itself.")  # the idiom
    assert not tells_a_fate("He was never powerful, but everyone trusted him.")  # no death


def test_a_death_told_without_a_name_is_hidden_after_a_warning() -> None:
    verdicts = _judge(("paragraph", WARNING), ("paragraph", FATE))
    assert verdicts[1].spoiler and "warning" in (verdicts[1].reason or "")


def test_a_death_word_in_a_craft_note_stays_readable_after_a_warning() -> None:
    """At Balanced. "His death scene" does tell that someone dies, and after a warning the
    Cautious default hides it: since the refit on the merged features (show pages, the rule
    audit) it sits just over that line, which errs the right way."""
    note = "The score swells under his death scene, the best music on television this year."
    assert not _judge(("paragraph", WARNING), ("paragraph", note), caution="balanced")[1].spoiler


def test_without_a_warning_the_unnamed_fate_is_left_to_the_content() -> None:
    # No warning forces it: the model weighs the words. A death told is close to the line, so
    # Cautious may hide it (it did not, by 0.006 of probability, before the refit that added
    # the page-kind feature); Balanced leaves it readable.
    assert not _judge(("paragraph", FATE), caution="balanced")[0].spoiler


# --- a quiet item among plot siblings ---------------------------------------------------------


def test_a_quiet_item_among_plot_items_is_hidden_after_a_warning() -> None:
    verdicts = _judge(("paragraph", WARNING), *[("list_item", t) for t in PLOT_ITEMS],
                      ("list_item", QUIET_ITEM))
    assert [v.spoiler for v in verdicts] == [False, True, True, True]


def test_list_siblings_narrate_is_the_share_of_other_items_that_narrate() -> None:
    article = Article("Cold Harbour, episode 3: rankings",
                      [Block(i, k, t) for i, (k, t) in enumerate(
                          [("paragraph", WARNING), *[("list_item", t) for t in PLOT_ITEMS],
                           ("list_item", CRAFT_ITEM), ("list_item", QUIET_ITEM)])], None, "text")
    records = feature_records(article, CAST, SHOW)
    assert records[4]["list_siblings_narrate"] == 2 / 3  # two of its three siblings narrate
    assert records[3]["list_siblings_narrate"] == 2 / 3
    assert records[1]["list_siblings_narrate"] == 1 / 3
    assert records[0]["list_siblings_narrate"] == 0.0  # not a list item


def test_an_aside_item_among_plot_items_stays_readable() -> None:
    for aside in (CRAFT_ITEM, WHERE_ITEM):
        verdicts = _judge(("paragraph", WARNING), *[("list_item", t) for t in PLOT_ITEMS], ("list_item", aside))
        assert not verdicts[3].spoiler, aside


def test_list_runs_are_the_items_at_one_level() -> None:
    blocks = [Block(0, "list_item", "a", level=1), Block(1, "list_item", "a.1", level=2),
              Block(2, "list_item", "a.2", level=2), Block(3, "list_item", "b", level=1),
              Block(4, "paragraph", "between"), Block(5, "list_item", "c", level=1)]
    runs, sizes = list_runs(blocks)
    assert runs[0] == runs[3] and runs[1] == runs[2] and runs[0] != runs[1]
    assert runs[5] not in (runs[0], runs[1]) and 4 not in runs
    assert sizes[runs[0]] == 2 and sizes[runs[1]] == 2 and sizes[runs[5]] == 1
    siblings = list_siblings(blocks)  # the same runs, as each item's other items
    assert siblings[0] == [3] and siblings[3] == [0]
    assert siblings[1] == [2] and siblings[2] == [1]
    assert siblings[5] == [] and 4 not in siblings
