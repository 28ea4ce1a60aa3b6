"""Every Qt virtual override in reader/ui is guarded, and the guard logs and carries on.

An exception escaping an override kills the process with PySide6 6.11 (see reader/ui/guard.py);
this test walks every class of ``reader.ui`` so that a new override cannot be added unguarded.
"""

from __future__ import annotations

import importlib
import inspect
import logging
import pkgutil

import pytest

import reader.ui
from reader.ui.guard import LOGGER_NAME, is_guarded, qt_override


def _qt_overrides() -> list[str]:
    """Methods of our Qt subclasses that replace a method of a Qt base class."""
    found = []
    for info in pkgutil.iter_modules(reader.ui.__path__):
        module = importlib.import_module(f"reader.ui.{info.name}")
        for cls in vars(module).values():
            if not inspect.isclass(cls) or cls.__module__ != module.__name__:
                continue
            qt_bases = [b for b in cls.__mro__ if b.__module__.startswith(("PySide6", "shiboken6"))]
            for name, member in vars(cls).items():
                if name.startswith("__") or not callable(member):
                    continue
                if any(hasattr(base, name) for base in qt_bases):
                    found.append((f"{module.__name__}.{cls.__name__}.{name}", member))
    return found


def test_the_walk_finds_the_overrides_it_must_check() -> None:
    names = {name for name, _ in _qt_overrides()}
    assert "reader.ui.article_browser.ArticleBrowser.scrollContentsBy" in names
    assert "reader.ui.main_window.MainWindow.closeEvent" in names


def test_every_qt_override_is_guarded() -> None:
    unguarded = [name for name, member in _qt_overrides() if not is_guarded(member)]
    assert unguarded == [], "wrap these in @qt_override (reader/ui/guard.py)"


@pytest.mark.expect_logged_errors
def test_the_guard_logs_the_error_and_returns_the_fallback(caplog: pytest.LogCaptureFixture) -> None:
    @qt_override(fallback=lambda: False)
    def event_filter(_event: object) -> bool:
        raise ValueError("broken handler")

    with caplog.at_level(logging.ERROR, logger=LOGGER_NAME):
        assert event_filter(object()) is False
    assert "broken handler" in caplog.text
    assert "event_filter" in caplog.text


def test_the_guard_passes_results_through() -> None:
    @qt_override
    def size_hint(width: int) -> int:
        return width * 2

    assert size_hint(21) == 42
