"""One open article: its header above its view, its reveal state, and what "seen" means for it.

The tab ties the header's watched switch to the progress store and the view: "I've seen this
episode" reveals everything and records progress; Undo puts the progress back and hides again
(the analysis was made under the old progress, so hiding returns exactly to the opening state);
"Not watched yet" on an article that opened unshielded steps progress back and asks the window
to analyse the article again, since only a fresh analysis can shield it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from reader.analysis.progress import has_watched
from reader.article import Analysis, Article
from reader.library.progress import ProgressStore, UndoToken
from reader.library.reveal_state import RevealState
from reader.ui.header import ArticleHeader, WatchMode
from reader.ui.loading import Loaded

__all__ = ["ArticleTab"]


class ArticleTab(QWidget):
    """Header + ArticleView for one file."""

    revealChanged = Signal()
    reloadRequested = Signal()
    linkActivated = Signal(str)

    def __init__(self, loaded: Loaded, progress: ProgressStore, view_factory: Callable[[], QWidget],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.path: Path = loaded.path
        self._progress = progress
        self._token: UndoToken | None = None
        self.header = ArticleHeader(self)
        self.view = view_factory()
        self.view.setParent(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addWidget(self.view, 1)
        self.view.revealChanged.connect(self._on_reveal_changed)
        self.view.linkActivated.connect(self.linkActivated)
        self.header.seenRequested.connect(self.mark_seen)
        self.header.undoRequested.connect(self.undo_seen)
        self.header.unwatchRequested.connect(self.unwatch)
        self.set_loaded(loaded)

    # --- content ---------------------------------------------------------------------------

    def set_loaded(self, loaded: Loaded) -> None:
        """Show a (re-)analysed article with a fresh reveal state."""
        self.article: Article = loaded.article
        self.analysis: Analysis = loaded.analysis
        self.state = RevealState(loaded.analysis, texts=[b.text for b in loaded.article.blocks])
        self._token = None
        watched = has_watched(self._progress.entries(), loaded.analysis.episode)
        self.view.set_article(self.article, self.state)
        self.header.set_article(self.article, self.state, WatchMode.WATCHED if watched else WatchMode.UNSEEN)
        self.revealChanged.emit()

    def display_title(self) -> str:
        """The title every surface shows: the safe title until the headline is revealed."""
        return self.state.display_title(self.article.title)

    # --- watched switch --------------------------------------------------------------------

    def mark_seen(self) -> None:
        """Reveal the article and remember the episode (when it is known)."""
        self._token = self._progress.record(self.analysis.episode)
        self.view.reveal_all()
        self.header.set_mode(WatchMode.MARKED)
        self._on_reveal_changed()

    def undo_seen(self) -> None:
        if self._token is not None:
            self._progress.undo(self._token)
            self._token = None
        self.view.hide_all()
        self.header.set_mode(WatchMode.UNSEEN)
        self._on_reveal_changed()

    def unwatch(self) -> None:
        self._progress.unwatch(self.analysis.episode)
        self.reloadRequested.emit()

    # --- reveal actions (menu) -------------------------------------------------------------

    def reveal_all(self) -> None:
        self.view.reveal_all()

    def hide_all(self) -> None:
        self.view.hide_all()

    def _on_reveal_changed(self) -> None:
        self.header.refresh()
        self.revealChanged.emit()
