"""The row of tabs: what a tab is called, how a long name shortens, and the place an article
keeps while it is still loading.

A tab is named by show and episode when the analysis knows them ("Salt and Honey · E7"): that
tells tabs apart better than headlines, which are long, alike and sometimes spoil. Otherwise it
shows the title every surface shows (``RevealState.display_title``: the safe title until the
headline is revealed). Long names lose their middle, not their end, and a tab never shrinks to a
few letters: past a readable width the bar scrolls instead. The full title is the tooltip.

Loading runs on a thread pool, so articles finish in any order; ``PendingTab`` holds a file's
place from the moment it is opened, so tabs stay in the order the reader opened them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QLabel, QTabBar, QWidget

from reader.article import EpisodeInfo
from reader.ui.guard import qt_override

__all__ = ["ArticleTabBar", "PendingTab", "episode_short", "tab_text"]

MAX_TAB_EMS = 17  # a tab never grows wider than this many "M" widths …
MIN_TAB_EMS = 9  # … nor shrinks narrower than this (then the bar scrolls)
PENDING_TEXT = "Opening…"


def episode_short(episode: EpisodeInfo) -> str | None:
    """"Show · S2E7", "Show · E7" or "Show · Finale"; None unless both show and episode are known."""
    if not episode.show:
        return None
    if episode.episode is not None:
        number = f"S{episode.season}E{episode.episode}" if episode.season is not None else f"E{episode.episode}"
    elif episode.finale:
        number = "Finale"
    else:
        return None
    return f"{episode.show} · {number}"


def tab_text(episode: EpisodeInfo, display_title: str) -> str:
    """The tab's label: show and episode when known, else the (safe) title."""
    return episode_short(episode) or display_title


class PendingTab(QLabel):
    """The place of an article that is still loading (it names no file: a file name can spoil)."""

    def __init__(self, request_id: int, path: Path, parent: QWidget | None = None) -> None:
        super().__init__(PENDING_TEXT, parent)
        self.request_id = request_id
        self.path = path
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setEnabled(False)


class ArticleTabBar(QTabBar):
    """Tabs between a readable minimum and a sensible maximum width, eliding in the middle."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setElideMode(Qt.TextElideMode.ElideMiddle)
        self.setUsesScrollButtons(True)

    def _text_room(self, index: int, hint: QSize, ems: int) -> int:
        """The tab width that leaves ``ems`` "M" widths for the text (besides padding and the
        close button, which the hint already holds)."""
        metrics = self.fontMetrics()
        padding = hint.width() - metrics.horizontalAdvance(self.tabText(index).replace("&&", "&"))
        return max(0, padding) + ems * metrics.horizontalAdvance("M")

    @qt_override(fallback=QSize)
    def tabSizeHint(self, index: int) -> QSize:  # noqa: N802 - Qt override
        hint = super().tabSizeHint(index)
        return QSize(min(hint.width(), self._text_room(index, hint, MAX_TAB_EMS)), hint.height())

    @qt_override(fallback=QSize)
    def minimumTabSizeHint(self, index: int) -> QSize:  # noqa: N802 - Qt override
        hint = super().tabSizeHint(index)
        return QSize(min(hint.width(), self._text_room(index, hint, MIN_TAB_EMS)), hint.height())
