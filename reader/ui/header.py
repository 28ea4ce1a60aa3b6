"""The strip above an article: which show and episode, where it is from, who wrote it, and the
"I've seen this episode" switch with its undo.

The headline shown is ``RevealState.display_title``: a headline that spoils stays replaced by the
safe title until the reader reveals. The header only says what the reader asked for; deciding
what "seen" does (reveal, remember progress) is the tab's job, so it emits signals.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from reader.article import Article
from reader.article_labels import episode_label, meta_line
from reader.library.reveal_state import RevealState

__all__ = ["ArticleHeader", "WatchMode", "episode_label", "meta_line"]


class WatchMode(Enum):
    UNSEEN = "unseen"  # offer "I've seen this episode"
    MARKED = "marked"  # just marked: offer Undo
    WATCHED = "watched"  # opened unshielded thanks to earlier progress: offer "Not watched yet"
    NEXT = "next"  # the episode after the reader's progress, unshielded by the option: offer "seen"


class ArticleHeader(QWidget):
    """Show / episode, headline, site, byline, date, hidden-passage count and the watched switch."""

    seenRequested = Signal()
    undoRequested = Signal()
    unwatchRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleHeader")
        self._article: Article | None = None
        self._state: RevealState | None = None
        self._mode = WatchMode.UNSEEN

        self.episode_label = QLabel(self)
        self.title_label = QLabel(self)
        self.meta_label = QLabel(self)
        self.status_label = QLabel(self)
        for label in (self.episode_label, self.title_label, self.meta_label, self.status_label):
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        font = QFont(self.title_label.font())
        font.setPointSizeF(font.pointSizeF() * 1.45)
        font.setBold(True)
        self.title_label.setFont(font)
        small = QFont(self.episode_label.font())
        small.setCapitalization(QFont.Capitalization.AllUppercase)
        small.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 106)
        self.episode_label.setFont(small)

        self.seen_button = QPushButton("I've seen this episode", self)
        self.seen_button.clicked.connect(self.seenRequested)
        self.undo_button = QPushButton("Undo", self)
        self.undo_button.clicked.connect(self._undo_clicked)

        watch_row = QHBoxLayout()
        watch_row.setContentsMargins(0, 0, 0, 0)
        watch_row.addWidget(self.status_label, 1)
        watch_row.addWidget(self.seen_button)
        watch_row.addWidget(self.undo_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 14, 24, 10)
        layout.setSpacing(4)
        layout.addWidget(self.episode_label)
        layout.addWidget(self.title_label)
        layout.addWidget(self.meta_label)
        layout.addLayout(watch_row)

    # --- content ---------------------------------------------------------------------------

    def set_article(self, article: Article, state: RevealState, mode: WatchMode = WatchMode.UNSEEN) -> None:
        self._article, self._state, self._mode = article, state, mode
        self.episode_label.setText(episode_label(state.analysis.episode))
        self.episode_label.setVisible(bool(self.episode_label.text()))
        self.meta_label.setText(meta_line(article))
        self.meta_label.setVisible(bool(self.meta_label.text()))
        self.refresh()

    def set_mode(self, mode: WatchMode) -> None:
        self._mode = mode
        self.refresh()

    def mode(self) -> WatchMode:
        return self._mode

    def refresh(self) -> None:
        """Re-read the reveal state (after any reveal or hide)."""
        if self._article is None or self._state is None:
            return
        self.title_label.setText(self._state.display_title(self._article.title))
        known = self._state.analysis.episode.episode is not None and bool(self._state.analysis.episode.show)
        hidden = self._hidden_count()
        if self._mode is WatchMode.MARKED:
            status = "Marked as seen: spoilers for this episode are shown." if known else "All spoilers shown."
            self.undo_button.setText("Undo")
            self.undo_button.setToolTip("Forget that you have seen this episode and hide its spoilers again")
        elif self._mode is WatchMode.WATCHED:
            status = "You have watched this episode, so it opened without the spoiler shield."
            self.undo_button.setText("Not watched yet")
            self.undo_button.setToolTip("Forget this episode and later ones, and shield the article again")
        elif self._mode is WatchMode.NEXT:
            status = ("The next episode after the one you have watched: it opened without the spoiler shield "
                      "(Spoilers › Also Unshield the Next Episode).")
        else:
            revealed = bool(self._state.revealed_blocks or self._state.revealed_spans or self._state.title_revealed)
            if hidden:
                status = f"{hidden} spoiler passage{'s' if hidden != 1 else ''} hidden — click one to reveal it."
            elif revealed:
                status = "All spoilers shown (Spoilers › Hide Spoilers Again, Ctrl+Shift+H)."
            else:
                status = "Nothing in this article is hidden."
        self.status_label.setText(status)
        # With no episode to remember and nothing left to reveal the button would do nothing.
        useful = known or self._state.anything_hidden()
        self.seen_button.setVisible(self._mode in (WatchMode.UNSEEN, WatchMode.NEXT) and useful)
        self.seen_button.setToolTip(
            "Reveal the whole article and remember that you have watched up to this episode"
            if known else "Reveal the whole article (the episode is not known, so nothing is remembered)"
        )
        self.undo_button.setVisible(self._mode in (WatchMode.MARKED, WatchMode.WATCHED))

    def _hidden_count(self) -> int:
        state = self._state
        if state is None:
            return 0
        return len(state.hidden_block_ids()) + sum(
            len(state.hidden_spans(i)) for i in range(len(state.analysis.verdicts))
        )

    def _undo_clicked(self) -> None:
        if self._mode is WatchMode.WATCHED:
            self.unwatchRequested.emit()
        else:
            self.undoRequested.emit()
