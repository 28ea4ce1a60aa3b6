"""File › Export as HTML…/Markdown… and Edit › Copy Article for Sharing in the real window."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog

from reader.ui.window_sharing import suggested_name

MARKER = "[spoiler: The Orchard Street Exchange, episode 1]"
HIDDEN_WORD = "Tuesday"  # named only inside passages the sample shields
VISIBLE_WORD = "receiver"


def _answer_save_dialog(window, path: Path | None) -> list[tuple[str, Path]]:  # noqa: ANN001
    """Replace the save dialog: record what it was asked, answer ``path`` (None: cancel)."""
    asked: list[tuple[str, Path]] = []

    def ask(caption: str, suggested: Path, form: str) -> Path | None:
        asked.append((caption, suggested))
        return path

    window.sharing.ask_save_path = ask
    return asked


def test_export_as_markdown_writes_the_article_with_its_spoilers_marked(window, open_and_wait, sample: Path,
                                                                          tmp_path: Path) -> None:  # noqa: ANN001
    open_and_wait(sample, expect_tabs=1)
    tab = window.current_tab()
    target = tmp_path / "out" / "for-sam.md"
    asked = _answer_save_dialog(window, target)
    window.commands.export_markdown.trigger()
    text = target.read_text(encoding="utf-8")
    assert MARKER in text and HIDDEN_WORD not in text and VISIBLE_WORD in text
    assert text.startswith(f"# {tab.display_title()}\n") and tab.article.title not in text
    # The dialog suggests the safe title as the name, never the headline that spoils.
    (caption, suggested), = asked
    assert caption == "Export as Markdown" and suggested.name == suggested_name(tab.display_title(), "md")
    hidden = len(tab.state.hidden_block_ids()) + 1  # blocks and the headline
    assert window.statusBar().currentMessage() == f"Saved for-sam.md: {hidden} hidden passages marked as spoilers."
    assert not window.message_bar.isVisible()


def test_export_as_html_follows_what_the_reader_revealed(window, open_and_wait, sample: Path,
                                                         tmp_path: Path) -> None:  # noqa: ANN001
    open_and_wait(sample, expect_tabs=1)
    tab = window.current_tab()
    target = tmp_path / "page.html"
    _answer_save_dialog(window, target)
    window.commands.export_html.trigger()
    before = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
    assert MARKER in before.get_text() and HIDDEN_WORD not in before.get_text()
    window.commands.reveal_all.trigger()
    window.commands.export_html.trigger()
    after = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
    assert "[spoiler" not in after.get_text() and HIDDEN_WORD in after.get_text()
    assert after.title.string == tab.article.title and after.find("script") is None
    assert window.statusBar().currentMessage() == \
        "Saved page.html: nothing was hidden, so it holds the whole article."


def test_export_never_writes_over_the_article_and_reports_failures(window, open_and_wait, tmp_path: Path) -> None:  # noqa: ANN001
    folder = tmp_path / "recaps"
    folder.mkdir()
    article = folder / "harbor.md"
    original = "# Harbor Lights episode 3 recap\n\nSpoilers ahead. Ines finds the letter and burns it.\n"
    article.write_text(original, encoding="utf-8")
    open_and_wait(article, expect_tabs=1)
    _answer_save_dialog(window, folder / "." / "harbor.md")
    window.commands.export_markdown.trigger()
    assert article.read_text(encoding="utf-8") == original
    assert "is the article itself" in window.message_bar.text()

    (folder / "taken.md").mkdir()
    _answer_save_dialog(window, folder / "taken.md")
    window.commands.export_markdown.trigger()
    assert window.message_bar.text().splitlines()[0] == "Could not save taken.md: Is a directory."
    assert sorted(p.name for p in folder.iterdir()) == ["harbor.md", "taken.md"]  # no stray temporary file

    _answer_save_dialog(window, None)  # cancelled: nothing happens
    window.commands.export_html.trigger()
    assert sorted(p.name for p in folder.iterdir()) == ["harbor.md", "taken.md"]


def test_the_save_dialog_asks_before_replacing_and_adds_the_suffix(window, open_and_wait, sample: Path,
                                                                   qtbot) -> None:  # noqa: ANN001
    open_and_wait(sample, expect_tabs=1)
    seen: dict[str, object] = {}

    def inspect() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QFileDialog) and w.isVisible())
        seen.update(confirms=not dialog.testOption(QFileDialog.Option.DontConfirmOverwrite),
                    suffix=dialog.defaultSuffix(), saving=dialog.acceptMode() == QFileDialog.AcceptMode.AcceptSave,
                    name=Path(dialog.selectedFiles()[0]).name)
        dialog.reject()

    QTimer.singleShot(0, inspect)
    assert window.sharing.export("html") is None
    title = window.current_tab().display_title()
    assert seen == {"confirms": True, "suffix": "html", "saving": True, "name": f"{title}.html"}


def test_copy_article_for_sharing_puts_markdown_and_html_on_the_clipboard(window, open_and_wait,
                                                                          sample: Path) -> None:  # noqa: ANN001
    open_and_wait(sample, expect_tabs=1)
    window.commands.copy_for_sharing.trigger()
    mime = QGuiApplication.clipboard().mimeData()
    assert mime.hasText() and mime.hasHtml()
    text, page = mime.text(), mime.html()
    assert text.startswith("# ") and MARKER in text and HIDDEN_WORD not in text and VISIBLE_WORD in text
    assert MARKER in BeautifulSoup(page, "html.parser").get_text() and HIDDEN_WORD not in page
    assert window.statusBar().currentMessage().startswith("Copied the article for sharing: ")


def test_sharing_needs_an_article(window) -> None:  # noqa: ANN001
    for name in ("export_html", "export_markdown", "copy_for_sharing"):
        assert not getattr(window.commands, name).isEnabled()
    assert window.sharing.export("md") is None and window.sharing.copy() is False


def test_suggested_names_are_safe_file_names() -> None:
    assert suggested_name("Salt & Honey: episode 7 / recap?", "md") == "Salt & Honey episode 7 recap.md"
    assert suggested_name("  ...  ", "html") == "Article.html"
    assert len(suggested_name("x" * 500, "md")) <= 123


_CHILD = """
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from reader.bundled import sample_article_path
from reader.library.progress import ProgressStore
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
window = MainWindow(Settings.at(Path(r"{scratch}") / "s.ini"), ProgressStore(Path(r"{scratch}") / "p.json"),
                    persist=False)
window.show()
window.open_now(sample_article_path())
window.commands.copy_for_sharing.trigger()
print(len(QApplication.clipboard().text()))
window.close()
"""


def test_copy_for_sharing_then_exit_is_clean(tmp_path: Path) -> None:
    """The clipboard takes the mime data over; quitting afterwards must not crash (see
    test_clean_exit.py for the copy that once did)."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    result = subprocess.run([sys.executable, "-c", _CHILD.format(scratch=tmp_path)], capture_output=True,
                            text=True, timeout=120, env=env)
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    assert int(result.stdout.split()[-1]) > 1000
