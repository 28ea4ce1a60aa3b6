"""A bug in one of the app's Qt event overrides must cost one event, not the reader's window.

Qt calls ``paintEvent``, ``scrollContentsBy``, ``mouseReleaseEvent`` and the other virtual
overrides from C++. With PySide6 6.11 an exception escaping such an override is not merely
printed: the binding crashes while reporting it (``storePythonOverrideErrorOrPrint``), and the
process dies with a segmentation fault, taking every open tab with it. Every override in
``reader/ui`` therefore goes through ``qt_override``, which logs the exception with its
traceback and returns a harmless value instead (a test checks that none is left unguarded).
Plain slots need no guard: PySide prints their exceptions and carries on; ``install_excepthook``
sends those to the log too.
"""

from __future__ import annotations

import functools
import logging
import sys
from collections.abc import Callable
from types import TracebackType
from typing import Any, TypeVar, overload

__all__ = ["GUARDED_MARK", "LOGGER_NAME", "install_excepthook", "is_guarded", "qt_override"]

LOGGER_NAME = "reader.ui.errors"
GUARDED_MARK = "__qt_override_guarded__"

_log = logging.getLogger(LOGGER_NAME)
F = TypeVar("F", bound=Callable[..., Any])


@overload
def qt_override(function: F) -> F: ...
@overload
def qt_override(*, fallback: Callable[[], Any] | None = None) -> Callable[[F], F]: ...


def qt_override(function: F | None = None, *, fallback: Callable[[], Any] | None = None) -> Any:
    """Guard a Qt virtual override: log any exception and return ``fallback()`` (or None).

    ``fallback`` makes the value Qt expects back when the override failed, e.g. ``QImage`` for
    ``loadResource`` or ``lambda: False`` for an ``event`` handler; it is called only on error."""

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            try:
                return func(*args, **kwargs)
            except Exception:  # noqa: BLE001 - an escaped exception would kill the process
                _log.exception("Error in %s; the event was dropped", func.__qualname__)
                return fallback() if fallback is not None else None

        setattr(guarded, GUARDED_MARK, True)
        return guarded  # type: ignore[return-value]

    return decorate(function) if function is not None else decorate


def is_guarded(method: object) -> bool:
    """True when ``method`` went through ``qt_override``."""
    return bool(getattr(method, GUARDED_MARK, False))


def install_excepthook() -> None:
    """Exceptions from slots and timers reach ``sys.excepthook``: log them instead of only
    printing them to a terminal nobody sees."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], value: BaseException, trace: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            previous(kind, value, trace)
            return
        _log.error("Uncaught exception", exc_info=(kind, value, trace))

    sys.excepthook = hook
