"""The window starts with any damaged state file and keeps what can be read.

Each damaged settings file (tests/support/hostile_inputs.py) must give settings whose readable
keys survive, with the file moved aside when it is damage; and the whole window must start
with a damaged settings file and a damaged progress file at once.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from hostile_inputs import progress_damage, settings_damage  # noqa: E402

from reader.state_file import DAMAGED_MARK  # noqa: E402

SETTINGS_DAMAGE = settings_damage()
# Settings files Qt reads as they are (its INI reader skips what it cannot parse): not damage.
READ_AS_THEY_ARE = {"truncated", "wrong values"}
# Random bytes: Qt reports a format error for some and not for others; either way is right.
EITHER = {"binary garbage"}
HOLD_KEYS = {"binary garbage", "truncated", "wrong values", "huge"}


@pytest.mark.parametrize("damage", list(SETTINGS_DAMAGE))
def test_damaged_settings_keep_their_readable_keys(qapp, tmp_path: Path, damage: str) -> None:  # noqa: ANN001
    from reader.ui.settings import Settings

    path = tmp_path / "settings.conf"
    SETTINGS_DAMAGE[damage](path)
    settings = Settings.at(path)
    if damage in HOLD_KEYS:
        assert settings.theme == "dark"
    assert settings.zoom == 100 or damage in READ_AS_THEY_ARE
    aside = [p for p in tmp_path.iterdir() if DAMAGED_MARK in p.name]
    if damage not in EITHER:
        assert len(aside) == (0 if damage in READ_AS_THEY_ARE else 1)
    settings.zoom = 150
    settings.sync()
    assert Settings.at(path).zoom == 150, "the fresh file takes new settings"


def test_the_window_starts_with_damaged_settings_and_progress(qtbot, tmp_path: Path,  # noqa: ANN001
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from reader.library.progress import DATA_DIR_ENV
    from reader.ui.main_window import MainWindow
    from reader.ui.settings import CONFIG_DIR_ENV

    config, data = tmp_path / "config", tmp_path / "data"
    config.mkdir()
    data.mkdir()
    SETTINGS_DAMAGE["FIFO"](config / "settings.ini")
    make, readable = progress_damage(10)["truncated JSON"]
    make(data / "progress.json")
    monkeypatch.setenv(CONFIG_DIR_ENV, str(config))
    monkeypatch.setenv(DATA_DIR_ENV, str(data))
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert [e.show for e in window.progress.entries()] == [e["show"] for e in readable]
    assert any(DAMAGED_MARK in p.name for p in config.iterdir())
    assert any(DAMAGED_MARK in p.name for p in data.iterdir())
    window.close()
