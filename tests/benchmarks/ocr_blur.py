"""Is the blur strong enough? OCR the shielded blocks at several zooms and look for hidden words.

Run on demand (needs Debian's tesseract-ocr):
    python tests/benchmarks/ocr_blur.py [--zooms 100,200,300] [--themes light,dark] [FILE ...]
    (default: the bundled sample and the shared corpus recaps, ../shared/corpus/recaps*/)

Each article is opened in the real ``ArticleView`` (offscreen, the window's article width), at
each zoom and theme. Every block that hides something (a whole block, heading or dek, or inline
spans) is scrolled into view and cut out of the painted viewport exactly as the reader sees it;
the cut-outs are stacked into one picture per article and zoom, which tesseract reads. The same
is done with everything revealed.

A "hidden word" is a word of 4+ letters that occurs in hidden text and nowhere in the article's
readable text, its title, site, byline or the pill painted on shields. The check passes when OCR
reads none of them from the shielded pictures; the revealed pictures show that OCR does read
them once the shield is gone (so a pass is not just OCR failing on the page). Words of hidden
headings are counted apart, since big type is the hardest to blur away.

Tesseract gives up on blurred text that a person can still make out, so two stricter figures
are reported beside the exact reads: "near" reads (an OCR token of 5+ letters one edit away from
a hidden word: "feeer" for "fever" means the word shape came through), and with ``--enhance``
(needs numpy) the hidden pictures are also sharpened (unsharp mask), contrast-stretched and read
again at full and at 40 % size, the way an attacker would try. The goal is no exact read at any
zoom, headings included; near reads should be rare and never cluster in one block.

Unlike a window screenshot, this sees every shield of the article, not only the first screen.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QRect, Qt  # noqa: E402
from PySide6.QtGui import QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from reader.analysis import analyze  # noqa: E402
from reader.article import Article  # noqa: E402
from reader.bundled import sample_article_path  # noqa: E402
from reader.library.reveal_state import RevealState  # noqa: E402
from reader.loaders import load  # noqa: E402
from reader.ui.article_view import ArticleView  # noqa: E402
from reader.ui.spoiler_shield import LABEL  # noqa: E402
from reader.ui.theme import THEMES  # noqa: E402

_WORD = re.compile(r"[^\W\d_]{4,}")
VIEW_SIZE = (980, 860)  # the article area of the 1280 x 860 window, without the sidebar
GAP = 24


def _words(text: str) -> set[str]:
    """Lower-cased words of 4+ letters, accents folded (OCR reads "Sōta" as "Sota")."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return {w.lower() for w in _WORD.findall(folded)}


@dataclass
class HiddenText:
    """What an article hides and what it shows, as word sets."""

    blocks: list[int] = field(default_factory=list)  # blocks that hide something, in order
    words: set[str] = field(default_factory=set)  # hidden-only words
    heading_words: set[str] = field(default_factory=set)  # of those, the ones in hidden headings
    visible: set[str] = field(default_factory=set)  # readable words (and the pill's)


def hidden_text(article: Article, state: RevealState) -> HiddenText:
    out = HiddenText()
    shown_elsewhere = [state.display_title(article.title), article.site or "", article.byline or "", LABEL]
    visible = _words(" ".join(shown_elsewhere))
    hidden: set[str] = set()
    heading: set[str] = set()
    for block in article.blocks:
        if state.block_hidden(block.id):
            out.blocks.append(block.id)
            hidden.update(_words(block.text))
            if block.kind == "heading":
                heading.update(_words(block.text))
            continue
        spans = sorted((s for _, s in state.hidden_spans(block.id)), key=lambda s: s.start)
        if spans:
            out.blocks.append(block.id)
        pos = 0
        for span in spans:
            visible.update(_words(block.text[pos:span.start]))
            hidden.update(_words(block.text[span.start:span.end]))
            pos = span.end
        visible.update(_words(block.text[pos:]))
    out.words = hidden - visible
    out.heading_words = heading - visible
    out.visible = visible
    return out


def _settle(app: QApplication, msecs: int = 30) -> None:
    deadline = time.monotonic() + msecs / 1000
    while time.monotonic() < deadline:
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)
    app.processEvents()


def render_blocks(app: QApplication, article: Article, state: RevealState, blocks: list[int], theme: str,
                  zoom: int) -> QImage:
    """The painted blocks, cut out of the real view one by one and stacked."""
    view = ArticleView()
    view.resize(*VIEW_SIZE)
    view.set_appearance(THEMES[theme], zoom)
    view.set_article(article, state)
    view.show()
    _settle(app)
    browser = view.text_browser()
    doc = browser.document()
    layout = doc.documentLayout()
    rects = [layout.blockBoundingRect(doc.findBlockByNumber(b)) for b in blocks]
    tallest = max((r.height() for r in rects), default=0)
    if tallest + 40 > browser.viewport().height():  # a block must fit the viewport to be cut out whole
        view.resize(VIEW_SIZE[0], int(tallest + 80 + view.height() - browser.viewport().height()))
        _settle(app)
    crops: list[QImage] = []
    for block_id in blocks:
        view.scroll_to_block(block_id)
        _settle(app)
        rect = layout.blockBoundingRect(doc.findBlockByNumber(block_id))
        x, y = browser.horizontalScrollBar().value(), browser.verticalScrollBar().value()
        area = QRect(int(rect.left() - x) - 4, int(rect.top() - y) - 4, int(rect.width()) + 8, int(rect.height()) + 8)
        crops.append(browser.viewport().grab(area).toImage())
    view.close()
    view.deleteLater()
    width = max((c.width() for c in crops), default=1)
    height = sum(c.height() + GAP for c in crops) + GAP
    sheet = QImage(width + 2 * GAP, max(1, height), QImage.Format.Format_RGB32)
    sheet.fill(THEMES[theme].qcolor("background"))
    painter = QPainter(sheet)
    top = GAP
    for crop in crops:
        painter.drawImage(GAP, top, crop)
        top += crop.height() + GAP
    painter.end()
    return sheet


def ocr_words(image: Path) -> set[str]:
    text = subprocess.run(["tesseract", str(image), "-", "--psm", "3"], capture_output=True,
                          text=True, check=True, timeout=600).stdout
    return _words(text)


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by exactly one substitution, insertion or deletion."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]


def near_reads(read: set[str], hidden: set[str], visible: set[str]) -> set[str]:
    """Hidden words of 5+ letters that OCR read with one letter wrong (the shape came through).
    A token that is itself a readable word ("reveal" from the pill) is no sign of a hidden one."""
    tokens = [r for r in read - visible if len(r) >= 4]
    return {h for h in hidden if len(h) >= 5 and any(_one_edit(r, h) for r in tokens)}


def enhanced(image: QImage, scale: float) -> QImage:
    """``image`` as an attacker would prepare it: grey, resized, unsharp-masked, stretched."""
    import numpy as np  # only for --enhance

    if scale != 1.0:
        image = image.scaled(int(image.width() * scale), int(image.height() * scale),
                             Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    grey = image.convertToFormat(QImage.Format.Format_Grayscale8)
    a = np.frombuffer(bytes(grey.constBits()), np.uint8).reshape(grey.height(), grey.bytesPerLine())
    a = a[:, : grey.width()].astype(np.float32)
    r = max(1, round(6 * scale))
    kernel = np.ones(2 * r + 1, np.float32) / (2 * r + 1)
    soft = np.apply_along_axis(lambda row: np.convolve(row, kernel, mode="same"), 1, a)
    soft = np.apply_along_axis(lambda col: np.convolve(col, kernel, mode="same"), 0, soft)
    sharp = a + 4 * (a - soft)
    lo, hi = np.percentile(sharp, 3), np.percentile(sharp, 50)
    out = np.ascontiguousarray(np.clip((sharp - lo) * 255 / max(1.0, hi - lo), 0, 255).astype(np.uint8))
    return QImage(out.data, out.shape[1], out.shape[0], out.shape[1], QImage.Format.Format_Grayscale8).copy()


def default_files() -> list[Path]:
    files = [sample_article_path()]
    for folder in sorted(SHARED.glob("corpus/recaps*")):
        files += sorted(p for p in folder.iterdir()
                        if p.suffix in (".html", ".mhtml", ".txt", ".md") and p.name != "README.md")
    return files


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--zooms", default="100,200,300")
    parser.add_argument("--themes", default="light")
    parser.add_argument("--keep", type=Path, help="keep the pictures in this folder")
    parser.add_argument("--enhance", action="store_true", help="also read sharpened, stretched copies (numpy)")
    args = parser.parse_args()
    if not shutil.which("tesseract"):
        print("tesseract is not installed (apt-get install tesseract-ocr)", file=sys.stderr)
        return 2
    zooms = [int(z) for z in args.zooms.split(",")]
    themes = args.themes.split(",")
    files = args.files or default_files()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    totals: dict[tuple[str, int], list[int]] = {}
    failed = False
    with tempfile.TemporaryDirectory() as tmp:
        out = args.keep or Path(tmp)
        out.mkdir(parents=True, exist_ok=True)
        for path in files:
            article = load(path)
            analysis = analyze(article)
            text = hidden_text(article, RevealState(analysis))
            if not text.blocks:
                continue
            for theme in themes:
                for zoom in zooms:
                    shots = {}
                    for revealed in (False, True):
                        state = RevealState(analysis)
                        if revealed:
                            state.reveal_all()
                        image = render_blocks(app, article, state, text.blocks, theme, zoom)
                        shots[revealed] = out / f"{path.stem}-{theme}-{zoom}-{'revealed' if revealed else 'hidden'}.png"
                        image.save(str(shots[revealed]))
                    read = ocr_words(shots[False])
                    if args.enhance:
                        for scale in (1.0, 0.4):
                            extra = out / f"{shots[False].stem}-enhanced-{scale}.png"
                            enhanced(QImage(str(shots[False])), scale).save(str(extra))
                            read |= ocr_words(extra)
                    read_hidden = read & text.words
                    near = near_reads(read, text.words, text.visible) - read_hidden
                    read_revealed = ocr_words(shots[True]) & text.words
                    heads = read_hidden & text.heading_words
                    near_heads = near & text.heading_words
                    total = totals.setdefault((theme, zoom), [0] * 7)
                    for i, n in enumerate((len(text.words), len(read_hidden), len(read_revealed),
                                           len(text.heading_words), len(heads), len(near), len(near_heads))):
                        total[i] += n
                    print(f"{path.name} {theme} {zoom}%: {len(text.words)} hidden-only words "
                          f"({len(text.heading_words)} in headings); OCR reads {len(read_hidden)} while hidden "
                          f"({len(heads)} heading), {len(near)} near ({len(near_heads)} heading), "
                          f"{len(read_revealed)} once revealed", flush=True)
                    if read_hidden:
                        failed = True
                        print(f"  LEAKED: {sorted(read_hidden)[:20]}", flush=True)
                    if near:
                        print(f"  near: {sorted(near)[:20]}", flush=True)
    print("\ntheme zoom: hidden-only words: read while hidden (headings), near reads (headings), read once revealed")
    for (theme, zoom), (words, hidden, revealed, head_words, heads, near, near_heads) in sorted(totals.items()):
        print(f"  {theme:5} {zoom:3}%: {words} words ({head_words} in headings): {hidden} read while hidden "
              f"({heads}), {near} near ({near_heads}), {revealed} read once revealed")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
