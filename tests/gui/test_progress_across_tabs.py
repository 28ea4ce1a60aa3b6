""""I've seen this episode" (and Undo, and "Not watched yet") is about a show, not a tab: every
open tab of that show takes the new progress at once, as if it had been opened under it."""

from __future__ import annotations

from pathlib import Path

from reader.ui.header import WatchMode


def _episode_copy(sample: Path, folder: Path, name: str, number: str) -> Path:
    """The sample as another file, about episode ``number`` of the same show."""
    text = sample.read_text(encoding="utf-8").replace("episode one recap", f"episode {number} recap", 1)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _tabs(window, *paths: Path):  # noqa: ANN001, ANN202
    return [window.tab_for(p) for p in paths]


def test_seen_undo_and_not_watched_reach_every_tab_of_the_show(window, open_and_wait, sample: Path,  # noqa: ANN001
                                                                tmp_path: Path) -> None:
    again = _episode_copy(sample, tmp_path, "again.txt", "one")
    later = _episode_copy(sample, tmp_path, "later.txt", "two")
    open_and_wait(sample, again, later, expect_tabs=3)
    first, second, next_episode = _tabs(window, sample, again, later)
    assert second.analysis.episode == first.analysis.episode and next_episode.analysis.episode.episode == 2
    own_reveal = second.state.hidden_block_ids()[0]
    second.view.reveal_block(own_reveal)
    hidden_before = second.view.hidden_items()

    first.header.seen_button.click()  # episode 1 seen, in the first tab
    assert not second.state.anything_hidden() and second.header.mode() is WatchMode.WATCHED
    assert not second.view.hidden_items(), "the other tab's document was rewritten too"
    assert "Not watched yet" in second.header.undo_button.text()
    assert next_episode.state.anything_hidden() and next_episode.header.mode() is WatchMode.UNSEEN

    first.header.undo_button.click()
    assert second.header.mode() is WatchMode.UNSEEN
    assert second.view.hidden_items() == hidden_before, "back to what it was, the reader's own reveal kept"
    assert own_reveal in second.state.revealed_blocks

    next_episode.header.seen_button.click()  # episode 2 seen: episode 1 is watched too
    assert all(t.header.mode() is WatchMode.WATCHED and not t.state.anything_hidden() for t in (first, second))
    second.header.undo_button.click()  # "Not watched yet" for episode 1: progress forgets the show
    assert window.progress.entries() == []
    assert first.state.anything_hidden() and first.header.mode() is WatchMode.UNSEEN
    assert second.view.hidden_items() == hidden_before
    assert next_episode.state.anything_hidden() and next_episode.header.mode() is WatchMode.UNSEEN


def test_a_tab_that_opened_watched_is_shielded_again_when_progress_goes_back(qtbot, window, open_and_wait,  # noqa: ANN001
                                                                              sample: Path, tmp_path: Path) -> None:
    open_and_wait(sample, expect_tabs=1)
    first = window.current_tab()
    first.header.seen_button.click()
    again = _episode_copy(sample, tmp_path, "again.txt", "one")
    open_and_wait(again, expect_tabs=2)
    second = window.tab_for(again)
    assert second.header.mode() is WatchMode.WATCHED and not second.state.anything_hidden()
    first.header.undo_button.click()
    qtbot.waitUntil(lambda: second.state.anything_hidden(), timeout=20000)  # analysed again
    assert second.header.mode() is WatchMode.UNSEEN and second.view.hidden_items()


def test_other_shows_are_left_alone(window, open_and_wait, sample: Path, data_dir: Path) -> None:  # noqa: ANN001
    other = sorted((data_dir / "recaps").glob("*.html"))[0]
    open_and_wait(sample, other, expect_tabs=2)
    first, second = _tabs(window, sample, other)
    assert second.analysis.episode.show != first.analysis.episode.show and second.state.anything_hidden()
    before = second.view.hidden_items()
    first.header.seen_button.click()
    assert second.view.hidden_items() == before and second.header.mode() is WatchMode.UNSEEN
