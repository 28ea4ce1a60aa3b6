"""How an article looks: fonts, sizes, spacing and colours for each kind of block.

One ``Typography`` serves the visible document and the off-screen copy the spoiler shield blurs,
so a blurred block takes exactly the room its words will take once revealed. Sizes are in pixels
derived from one ``em`` that the zoom scales, which is what "zoom via font scaling" means here.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QTextBlockFormat,
    QTextCharFormat,
    QTextListFormat,
)

from reader.article import Block
from reader.ui.theme import Theme

__all__ = ["BODY_PX", "FIXED", "SINGLE", "Typography"]

BODY_PX = 17.0  # body text size at 100 %: a comfortable screen reading size
# Latin faces first; then CJK faces of the same style, so Hangul, kana and Han characters in a
# serif paragraph stay serif when such a font is installed. For anything none of these has, Qt
# goes on to any installed font with the glyphs (fontconfig's fallback for the script); only
# with no such font at all do characters show as boxes (the README suggests fonts-noto-cjk).
_CJK_SERIF = ["Noto Serif CJK JP", "Noto Serif CJK KR", "Noto Serif CJK SC", "Source Han Serif"]
_CJK_SANS = ["Noto Sans CJK JP", "Noto Sans CJK KR", "Noto Sans CJK SC", "Source Han Sans"]
SERIF = ["Source Serif 4", "Source Serif Pro", "Literata", "Noto Serif", "Georgia", "DejaVu Serif", *_CJK_SERIF]
SANS = ["Inter", "Noto Sans", "Cantarell", "Source Sans 3", "DejaVu Sans", *_CJK_SANS]
_HEADING_SCALE = {1: 1.75, 2: 1.45, 3: 1.22, 4: 1.08}
FIXED = QTextBlockFormat.LineHeightTypes.FixedHeight.value
SINGLE = QTextBlockFormat.LineHeightTypes.SingleHeight.value
_LIST_STYLES = (QTextListFormat.Style.ListDisc, QTextListFormat.Style.ListCircle, QTextListFormat.Style.ListSquare)


def _font(families: list[str], px: float, hint: QFont.StyleHint) -> QFont:
    font = QFont()
    font.setFamilies(families)
    font.setStyleHint(hint)
    font.setPixelSize(max(6, round(px)))
    return font


@dataclass(frozen=True)
class Typography:
    """Formats for one theme and zoom; cheap to make, rebuilt when the reader changes either."""

    theme: Theme
    zoom: int = 100

    @property
    def em(self) -> float:
        return BODY_PX * self.zoom / 100.0

    @property
    def key(self) -> tuple[str, int]:
        """What a cached rendering depends on besides the block and the width."""
        return (self.theme.name, self.zoom)

    @cached_property
    def body_font(self) -> QFont:
        return _font(SERIF, self.em, QFont.StyleHint.Serif)

    def heading_font(self, level: int) -> QFont:
        font = _font(SANS, self.em * _HEADING_SCALE.get(max(1, level), 1.0), QFont.StyleHint.SansSerif)
        font.setWeight(QFont.Weight.Bold if level <= 2 else QFont.Weight.DemiBold)
        return font

    @cached_property
    def caption_font(self) -> QFont:
        return _font(SANS, self.em * 0.82, QFont.StyleHint.SansSerif)

    @cached_property
    def label_font(self) -> QFont:
        """The small "Spoiler – click to reveal" label painted on blurred blocks."""
        font = _font(SANS, max(11.0, self.em * 0.72), QFont.StyleHint.SansSerif)
        font.setWeight(QFont.Weight.DemiBold)
        return font

    # --- character formats --------------------------------------------------------------------

    def char_format(self, block: Block) -> QTextCharFormat:
        """The base format of a block's text (runs are merged on top)."""
        fmt = QTextCharFormat()
        if block.kind == "heading":
            fmt.setFont(self.heading_font(block.level or 2))
            fmt.setForeground(self.theme.qcolor("text"))
        elif block.kind in ("caption", "image"):
            fmt.setFont(self.caption_font)
            fmt.setForeground(self.theme.qcolor("muted"))
        else:
            fmt.setFont(self.body_font)
            fmt.setForeground(self.theme.qcolor("text"))
            if block.kind == "quote":
                fmt.setFontItalic(True)
        return fmt

    def run_format(self, base: QTextCharFormat, styles: set[str], href: str | None) -> QTextCharFormat:
        """``base`` with bold, italic and link styling; ``href`` only when the address may show."""
        fmt = QTextCharFormat(base)
        if "bold" in styles:
            fmt.setFontWeight(QFont.Weight.Bold)
        if "italic" in styles:
            fmt.setFontItalic(not base.fontItalic())
        if "link" in styles:
            fmt.setForeground(self.theme.qcolor("link"))
            fmt.setFontUnderline(True)
            if href:
                fmt.setAnchor(True)
                fmt.setAnchorHref(href)
        return fmt

    def note_format(self) -> QTextCharFormat:
        """Muted italic text the view writes itself ("[hidden spoiler]" in copies)."""
        fmt = QTextCharFormat()
        fmt.setFont(self.caption_font)
        fmt.setFontItalic(True)
        fmt.setForeground(self.theme.qcolor("muted"))
        return fmt

    # --- block formats ------------------------------------------------------------------------

    def block_format(self, block: Block) -> QTextBlockFormat:
        """Margins, alignment and a fixed line pitch per kind of block.

        Text lines use a fixed pitch (a multiple of the font's natural line height) rather
        than a proportional one: then a hidden block of n lines is exactly n pitches tall, at
        any zoom, and revealing it never moves the page. Image blocks keep single spacing, so a
        picture gets no extra space under it.
        """
        em = self.em
        fmt = QTextBlockFormat()
        top, bottom, factor = 0.0, 0.95 * em, 1.6
        if block.kind == "heading":
            top, bottom, factor = (1.5 if block.level <= 2 else 1.2) * em, 0.5 * em, 1.28
        elif block.kind == "list_item":
            bottom, factor = 0.35 * em, 1.55
        elif block.kind == "quote":
            top, factor = 0.2 * em, 1.55
            fmt.setLeftMargin(1.6 * em)
            fmt.setRightMargin(0.8 * em)
        elif block.kind == "caption":
            bottom, factor = 1.3 * em, 1.4
        elif block.kind == "image":
            bottom, factor = 0.6 * em, 0.0
            fmt.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        fmt.setTopMargin(top)
        fmt.setBottomMargin(bottom)
        if factor:
            fmt.setLineHeight(self.line_pitch(block, factor), FIXED)
        else:
            fmt.setLineHeight(100, SINGLE)
        return fmt

    def line_pitch(self, block: Block, factor: float) -> float:
        """``factor`` times the natural line height of the block's font, in whole 1/64 px."""
        font = self.char_format(block).font()
        return round(QFontMetricsF(font).lineSpacing() * factor * 64) / 64

    @staticmethod
    def shielded(fmt: QTextBlockFormat, pitch: float) -> QTextBlockFormat:
        """A hidden block's format: same margins (same place), its strips at a fixed pitch."""
        out = QTextBlockFormat(fmt)
        out.setLineHeight(pitch, FIXED)
        out.setAlignment(Qt.AlignmentFlag.AlignLeft)
        return out

    @staticmethod
    def revealed(fmt: QTextBlockFormat, real: QTextBlockFormat) -> QTextBlockFormat:
        """Give a block back its real line height and alignment (list membership is kept)."""
        out = QTextBlockFormat(fmt)
        out.setLineHeight(real.lineHeight(), real.lineHeightType())
        out.setAlignment(real.alignment())
        return out

    def list_format(self, level: int, ordered: bool, start: int = 1) -> QTextListFormat:
        fmt = QTextListFormat()
        fmt.setIndent(max(1, level))
        if ordered:
            fmt.setStyle(QTextListFormat.Style.ListDecimal)
            fmt.setStart(start)
        else:
            fmt.setStyle(_LIST_STYLES[(max(1, level) - 1) % len(_LIST_STYLES)])
        return fmt

    @property
    def indent_width(self) -> float:
        return 1.7 * self.em

    @property
    def page_margin(self) -> float:
        """Room above the first block and below the last."""
        return 1.6 * self.em

    def color(self, attr: str, alpha: float = 1.0) -> QColor:
        color = self.theme.qcolor(attr)
        color.setAlphaF(alpha)
        return color
