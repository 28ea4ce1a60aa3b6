"""A window handed every hostile input (tests/support/hostile_inputs.py, small size) answers
each with a tab or a message and still closes: nothing blocks its loads or its event loop."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
from hostile_inputs import write_inputs  # noqa: E402

SCALE = 0.01


@pytest.mark.slow
def test_a_window_handed_every_hostile_input_answers_each_and_closes(qtbot, window, tmp_path: Path) -> None:  # noqa: ANN001
    cases = write_inputs(tmp_path / "hostile", SCALE)
    answered: list[str] = []
    window.loader.loaded.connect(lambda _id, result: answered.append(str(result.path)))
    window.loader.failed.connect(lambda _id, path, message: answered.append(str(path)))
    window.confirm_many = lambda count: True
    ids = window.open_paths([case.path for case in cases.values()], any_named_file=True)
    assert len(ids) == len(cases)
    qtbot.waitUntil(lambda: window.loader.pending() == 0, timeout=600_000)
    assert sorted(answered) == sorted(str(case.path) for case in cases.values())
    for case in cases.values():
        if case.kind == "special":
            assert not any(tab_path == case.path for tab_path in _tab_paths(window)), case.name
    assert window.close()


def _tab_paths(window) -> list[Path]:  # noqa: ANN001
    return [Path(window.tabs.widget(i).path) for i in range(window.tabs.count())]


@pytest.mark.parametrize("address", ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
                                     "file:///etc/passwd", "FILE:///etc/passwd", "data:text/html,<b>x</b>",
                                     "vbscript:msgbox", "ftp://example.org/x", "relative/page.html", ""])
def test_a_link_that_is_not_a_web_address_does_nothing(window, address: str) -> None:  # noqa: ANN001
    """Only http(s) and mailto links can reach the browser, and only after the reader confirms
    the full address; anything else is not even offered for confirmation."""
    asked: list[str] = []
    window.confirm_link = lambda shown: asked.append(shown) or True
    assert window.open_link(address) is False
    assert asked == []


def test_a_web_link_opens_only_after_the_full_address_is_confirmed(window, monkeypatch) -> None:  # noqa: ANN001
    from PySide6.QtGui import QDesktopServices

    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()) or True)
    asked: list[str] = []
    address = "https://example.org/recaps/s1e4?ref=feed#part-2"
    window.confirm_link = lambda shown: asked.append(shown) or False
    assert window.open_link(address) is False and opened == []
    window.confirm_link = lambda shown: asked.append(shown) or True
    assert window.open_link(address) is True and opened == [address]
    assert asked == [address, address], "the whole address, query and fragment included, is shown"
