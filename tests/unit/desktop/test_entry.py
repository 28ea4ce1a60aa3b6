"""The per-user desktop entry: only the program in Exec and TryExec changes."""

from __future__ import annotations

import pytest

from reader.appinfo import APP_ID
from reader.bundled import packaging_path
from reader.desktop.entry import entry_for_command


def test_exec_and_tryexec_name_the_program_by_absolute_path_and_nothing_else_changes() -> None:
    template = packaging_path("linux", f"{APP_ID}.desktop").read_text("utf-8")
    installed = entry_for_command(template, ["/home/me/.venv/bin/recap-reader"])
    changed = [(a, b) for a, b in zip(template.splitlines(), installed.splitlines()) if a != b]
    assert changed == [("Exec=recap-reader %F", "Exec=/home/me/.venv/bin/recap-reader %F"),
                       ("TryExec=recap-reader", "TryExec=/home/me/.venv/bin/recap-reader")]
    assert len(installed.splitlines()) == len(template.splitlines())


def test_the_module_fallback_keeps_the_field_codes_after_its_arguments() -> None:
    template = "[Desktop Entry]\nExec = recap-reader --x %F\nTryExec=recap-reader\n"
    installed = entry_for_command(template, ["/opt/my python/bin/python", "-m", "reader"])
    assert installed.splitlines()[1:] == ['Exec="/opt/my python/bin/python" -m reader --x %F',
                                          "TryExec=/opt/my python/bin/python"]


@pytest.mark.parametrize("template", ["[Desktop Entry]\nExec=other-app %F\n", "[Desktop Entry]\nName=X\n"])
def test_an_unexpected_template_is_refused(template: str) -> None:
    with pytest.raises(ValueError):
        entry_for_command(template, ["/usr/bin/recap-reader"])
