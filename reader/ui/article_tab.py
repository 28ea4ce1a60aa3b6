"""One open article: its header above its view, its reveal state, and what "seen" means for it.

The tab ties the header's watched switch to the progress store and the view: "I've seen this
episode" reveals everything and records progress; Undo puts the progress back and hides again
(the analysis was made under the old progress, so hiding returns exactly to the opening state);
"Not watched yet" on an article that opened unshielded steps progress back and asks the window
to analyse the article again, since only a fresh analysis can shield it.

Progress belongs to a show, not to a tab: after any of these changes the tab emits
``progressChanged`` and the window calls ``apply_progress`` on every other open tab, which then
looks as it would if opened under the new progress (revealed as watched, or shielded again with
the reader's own reveals from before put back).

What lifts the shield is ``lifted()``: the progress the analysis is told, which with "Also
unshield the next episode" reaches one episode further than what the reader watched. An article
lifted only by that option is in ``WatchMode.NEXT``: it opens unshielded and still offers "I've
seen this episode".
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from reader.article import Analysis, Article
from reader.library.memory import Reveals
from reader.library.progress import ProgressStore, UndoToken, WatchProgress, has_watched
from reader.library.reveal_state import RevealState
from reader.ui.header import ArticleHeader, WatchMode
from reader.ui.loading import Loaded

if TYPE_CHECKING:
    from reader.ui.article_view import ArticleView

__all__ = ["ArticleTab"]


class ArticleTab(QWidget):
    """Header + ArticleView for one file."""

    revealChanged = Signal()
    reloadRequested = Signal()
    linkActivated = Signal(str)
    progressChanged = Signal()  # this tab changed the watch progress: other tabs re-apply it

    def __init__(self, loaded: Loaded, progress: ProgressStore, view_factory: Callable[[], ArticleView],
                 parent: QWidget | None = None, lifted: Callable[[], Sequence[WatchProgress]] | None = None) -> None:
        super().__init__(parent)
        self.path: Path = loaded.path
        self._progress = progress
        self._lifted = lifted if lifted is not None else progress.entries
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

    def set_loaded(self, loaded: Loaded, keep_reveals: bool = False) -> None:
        """Show a (re-)analysed article with a fresh reveal state; with ``keep_reveals`` (the
        same article analysed again at another caution level) what the reader revealed stays
        revealed and the view stays where it was. Reveals are kept only when every block reads
        as before: a file changed on disk since gets a fresh state, so no reveal lands on
        another passage."""
        texts = [b.text for b in loaded.article.blocks]
        old: RevealState | None = getattr(self, "state", None)
        keep = keep_reveals and old is not None and old.texts == texts
        self.article: Article = loaded.article
        self.analysis: Analysis = loaded.analysis
        self.state = RevealState(loaded.analysis, texts=texts)
        if keep and old is not None:
            self.state.revealed_blocks = set(old.revealed_blocks)
            self.state.revealed_spans = set(old.revealed_spans)
            self.state.title_revealed = old.title_revealed
        self._token = None
        lifted = has_watched(self._lifted(), loaded.analysis.episode)
        self._opened_watched = lifted  # the analysis itself lifted the shields
        self._before_progress: tuple[set[int], set[tuple[int, int]], bool] | None = None
        self.view.set_article(self.article, self.state, keep_scroll=keep)
        self.header.set_article(self.article, self.state, self._lifted_mode() if lifted else WatchMode.UNSEEN)
        self.revealChanged.emit()

    def _lifted_mode(self) -> WatchMode:
        """How a tab whose shields progress lifted says so: watched, or only the next episode."""
        watched = has_watched(self._progress.entries(), self.analysis.episode)
        return WatchMode.WATCHED if watched else WatchMode.NEXT

    @property
    def opened_unshielded(self) -> bool:
        """The analysis lifted the shields (watched, or the next episode): there is nothing of
        the reader's own to remember in its reveals."""
        return self._opened_watched

    def own_reveals(self) -> Reveals:
        """What the reader revealed here, without what progress lifted (a tab that progress
        revealed keeps the reader's reveals from before aside)."""
        if self._before_progress is not None:
            blocks, spans, title = self._before_progress
            return Reveals(frozenset(blocks), frozenset(spans), title)
        if self.header.mode() is not WatchMode.UNSEEN:
            return Reveals()  # marked as seen: the reveals are the progress's, not the reader's
        state = self.state
        return Reveals(frozenset(state.revealed_blocks), frozenset(state.revealed_spans), state.title_revealed)

    def restore_reveals(self, reveals: Reveals) -> None:
        """Put back reveals remembered from before (the article opened shielded)."""
        if not reveals or self._opened_watched:
            return
        for block_id in reveals.blocks:
            self.state.reveal_block(block_id)
        self.state.revealed_spans.update(reveals.spans)
        self.state.title_revealed = self.state.title_revealed or reveals.title
        self.view.refresh()
        self._on_reveal_changed()

    def display_title(self) -> str:
        """The title every surface shows: the safe title until the headline is revealed."""
        return self.state.display_title(self.article.title)

    # --- watched switch --------------------------------------------------------------------

    def mark_seen(self) -> None:
        """Reveal the article and remember the episode (when it is known)."""
        self._token = self._progress.record(self.analysis.episode)
        self._before_progress = None
        self.view.reveal_all()
        self.header.set_mode(WatchMode.MARKED)
        self._on_reveal_changed()
        self.progressChanged.emit()

    def undo_seen(self) -> None:
        if self._token is not None:
            self._progress.undo(self._token)
            self._token = None
        self.view.hide_all()
        self.header.set_mode(self._lifted_mode() if self._opened_watched else WatchMode.UNSEEN)
        self._on_reveal_changed()
        self.progressChanged.emit()

    def unwatch(self) -> None:
        self._progress.unwatch(self.analysis.episode)
        self.apply_progress()
        self.progressChanged.emit()

    def apply_progress(self) -> None:
        """Look as this article would if it were opened under the progress as it is now.

        Newly watched: reveal what the analysis would lift (spoilers about other shows stay
        hidden) and offer "Not watched yet". No longer watched: an article whose analysis
        lifted the shields is analysed again; one revealed here gets back the reveals it had.
        """
        watched = has_watched(self._lifted(), self.analysis.episode)
        mode = self.header.mode()
        if self._opened_watched:
            if not watched:
                self.reloadRequested.emit()  # only a fresh analysis can shield it
            elif mode in (WatchMode.WATCHED, WatchMode.NEXT) and mode is not self._lifted_mode():
                self.header.set_mode(self._lifted_mode())  # watched now, or only the next one
            return
        if watched and mode in (WatchMode.WATCHED, WatchMode.NEXT) and mode is not self._lifted_mode():
            self.header.set_mode(self._lifted_mode())
            return
        if watched and mode is WatchMode.UNSEEN:
            state = self.state
            self._before_progress = (set(state.revealed_blocks), set(state.revealed_spans), state.title_revealed)
            for block_id, verdict in enumerate(self.analysis.verdicts):
                if verdict.spoiler and not verdict.other_show:
                    state.revealed_blocks.add(block_id)
                state.revealed_spans.update((block_id, i) for i, span in enumerate(verdict.spans)
                                            if not span.other_show)
            state.title_revealed = True
            self.header.set_mode(self._lifted_mode())
        elif not watched and mode in (WatchMode.WATCHED, WatchMode.NEXT) and self._before_progress is not None:
            blocks, spans, title = self._before_progress
            self.state.revealed_blocks, self.state.revealed_spans, self.state.title_revealed = blocks, spans, title
            self._before_progress = None
            self.header.set_mode(WatchMode.UNSEEN)
        elif not watched and mode is WatchMode.MARKED and self._token is not None:
            self._token = None  # marked here, but the progress went back before this episode
            self.view.hide_all()
            self.header.set_mode(WatchMode.UNSEEN)
        else:
            return
        self.view.refresh()
        self._on_reveal_changed()

    # --- reveal actions (menu) -------------------------------------------------------------

    def reveal_all(self) -> None:
        self.view.reveal_all()

    def hide_all(self) -> None:
        self.view.hide_all()

    def _on_reveal_changed(self) -> None:
        self.header.refresh()
        self.revealChanged.emit()
