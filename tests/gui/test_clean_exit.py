"""Copying from the article and quitting ends the process cleanly.

A QMimeData made in Python and put on the clipboard by Qt's own copy() made the interpreter
die with a segmentation fault at exit (after every test had passed, so only the exit status
showed it). This runs the real view in a child process and checks its exit status.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

_CHILD = """
from PySide6.QtWidgets import QApplication
from PySide6.QtGui import QClipboard
app = QApplication([])
from reader.analysis import analyze
from reader.library.reveal_state import RevealState
from reader.loaders import load
from reader.ui.article_view import ArticleView
article = load(r"{page}")
view = ArticleView()
view.set_article(article, RevealState(analyze(article)))
view.resize(900, 700)
view.show()
browser = view.text_browser()
browser.selectAll()
browser.copy()
clipboard = QApplication.clipboard()
print(len(clipboard.text()))
drag = browser.createMimeDataFromSelection()
print(len(drag.text()))
"""


def test_copy_then_exit_is_clean(data_dir: Path) -> None:
    page = data_dir / "html" / "lighthouse-recap.html"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, "-c", _CHILD.format(page=page)], capture_output=True,
                            text=True, timeout=120, env=env)
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])
    copied, dragged = (int(n) for n in result.stdout.split())
    assert copied > 100 and dragged > 100
