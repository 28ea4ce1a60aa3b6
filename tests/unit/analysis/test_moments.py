"""Key moments: the article's own list under any heading, listicle items, or inferred."""

from __future__ import annotations

import pytest

from reader.analysis.moments import find_key_moments
from reader.article import Article, Block, BlockVerdict, HiddenSpan


def _article(*items: tuple[str, str] | str, ordinals: dict[int, int] | None = None) -> Article:
    blocks = []
    for i, item in enumerate(items):
        kind, text = ("paragraph", item) if isinstance(item, str) else item
        blocks.append(Block(i, kind, text, ordinal=(ordinals or {}).get(i)))  # type: ignore[arg-type]
    return Article("t", blocks, None, "text")


def _readable(article: Article) -> list[BlockVerdict]:
    return [BlockVerdict() for _ in article.blocks]


@pytest.mark.parametrize(
    "heading",
    ["Key Moments", "Best moments", "Stray observations:", "Biggest takeaways", "Episode highlights",
     "Highlights", "What I loved", "Top 5 scenes"],
)
def test_the_list_under_a_moments_heading(heading: str) -> None:
    kind = "paragraph" if heading.endswith(":") else "heading"
    article = _article(
        "The fog rolls in and the ferry is late, as ever.",
        (kind, heading),
        ("list_item", "The boathouse and the match."),
        ("list_item", "The call at dawn."),
        "The show streams on Fridays.",
    )
    moments = find_key_moments(article, _readable(article))
    assert [(m.text, m.block) for m in moments] == [("The boathouse and the match.", 2), ("The call at dawn.", 3)]
    assert not any(m.spoiler for m in moments)


def test_a_list_under_another_heading_is_not_key_moments() -> None:
    article = _article(("heading", "Other news"), ("list_item", "A renewal for the comedy."),
                       ("list_item", "Subtitles in the app at last."))
    assert find_key_moments(article, _readable(article)) == []


def test_numbered_listicle_headings_are_the_moments_without_their_numbers() -> None:
    article = _article(
        "Our five favourite scenes, ranked.",
        ("heading", "1. The boathouse"),
        "It happens in the first ten minutes.",
        ("heading", "2) A call at dawn"),
        "Nobody saw it coming.",
    )
    moments = find_key_moments(article, _readable(article))
    assert [(m.text, m.block) for m in moments] == [("The boathouse", 1), ("A call at dawn", 3)]


def test_numbered_items_each_followed_by_a_paragraph() -> None:
    article = _article(
        ("list_item", "The ledger in the rain"),
        "It is the scene everyone is talking about.",
        ("list_item", "The auction"),
        "Nobody saw it coming.",
        ordinals={0: 1, 2: 2},
    )
    moments = find_key_moments(article, _readable(article))
    assert [m.text for m in moments] == ["The ledger in the rain", "The auction"]


def test_a_moment_in_a_hidden_block_is_a_spoiler() -> None:
    article = _article(("heading", "Key Moments"), ("list_item", "The boathouse."), ("list_item", "The dawn call."))
    verdicts = _readable(article)
    verdicts[1] = BlockVerdict(True, "in a plot section")
    moments = find_key_moments(article, verdicts)
    assert [m.spoiler for m in moments] == [True, False]


def test_a_moment_whose_words_lie_in_a_hidden_span_is_a_spoiler() -> None:
    text = "Ingrid burning the ledger, plus the best line of the season."
    article = _article(("heading", "Key Moments"), ("list_item", text), ("list_item", "The dawn call."))
    verdicts = _readable(article)
    verdicts[1] = BlockVerdict(False, None, [HiddenSpan(0, 25, "marked as spoiler on the page")])
    assert [m.spoiler for m in find_key_moments(article, verdicts)] == [True, False]


def test_moments_are_inferred_from_the_turning_points_when_there_is_no_list() -> None:
    article = _article(
        "Long thread, sorry. I loved this one and the sound design is unreal.",
        "Halvard Moe seals the cargo hold and traps the whole night crew below deck.",
        "Meanwhile Sunniva Dahl crawls through the vents with a torch and finds the stowaway.",
        "Then Halvard Moe opens the hold, and the stowaway turns out to be his own son.",
        "The last scene is the harbour master burning the manifest while Sunniva Dahl watches.",
        "Anyway, see you all next week in the thread.",
    )
    moments = find_key_moments(article, _readable(article))
    assert 3 <= len(moments) <= 5
    assert {m.block for m in moments} == {1, 2, 3, 4}
    assert all(m.text in article.blocks[m.block].text for m in moments)  # type: ignore[index]


def test_a_review_without_plot_has_no_inferred_moments() -> None:
    article = _article(
        "The premiere is patient and the cast is superb.",
        "The score swells where it should stay quiet, but that is a small complaint.",
        "It premieres Friday on Nordlys+.",
    )
    assert find_key_moments(article, _readable(article)) == []


def test_paragraphs_under_a_moments_heading_when_there_is_no_list() -> None:
    article = _article(
        ("heading", "Best moments"),
        "The boathouse, the ledger and the match, in one unbroken take.",
        "The call at dawn, when nobody on the ferry says a word.",
        ("heading", "Where to watch"),
        "It streams on Fridays.",
    )
    moments = find_key_moments(article, _readable(article))
    assert [m.block for m in moments] == [1, 2]


_PLOT = (
    "Halvard Moe seals the cargo hold and traps the whole night crew below deck.",
    "Meanwhile Sunniva Dahl crawls through the vents with a torch and finds the stowaway.",
    "Then Halvard Moe opens the hold, and the stowaway turns out to be his own son.",
    "The last scene is the harbour master burning the manifest while Sunniva Dahl watches.",
)


def test_a_sentence_about_the_show_itself_is_not_a_moment() -> None:
    article = _article(
        "Halvard Moe tells the crew that Nordlys renewed Cold Harbour, and then he hugs Sunniva Dahl on the deck.",
        *_PLOT,
        "Sunniva Dahl confronts the harbour master, who admits he paid the smugglers.",
    )
    assert 0 in {m.block for m in find_key_moments(article, _readable(article))}  # on its verbs alone
    blocks = {m.block for m in find_key_moments(article, _readable(article), show="Cold Harbour")}
    assert blocks == {1, 2, 3, 4, 5}


def test_when_the_judge_found_plot_a_readable_block_gives_no_moment() -> None:
    article = _article(
        "Halvard Moe quietly tells Sunniva Dahl that the whole crew loves the new cook, and she laughs.",
        *_PLOT,
    )
    everything = {m.block for m in find_key_moments(article, _readable(article))}
    judged = {m.block for m in find_key_moments(article, _readable(article), plot_blocks=frozenset({1, 2, 3, 4}))}
    assert 0 in everything  # the scoring alone would take it
    assert judged == {1, 2, 3, 4}


def test_a_block_only_the_judge_calls_plot_gives_a_moment_when_something_happens_in_it() -> None:
    article = _article(
        ("heading", "How the cook died"),
        "He had spent the winter smuggling money for the harbour master, and the ledgers proved it.",
        "Everything below is about “Cold Harbour”.",
        *_PLOT,
    )
    judged = {m.block for m in find_key_moments(article, _readable(article), plot_blocks=frozenset({1, 2}))}
    assert 1 in judged and 2 not in judged
    assert 1 not in {m.block for m in find_key_moments(article, _readable(article))}  # narration alone misses it


def test_a_warning_that_only_names_the_episode_or_addresses_the_reader_is_not_a_moment() -> None:
    article = _article(
        "Everything below is about the plot of the premiere, “Dead Tide.” Expand it only if you have seen it.",
        *_PLOT,
    )
    judged = {m.block for m in find_key_moments(article, _readable(article), plot_blocks=frozenset({0, 1, 2, 3, 4}))}
    assert judged == {1, 2, 3, 4}


def test_a_page_the_judge_found_no_plot_in_has_no_inferred_moments() -> None:
    """A spoiler-free premiere review introduces people ("Holt plays a woman a step ahead of
    everyone"): its sentences score, but once the judge has read the page and hidden nothing,
    they are premise and praise, not turning points."""
    article = _article(*_PLOT)
    assert find_key_moments(article, _readable(article))  # unjudged, the sentences would be taken
    assert find_key_moments(article, _readable(article), plot_blocks=frozenset()) == []
    assert find_key_moments(article, _readable(article), plot_blocks=frozenset({1}))
