"""The error strip: painted in the reading theme's colours, never a light pink on a dark page."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor

from reader.ui.message_bar import MessageBar
from reader.ui.theme import THEMES, palette_for


def _strip_colour(qtbot, theme: str) -> tuple[QColor, QColor]:  # noqa: ANN001
    bar = MessageBar()
    qtbot.addWidget(bar)
    bar.setPalette(palette_for(THEMES[theme]))
    bar.resize(600, 40)
    bar.show_message("broken.html looks like a PDF, not a saved web page.")
    image = bar.grab().toImage()
    return image.pixelColor(4, image.height() // 2), bar.palette().color(bar.foregroundRole())


@pytest.mark.parametrize("theme", ["light", "dark", "sepia"])
def test_the_strip_is_a_red_tint_of_the_theme_page_with_readable_text(qtbot, theme: str) -> None:  # noqa: ANN001
    fill, text = _strip_colour(qtbot, theme)
    page = THEMES[theme].qcolor("background")
    assert abs(fill.lightness() - page.lightness()) < 60  # a tint of the page, not a foreign colour
    assert fill.red() > fill.green() + 10 and fill.red() > fill.blue() + 10  # it still says "error"
    assert abs(text.lightness() - fill.lightness()) > 110  # the theme's text stays readable on it


def test_a_dark_theme_gets_a_dark_strip(qtbot) -> None:  # noqa: ANN001
    dark, _ = _strip_colour(qtbot, "dark")
    light, _ = _strip_colour(qtbot, "light")
    assert dark.lightness() < 90 < 200 < light.lightness()
