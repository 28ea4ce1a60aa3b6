"""The find bar counts visible matches only and says once that hidden spoilers are not searched."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from reader.article import Analysis, BlockVerdict, EpisodeInfo
from reader.library.reveal_state import RevealState
from reader.ui.find_bar import HIDDEN_NOTE, FindBar


class FakeFinder:
    """Answers like ArticleView.find_text: (current 1-based or 0, visible count)."""

    def __init__(self, hidden: bool) -> None:
        verdicts = [BlockVerdict(spoiler=hidden)]
        self._state = RevealState(Analysis(EpisodeInfo(), verdicts, [], []))
        self.calls: list[tuple[str, bool, bool]] = []

    def find_text(self, text: str, backward: bool = False, case_sensitive: bool = False) -> tuple[int, int]:
        self.calls.append((text, backward, case_sensitive))
        return (2, 5) if text == "harbor" else (0, 0)

    def state(self) -> RevealState:
        return self._state


def test_counts_and_steps_through_matches(qtbot) -> None:  # noqa: ANN001
    bar = FindBar()
    qtbot.addWidget(bar)
    finder = FakeFinder(hidden=False)
    bar.set_finder(finder)
    bar.open_bar()
    qtbot.keyClicks(bar.field, "harbor")
    assert bar.result_label.text() == "2 of 5"
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    bar.case_box.setChecked(True)
    bar.find_previous()
    assert finder.calls[-1] == ("harbor", True, True)
    bar.field.setText("nothing")
    assert bar.result_label.text() == "No matches"
    assert not bar.note_label.isVisible()


def test_the_note_shows_while_the_article_hides_text(qtbot) -> None:  # noqa: ANN001
    bar = FindBar()
    qtbot.addWidget(bar)
    finder = FakeFinder(hidden=True)
    bar.set_finder(finder)
    bar.open_bar()
    assert bar.note_label.isVisible() and bar.note_label.text() == HIDDEN_NOTE
    finder.state().reveal_all()
    bar.refresh_note()
    assert not bar.note_label.isVisible()


def test_escape_closes_the_bar(qtbot) -> None:  # noqa: ANN001
    bar = FindBar()
    qtbot.addWidget(bar)
    bar.set_finder(FakeFinder(hidden=False))
    bar.open_bar()
    with qtbot.waitSignal(bar.closed, timeout=2000):
        qtbot.keyClick(bar.field, Qt.Key.Key_Escape)
    assert not bar.isVisible()


def test_in_the_window_words_only_in_hidden_text_are_not_found(window, open_and_wait, sample: Path) -> None:  # noqa: ANN001
    open_and_wait(sample, expect_tabs=1)
    tab = window.current_tab()
    hidden_only = "Tuesday"  # the sample names the day only inside shielded passages
    visible = [b.text for b in tab.article.blocks if not tab.state.block_hidden(b.id)]
    assert not any(hidden_only in t for t in visible)
    assert any(hidden_only in b.text for b in tab.article.blocks)
    window.commands.find.trigger()
    assert window.find_bar.isVisible() and window.find_bar.note_label.isVisible()
    window.find_bar.field.setText(hidden_only)
    assert window.find_bar.result_label.text() == "No matches"
    window.find_bar.field.setText("receiver")  # once in visible text, once more in a hidden passage
    count = sum(t.lower().count("receiver") for t in visible)
    assert count == 1 and window.find_bar.result_label.text() == "1 of 1"
    window.commands.reveal_all.trigger()
    assert not window.find_bar.note_label.isVisible()
    window.find_bar.field.setText(hidden_only)
    assert window.find_bar.result_label.text().endswith(f"of {sum(b.text.count(hidden_only) for b in tab.article.blocks)}")


def test_a_failed_search_clears_the_last_match_and_says_no_matches(window, open_and_wait, sample: Path) -> None:  # noqa: ANN001
    open_and_wait(sample, expect_tabs=1)
    browser = window.current_tab().view.text_browser()
    window.commands.find.trigger()
    bar = window.find_bar
    bar.field.setText("receiver")
    assert bar.result_label.text() == "1 of 1"
    assert browser.textCursor().selectedText().lower() == "receiver"
    bar.field.setText("receiverzz")
    assert bar.result_label.text() == "No matches"
    assert not browser.textCursor().hasSelection()
    bar.field.setText("receiver")
    assert browser.textCursor().hasSelection()
    bar.field.clear()
    assert bar.result_label.text() == "" and not browser.textCursor().hasSelection()
