"""RevealState: one answer to "may this text be shown?" for every surface."""

from __future__ import annotations

from reader.article import Analysis, BlockVerdict, Character, EpisodeInfo, HiddenSpan, KeyMoment, Mention
from reader.library.reveal_state import RevealState


def _state() -> RevealState:
    verdicts = [
        BlockVerdict(),  # 0 readable
        BlockVerdict(spoiler=True, reason="after a spoiler warning"),  # 1 hidden
        BlockVerdict(spans=[HiddenSpan(10, 20, "marked as spoiler on the page")]),  # 2 inline
    ]
    characters = [
        Character("Visible Person", mentions=[Mention(0, 0, 7), Mention(1, 0, 7)]),
        Character("Secret Person", spoiler=True, mentions=[Mention(1, 5, 11), Mention(2, 12, 18)]),
    ]
    moments = [KeyMoment("a safe moment", 0), KeyMoment("the twist", 1, spoiler=True)]
    analysis = Analysis(EpisodeInfo("Show", 1, 2), verdicts, characters, moments, True, "Show S1E2 recap")
    return RevealState(analysis)


def test_initial_state_hides_blocks_spans_title_and_secret_characters() -> None:
    state = _state()
    assert state.hidden_block_ids() == [1]
    assert [s.start for _, s in state.hidden_spans(2)] == [10]
    assert state.text_visible(2, 0, 10) and not state.text_visible(2, 15, 25)
    assert state.display_title("Walt dies") == "Show S1E2 recap"
    visible, secret = state.analysis.characters
    assert state.visible_mentions(visible) == [Mention(0, 0, 7)]
    assert not state.character_visible(secret)
    assert [state.moment_hidden(m) for m in state.analysis.key_moments] == [False, True]


def test_revealing_a_span_shows_its_words_and_the_character_named_there() -> None:
    state = _state()
    state.reveal_span(2, 0)
    secret = state.analysis.characters[1]
    assert state.text_visible(2, 12, 18)
    assert state.character_visible(secret) and state.visible_mentions(secret) == [Mention(2, 12, 18)]
    assert state.block_hidden(1)


def test_reveal_block_then_hide_all_returns_to_the_opening_state() -> None:
    state = _state()
    state.reveal_block(1)
    assert not state.block_hidden(1) and not state.moment_hidden(state.analysis.key_moments[1])
    state.hide_all()
    assert state.hidden_block_ids() == [1] and state.hidden_spans(2)


def test_reveal_all_leaves_nothing_hidden() -> None:
    state = _state()
    state.reveal_all()
    assert not state.anything_hidden()
    assert state.display_title("Walt dies") == "Walt dies"
    assert all(not state.moment_hidden(m) for m in state.analysis.key_moments)


def test_sidebar_label_uses_only_name_forms_and_actors_in_visible_text() -> None:
    texts = [
        "Later, Mia waves from the pier.",  # 0 readable: only the given name
        "Mia Ortega (Lena Fairweather) vanishes at dawn.",  # 1 hidden: full name and actor
    ]
    verdicts = [BlockVerdict(), BlockVerdict(spoiler=True, reason="after a spoiler warning")]
    mia = Character("Mia Ortega", "Lena Fairweather", ["Mia"], [Mention(0, 7, 10), Mention(1, 0, 10)])
    analysis = Analysis(EpisodeInfo(), verdicts, [mia], [])
    state = RevealState(analysis, texts=texts)
    assert state.character_label(mia) == ("Mia", None)
    state.reveal_block(1)
    assert state.character_label(mia) == ("Mia Ortega", "Lena Fairweather")
