"""Edit › Preferences: the spoiler shield's caution level, chosen in the window, kept in the
settings, and applied to the open articles (their reveals kept) and to the ones opened next."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QRadioButton

from reader.analysis.shield_model import Caution
from reader.pipeline import open_article
from reader.ui.preferences import CAUTION_CHOICES, PreferencesDialog
from reader.ui.settings import Settings

#: A discussion post whose opinion paragraphs the Cautious default hides and Relaxed leaves.
ARTICLE = Path(__file__).resolve().parents[1] / "data" / "recaps" / "kdramalounge-haneul-laundromat-ep12-discussion.md"


def hidden_at(level: Caution) -> set[int]:
    """The blocks the pipeline itself hides at ``level`` (what the window must show)."""
    return {i for i, v in enumerate(open_article(ARTICLE, (), caution=level.value).analysis.verdicts) if v.spoiler}


@pytest.fixture(scope="module")
def levels() -> dict[Caution, set[int]]:
    hidden = {level: hidden_at(level) for level in Caution}
    assert hidden[Caution.RELAXED] < hidden[Caution.CAUTIOUS], "the article must differ between the levels"
    return hidden


def click(qtbot, button: QRadioButton) -> None:  # noqa: ANN001
    """Click a radio button on its indicator (the row is wider than what takes a click)."""
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(8, button.height() // 2))


def test_settings_keep_the_level_and_read_a_bad_one_as_cautious(tmp_path: Path) -> None:
    settings = Settings.at(tmp_path / "s.conf")
    assert settings.caution is Caution.CAUTIOUS
    settings.caution = Caution.BALANCED
    settings.sync()
    assert Settings.at(tmp_path / "s.conf").caution is Caution.BALANCED
    (tmp_path / "bad.conf").write_text("[shield]\ncaution=reckless\n", encoding="utf-8")
    assert Settings.at(tmp_path / "bad.conf").caution is Caution.CAUTIOUS


def test_the_dialog_explains_each_level_and_announces_a_choice(qtbot) -> None:  # noqa: ANN001
    dialog = PreferencesDialog(Caution.BALANCED)
    qtbot.addWidget(dialog)
    chosen: list[Caution] = []
    dialog.cautionChanged.connect(chosen.append)
    assert dialog.caution() is Caution.BALANCED and chosen == [], "showing the level is not a change"
    for level, (_name, line) in CAUTION_CHOICES.items():
        assert dialog.buttons[level].accessibleDescription() == line and line.endswith(".")
    dialog.show()
    qtbot.waitExposed(dialog)
    click(qtbot, dialog.buttons[Caution.RELAXED])
    assert chosen == [Caution.RELAXED] and dialog.caution() is Caution.RELAXED


def test_the_unchosen_levels_stay_visible_in_a_dark_theme(qtbot) -> None:  # noqa: ANN001
    """The style fills a radio circle with Base, darker than the window in a dark theme: the
    dialog lifts it there, and follows a change of theme while it is open."""
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from reader.ui.theme import palette_for, resolve_theme

    app = QApplication.instance()
    before = app.palette()
    dialog = PreferencesDialog(Caution.CAUTIOUS)
    qtbot.addWidget(dialog)
    base, window = QPalette.ColorRole.Base, QPalette.ColorRole.Window
    button = dialog.buttons[Caution.BALANCED]
    try:
        dark = palette_for(resolve_theme("dark"))
        assert dark.color(base).lightness() < dark.color(window).lightness(), "the theme this is about"
        dialog.show()
        qtbot.waitExposed(dialog)
        app.setPalette(dark)
        qtbot.waitUntil(lambda: button.palette().color(window) == dark.color(window))
        assert button.palette().color(base).lightness() > dark.color(window).lightness()
        light = palette_for(resolve_theme("light"))
        app.setPalette(light)
        qtbot.waitUntil(lambda: button.palette().color(window) == light.color(window))
        assert button.palette().color(base) == light.color(base)
    finally:
        app.setPalette(before)


def test_a_new_level_reanalyses_open_tabs_keeping_reveals(qtbot, window, open_and_wait,  # noqa: ANN001
                                                          levels: dict[Caution, set[int]], tmp_path: Path) -> None:
    open_and_wait(ARTICLE, expect_tabs=1)
    tab = window.current_tab()
    assert set(tab.state.hidden_block_ids()) == levels[Caution.CAUTIOUS]
    kept = min(levels[Caution.RELAXED])  # hidden at every level: the reader reveals it now
    tab.view.reveal_block(kept)
    lifted = sorted(levels[Caution.CAUTIOUS] - levels[Caution.RELAXED])
    lifted_text = window.current_tab().article.blocks[lifted[0]].text[:40]
    assert lifted_text not in tab.view.text_browser().toPlainText()

    window.commands.preferences.trigger()
    dialog = window.findChild(PreferencesDialog)
    assert dialog is not None and dialog.isVisible() and dialog.caution() is Caution.CAUTIOUS
    qtbot.waitExposed(dialog)
    click(qtbot, dialog.buttons[Caution.RELAXED])
    qtbot.waitUntil(lambda: set(window.current_tab().state.hidden_block_ids())
                    == levels[Caution.RELAXED] - {kept}, timeout=20000)
    tab = window.current_tab()
    assert window.tabs.count() == 1 and kept in tab.state.revealed_blocks, "the reader's reveal is kept"
    assert lifted_text in tab.view.text_browser().toPlainText(), "the view shows what Relaxed leaves readable"
    assert Settings.at(tmp_path / "settings.conf").caution is Caution.RELAXED


def test_an_article_opened_later_or_on_its_way_gets_the_new_level(qtbot, window,  # noqa: ANN001
                                                                   levels: dict[Caution, set[int]]) -> None:
    window.open_paths([ARTICLE])  # its result cannot arrive before the event loop runs again
    window.set_caution(Caution.RELAXED)
    qtbot.waitUntil(lambda: window.current_tab() is not None and window.loader.pending() == 0, timeout=20000)
    assert set(window.current_tab().state.hidden_block_ids()) == levels[Caution.RELAXED]
    window.close_current_tab()
    window.set_caution(Caution.BALANCED)
    window.open_paths([ARTICLE])
    qtbot.waitUntil(lambda: window.current_tab() is not None and window.loader.pending() == 0, timeout=20000)
    assert set(window.current_tab().state.hidden_block_ids()) == levels[Caution.BALANCED]
