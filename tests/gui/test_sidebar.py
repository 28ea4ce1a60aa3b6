"""The sidebar lists only what the reader may see, counts visible mentions, steps through them,
and reveals and jumps to key moments."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.article import Analysis, BlockVerdict, Character, EpisodeInfo, HiddenSpan, KeyMoment, Mention
from reader.library.reveal_state import RevealState
from reader.ui.sidebar import HIDDEN_MOMENT_TEXT, Sidebar


def _state() -> RevealState:
    verdicts = [
        BlockVerdict(),  # 0 readable
        BlockVerdict(spoiler=True, reason="after a spoiler warning"),  # 1 hidden
        BlockVerdict(spans=[HiddenSpan(10, 20, "marked as spoiler on the page")]),  # 2 inline
        BlockVerdict(),  # 3 readable
    ]
    characters = [
        Character("Nessa Quill", "Ilka Marr", mentions=[Mention(0, 0, 5), Mention(1, 0, 5), Mention(3, 4, 9)]),
        Character("Orrin Vale", spoiler=True, mentions=[Mention(1, 6, 10), Mention(2, 12, 18)]),
    ]
    moments = [KeyMoment("The lighthouse is repainted", 0),
               KeyMoment("Orrin Vale returns from the sea", 1, spoiler=True)]
    return RevealState(Analysis(EpisodeInfo("Harbor Lights", 1, 2), verdicts, characters, moments, False, "t"))


@pytest.fixture
def sidebar(qtbot) -> Sidebar:  # noqa: ANN001
    bar = Sidebar()
    qtbot.addWidget(bar)
    bar.show()
    return bar


def _everything_shown(bar: Sidebar) -> str:
    """Every string the sidebar hands to screen, tooltips and accessibility."""
    parts = []
    for widget in (bar.characters, bar.moments):
        for i in range(widget.count()):
            item = widget.item(i)
            parts += [item.text(), item.toolTip(), item.statusTip(), item.whatsThis()]
    parts += [bar.position_label.text(), bar.windowTitle()]
    return "\n".join(parts)


def test_characters_named_only_in_hidden_text_are_not_listed_until_revealed(sidebar: Sidebar) -> None:
    state = _state()
    sidebar.set_state(state)
    assert [c.name for c in sidebar.visible_characters()] == ["Nessa Quill"]
    assert "Orrin" not in _everything_shown(sidebar) and "sea" not in _everything_shown(sidebar)
    state.reveal_span(2, 0)
    sidebar.refresh()
    assert [c.name for c in sidebar.visible_characters()] == ["Nessa Quill", "Orrin Vale"]


def test_counts_cover_visible_mentions_only(sidebar: Sidebar) -> None:
    state = _state()
    sidebar.set_state(state)
    assert "Ilka Marr · 2 mentions" in sidebar.characters.item(0).text()
    state.reveal_block(1)
    sidebar.refresh()
    assert "Ilka Marr · 3 mentions" in sidebar.characters.item(0).text()


def test_selecting_a_character_highlights_visible_mentions_and_steps_through_them(qtbot, sidebar: Sidebar) -> None:  # noqa: ANN001
    sidebar.set_state(_state())
    seen: list[tuple[list[Mention], int]] = []
    sidebar.sig_mentions_selected.connect(lambda mentions, current: seen.append((mentions, current)))
    assert sidebar.select_character("Nessa Quill")
    assert seen[-1] == ([Mention(0, 0, 5), Mention(3, 4, 9)], 0)
    assert sidebar.position_label.text() == "Mention 1 of 2"
    qtbot.mouseClick(sidebar.next_button, __import__("PySide6.QtCore").QtCore.Qt.MouseButton.LeftButton)
    assert seen[-1][1] == 1 and sidebar.current_mention() == Mention(3, 4, 9)
    sidebar.step(1)
    assert seen[-1][1] == 0  # wraps around
    sidebar.step(-1)
    assert seen[-1][1] == 1 and sidebar.position_label.text() == "Mention 2 of 2"
    cleared: list[bool] = []
    sidebar.sig_highlights_cleared.connect(lambda: cleared.append(True))
    sidebar.characters.setCurrentRow(-1)
    assert cleared and sidebar.current_mention() is None


def test_hidden_key_moments_show_a_placeholder_never_their_words(sidebar: Sidebar) -> None:
    state = _state()
    sidebar.set_state(state)
    texts = [sidebar.moments.item(i).text() for i in range(sidebar.moments.count())]
    assert texts == ["The lighthouse is repainted", HIDDEN_MOMENT_TEXT]
    assert "returns" not in _everything_shown(sidebar)
    activated: list[int] = []
    sidebar.sig_moment_activated.connect(activated.append)
    item = sidebar.moments.item(1)
    sidebar.moments.itemClicked.emit(item)
    assert activated == [1]
    state.reveal_block(1)
    sidebar.refresh()
    assert sidebar.moments.item(1).text() == "Orrin Vale returns from the sea"


def test_set_state_none_empties_the_lists(sidebar: Sidebar) -> None:
    sidebar.set_state(_state())
    sidebar.set_state(None)
    assert sidebar.characters.count() == 0 and sidebar.moments.count() == 0
    assert sidebar.characters_empty.isVisible() and sidebar.moments_empty.isVisible()


# --- in the window -------------------------------------------------------------------------


def test_clicking_a_hidden_moment_in_the_window_reveals_its_block_and_jumps(window, open_and_wait,  # noqa: ANN001
                                                                            sample: Path, monkeypatch) -> None:
    open_and_wait(sample, expect_tabs=1)
    tab = window.current_tab()
    moments = tab.analysis.key_moments
    index = next(i for i, m in enumerate(moments) if tab.state.moment_hidden(m) and m.block is not None)
    block = moments[index].block
    assert tab.state.block_hidden(block)
    jumps: list[int] = []
    monkeypatch.setattr(tab.view, "scroll_to_block", jumps.append)
    sidebar = window.sidebar
    assert sidebar.moments.item(index).text() == HIDDEN_MOMENT_TEXT
    sidebar.moments.itemClicked.emit(sidebar.moments.item(index))
    assert not tab.state.block_hidden(block) and jumps == [block]
    assert sidebar.moments.item(index).text() == moments[index].text  # the sidebar followed the reveal


def test_selecting_a_character_in_the_window_highlights_in_the_view(window, open_and_wait, sample: Path,  # noqa: ANN001
                                                                    monkeypatch) -> None:
    open_and_wait(sample, expect_tabs=1)
    tab = window.current_tab()
    calls: list[tuple] = []
    monkeypatch.setattr(tab.view, "highlight_mentions", lambda mentions, current=None: calls.append((mentions, current)))
    monkeypatch.setattr(tab.view, "clear_highlights", lambda: calls.append(("cleared",)))
    shown = window.sidebar.visible_characters()
    assert shown and all(tab.state.character_visible(c) for c in shown)
    assert len(shown) <= len(tab.analysis.characters)
    window.sidebar.characters.setCurrentRow(0)
    mentions, current = calls[-1]
    assert current == 0 and mentions == tab.state.visible_mentions(shown[0])
    assert all(tab.state.text_visible(m.block, m.start, m.end) for m in mentions)
    window.sidebar.characters.setCurrentRow(-1)
    assert calls[-1] == ("cleared",)


def test_with_nothing_found_the_notes_sit_under_their_headings_without_mention_steps(sidebar: Sidebar) -> None:
    sidebar.resize(300, 800)
    empty = RevealState(Analysis(EpisodeInfo(None, None, None), [BlockVerdict()], [], [], False, "t"))
    sidebar.set_state(empty)
    steps = (sidebar.prev_button, sidebar.position_label, sidebar.next_button)
    assert all(widget.isHidden() for widget in steps)
    assert sidebar.characters_empty.isVisible() and sidebar.moments_empty.isVisible()
    sidebar.widget().layout().activate()
    gap = sidebar.moments_empty.geometry().top() - sidebar.characters_empty.geometry().bottom()
    assert gap < 120, "the empty notes are spread down the dock"
    sidebar.set_state(_state())
    assert all(widget.isVisible() for widget in steps)
