"""Stop a piece of pure-Python work that runs past its deadline.

Loading and analysing a pathological page (a megabyte of Markdown emphasis on one line, a
million tiny elements) can take minutes inside code that has no reason to check a clock. The
pipeline must still end within seconds (issue 14), in the command line's main thread and in
the window's worker threads alike. ``run_with_deadline`` arms a timer; if the work is still
running when it fires, ``DeadlineExceeded`` is raised *in the working thread* (CPython's
``PyThreadState_SetAsyncExc``) at its next Python instruction, and the work unwinds like any
other exception.

An exception raised where Python ignores exceptions (a ``__del__``, a garbage-collector
callback) is lost, so it is raised again, up to five times a second apart, until the work ends.

Limits, stated plainly: a single long call into C (a parser, a regular expression) is
interrupted only when it returns to Python. The pipeline's bounded input (``reader.loaders``
caps the bytes) keeps such calls to seconds.
"""

from __future__ import annotations

import ctypes
import logging
import threading
from collections.abc import Callable
from typing import TypeVar

__all__ = ["DeadlineExceeded", "run_with_deadline"]

_log = logging.getLogger(__name__)
T = TypeVar("T")
_ATTEMPTS = 5
_RETRY_SECONDS = 1.0


class DeadlineExceeded(Exception):
    """The work ran past its deadline and was stopped."""


def _raise_in(thread_id: int, exception: type[BaseException] | None) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread_id),
                                               ctypes.py_object(exception) if exception else None)


def run_with_deadline(work: Callable[[], T], seconds: float) -> T:
    """Return ``work()``, or raise ``DeadlineExceeded`` once it has run ``seconds``."""
    thread_id = threading.get_ident()
    lock = threading.Lock()
    state = {"done": False}

    def expire() -> None:
        # An exception that lands where Python ignores exceptions (a __del__ method, a garbage
        # collector callback) is lost; the work then goes on. So it is raised again, a few
        # times, a while apart: long enough for a delivered one to have unwound the work.
        for _ in range(_ATTEMPTS):
            with lock:
                if state["done"]:
                    return
                _log.info("work ran past its %.1f s deadline; stopping it", seconds)
                _raise_in(thread_id, DeadlineExceeded)
            if stop.wait(_RETRY_SECONDS):
                return

    stop = threading.Event()
    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    try:
        return work()
    finally:
        # Once "done" is set under the lock the timer can no longer fire into this thread; an
        # exception it fired just before surfaces here, still inside this call.
        with lock:
            state["done"] = True
        stop.set()
        timer.cancel()
