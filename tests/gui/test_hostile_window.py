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
