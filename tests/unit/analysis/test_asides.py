"""Asides: craft talk, production news and the note about the writer stay readable, even where
the plot is hidden around them."""

from __future__ import annotations

import pytest

from reader.analysis.asides import is_author_note, later_seasons
from reader.analysis.phrases import phrase_kinds
from reader.analysis.shield_features import feature_records
from reader.analysis.spoilers import judge_blocks, plot_probabilities
from reader.article import Article, Block, Character, EpisodeInfo

CAST = [Character("Ingrid Solberg", "Marte Lunde", ["Ingrid"]), Character("Tomasz Wrona", None, ["Tomasz"])]
SHOW = EpisodeInfo("Cold Harbour", 2, 3)


def _judge(*items: tuple[str, str], byline: str | None = None, ordinals: bool = False,
           caution: str | None = None) -> list[bool]:
    blocks = [Block(i, kind, text) for i, (kind, text) in enumerate(items)]  # type: ignore[arg-type]
    if ordinals:
        for n, block in enumerate(b for b in blocks if b.kind == "list_item"):
            block.ordinal = n + 1
    article = Article("Cold Harbour, episode 3: notes", blocks, None, "text", byline=byline)
    return [v.spoiler for v in judge_blocks(article, CAST, SHOW, caution)]


@pytest.mark.parametrize(("text", "season", "later"), [
    ("Series 3 is already being filmed in Bergen.", 2, True),
    ("There will be a season 3", 2, True),
    ("The broadcaster has ordered a third series.", 2, True),
    ("Season two has been slower than the first.", 2, False),
    ("Season 1 was better.", 2, False),
    ("There will be a season 3", None, False),  # the article's own season unknown: could be this one
])
def test_later_seasons(text: str, season: int | None, later: bool) -> None:
    assert later_seasons(text, season) is later


def test_author_notes_open_with_the_byline() -> None:
    assert is_author_note("Jo Lind writes about Nordic television from Cork. She has recapped every episode.",
                          "Jo Lind")
    assert is_author_note("Tor Eik is a critic and podcaster.", "Jo Lind and Tor Eik")
    assert not is_author_note("Jo Lind writes about Nordic television.", None)
    assert not is_author_note("Ingrid writes the letter that night.", "Jo Lind")


def test_craft_words_are_a_kind_of_telling_phrase() -> None:
    assert "craft" in phrase_kinds("The background score is doing the heavy lifting".split())
    assert "craft" in phrase_kinds("the colour grade is warmer this year".split())
    assert "news" in phrase_kinds("The show was renewed before the premiere".split())
    assert not phrase_kinds("The boathouse, the ledger, the match.".split()) & {"craft", "news"}


_MOMENTS_WITH_A_CRAFT_NOTE = (
    ("heading", "Things I loved"),
    ("list_item", "The harbour two-shots again (the cinematographer deserves a raise)"),
    ("list_item", "The sign taped to the door of a shop that never closes"),
)


def test_a_craft_note_in_a_moments_list_stays_readable_at_balanced() -> None:
    hidden = _judge(*_MOMENTS_WITH_A_CRAFT_NOTE, caution="balanced")
    assert hidden == [False, False, True]


def test_a_craft_note_in_a_moments_list_stays_readable() -> None:
    hidden = _judge(*_MOMENTS_WITH_A_CRAFT_NOTE)
    assert hidden == [False, False, True]


def test_a_listicle_item_about_the_score_or_a_renewal_stays_readable() -> None:
    hidden = _judge(
        ("paragraph", "Here is what we learned this week."),
        ("list_item", "The boathouse is not what it seems"),
        ("paragraph", "It was never a boathouse at all."),
        ("list_item", "The background score is doing a lot of heavy lifting"),
        ("paragraph", "The composer’s mix of fiddle and recorded rain has been good all season."),
        ("list_item", "There will be a season 3"),
        ("paragraph", "Anyway."),
        ordinals=True,
    )
    assert hidden == [False, True, True, False, False, False, True]


def test_the_writers_note_after_a_recap_is_an_aside() -> None:
    texts = ["Spoilers below.", "Ingrid burns the ledger in the boathouse.",
             "Jo Lind writes about Nordic television from Cork. She has recapped every episode of the show."]
    article = Article("Cold Harbour, episode 3: notes", [Block(i, "paragraph", t) for i, t in enumerate(texts)],
                      None, "text", byline="Jo Lind")
    records = feature_records(article, CAST, SHOW)
    assert [r["author_note"] for r in records] == [0.0, 0.0, 1.0]
    assert [r["aside"] for r in records] == [0.0, 0.0, 1.0]
    assert [v.spoiler for v in judge_blocks(article, CAST, SHOW)][:2] == [False, True]
    # Without a byline to match, the same words read as someone doing things.
    bare = Article("t", [Block(0, "paragraph", "She has recapped every episode of it.")], None, "text")
    record = feature_records(bare, CAST, SHOW)[0]
    assert record["author_note"] == 0.0 and record["aside"] == 0.0 and record["unnamed_events"] > 0


def test_production_news_with_people_returning_in_a_later_season_is_an_aside() -> None:
    news = ("Housekeeping first: the network has confirmed that season 3 is being filmed this winter, "
            "with Ingrid Solberg returning as narrator and Tomasz Wrona staying on as consultant.")
    plot = "With season 3 coming, Tomasz returning to the boathouse is the image the episode leaves us with."

    def article(*texts: str) -> Article:
        return Article("Cold Harbour, episode 3: notes", [Block(i, "paragraph", t) for i, t in enumerate(texts)],
                       None, "text")

    records = feature_records(article("Spoilers below.", news, plot), CAST, SHOW)
    assert [r["aside"] for r in records] == [0.0, 1.0, 0.0]
    assert judge_blocks(article("Spoilers below.", news, plot), CAST, SHOW)[2].spoiler
    # The same people, this season: that is the story, not news.
    this_season = feature_records(article("Spoilers below.", news.replace("season 3", "season 2")), CAST, SHOW)
    assert this_season[1]["aside"] == 0.0
    odds = plot_probabilities(article("Spoilers below.", news), CAST, SHOW)[1]
    assert odds < plot_probabilities(article("Spoilers below.", news.replace("season 3", "season 2")), CAST, SHOW)[1]
