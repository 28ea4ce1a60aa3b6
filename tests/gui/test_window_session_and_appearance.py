"""The window's session (geometry, docks, Open Recent) and appearance, each without a MainWindow."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from reader.ui.settings import ZOOM_RANGE, Settings
from reader.ui.theme import Theme
from reader.ui.window_appearance import Appearance
from reader.ui.window_session import RecentMenu, WindowSession


class View:
    def __init__(self) -> None:
        self.seen: list[tuple[str, int, int]] = []

    def set_appearance(self, theme: Theme, zoom_percent: int = 100, reading_width: int = 720) -> None:
        self.seen.append((theme.name, zoom_percent, reading_width))


def test_appearance_is_kept_and_applied_to_every_view(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    window = QWidget()
    qtbot.addWidget(window)
    views = [View(), View()]
    settings = Settings.at(tmp_path / "s.conf")
    appearance = Appearance(settings, window, lambda: views)
    changes: list[bool] = []
    said: list[str] = []
    appearance.changed.connect(lambda: changes.append(True))
    appearance.announced.connect(said.append)
    appearance.set_theme("dark")
    appearance.zoom_by(20)
    appearance.set_reading_width(900)
    assert all(v.seen[-1] == ("dark", 120, 900) for v in views) and len(changes) == 3
    assert said == ["Zoom 120%"] and window.palette().color(window.backgroundRole()).lightness() < 128
    appearance.zoom_by(10_000)
    assert settings.zoom == ZOOM_RANGE[1] and not appearance.can_zoom(+1) and appearance.can_zoom(-1)
    appearance.zoom_reset()
    assert views[0].seen[-1] == ("dark", 100, 900) and said[-1] == "Zoom 100%"
    assert Settings.at(tmp_path / "s.conf").theme == "dark"


def test_the_session_restores_geometry_docks_and_the_sidebar(qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    settings = Settings.at(tmp_path / "s.conf")
    window = QMainWindow()
    qtbot.addWidget(window)
    dock = QDockWidget("Side", window)
    dock.setObjectName("side")
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.resize(900, 640)
    window.show()
    dock.hide()
    WindowSession(window, dock, settings).save()
    assert settings.geometry() == window.saveGeometry() and settings.window_state() == window.saveState()
    again = QMainWindow()
    qtbot.addWidget(again)
    other_dock = QDockWidget("Side", again)
    other_dock.setObjectName("side")
    WindowSession(again, other_dock, Settings.at(tmp_path / "s.conf")).restore()
    assert again.size().height() == 640 and other_dock.isHidden()
    WindowSession(again, other_dock, Settings.at(tmp_path / "t.conf"), persist=False).save()
    assert not (tmp_path / "t.conf").exists(), "a window that does not persist writes nothing"


def test_recent_titles_keep_their_ampersand_and_a_moved_file_is_dropped(qapp, tmp_path: Path) -> None:  # noqa: ANN001
    settings = Settings.at(tmp_path / "s.conf")
    here = tmp_path / "here.md"
    here.write_text("# x\n", encoding="utf-8")
    settings.add_recent(tmp_path / "moved.md", "Moved & gone")
    settings.add_recent(here, "Salt & Honey")
    opened: list[Path] = []
    told: list[str] = []
    recent = RecentMenu(QMenu(), settings, opened.append, told.append)
    recent.fill()
    texts = [a.text() for a in recent.menu.actions()]
    assert texts[:2] == ["Salt && Honey", "Moved && gone"] and texts[-1] == "Clear Menu"
    recent.menu.actions()[0].trigger()
    assert len(opened) == 1 and opened[0].resolve() == here.resolve()
    recent.open(str((tmp_path / "moved.md").resolve()))
    assert "moved.md" in told[0] and [r.title for r in settings.recent_files()] == ["Salt & Honey"]
