"""Names in Hangul or kana are drawn with a font that has them, never as empty boxes, as long as
any installed font has the glyphs (Qt's per-character fallback through the font families and
fontconfig). Without any such font the check cannot apply, and says so."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontDatabase, QTextLayout

from reader.ui.theme import THEMES
from reader.ui.typography import Typography

SAMPLES = {
    QFontDatabase.WritingSystem.Korean: "소금과 꿀 · 전해원",
    QFontDatabase.WritingSystem.Japanese: "ひらがな カタカナ · 大塚健",
}


def _boxes(font: QFont, text: str) -> int:
    """Characters drawn as the missing-glyph box (glyph 0) once Qt's fallback has had its say."""
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    return sum(1 for run in layout.glyphRuns() for glyph in run.glyphIndexes() if glyph == 0)


@pytest.mark.parametrize("system", list(SAMPLES), ids=["hangul", "kana"])
def test_cjk_names_use_an_installed_font_that_has_them(qapp, system: QFontDatabase.WritingSystem) -> None:  # noqa: ANN001
    if not QFontDatabase.families(system):
        pytest.skip(f"no installed font covers {system.name} (apt-get install fonts-noto-cjk)")
    typo = Typography(THEMES["light"], 150)
    text = SAMPLES[system]
    for font in (typo.body_font, typo.heading_font(1), typo.caption_font, typo.label_font, QFont()):
        assert _boxes(font, text) == 0, font.families()


def test_the_box_count_sees_a_missing_glyph(qapp) -> None:  # noqa: ANN001
    """The check itself can fail: a private-use character no font has is counted as a box."""
    assert _boxes(Typography(THEMES["light"]).body_font, "a\U000f0001b") >= 1
