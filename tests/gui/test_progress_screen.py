"""The progress screen: every show and how far the reader watched it, changed there, and every
open tab of that show following at once."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reader.library.progress import WatchProgress
from reader.ui.header import WatchMode
from reader.ui.progress_dialog import NOT_STARTED


def _episode(folder: Path, show: str, season: int, episode: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{show.lower().replace(' ', '-')}-s{season}e{episode}.md"
    path.write_text(f"# {show} season {season} episode {episode} review\n\nA calm review.\n", encoding="utf-8")
    return path


def _shows(dialog) -> dict[str, tuple[str, list[str]]]:  # noqa: ANN001
    out = {}
    for i in range(dialog.tree.topLevelItemCount()):
        item = dialog.tree.topLevelItem(i)
        out[item.text(0)] = (item.text(1), [item.child(j).text(0).split(" · ")[0] for j in range(item.childCount())])
    return out


def test_the_screen_lists_library_and_progress_shows_with_their_episodes(window, tmp_path: Path) -> None:  # noqa: ANN001
    for episode in (3, 1, 2):
        window.library.add(_episode(tmp_path / "saved", "Harbor Lights", 1, episode))
    window.progress.set_watched("Copper Bell", WatchProgress("Copper Bell", 2, 5))
    window.commands.watch_progress.trigger()
    dialog = window._progress_dialog
    assert dialog.isVisible()
    assert _shows(dialog) == {"Copper Bell": ("S2E5", []), "Harbor Lights": (NOT_STARTED, ["S1E1", "S1E2", "S1E3"])}


def test_choosing_or_typing_an_episode_sets_progress_exactly_and_bad_text_is_explained(window, tmp_path: Path) -> None:  # noqa: ANN001
    for episode in (1, 2, 3):
        window.library.add(_episode(tmp_path / "saved", "Harbor Lights", 1, episode))
    window.show_progress_screen()
    dialog = window._progress_dialog
    assert dialog.select_show("harbor lights")
    dialog.choice.setCurrentIndex(dialog.choice.findText("S1E2"))
    QTest.mouseClick(dialog.set_button, Qt.MouseButton.LeftButton)
    assert window.progress.entries() == [WatchProgress("Harbor Lights", 1, 2)]
    assert _shows(dialog)["Harbor Lights"][0] == "S1E2"

    dialog.choice.setEditText("")
    QTest.keyClicks(dialog.choice.lineEdit(), "season 1 ep 1")
    QTest.keyClick(dialog.choice.lineEdit(), Qt.Key.Key_Return)
    assert window.progress.entries() == [WatchProgress("Harbor Lights", 1, 1)], "typed, and back is allowed"

    dialog.choice.setEditText("S0E3")
    assert not dialog.apply_choice()
    assert dialog.error.isVisible() and "start at 1" in dialog.error.text()
    assert window.progress.entries() == [WatchProgress("Harbor Lights", 1, 1)]

    dialog.choice.setCurrentIndex(dialog.choice.findText(NOT_STARTED))
    assert dialog.apply_choice() and window.progress.entries() == []


def test_a_change_on_the_screen_reaches_every_open_tab_of_the_show_at_once(window, open_and_wait,  # noqa: ANN001
                                                                           sample: Path) -> None:
    open_and_wait(sample, expect_tabs=1)
    tab = window.current_tab()
    episode = tab.analysis.episode
    assert tab.state.anything_hidden()
    window.show_progress_screen()
    dialog = window._progress_dialog
    assert dialog.selected_show() == episode.show, "the current tab's show is chosen"
    dialog.choice.setEditText(f"S{episode.season}E{episode.episode}" if episode.season else f"E{episode.episode}")
    assert dialog.apply_choice()
    assert not tab.state.anything_hidden() and tab.header.mode() is WatchMode.WATCHED
    dialog.choice.setCurrentIndex(dialog.choice.findText(NOT_STARTED))
    assert dialog.apply_choice()
    assert tab.state.anything_hidden() and tab.header.mode() is WatchMode.UNSEEN


def test_the_library_and_the_screen_agree_after_watched_up_to_here(window, tmp_path: Path) -> None:  # noqa: ANN001
    entry = window.library.add(_episode(tmp_path / "saved", "Harbor Lights", 1, 2)).entry
    window.show_progress_screen()
    dialog = window._progress_dialog
    window.show_library()
    page = window.library_page
    page.tree.setCurrentIndex(page.model.index_of(entry.id))
    page.actions_by_name["library_watched"].trigger()
    assert _shows(dialog)["Harbor Lights"][0] == "S1E2", "an open progress screen follows"
