"""File › Export as HTML…/Markdown… and Edit › Copy Article for Sharing, for the current tab.

The text comes from ``reader/export.py``: the article as the reader sees it now, with whatever
is still hidden replaced by a "[spoiler: Show, episode N]" marker. What is shared is what the
window shows, so the reader is told how many passages were marked (or that none were) every
time, and can hide spoilers again first if the friend is further behind.

Exporting never overwrites a file silently: the save dialog asks before replacing one, and the
article's own file is refused outright (we never modify a user's files). The suggested name is
the title the window shows (the safe title while the headline spoils). A file that cannot be
written is one sentence in the window's message bar.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QWidget

from reader.atomic_file import write_atomically
from reader.ui.article_tab import ArticleTab
from reader.ui.safe_copy import qt_made_mime_data

__all__ = ["ArticleSharing", "suggested_name"]

_log = logging.getLogger(__name__)

_FILTERS = {"md": "Markdown (*.md *.markdown)", "html": "Web page (*.html *.htm)"}
_NAMES = {"md": "Markdown", "html": "HTML"}
# Characters file systems or shells make awkward in a file name.
_UNSAFE_IN_NAME = re.compile(r'[\x00-\x1f/\\:*?"<>|]+')
_MAX_NAME = 120


def suggested_name(title: str, form: str) -> str:
    """A file name from the title the window shows, e.g. "Salt and Honey episode 7 recap.md"."""
    stem = " ".join(_UNSAFE_IN_NAME.sub(" ", title).split()).strip(" .")[:_MAX_NAME].rstrip(" .")
    from reader.export import SUFFIXES

    return f"{stem or 'Article'}{SUFFIXES[form]}"


def _passages_note(count: int) -> str:
    if count == 0:
        return "nothing was hidden, so it holds the whole article"
    return f"{count} hidden passage{'s' if count != 1 else ''} marked as spoilers"


class ArticleSharing:
    """Exports and copies the current tab's article for sharing.

    ``tell`` shows a sentence in the message bar (errors); ``note`` a passing status line (what
    was done). ``ask_save_path`` is the save dialog, which tests replace.
    """

    def __init__(self, parent: QWidget, current: Callable[[], ArticleTab | None], tell: Callable[[str], None],
                 note: Callable[[str], None]) -> None:
        self._parent = parent
        self._current = current
        self._tell = tell
        self._note = note

    def export(self, form: str) -> Path | None:
        """Ask where to save the current article in ``form`` ("md" or "html") and write it there;
        returns the path written, or None (no article, cancelled, or failed with a message)."""
        tab = self._current()
        if tab is None:
            return None
        suggested = self._start_folder(tab.path) / suggested_name(tab.display_title(), form)
        target = self.ask_save_path(f"Export as {_NAMES[form]}", suggested, form)
        if target is None:
            return None
        if _same_file(target, tab.path):
            self._tell(f"{target.name} is the article itself; choose another name so the original stays as it is.")
            return None
        article, state = tab.article, tab.state
        from reader.export import export_article, hidden_passages  # the export, only when sharing

        text = export_article(article, state, form)
        try:
            write_atomically(target, text.encode("utf-8"), mode=0o644)
        except OSError as err:
            _log.warning("could not export to %s: %s", target, err)
            self._tell(f"Could not save {target.name}: {err.strerror or err}.")
            return None
        self._note(f"Saved {target.name}: {_passages_note(hidden_passages(article, state))}.")
        return target

    def copy(self) -> bool:
        """Put the current article on the clipboard: Markdown as its text, the HTML page as its
        rich text (a mail or chat program that takes rich text pastes the formatted version)."""
        tab = self._current()
        if tab is None:
            return False
        article, state = tab.article, tab.state
        from reader.export import export_article, hidden_passages

        mime = qt_made_mime_data(export_article(article, state, "md"), export_article(article, state, "html"))
        QGuiApplication.clipboard().setMimeData(mime)  # the clipboard owns it from here
        self._note(f"Copied the article for sharing: {_passages_note(hidden_passages(article, state))}.")
        return True

    def ask_save_path(self, caption: str, suggested: Path, form: str) -> Path | None:
        """The save dialog; it adds the suffix when none is typed and asks before replacing a file."""
        dialog = QFileDialog(self._parent, caption, str(suggested), _FILTERS[form])
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setFileMode(QFileDialog.FileMode.AnyFile)
        from reader.export import SUFFIXES

        dialog.setDefaultSuffix(SUFFIXES[form].lstrip("."))
        dialog.selectFile(str(suggested))
        if not dialog.exec():
            return None
        chosen = dialog.selectedFiles()
        return Path(chosen[0]) if chosen else None

    @staticmethod
    def _start_folder(article_path: Path) -> Path:
        """Beside the article when that folder can be written to, else the home folder (the
        bundled sample lives inside the installed app)."""
        folder = article_path.parent
        return folder if folder.is_dir() and os.access(folder, os.W_OK) else Path.home()


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and a.samefile(b))
    except OSError:
        return False

