"""The status bar says what is going on now, not what was going on three seconds ago."""

from __future__ import annotations

from pathlib import Path


def test_opening_text_goes_once_the_article_is_open(window, qtbot, sample: Path) -> None:  # noqa: ANN001
    window.open_paths([sample])
    assert window.statusBar().currentMessage().startswith("Opening")
    # The moment the loader is idle the text is gone (it used to stay for its 3 s timeout).
    qtbot.waitUntil(lambda: not window.busy.isVisible(), timeout=20000)
    assert window.tabs.count() == 1
    assert window.statusBar().currentMessage() == ""


def test_other_status_text_is_left_alone_when_loading_ends(window, qtbot, sample: Path) -> None:  # noqa: ANN001
    window.open_paths([sample])
    qtbot.waitUntil(lambda: window.tabs.count() == 1, timeout=20000)
    qtbot.waitUntil(lambda: window.loader.pending() == 0, timeout=20000)
    window.statusBar().showMessage("Zoom 110%", 5000)
    window._on_busy(False)
    assert window.statusBar().currentMessage() == "Zoom 110%"
