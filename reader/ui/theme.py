"""Reading themes: light, dark and sepia, and which one the system prefers.

Colours live here once; the article view, the spoiler shield (which paints blurred text in the
theme's colours) and the window's palette all read them from the same ``Theme``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette

THEME_NAMES = ("system", "light", "dark", "sepia")
ALERT = "#e01b24"  # the hue of an error, tinted into whatever page colour the theme has


@dataclass(frozen=True)
class Theme:
    name: str
    background: str  # page
    text: str
    muted: str  # captions, metadata
    link: str
    accent: str  # focus ring, highlights
    highlight: str  # mention highlight background
    shield: str  # tint behind blurred spoilers
    dark: bool

    def qcolor(self, attr: str) -> QColor:
        return QColor(getattr(self, attr))


THEMES: dict[str, Theme] = {
    "light": Theme("light", "#fbfbf8", "#1d1d1f", "#5f6368", "#1a5fb4", "#3584e4", "#fff1a8", "#e9e7e1", False),
    "dark": Theme("dark", "#1e1f22", "#e6e6e3", "#a0a4ab", "#78aeed", "#62a0ea", "#5c4b00", "#2c2e33", True),
    "sepia": Theme("sepia", "#f4ecd8", "#433422", "#7a6a55", "#8a4b16", "#b5651d", "#f2d88b", "#e8dcc0", False),
}


def system_prefers_dark() -> bool:
    """Whether the desktop asks for a dark appearance (Qt 6.5+ colour scheme, else the palette)."""
    app = QGuiApplication.instance()
    if app is None:
        return False
    hints = QGuiApplication.styleHints()
    scheme = getattr(hints, "colorScheme", None)
    if scheme is not None:
        value = scheme()
        if value == Qt.ColorScheme.Dark:
            return True
        if value == Qt.ColorScheme.Light:
            return False
    window = QGuiApplication.palette().color(QPalette.ColorRole.Window)
    return window.lightness() < 128


def resolve_theme(name: str) -> Theme:
    """The theme for a setting value; "system" (or anything unknown) follows the desktop."""
    if name in THEMES:
        return THEMES[name]
    return THEMES["dark"] if system_prefers_dark() else THEMES["light"]


def mix(base: QColor, tint: QColor, share: float) -> QColor:
    """``share`` of ``tint`` over ``base`` (opaque)."""
    return QColor.fromRgbF(*(b + (t - b) * share for b, t in zip(
        (base.redF(), base.greenF(), base.blueF()), (tint.redF(), tint.greenF(), tint.blueF()), strict=True)))


def alert_colors(palette: QPalette) -> tuple[QColor, QColor]:
    """Fill and border of an error strip in the window's theme: its page colour tinted red
    (more on a dark page, where a light tint would not show); the text keeps the theme's own."""
    base = palette.color(QPalette.ColorRole.Base)
    dark = base.lightness() < 128
    alert = QColor(ALERT)
    return mix(base, alert, 0.24 if dark else 0.11), mix(base, alert, 0.55 if dark else 0.4)


def palette_for(theme: Theme) -> QPalette:
    """A window palette matching the reading theme, so chrome and page agree."""
    palette = QPalette()
    bg, fg = theme.qcolor("background"), theme.qcolor("text")
    base = bg.darker(104) if not theme.dark else bg.lighter(112)
    for role, color in (
        (QPalette.ColorRole.Window, base),
        (QPalette.ColorRole.WindowText, fg),
        (QPalette.ColorRole.Base, bg),
        (QPalette.ColorRole.AlternateBase, base),
        (QPalette.ColorRole.Text, fg),
        (QPalette.ColorRole.Button, base),
        (QPalette.ColorRole.ButtonText, fg),
        (QPalette.ColorRole.ToolTipBase, bg),
        (QPalette.ColorRole.ToolTipText, fg),
        (QPalette.ColorRole.PlaceholderText, theme.qcolor("muted")),
        (QPalette.ColorRole.Link, theme.qcolor("link")),
        (QPalette.ColorRole.Highlight, theme.qcolor("accent")),
        (QPalette.ColorRole.HighlightedText, QColor("#ffffff")),
    ):
        palette.setColor(role, color)
    return palette
