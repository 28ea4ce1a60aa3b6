"""The spoiler shield: a real, strong blur of the hidden words, measured to their exact room."""

from __future__ import annotations

import statistics

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter, QTextCharFormat
from PySide6.QtWidgets import QApplication

from reader.article import Analysis, Article, Block, BlockVerdict, EpisodeInfo, HiddenSpan
from reader.library.reveal_state import RevealState
from reader.ui.document_builder import DocumentBuilder, ImageStore, Prop, ShieldKey
from reader.ui.spoiler_shield import BLUR_EM, LABEL, ShieldCache, ShieldRenderer, blur_image, blur_radius
from reader.ui.theme import THEMES
from reader.ui.typography import Typography

TEXT = ("Anselme burned the logbook himself to protect their father, and Odile finds the ashes in the "
        "lamp room before the ferry captain comes ashore with the tide table he forged.")


@pytest.fixture(autouse=True)
def _app(qapp: QApplication) -> None:  # noqa: PT004 - the renderer needs a QApplication
    return None


def _renderer(zoom: int = 100, theme: str = "light", width: float = 640.0) -> ShieldRenderer:
    blocks = [Block(0, "paragraph", TEXT), Block(1, "list_item", "The captain is their father.", level=2)]
    article = Article("t", blocks, None, "text")
    builder = DocumentBuilder(article, Typography(THEMES[theme], zoom), ImageStore(article), width)
    return ShieldRenderer(builder, [0, 1])


def _alpha_rows(image: QImage) -> list[list[int]]:
    image = image.convertToFormat(QImage.Format.Format_ARGB32)
    return [[image.pixelColor(x, y).alpha() for x in range(image.width())] for y in range(image.height())]


def _sharpest_step(image: QImage, ink: int | None = None) -> float:
    """The largest alpha change between neighbouring pixels, relative to ``ink`` (the image's own
    darkest pixel by default)."""
    rows = _alpha_rows(image)
    peak = ink or max(max(row) for row in rows) or 1
    steps = [abs(a - b) for row in rows for a, b in zip(row, row[1:], strict=False)]
    steps += [abs(a - b) for r1, r2 in zip(rows, rows[1:], strict=False) for a, b in zip(r1, r2, strict=True)]
    return max(steps) / peak


def _ink(image: QImage) -> int:
    return max(max(row) for row in _alpha_rows(image))


def _sharp_twin(renderer: ShieldRenderer, block_id: int) -> QImage:
    """The unblurred picture the blur starts from (same scale and margin)."""
    return renderer._render_block(block_id, BLUR_EM / renderer.block_font_px(block_id), False,
                                  renderer.blur_margin(block_id))


def test_the_blur_leaves_no_edge_a_letter_could_be_read_from() -> None:
    renderer = _renderer()
    blurred = renderer.blurred_block(0)
    sharp = _sharp_twin(renderer, 0)
    assert blurred.size() == sharp.size()
    assert _sharpest_step(sharp) > 0.9  # glyph edges go from paper to ink in one pixel
    assert _sharpest_step(blurred, _ink(sharp)) < 0.15  # only soft gradients survive
    # ... and it is still the shape of the text, not a flat box.
    values = [a for row in _alpha_rows(blurred) for a in row]
    assert statistics.pstdev(values) > 10


@pytest.mark.parametrize("zoom", [50, 100, 200, 300])
def test_the_blur_is_at_least_as_strong_at_every_zoom(zoom: int) -> None:
    renderer = _renderer(zoom=zoom, width=640 * zoom / 100)
    image = renderer.blurred_block(0)
    # The picture is made at a fixed size per em, so bigger type never means a bigger picture.
    small = _renderer(zoom=100).blurred_block(0)
    assert image.height() - 2 * renderer.blur_margin(0) <= small.height() - 2 * _renderer().blur_margin(0) + 2
    assert _sharpest_step(image, _ink(_sharp_twin(renderer, 0))) < 0.15


def _spread_em(renderer: ShieldRenderer, block_id: int) -> float:
    """How far the blur spreads a one-line block's ink up and down, in ems of its own font on
    screen. A blur adds its own variance to the ink's row profile, so the spread is the square
    root of the added variance: measured on the pictures, it is the blur that is drawn."""
    def variance(image: QImage) -> float:
        rows = [sum(row) for row in _alpha_rows(image)]
        total = sum(rows)
        mean = sum(y * w for y, w in enumerate(rows)) / total
        return sum((y - mean) ** 2 * w for y, w in enumerate(rows)) / total

    blurred, sharp = renderer.blurred_block(block_id), _sharp_twin(renderer, block_id)
    assert renderer.geometry(block_id).count == 1
    added = max(0.0, variance(blurred) - variance(sharp)) ** 0.5
    screen_per_image_px = renderer.block_font_px(block_id) / BLUR_EM
    return added * screen_per_image_px / renderer.block_font_px(block_id)


def test_the_blur_grows_faster_than_the_type_with_pixel_size_and_zoom() -> None:
    """Big letters show word shapes through a blur that hides small ones: a heading, and any
    text at 200 % or 300 %, get more blur relative to their size, not just the same share."""
    def renderer(zoom: int) -> ShieldRenderer:
        blocks = [Block(0, "paragraph", TEXT[:26]), Block(1, "heading", TEXT[:26], level=1)]
        article = Article("t", blocks, None, "text")
        builder = DocumentBuilder(article, Typography(THEMES["light"], zoom), ImageStore(article), 640 * zoom / 100)
        return ShieldRenderer(builder, [0, 1])

    at = {zoom: renderer(zoom) for zoom in (100, 200, 300)}
    body = [_spread_em(at[zoom], 0) for zoom in (100, 200, 300)]
    assert body[0] > 0.2
    assert body[0] * 1.2 < body[1] and body[1] * 1.1 < body[2]
    heading = _spread_em(at[100], 1)
    assert heading > body[0] * 1.15
    # The same rule, stated on the radius itself: in pixels and in ems, growing with both.
    px = [Typography(THEMES["light"], z).em for z in (100, 200, 300)]
    radii = [blur_radius(p) for p in px]
    assert radii[0] < radii[1] < radii[2] and radii[0] / px[0] < radii[1] / px[1] < radii[2] / px[2]
    assert blur_radius(Typography(THEMES["light"]).heading_font(1).pixelSize()) > radii[0]


def test_a_hidden_dek_under_the_headline_is_blurred_like_any_block() -> None:
    """The standfirst is the first block, right under the headline: when it is hidden the view
    has no word of it, only shield strips, and the shield paints a real blur of its words."""
    from reader.ui.article_view import ArticleView

    dek = "Sōta leaves Tokyo for good, and Mio finally learns the reason he kept from her"
    article = Article("Tokyo Night Pharmacy, episode 8", [Block(0, "paragraph", dek), Block(1, "paragraph", "Fine.")],
                      None, "text")
    analysis = Analysis(EpisodeInfo(), [BlockVerdict(True, "a spoiler in the standfirst"), BlockVerdict()], [], [])
    view = ArticleView()
    view.resize(900, 600)
    view.set_article(article, RevealState(analysis))
    view.show()
    doc = view.text_browser().document()
    assert "Tokyo" not in doc.toPlainText() and "Fine." in doc.toPlainText()
    assert doc.findBlockByNumber(0).text().strip("\ufffc") == ""
    renderer = view._renderer
    assert renderer is not None
    blurred = renderer.blurred_block(0)
    assert _ink(blurred) > 40 and _sharpest_step(blurred, _ink(_sharp_twin(renderer, 0))) < 0.15
    view.close()


def test_the_pill_says_spoiler_with_an_en_dash() -> None:
    assert LABEL == "Spoiler \u2013 click to reveal"


def test_geometry_matches_the_real_lines() -> None:
    renderer = _renderer()
    geo = renderer.geometry(0)
    real = renderer._shadow.findBlockByNumber(0)
    assert geo.count == real.layout().lineCount() >= 2
    assert geo.pitch == pytest.approx(real.blockFormat().lineHeight())
    assert geo.height == pytest.approx(geo.pitch * geo.count)
    assert geo.width == pytest.approx(640, abs=1)
    assert geo.ascent(0) < geo.ascent(1) == geo.pitch  # strips hang from fixed-pitch baselines
    nested = renderer.geometry(1)
    assert nested.width < geo.width  # a nested list item is indented


def test_blurred_images_are_cached_per_block_and_appearance() -> None:
    cache = ShieldCache()
    article = Article("t", [Block(0, "paragraph", TEXT)], None, "text")
    light = ShieldRenderer(DocumentBuilder(article, Typography(THEMES["light"]), ImageStore(article), 600), [0], cache)
    first = light.blurred_block(0)
    assert light.blurred_block(0).cacheKey() == first.cacheKey()
    dark = ShieldRenderer(DocumentBuilder(article, Typography(THEMES["dark"]), ImageStore(article), 600), [0], cache)
    assert dark.blurred_block(0).cacheKey() != first.cacheKey()
    assert light.blurred_block(0, dpr=2.0).cacheKey() != first.cacheKey()


def test_cache_keeps_to_its_budget() -> None:
    cache = ShieldCache(budget=3 * 100 * 100 * 4)
    for i in range(10):
        cache.get(("k", i), lambda: QImage(100, 100, QImage.Format.Format_ARGB32_Premultiplied))
    assert len(cache._items) == 3


def test_blur_image_keeps_size_and_softens() -> None:
    image = QImage(60, 20, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.fillRect(20, 5, 20, 10, QColor("black"))
    painter.end()
    out = blur_image(image, 6)
    assert out.size() == image.size()
    assert _sharpest_step(out) < _sharpest_step(image)


def test_span_pictures_use_the_text_format() -> None:
    renderer = _renderer()
    fmt = QTextCharFormat()
    fmt.setFont(renderer.typo.body_font)
    fmt.setForeground(QColor("black"))
    fmt.setProperty(Prop.WIDTH, 80.0)
    fmt.setProperty(Prop.HEIGHT, 20.0)
    key = ShieldKey(0, 0)
    blurred = renderer.blurred_span(key, 0, 7, fmt)
    sharp = renderer.sharp_span(key, 0, 7, fmt, 2.0)
    assert sharp.devicePixelRatio() == 2.0 and sharp.width() == 160
    assert blurred.width() < sharp.width()
    assert _sharpest_step(blurred, _ink(sharp)) < 0.2


def test_shield_keys_round_trip() -> None:
    for key in (ShieldKey(3), ShieldKey(12, 0), ShieldKey(0, 4)):
        assert ShieldKey.from_href(key.href) == key
    for bad in ("spoiler:block:x", "https://example.org", "spoiler:span:1", ""):
        assert ShieldKey.from_href(bad) is None


def test_a_whole_state_renders_through_the_view_pipeline() -> None:
    """The renderer only ever sees blocks that may be hidden; revealed ones never need it."""
    article = Article("t", [Block(0, "paragraph", "Clean."), Block(1, "paragraph", TEXT)], None, "text")
    analysis = Analysis(EpisodeInfo(), [BlockVerdict(), BlockVerdict(True, "after a spoiler warning",
                                                                      [HiddenSpan(0, 3, "x")])], [], [])
    state = RevealState(analysis)
    builder = DocumentBuilder(article, Typography(THEMES["sepia"]), ImageStore(article), 500)
    renderer = ShieldRenderer(builder, [1])
    assert renderer.geometry(1).count >= 1
    assert state.block_hidden(1)


@pytest.mark.parametrize("remote", [True, False])
def test_a_missing_picture_is_one_quiet_line_not_a_box(remote: bool) -> None:
    from reader.article import ImageRef
    from reader.ui.spoiler_shield import ObjectPainter, placeholder_text

    src = "https://cdn.example.org/photo.jpg" if remote else "photo_files/gone.jpg"
    article = Article("t", [Block(0, "image", "", image=ImageRef(src))], None, "html")
    typo = Typography(THEMES["dark"])
    builder = DocumentBuilder(article, typo, ImageStore(article), 640)
    fmt = builder._image_format(article.blocks[0])
    width, height = fmt.doubleProperty(Prop.WIDTH), fmt.doubleProperty(Prop.HEIGHT)
    assert height <= 2 * typo.em  # a line, not a picture-sized frame
    image = QImage(int(width), int(height), QImage.Format.Format_ARGB32)
    page = typo.color("background")
    image.fill(page)
    painter = QPainter(image)
    ObjectPainter(ShieldRenderer(builder, []))._placeholder(painter, QRectF(0, 0, width, height), remote)
    painter.end()
    corners = [image.pixelColor(x, y) for x, y in ((2, 2), (int(width) - 3, 2), (2, int(height) - 3))]
    assert all(c == page for c in corners)  # no fill, no border: nothing boxed in
    drawn = sum(image.pixelColor(x, int(height / 2)) != page for x in range(int(width)))
    assert drawn > 10  # ... but the words are there, in the theme's muted colour
    assert placeholder_text(remote) != placeholder_text(not remote)
