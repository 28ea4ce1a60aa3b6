"""Is the blur strong enough? OCR a --screenshot at 200% zoom and look for hidden words.

Run on demand (needs Debian's tesseract-ocr):
    python tests/benchmarks/ocr_blur.py [FILE ...]      (default: the bundled sample)

For each article the app renders a screenshot with spoilers hidden at 200% zoom and another
with everything revealed. A "hidden word" is a word of 4+ letters that occurs in hidden text
(a hidden block or span) and nowhere in the readable text nor in the window's own labels. The check passes when OCR reads none
of them from the hidden screenshot, and it shows that OCR does read them once revealed (so a
pass is not just OCR failing on the page).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from reader.analysis import analyze  # noqa: E402
from reader.bundled import sample_article_path  # noqa: E402
from reader.library.reveal_state import RevealState  # noqa: E402
from reader.loaders import load  # noqa: E402

_WORD = re.compile(r"[^\W\d_]{4,}")


def _words(text: str) -> set[str]:
    """Lower-cased words of 4+ letters, accents folded (OCR reads "Sōta" as "Sota")."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return {w.lower() for w in _WORD.findall(folded)}


def hidden_and_visible_words(path: Path) -> tuple[set[str], set[str]]:
    article = load(path)
    state = RevealState(analyze(article))
    hidden: set[str] = set()
    from reader.ui.sidebar import HIDDEN_MOMENT_TEXT

    shown_elsewhere = [state.display_title(article.title), article.site or "", article.byline or "",
                       HIDDEN_MOMENT_TEXT]
    visible: set[str] = _words(" ".join(shown_elsewhere))
    for block in article.blocks:
        if state.block_hidden(block.id):
            hidden.update(_words(block.text))
            continue
        spans = [s for _, s in state.hidden_spans(block.id)]
        pos = 0
        for span in sorted(spans, key=lambda s: s.start):
            visible.update(_words(block.text[pos:span.start]))
            hidden.update(_words(block.text[span.start:span.end]))
            pos = span.end
        visible.update(_words(block.text[pos:]))
    return hidden - visible, visible


def screenshot(path: Path, out: Path, reveal: bool) -> None:
    command = [sys.executable, "-m", "reader", "--screenshot", str(out), "--zoom", "200", str(path)]
    if reveal:
        command.append("--reveal-all")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    subprocess.run(command, check=True, env=env, timeout=300, capture_output=True)


def ocr_words(image: Path) -> set[str]:
    text = subprocess.run(["tesseract", str(image), "-", "--psm", "3"], capture_output=True,
                          text=True, check=True, timeout=300).stdout
    return _words(text)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", type=Path)
    args = parser.parse_args()
    if not shutil.which("tesseract"):
        print("tesseract is not installed (apt-get install tesseract-ocr)", file=sys.stderr)
        return 2
    files = args.files or [sample_article_path()]
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        # Words of the window itself (menus, sidebar labels) are not article words: read them
        # from a screenshot of an article with nothing in it to hide.
        plain = Path(tmp) / "plain.txt"
        plain.write_text("A plain page\n\nNothing here.\n", encoding="utf-8")
        screenshot(plain, Path(tmp) / "chrome.png", reveal=False)
        chrome = ocr_words(Path(tmp) / "chrome.png")
        for path in files:
            hidden, _ = hidden_and_visible_words(path)
            shot, revealed = Path(tmp) / "hidden.png", Path(tmp) / "revealed.png"
            screenshot(path, shot, reveal=False)
            screenshot(path, revealed, reveal=True)
            read_hidden = (ocr_words(shot) - chrome) & hidden
            read_revealed = ocr_words(revealed) & hidden
            print(f"{path.name}: {len(hidden)} hidden-only words; OCR reads {len(read_hidden)} of them "
                  f"while hidden, {len(read_revealed)} once revealed")
            if read_hidden:
                failed = True
                print(f"  LEAKED: {sorted(read_hidden)[:20]}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
