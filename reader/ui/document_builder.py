"""Turn an Article into one QTextDocument in which hidden words simply do not exist.

Every article block becomes exactly one QTextBlock (block number == ``Block.id``), so finding a
block is ``findBlockByNumber`` and revealing one rewrites only that block. A hidden block is a
column of shield objects, one per line of the real text, each exactly as tall as that line: the
document keeps its shape, selection/find/copy/accessibility see only ``U+FFFC`` there, and the
spoiler shield paints the blurred words. A hidden inline span becomes one shield object per
word, so the paragraph still wraps naturally around it.

Offsets: ``Block`` offsets are Python code points, Qt positions are UTF-16 units, and shields
take one unit whatever they hide; a ``BlockRecord`` maps one to the other for the visible text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, QUrl
from PySide6.QtGui import (
    QFont,
    QFontMetrics,
    QFontMetricsF,
    QImage,
    QImageReader,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextImageFormat,
    QTextList,
)

from reader.article import Article, Block, HiddenSpan
from reader.library.reveal_state import RevealState
from reader.resource_policy import page_image_bytes, renderable_image_bytes
from reader.ui.typography import Typography

__all__ = [
    "ACCESSIBLE_PHRASE", "BlockRecord", "DocumentBuilder", "ImageStore", "LineGeometry",
    "PLACEHOLDER_OBJECT", "Prop", "SHIELD_OBJECT", "ShieldKey", "clean_text", "utf16_len",
]

ACCESSIBLE_PHRASE = "Hidden spoiler, press Enter to reveal"
SHIELD_OBJECT = QTextFormat.ObjectTypes.UserObject.value + 1
PLACEHOLDER_OBJECT = QTextFormat.ObjectTypes.UserObject.value + 2
IMAGE_SCHEME = "recap-image"
_OBJECT_CHAR = "\ufffc"
_LINE_BREAK = "\u2028"
_MAX_CHUNK = 24  # longest run of characters one span shield covers, so it can always wrap
T = TypeVar("T")


BASELINE = 0.8  # where Qt puts the baseline in a fixed-height line, as a share of the pitch


@functools.cache
def descent_font(depth: float) -> QFont:
    """A font whose descent is at least ``depth`` px (to hang the last strip of a shield)."""
    font = QFont()
    font.setFamilies(["DejaVu Sans", "Noto Sans"])
    for px in range(4, 2000):
        font.setPixelSize(px)
        if QFontMetrics(font).descent() >= depth:
            break
    return font


class Prop:
    """Custom QTextFormat properties on shield and placeholder objects (never any hidden text)."""

    BLOCK = QTextFormat.Property.UserProperty.value + 1
    SPAN = BLOCK + 1  # -1 for a whole block
    LINE = BLOCK + 2  # line index of a block shield
    START = BLOCK + 3  # code-point range a span shield covers (numbers, not words)
    END = BLOCK + 4
    WIDTH = BLOCK + 5
    HEIGHT = BLOCK + 6
    REMOTE = BLOCK + 7  # placeholder: a remote address (never fetched) rather than a missing file


def utf16_len(text: str) -> int:
    """Length in Qt positions: characters outside the BMP (emoji) count twice."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def clean_text(text: str) -> str:
    """The same number of code points, without characters QTextDocument would turn into block
    breaks or objects (that would break the one-block-per-Block rule)."""
    return re.sub("[\n\r\u2028\u2029\ufffc\x0b\x0c]", " ", text)


@dataclass(frozen=True)
class ShieldKey:
    """A hidden item: a whole block (``span is None``) or inline span ``span`` of a block."""

    block: int
    span: int | None = None

    @property
    def href(self) -> str:
        return f"spoiler:block:{self.block}" if self.span is None else f"spoiler:span:{self.block}:{self.span}"

    @staticmethod
    def from_href(href: str) -> ShieldKey | None:
        parts = href.split(":")
        try:
            if len(parts) == 3 and parts[:2] == ["spoiler", "block"]:
                return ShieldKey(int(parts[2]))
            if len(parts) == 4 and parts[:2] == ["spoiler", "span"]:
                return ShieldKey(int(parts[2]), int(parts[3]))
        except ValueError:
            return None
        return None

    @staticmethod
    def from_format(fmt: QTextFormat) -> ShieldKey | None:
        if not fmt.isCharFormat() or fmt.toCharFormat().objectType() != SHIELD_OBJECT:
            return None
        span = int(fmt.intProperty(Prop.SPAN))
        return ShieldKey(int(fmt.intProperty(Prop.BLOCK)), None if span < 0 else span)


@dataclass
class BlockRecord:
    """What one QTextBlock currently shows, and where the visible text of ``Block.text`` sits."""

    text: str
    hidden: bool = False
    hidden_spans: frozenset[int] = frozenset()
    pieces: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, utf16 offset)

    @property
    def signature(self) -> tuple[bool, frozenset[int]]:
        return (self.hidden, self.hidden_spans)

    def offset(self, index: int, at_end: bool = False) -> int | None:
        """UTF-16 offset inside the QTextBlock of code point ``index``, or None when hidden."""
        for start, end, units in self.pieces:
            if start < index < end or index == (end if at_end else start):
                return units + utf16_len(self.text[start:index])
        return None


@dataclass(frozen=True)
class LineGeometry:
    """Where a hidden block's words would be: ``count`` strips of ``pitch`` px, ``width`` wide.

    For text the strips are the real lines (their fixed pitch); for an image block, whose
    lines differ, the block's height is shared evenly among strips of about a line each.
    """

    width: float
    pitch: float
    count: int

    @property
    def height(self) -> float:
        return self.pitch * self.count

    def ascent(self, strip: int) -> float:
        """How far above its baseline strip ``strip`` reaches (see ``DocumentBuilder.fill``)."""
        return (BASELINE * self.pitch) if strip == 0 else self.pitch


class ImageStore:
    """Images the loader resolved (a file in the saved page's folder, or embedded bytes); nothing
    else is ever read, and nothing is ever fetched from the network. What reaches Qt's image
    readers is decided by ``reader.resource_policy`` (page folder only, SVG sanitised)."""

    def __init__(self, article: Article) -> None:
        self._refs = {b.id: b.image for b in article.blocks if b.image is not None and b.image.is_available}
        self._page = article.source_path
        self._images: dict[int, QImage | None] = {}
        self._sizes: dict[int, QSize | None] = {}

    @staticmethod
    def url(block_id: int) -> QUrl:
        return QUrl(f"{IMAGE_SCHEME}:{block_id}")

    def available(self, block_id: int) -> bool:
        return block_id in self._refs and self.natural_size(block_id) is not None

    def natural_size(self, block_id: int) -> QSize | None:
        if block_id not in self._sizes:
            size = self._with_reader(block_id, lambda reader: reader.size())
            if size is None or not size.isValid() or size.isEmpty():
                image = self.image(block_id)
                size = image.size() if image is not None else None
            self._sizes[block_id] = size
        return self._sizes[block_id]

    def image(self, block_id: int) -> QImage | None:
        if block_id not in self._images:
            image = self._with_reader(block_id, lambda reader: reader.read())
            self._images[block_id] = None if image is None or image.isNull() else image
        return self._images[block_id]

    def resolve(self, url: QUrl) -> QImage | None:
        """The image behind one of our own ``recap-image:N`` names; None for any other address."""
        if url.scheme() != IMAGE_SCHEME:
            return None
        try:
            return self.image(int(url.path()))
        except ValueError:
            return None

    def _with_reader(self, block_id: int, use: Callable[[QImageReader], T]) -> T | None:
        ref = self._refs.get(block_id)
        if ref is None:
            return None
        # Qt never gets a path or an SVG as found: reader/resource_policy.py decides the bytes.
        data = ref.data
        if data is None and ref.local_path is not None and self._page is not None:
            data = page_image_bytes(ref.local_path, self._page)
        data = renderable_image_bytes(data) if data is not None else None
        if data is None:
            return None
        buffer = QBuffer()
        buffer.setData(QByteArray(data))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        return use(QImageReader(buffer))  # the buffer lives until the reader is done


GeometryFn = Callable[[int], LineGeometry]


class DocumentBuilder:
    """Writes blocks into a document for one article, typography and content width."""

    def __init__(self, article: Article, typography: Typography, images: ImageStore, width: float) -> None:
        self.article = article
        self.typo = typography
        self.images = images
        self.width = width
        self._texts = {b.id: clean_text(b.text) for b in article.blocks}

    # --- whole documents ------------------------------------------------------------------

    def populate(self, doc: QTextDocument, state: RevealState | None, geometry: GeometryFn | None,
                 only: Iterable[int] | None = None) -> dict[int, BlockRecord]:
        """Write the article into an empty ``doc`` in one pass.

        ``state`` None writes every word (the shield's off-screen copy); ``only`` limits the
        blocks written, each list item then in its own list so its indent is still right.
        """
        doc.setIndentWidth(self.typo.indent_width)
        blocks = self.article.blocks if only is None else [self.article.blocks[i] for i in only]
        cursor = QTextCursor(doc)
        records: dict[int, BlockRecord] = {}
        lists: dict[int, tuple[QTextList, bool, int]] = {}
        for n, block in enumerate(blocks):
            base = self.typo.char_format(block)
            fmt = self.typo.block_format(block)
            hidden = state is not None and state.block_hidden(block.id)
            if hidden:
                assert geometry is not None, "a hidden block needs the shield's line geometry"
                fmt = self.typo.shielded(fmt, geometry(block.id).pitch)
            if only is not None:  # the shield's copy: blocks stacked edge to edge, to measure
                fmt.setTopMargin(0)
                fmt.setBottomMargin(0)
            if n == 0:
                cursor.setBlockFormat(fmt)
                cursor.setBlockCharFormat(base)
            else:
                cursor.insertBlock(fmt, base)
            if block.kind == "list_item":
                self._join_list(cursor, block, lists, isolated=only is not None)
            else:
                lists.clear()
            records[block.id] = self.fill(cursor, block, state, geometry)
        if only is not None:
            cursor.insertBlock(QTextBlockFormat())  # where the last block's flow ends
        return records

    def _join_list(self, cursor: QTextCursor, block: Block, lists: dict[int, tuple[QTextList, bool, int]],
                   isolated: bool) -> None:
        level = max(1, block.level)
        for deeper in [lv for lv in lists if lv > level]:
            del lists[deeper]
        ordered = block.ordinal is not None
        number = block.ordinal if block.ordinal is not None else 0
        current = None if isolated else lists.get(level)
        if current is not None and current[1] == ordered and (not ordered or current[2] == number):
            current[0].add(cursor.block())
            lists[level] = (current[0], ordered, number + 1)
            return
        qlist = cursor.createList(self.typo.list_format(level, ordered, number or 1))
        lists[level] = (qlist, ordered, number + 1)

    # --- one block ------------------------------------------------------------------------

    def fill(self, cursor: QTextCursor, block: Block, state: RevealState | None,
             geometry: GeometryFn | None) -> BlockRecord:
        """Insert ``block``'s content at ``cursor`` as ``state`` allows it to be seen."""
        text = self._texts[block.id]
        if state is not None and state.block_hidden(block.id):
            if geometry is None:
                raise ValueError("a hidden block needs the shield's line geometry")
            geo = geometry(block.id)
            for strip in range(geo.count):
                cursor.insertText(_OBJECT_CHAR, self._block_shield(block.id, strip, geo))
            return BlockRecord(text, hidden=True)
        spans = state.hidden_spans(block.id) if state is not None else []
        units = 0
        if block.image is not None or block.kind == "image":
            cursor.insertText(_OBJECT_CHAR, self._image_format(block))
            units += 1
            if text:
                cursor.insertText(_LINE_BREAK, self.typo.char_format(block))
                units += 1
        record = BlockRecord(text, hidden_spans=frozenset(i for i, _ in spans))
        for start, end, span_index in self._pieces(block, text, spans):
            if span_index is None:
                cursor.insertText(text[start:end], self._text_format(block, start, end, spans))
                record.pieces.append((start, end, units))
                units += utf16_len(text[start:end])
                continue
            for c_start, c_end in span_chunks(text, start, end):
                fmt = self._text_format(block, c_start, c_end, spans)
                cursor.insertText(_OBJECT_CHAR, self._span_shield(block.id, span_index, c_start, c_end, fmt))
                units += 1
        return record

    def _pieces(self, block: Block, text: str,
                spans: list[tuple[int, HiddenSpan]]) -> list[tuple[int, int, int | None]]:
        """Cut the text where formatting or hiding changes; hidden pieces carry their span index
        (adjacent pieces of one span are merged, so a span is one run of shields)."""
        n = len(text)
        cuts = {0, n}
        for run in block.runs:
            cuts.update((min(max(run.start, 0), n), min(max(run.end, 0), n)))
        for _, span in spans:
            cuts.update((min(max(span.start, 0), n), min(max(span.end, 0), n)))
        points = sorted(cuts)
        out: list[tuple[int, int, int | None]] = []
        for start, end in zip(points, points[1:], strict=False):
            owner = next((i for i, s in spans if s.start <= start and end <= s.end), None)
            if out and owner is not None and out[-1][2] == owner and out[-1][1] == start:
                out[-1] = (out[-1][0], end, owner)
            else:
                out.append((start, end, owner))
        return out

    def _text_format(self, block: Block, start: int, end: int,
                     spans: list[tuple[int, HiddenSpan]]) -> QTextCharFormat:
        styles: set[str] = set()
        href = None
        for run in block.runs:
            if run.start <= start and end <= run.end:
                styles.add(run.style)
                if run.style == "link":
                    # A link any of whose words are hidden keeps its address to itself.
                    overlaps = any(s.start < run.end and run.start < s.end for _, s in spans)
                    href = None if overlaps else run.href
        return self.typo.run_format(self.typo.char_format(block), styles, href)

    # --- objects ----------------------------------------------------------------------------

    @staticmethod
    def _shield_base(key: ShieldKey, fmt: QTextCharFormat | None = None) -> QTextCharFormat:
        out = QTextCharFormat(fmt) if fmt is not None else QTextCharFormat()
        out.setObjectType(SHIELD_OBJECT)
        out.setFontUnderline(False)
        out.setAnchor(True)
        out.setAnchorHref(key.href)
        out.setProperty(Prop.BLOCK, key.block)
        out.setProperty(Prop.SPAN, -1 if key.span is None else key.span)
        out.setProperty(QTextFormat.Property.ImageAltText, ACCESSIBLE_PHRASE)
        out.setProperty(QTextFormat.Property.ImageTitle, ACCESSIBLE_PHRASE)
        return out

    def _block_shield(self, block_id: int, strip: int, geo: LineGeometry) -> QTextCharFormat:
        """One strip of a hidden block, in a block laid out at ``geo.pitch`` (fixed height).

        Qt puts the baseline of a fixed-pitch line at 80 % of the pitch and hangs an object
        from it, so an object can never reach below that point unless it has a descent. The
        strips therefore tile the block upwards: the first reaches from the top of its line
        down to the baseline, each later one from the previous baseline down to its own, and
        the last also takes the descent of a font chosen deep enough to cover the rest.
        """
        fmt = self._shield_base(ShieldKey(block_id))
        ascent = geo.ascent(strip)
        height = ascent
        if strip == geo.count - 1:
            font = descent_font(geo.pitch * (1 - BASELINE))
            fmt.setFont(font)
            fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignBaseline)
            height += QFontMetrics(font).descent()
        fmt.setProperty(Prop.LINE, strip)
        fmt.setProperty(Prop.WIDTH, max(1.0, geo.width - 0.5))  # never wider than the line it fills
        fmt.setProperty(Prop.HEIGHT, height)
        return fmt

    def _span_shield(self, block_id: int, span: int, start: int, end: int,
                     text_fmt: QTextCharFormat) -> QTextCharFormat:
        fmt = self._shield_base(ShieldKey(block_id, span), text_fmt)
        fmt.setAnchorHref(ShieldKey(block_id, span).href)
        metrics = QFontMetricsF(text_fmt.font())
        fmt.setProperty(Prop.START, start)
        fmt.setProperty(Prop.END, end)
        fmt.setProperty(Prop.WIDTH, max(4.0, metrics.horizontalAdvance(self._texts[block_id][start:end])))
        # Qt hangs a baseline-aligned object by the font's whole-pixel descent: this height
        # gives it the text's own ascent, so the line does not grow.
        fmt.setProperty(Prop.HEIGHT, metrics.ascent() + QFontMetrics(text_fmt.font()).descent())
        fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignBaseline)
        return fmt

    def _image_format(self, block: Block) -> QTextCharFormat:
        size = self.images.natural_size(block.id) if self.images.available(block.id) else None
        if size is not None:
            picture = QTextImageFormat()
            picture.setName(ImageStore.url(block.id).toString())
            # Pictures zoom with the text, but never past the column.
            scale = min(self.typo.zoom / 100.0, self.width / max(1, size.width()))
            picture.setWidth(size.width() * scale)
            picture.setHeight(size.height() * scale)
            return picture
        placeholder = QTextCharFormat()
        placeholder.setObjectType(PLACEHOLDER_OBJECT)
        # One quiet line (painted by the shield's ObjectPainter), not a picture-sized box.
        placeholder.setProperty(Prop.WIDTH, min(self.width, 22 * self.typo.em))
        placeholder.setProperty(Prop.HEIGHT, 1.6 * self.typo.em)
        src = block.image.src if block.image is not None else ""
        placeholder.setProperty(Prop.REMOTE, src.lower().startswith(("http:", "https:", "//")))
        return placeholder


def span_chunks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into word-sized pieces (a word with its trailing spaces) so a
    long hidden span can wrap like the words it stands for."""
    chunks: list[tuple[int, int]] = []
    for match in re.finditer(r"\s*\S+\s*|\s+", text[start:end]):
        a, b = start + match.start(), start + match.end()
        while b - a > _MAX_CHUNK:
            chunks.append((a, a + _MAX_CHUNK))
            a += _MAX_CHUNK
        chunks.append((a, b))
    return chunks or [(start, end)]
