"""The spoiler shield: blurred pictures of hidden words, painted where those words would be.

The hidden words never enter the visible document. This module keeps a private off-screen copy
of the hidden blocks (same fonts, width and theme), measures their lines so the visible document
can reserve exactly that room, and paints a strong blur of them, lazily, only when a shield
scrolls into view. Each picture is drawn at about six pixels per em of the hidden text's own
font (a heading's em, not the body's) and then blurred by ``blur_radius``: about one em for
body text at 100 %, and more, relative to the letters, the larger they are on screen, because
big type (a heading, or any text at 200 % or 300 %) shows its word shapes through a blur that
hides small type completely (tests/benchmarks/ocr_blur.py checks 100, 200 and 300 %, headings
included). The shape of the paragraph is still there to see. Blurred images are cached per
block, width, zoom, theme and device pixel ratio, within a memory budget.
"""

from __future__ import annotations

import math
from collections import OrderedDict
from collections.abc import Callable

from PySide6.QtCore import QObject, QPointF, QRect, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QPen,
    QPixmap,
    QPyTextObject,
    QTextCharFormat,
    QTextDocument,
    QTextFormat,
    QTextOption,
)
from PySide6.QtWidgets import QGraphicsBlurEffect, QGraphicsPixmapItem, QGraphicsScene

from reader.ui.document_builder import (
    BASELINE,
    PLACEHOLDER_OBJECT,
    DocumentBuilder,
    ImageStore,
    LineGeometry,
    Prop,
    ShieldKey,
)
from reader.ui.guard import qt_override
from reader.ui.typography import BODY_PX, FIXED, Typography

__all__ = [
    "LABEL", "ArticleDocument", "ObjectPainter", "ShieldCache", "ShieldRenderer", "blur_image", "blur_radius",
    "placeholder_text",
]

LABEL = "Spoiler \u2013 click to reveal"
BLUR_EM = 6.0  # pixels per em (of the hidden text's font) in the image that gets blurred
BLUR_RADIUS_EM = 1.0  # blur radius for body text at 100 %, in ems
SPAN_RADIUS_SHARE = 0.75  # a hidden span is a word-sized picture: a little less, so it reads as a word
BLUR_GROWTH = 0.5  # the radius in ems grows as (font px / body px at 100 %) to this power
CACHE_BYTES = 48 * 1024 * 1024
_FORMAT = QImage.Format.Format_ARGB32_Premultiplied
WRAP_MODE = QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere  # the view's too


class ArticleDocument(QTextDocument):
    """A document that loads only the article's own resolved images.

    QTextDocument would otherwise read any local file a name points to; overriding
    ``loadResource`` means an address from the page can never reach the disk or the network.
    """

    def __init__(self, images: ImageStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._images = images

    @qt_override(fallback=QImage)
    def loadResource(self, kind: int, name: QUrl | str) -> QImage:  # noqa: N802 - Qt override
        if kind == QTextDocument.ResourceType.ImageResource.value:
            image = self._images.resolve(QUrl(name))
            if image is not None:
                return image
        return QImage()


def blur_radius(font_px: float, share: float = 1.0) -> float:
    """The blur radius, in screen pixels, for hidden text set at ``font_px`` pixels.

    One em of blur hides body text at 100 %, but word shapes show through it once the letters
    are big on screen: a heading, or any text at 200 % or 300 % (the zoom scales every font's
    pixel size). So the radius grows faster than the type: in ems it grows with the square root
    of the pixel size relative to body text at 100 %, and never falls below one em for
    smaller type. ``share`` scales it (inline spans).
    """
    size = max(1.0, font_px)
    return share * BLUR_RADIUS_EM * size * max(1.0, size / BODY_PX) ** BLUR_GROWTH


def blur_image(image: QImage, radius: float) -> QImage:
    """A Gaussian blur of ``image`` (Qt's own blur, through a one-item graphics scene)."""
    scene = QGraphicsScene()
    item = QGraphicsPixmapItem(QPixmap.fromImage(image))
    effect = QGraphicsBlurEffect()
    effect.setBlurRadius(radius)
    effect.setBlurHints(QGraphicsBlurEffect.BlurHint.QualityHint)
    item.setGraphicsEffect(effect)
    scene.addItem(item)
    out = QImage(image.size(), _FORMAT)
    out.fill(Qt.GlobalColor.transparent)
    painter = QPainter(out)
    scene.render(painter, QRectF(out.rect()), QRectF(0, 0, image.width(), image.height()))
    painter.end()
    # A blur thins the ink; laying it on twice keeps the smudge as dark as the text was.
    painter = QPainter(out)
    painter.drawImage(0, 0, out.copy())
    painter.end()
    return out


class ShieldCache:
    """Least-recently-used images within a byte budget."""

    def __init__(self, budget: int = CACHE_BYTES) -> None:
        self._items: OrderedDict[tuple, QImage] = OrderedDict()
        self._bytes = 0
        self._budget = budget

    def get(self, key: tuple, make: Callable[[], QImage]) -> QImage:
        if key in self._items:
            self._items.move_to_end(key)
            return self._items[key]
        image = make()
        self._items[key] = image
        self._bytes += image.sizeInBytes()
        while self._bytes > self._budget and len(self._items) > 1:
            _, old = self._items.popitem(last=False)
            self._bytes -= old.sizeInBytes()
        return image


class ShieldRenderer:
    """The off-screen copy of the hidden blocks, their geometry and their blurred pictures."""

    def __init__(self, builder: DocumentBuilder, spoiler_ids: list[int], cache: ShieldCache | None = None) -> None:
        self.builder = builder
        self.typo: Typography = builder.typo
        self._cache = cache if cache is not None else ShieldCache()
        self._shadow = ArticleDocument(builder.images)
        self._shadow.setUndoRedoEnabled(False)
        self._shadow.setDocumentMargin(0)
        self._shadow.setDefaultFont(self.typo.body_font)
        option = self._shadow.defaultTextOption()  # wrap exactly as the visible document does
        option.setWrapMode(WRAP_MODE)
        self._shadow.setDefaultTextOption(option)
        self._numbers = {bid: n for n, bid in enumerate(spoiler_ids)}
        if spoiler_ids:
            builder.populate(self._shadow, None, None, only=spoiler_ids)
        # Written first, handlers next, width last: one layout pass, with objects sized.
        self._placeholders = ObjectPainter(self)
        self._shadow.documentLayout().registerHandler(PLACEHOLDER_OBJECT, self._placeholders)
        self._shadow.setTextWidth(builder.width)
        self._geometry: dict[int, LineGeometry] = {}
        self._origin: dict[int, QPointF] = {}
        self._font_px: dict[int, float] = {}

    @property
    def cache(self) -> ShieldCache:
        return self._cache

    def _key(self, *parts: object) -> tuple:
        return (id(self.builder.article), self.builder.width, *self.typo.key, *parts)

    # --- geometry -------------------------------------------------------------------------

    def geometry(self, block_id: int) -> LineGeometry:
        """Strip width, pitch and count of the block's real text at the current width.

        The copy stacks blocks without margins and ends with an empty block, so the distance
        from one block to the next is exactly the height the block takes in the flow.
        """
        if block_id not in self._geometry:
            number = self._numbers[block_id]
            block = self._shadow.findBlockByNumber(number)
            layout_engine = self._shadow.documentLayout()
            layout_engine.blockBoundingRect(block.next())  # lays out up to the next block
            layout = block.layout()
            flow = block.next().layout().position().y() - layout.position().y()
            first = layout.lineAt(0) if layout.lineCount() else None
            width = first.width() if first is not None else self.builder.width
            fmt = block.blockFormat()
            if fmt.lineHeightType() == FIXED and layout.lineCount():
                pitch, count = fmt.lineHeight(), layout.lineCount()
            else:  # mixed lines (an image and its caption): even strips of about a line each
                count = max(1, round(flow / (1.6 * self.typo.em)))
                pitch = flow / count
            self._geometry[block_id] = LineGeometry(width, pitch, count)
            self._origin[block_id] = QPointF(layout.position().x() + (first.x() if first is not None else 0),
                                             layout.position().y())
        return self._geometry[block_id]

    # --- pictures -------------------------------------------------------------------------

    def _render_block(self, block_id: int, scale: float, background: bool, margin: int = 0) -> QImage:
        """The block's words at ``scale``, with ``margin`` empty image pixels around them."""
        geo = self.geometry(block_id)
        origin = self._origin[block_id]
        image = QImage(max(1, math.ceil(geo.width * scale)) + 2 * margin,
                       max(1, math.ceil(geo.height * scale)) + 2 * margin, _FORMAT)
        image.fill(self.typo.color("background") if background else QColor(Qt.GlobalColor.transparent))
        painter = QPainter(image)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
                               | QPainter.RenderHint.SmoothPixmapTransform)
        painter.translate(margin, margin)
        painter.scale(scale, scale)
        painter.translate(-origin.x(), -origin.y())
        self._shadow.drawContents(painter, QRectF(origin.x(), origin.y(), geo.width, geo.height))
        painter.end()
        return image

    def block_font_px(self, block_id: int) -> float:
        """The pixel size the block's text is set in, never less than body text (a caption or
        a picture is blurred at least as much as a paragraph). Kept: every strip asks."""
        if block_id not in self._font_px:
            block = self.builder.article.blocks[block_id]
            self._font_px[block_id] = max(self.typo.em, float(self.typo.char_format(block).font().pixelSize()))
        return self._font_px[block_id]

    def blur_margin(self, block_id: int) -> int:
        """Image pixels left empty around a block's words, so that its blur fades out instead of
        stopping at the edge of the words' own rectangle (Qt's blur reaches about its radius)."""
        font_px = self.block_font_px(block_id)
        return math.ceil(blur_radius(font_px) * BLUR_EM / font_px) + 1

    def blurred_block(self, block_id: int, dpr: float = 1.0) -> QImage:
        """The whole block blurred, ``blur_margin`` pixels around it (small: the painter scales
        it up smoothly)."""
        font_px = self.block_font_px(block_id)
        scale = BLUR_EM / font_px
        margin = self.blur_margin(block_id)
        return self._cache.get(
            self._key("block", block_id, dpr),
            lambda: blur_image(self._render_block(block_id, scale, False, margin), blur_radius(font_px) * scale))

    def sharp_block(self, block_id: int, dpr: float) -> QImage:
        """The real words, for a peek while the mouse is held (never cached, never in a document)."""
        image = self._render_block(block_id, dpr, True)
        image.setDevicePixelRatio(dpr)
        return image

    def _render_span(self, key: ShieldKey, start: int, end: int, fmt: QTextCharFormat, scale: float,
                     background: bool) -> QImage:
        text = self.builder.article.blocks[key.block].text[start:end]
        width, height = fmt.doubleProperty(Prop.WIDTH), fmt.doubleProperty(Prop.HEIGHT)
        image = QImage(max(1, math.ceil(width * scale)), max(1, math.ceil(height * scale)), _FORMAT)
        image.fill(self.typo.color("background") if background else QColor(Qt.GlobalColor.transparent))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        painter.scale(scale, scale)
        painter.setFont(fmt.font())
        painter.setPen(fmt.foreground().color())
        painter.drawText(QPointF(0, QFontMetricsF(fmt.font()).ascent()), text)
        painter.end()
        return image

    def blurred_span(self, key: ShieldKey, start: int, end: int, fmt: QTextCharFormat, dpr: float = 1.0) -> QImage:
        font_px = max(self.typo.em, float(fmt.font().pixelSize()))
        scale = BLUR_EM / font_px
        radius = blur_radius(font_px, SPAN_RADIUS_SHARE) * scale
        return self._cache.get(
            self._key("span", key.block, key.span, start, end, fmt.fontWeight(), fmt.fontItalic(), dpr),
            lambda: blur_image(self._render_span(key, start, end, fmt, scale, False), radius))

    def sharp_span(self, key: ShieldKey, start: int, end: int, fmt: QTextCharFormat, dpr: float) -> QImage:
        image = self._render_span(key, start, end, fmt, dpr, True)
        image.setDevicePixelRatio(dpr)
        return image


class ObjectPainter(QPyTextObject):
    """Draws shields (blurred words, label, focus ring) and remote-image placeholders.

    ``focused`` and ``hovered`` are set by the view so the shield under the keyboard focus or
    the mouse shows it; the words themselves come only from the renderer.
    """

    def __init__(self, renderer: ShieldRenderer, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.renderer = renderer
        self.focused: ShieldKey | None = None
        self.hovered: ShieldKey | None = None
        self.dpr = 1.0

    @qt_override(fallback=QSizeF)
    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:  # noqa: N802
        return QSizeF(fmt.doubleProperty(Prop.WIDTH), fmt.doubleProperty(Prop.HEIGHT))

    @qt_override
    def drawObject(self, painter: QPainter, rect: QRectF | QRect, doc: QTextDocument, pos: int,  # noqa: N802
                   fmt: QTextFormat) -> None:
        area = QRectF(rect)  # Qt passes a QRectF; the binding's signature also allows a QRect
        char = fmt.toCharFormat()
        painter.save()
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.SmoothPixmapTransform
                               | QPainter.RenderHint.TextAntialiasing)
        try:
            if char.objectType() == PLACEHOLDER_OBJECT:
                self._placeholder(painter, area, bool(fmt.boolProperty(Prop.REMOTE)))
            elif (key := ShieldKey.from_format(fmt)) is not None:
                if key.span is None:
                    self._block_line(painter, area, key, fmt.intProperty(Prop.LINE))
                else:
                    self._span_piece(painter, area, key, char)
        finally:
            painter.restore()

    # --- pieces -----------------------------------------------------------------------------

    def _block_line(self, painter: QPainter, rect: QRectF, key: ShieldKey, strip: int) -> None:
        """One strip of a hidden block: each strip draws its slice of the whole block's
        rounded shade, blur, label and focus ring, so together they read as one picture.

        Strips hang from fixed-pitch baselines (see ``DocumentBuilder._block_shield``), which
        says where the block's top is; nothing is drawn outside the strip itself, since Qt
        clips a selected or focused object to its own rectangle."""
        renderer, typo = self.renderer, self.renderer.typo
        geo = renderer.geometry(key.block)
        line_top = rect.y() - BASELINE * geo.pitch + geo.ascent(strip)
        whole = QRectF(rect.x(), line_top - strip * geo.pitch, geo.width, geo.height)
        painter.setClipRect(rect.intersected(whole), Qt.ClipOperation.IntersectClip)
        radius = 0.35 * typo.em
        path = QPainterPath()
        path.addRoundedRect(whole, radius, radius)
        painter.fillPath(path, typo.color("shield"))
        pad = 0.3 * typo.em
        inner = whole.adjusted(pad, 0, -pad, 0)  # the words' own place, a little narrower
        image, margin = renderer.blurred_block(key.block, self.dpr), renderer.blur_margin(key.block)
        sx = inner.width() / max(1, image.width() - 2 * margin)
        sy = inner.height() / max(1, image.height() - 2 * margin)
        painter.drawImage(QRectF(inner.x() - margin * sx, inner.y() - margin * sy,
                                 image.width() * sx, image.height() * sy), image)
        self._label(painter, whole, key == self.hovered)
        if key == self.focused:
            self._ring(painter, whole, radius)

    def _span_piece(self, painter: QPainter, rect: QRectF, key: ShieldKey, fmt: QTextCharFormat) -> None:
        renderer, typo = self.renderer, self.renderer.typo
        start, end = fmt.intProperty(Prop.START), fmt.intProperty(Prop.END)
        radius = 0.2 * typo.em
        path = QPainterPath()
        path.addRoundedRect(rect, radius, radius)
        shade = typo.color("shield")
        painter.fillPath(path, shade.darker(106) if key == self.hovered and not typo.theme.dark else shade)
        painter.drawImage(rect, renderer.blurred_span(key, start, end, fmt, self.dpr))
        if key == self.focused:
            self._ring(painter, rect, radius)

    def _label(self, painter: QPainter, area: QRectF, hovered: bool) -> None:
        """The "Spoiler – click to reveal" pill, centred; smaller on a one-line block, left out
        where even a small one would not fit (the tooltip still says it)."""
        typo = self.renderer.typo
        font = QFont(typo.label_font)
        height = min(QFontMetricsF(font).height() * 1.45, area.height() - 2)
        if height < 11:
            return
        font.setPixelSize(min(font.pixelSize(), max(8, int(height / 1.5))))
        metrics = QFontMetricsF(font)
        width = metrics.horizontalAdvance(LABEL) + 1.2 * height
        if width > area.width() - 8:
            return
        pill = QRectF(area.center().x() - width / 2, area.center().y() - height / 2, width, height)
        painter.setPen(QPen(typo.color("accent" if hovered else "muted", 0.9 if hovered else 0.55), 1))
        painter.setBrush(QBrush(typo.color("background", 0.94)))
        painter.drawRoundedRect(pill, height / 2, height / 2)
        painter.setFont(font)
        painter.setPen(typo.color("text"))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, LABEL)

    def _ring(self, painter: QPainter, area: QRectF, radius: float) -> None:
        """The keyboard focus, drawn just inside the shield (see ``_block_line``)."""
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(self.renderer.typo.color("accent"), 2))
        painter.drawRoundedRect(area.adjusted(1, 1, -1, -1), max(1.0, radius - 1), max(1.0, radius - 1))

    def _placeholder(self, painter: QPainter, rect: QRectF, remote: bool) -> None:
        """One quiet muted line where a picture was not saved (or lives on the web, which is
        never fetched): a small outline of a picture and a few words, no box."""
        typo = self.renderer.typo
        font = QFont(typo.caption_font)
        font.setItalic(True)
        metrics = QFontMetricsF(font)
        text = placeholder_text(remote)
        icon_w, icon_h = 1.1 * metrics.ascent(), 0.8 * metrics.ascent()
        gap = 0.5 * metrics.averageCharWidth()
        width = icon_w + gap + metrics.horizontalAdvance(text)
        left = rect.center().x() - width / 2
        mid = rect.center().y()
        muted = typo.color("muted", 0.65)
        icon = QRectF(left, mid - icon_h / 2, icon_w, icon_h)
        painter.setPen(QPen(muted, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(icon, 2, 2)
        hill = QPainterPath(QPointF(icon.left() + 1, icon.bottom() - 1))  # a hill, so it reads as a picture
        hill.lineTo(icon.left() + icon_w * 0.4, icon.top() + icon_h * 0.45)
        hill.lineTo(icon.left() + icon_w * 0.65, icon.top() + icon_h * 0.7)
        hill.lineTo(icon.right() - 1, icon.top() + icon_h * 0.35)
        painter.drawPath(hill)
        painter.setFont(font)
        painter.drawText(QRectF(icon.right() + gap, rect.top(), width, rect.height()),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)


def placeholder_text(remote: bool) -> str:
    """What stands where a picture is missing (short: it replaces a picture, not a paragraph)."""
    return "Picture on the web, not loaded" if remote else "Picture not in the saved page"
